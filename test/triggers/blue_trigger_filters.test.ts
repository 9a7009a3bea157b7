// List / tag / assignee filters of the Blue REST-hook triggers and Record Moved: judged on the
// delivery (no request when it carries the data), on the record fetched for it when it does not,
// by the record commented on for New Comment; performList asks Blue for matching records only.
import { describe, expect, it } from '@jest/globals';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import {
  COMMENT_AUTHOR_AND_FILTER_RECORD,
  COMMENT_AUTHOR_AND_RECORD,
  COMMENT_FILTER_RECORD,
  RECENT_COMMENTS,
} from '../../blue/comment.js';
import { FIND_TODOS } from '../../blue/record-search.js';
import { GET_TODO, RECENT_TODOS } from '../../blue/record.js';
import { caught } from '../support/errors.js';
import {
  AUTH,
  MINIMAL_RECORD,
  TODO,
  TODO_ENTITY,
  WEBHOOK_SECRET,
  delivery,
  replyOnce,
  useNock,
  type CapturedCall,
} from '../blue/fixtures.js';
import { fixedInputFields } from '../support/fields.js';

const appTester = zapier.createAppTester(App);
useNock();
type Op = {
  perform: never;
  performList: never;
  performSubscribe: never;
  inputFields: unknown[];
};
const op = (key: string) => (App.triggers as unknown as Record<string, { operation: Op }>)[key]!.operation;
const inputs = (key: string) => fixedInputFields<{ key: string; label: string; dynamic?: string }>(op(key).inputFields);
const PROJECT = 'cprojdefault0000000000001';
const sub = (events: string[]) => ({ id: 'wh', secret: WEBHOOK_SECRET, projectId: PROJECT, events });

async function deliver(
  key: string,
  payload: Record<string, unknown>,
  inputData: Record<string, unknown>,
  events: string[],
) {
  return await appTester<Record<string, unknown>[], Bundle>(
    op(key).perform,
    delivery(payload, { inputData, subscribeData: sub(events) }) as never,
  );
}

describe('filter inputs', () => {
  it.each([
    'new_todo',
    'updated_todo',
    'todo_completed',
    'custom_field_changed',
    'new_comment',
    'new_todo_polling',
    'updated_todo_polling',
  ])('%s offers List, Tag and Assignee dropdowns', (key) => {
    const fields = inputs(key);
    expect(
      fields.filter((f) => ['todoListId', 'tagId', 'assigneeId'].includes(f.key)).map((f) => [f.key, f.dynamic]),
    ).toEqual([
      ['todoListId', 'blue_todo_list_list.id.title'],
      ['tagId', 'blue_tag_list.id.title'],
      ['assigneeId', 'blue_user_list.id.label'],
    ]);
  });

  it('the record triggers offer the same fields', () => {
    expect(inputs('new_todo')).toEqual(inputs('updated_todo'));
    expect(inputs('new_todo')).toEqual(inputs('new_todo_polling'));
    expect(inputs('new_comment')).toEqual(inputs('todo_completed'));
  });

  it('Record Moved names its list "To List"', () => {
    expect(inputs('todo_moved').find((f) => f.key === 'todoListId')?.label).toBe('To List');
  });
});

describe('record triggers: filters on deliveries that carry the data (no request)', () => {
  const created = { event: 'TODO_CREATED', previousValue: null, currentValue: TODO_ENTITY };
  it.each([
    [{ todoListId: 'list-1' }, 1],
    [{ todoListId: 'list-2' }, 0],
    [{ tagId: 'tag-1' }, 1],
    [{ tagId: 'tag-2' }, 0],
    [{ assigneeId: 'user-1' }, 1],
    [{ assigneeId: 'user-2' }, 0],
    [{ todoListId: 'list-1', tagId: 'tag-1', assigneeId: 'user-2' }, 0],
  ])('new_todo with %j starts %d Zap(s)', async (inputData, runs) => {
    // No interceptor: any request would fail the run.
    const out = await deliver('new_todo', created, inputData, ['TODO_CREATED']);
    expect(out).toHaveLength(runs);
    if (runs) expect(out[0]).toMatchObject({ recordId: 'todo-1', todoList: { id: 'list-1' }, tags: [{ id: 'tag-1' }] });
  });

  it("Blue's documented delivery (empty join rows): a tag or assignee filter rules it out at once", async () => {
    const { DOCUMENTED_TODO_CREATED } = await import('../blue/fixtures.js');
    expect(await deliver('new_todo', DOCUMENTED_TODO_CREATED, { tagId: 'tag-1' }, ['TODO_CREATED'])).toEqual([]);
    expect(await deliver('new_todo', DOCUMENTED_TODO_CREATED, { assigneeId: 'user-1' }, ['TODO_CREATED'])).toEqual([]);
  });
});

describe('record triggers: deliveries lacking the data are judged on the fetched record', () => {
  const fetched = (overrides: Record<string, unknown>) => ({ data: { todo: { ...TODO, ...overrides } } });

  it.each([
    ['updated_todo', 'TODO_NAME_CHANGED', { tagId: 'tag-1' }, {}, 1],
    ['updated_todo', 'TODO_NAME_CHANGED', { tagId: 'tag-1' }, { tags: [] }, 0],
    ['todo_completed', 'TODO_DONE_STATUS_UPDATED', { assigneeId: 'user-1' }, { done: true }, 1],
    ['todo_completed', 'TODO_DONE_STATUS_UPDATED', { assigneeId: 'user-9' }, { done: true }, 0],
    ['custom_field_changed', 'TODO_CUSTOM_FIELD_UPDATED', { todoListId: 'list-1' }, {}, 1],
    ['custom_field_changed', 'TODO_CUSTOM_FIELD_UPDATED', { todoListId: 'list-7' }, {}, 0],
  ])('%s (%s) with %j: one todo(id:) request, %#', async (key, event, inputData, overrides, runs) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, fetched(overrides));
    const current = { ...MINIMAL_RECORD, done: key === 'todo_completed' };
    const out = await deliver(key, { event, previousValue: { ...MINIMAL_RECORD }, currentValue: current }, inputData, [
      event,
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toBe(GET_TODO);
    expect(calls[0]!.variables).toEqual({ id: 'todo-1' });
    expect(out).toHaveLength(runs);
  });

  it('when loading the record fails, the run says the filter could not be checked (one attempt, no guess)', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 503, { error: 'down' });
    const e = await caught(
      appTester(
        op('updated_todo').perform,
        delivery(
          { event: 'TODO_NAME_CHANGED', previousValue: MINIMAL_RECORD, currentValue: MINIMAL_RECORD },
          { inputData: { tagId: 'tag-1' }, subscribeData: sub(['TODO_NAME_CHANGED']) },
        ) as never,
      ),
    );
    expect(calls).toHaveLength(1);
    expect(e).toMatchObject({ code: 'blue_filter_unchecked' });
    expect(e.message).toMatch(
      /^Could not load Blue record todo-1 to check this Zap's List, Tag or Assignee filter \(Blue's API failed \(HTTP 503\)/,
    );
    expect(e.message).not.toMatch(/\{"message"/);
  });

  it('a rate limit while loading the record stays a ThrottledError (Zapier retries later)', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 429, { error: 'RATE_LIMITED', retryAfter: 7 });
    const e = await caught(
      appTester(
        op('updated_todo').perform,
        delivery(
          { event: 'TODO_NAME_CHANGED', previousValue: MINIMAL_RECORD, currentValue: MINIMAL_RECORD },
          { inputData: { tagId: 'tag-1' }, subscribeData: sub(['TODO_NAME_CHANGED']) },
        ) as never,
      ),
    );
    expect(calls).toHaveLength(1);
    expect(e.name).toBe('ThrottledError');
  });

  it('an expired token while loading it ends the run as an auth error', async () => {
    replyOnce([], 401, { error: 'Unauthorized' });
    const e = await caught(
      appTester(
        op('updated_todo').perform,
        delivery(
          { event: 'TODO_NAME_CHANGED', previousValue: MINIMAL_RECORD, currentValue: MINIMAL_RECORD },
          { inputData: { tagId: 'tag-1' }, subscribeData: sub(['TODO_NAME_CHANGED']) },
        ) as never,
      ),
    );
    expect(e.name).toBe('ExpiredAuthError');
  });

  it('a list mismatch the delivery carries drops it before any fetch', async () => {
    const out = await deliver(
      'updated_todo',
      {
        event: 'TODO_NAME_CHANGED',
        previousValue: MINIMAL_RECORD,
        currentValue: { ...MINIMAL_RECORD, todoListId: 'list-1' },
      },
      { todoListId: 'list-2', tagId: 'tag-1' },
      ['TODO_NAME_CHANGED'],
    );
    expect(out).toEqual([]);
  });
});

describe('Record Moved', () => {
  it('subscribes to TODO_MOVED', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { createWebhook: { id: 'wh', secret: WEBHOOK_SECRET } } });
    await appTester(op('todo_moved').performSubscribe, {
      authData: AUTH,
      inputData: {},
      targetUrl: 'https://hooks.zapier.com/h',
    } as never);
    expect((calls[0]!.variables.input as { events: string[] }).events).toEqual(['TODO_MOVED']);
  });

  it('starts the Zap for a move into the chosen list, with the list it came from in previousValue', async () => {
    const moved = {
      event: 'TODO_MOVED',
      previousValue: { ...TODO_ENTITY, todoListId: 'list-0', todoList: { id: 'list-0', title: 'Inbox' } },
      currentValue: TODO_ENTITY,
    };
    const [out] = await deliver('todo_moved', moved, { todoListId: 'list-1' }, ['TODO_MOVED']);
    expect(out).toMatchObject({
      event: 'TODO_MOVED',
      todoList: { id: 'list-1', title: 'Orders' },
      previousValue: { todoList: { id: 'list-0' } },
    });
    expect(await deliver('todo_moved', moved, { todoListId: 'list-0' }, ['TODO_MOVED'])).toEqual([]);
    expect(await deliver('todo_moved', moved, {}, ['TODO_MOVED'])).toHaveLength(1);
  });
});

describe('New Comment: filters apply to the record commented on', () => {
  // Blue delivers its Comment row: the record's id in categoryId (category TODO).
  const comment = {
    id: 'cm-1',
    uid: 'cu-1',
    text: 'Shipped today',
    html: '<p>Shipped today</p>',
    category: 'TODO',
    categoryId: 'todo-1',
    userId: 'user-1',
    createdAt: '2026-01-10T10:00:00.000Z',
    updatedAt: '2026-01-10T10:00:00.000Z',
  };
  const payload = { event: 'COMMENT_CREATED', previousValue: null, currentValue: comment };

  // The record as Blue's todo(id:) returns the fields the filter reads (list, tags, users).
  const filterRecord = {
    id: 'todo-1',
    title: 'Order #1042',
    todoList: { id: TODO.todoList.id },
    tags: TODO.tags.map((t) => ({ id: t.id })),
    users: TODO.users.map((u) => ({ id: u.id })),
  };

  it.each([
    [{ tagId: 'tag-1' }, 1],
    [{ tagId: 'tag-2' }, 0],
    [{ todoListId: 'list-1', assigneeId: 'user-1' }, 1],
    [{ todoListId: 'list-2' }, 0],
  ])('%j: one request loads the names and what the filter reads, starts %d Zap(s)', async (inputData, runs) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, {
      data: { author: { id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' }, record: filterRecord },
    });
    const out = await deliver('new_comment', payload, inputData, ['COMMENT_CREATED']);
    expect(calls.map((c) => [c.query, c.variables])).toEqual([
      [COMMENT_AUTHOR_AND_FILTER_RECORD, { userId: 'user-1', todoId: 'todo-1' }],
    ]);
    expect(calls[0]!.headers['x-bloo-project-id']).toBe(PROJECT);
    expect(out).toHaveLength(runs);
    if (runs)
      expect(out[0]).toMatchObject({
        event: 'COMMENT_CREATED',
        text: 'Shipped today',
        user: { fullName: 'Ada Lovelace' },
        todo: { id: 'todo-1', title: 'Order #1042' },
      });
  });

  const named = {
    ...payload,
    currentValue: {
      ...comment,
      user: { id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' },
      todo: { id: 'todo-1', title: 'Order #1042' },
    },
  };

  it.each([
    [{ tagId: 'tag-1' }, 1],
    [{ assigneeId: 'someone-else' }, 0],
  ])('names delivered, %j: one request for the record only, starts %d Zap(s)', async (inputData, runs) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { record: filterRecord } });
    const out = await deliver('new_comment', named, inputData, ['COMMENT_CREATED']);
    expect(calls.map((c) => [c.query, c.variables])).toEqual([[COMMENT_FILTER_RECORD, { todoId: 'todo-1' }]]);
    expect(out).toHaveLength(runs);
  });

  it('no filter, names lacking: the names only, one request as before', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, {
      data: {
        author: { id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' },
        record: { id: 'todo-1', title: 'Order #1042' },
      },
    });
    expect(await deliver('new_comment', payload, {}, ['COMMENT_CREATED'])).toHaveLength(1);
    expect(calls.map((c) => [c.query, c.variables])).toEqual([
      [COMMENT_AUTHOR_AND_RECORD, { userId: 'user-1', todoId: 'todo-1' }],
    ]);
  });

  it('the record load failing: the Zap is told the filter could not be checked (one request)', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 500, { errors: [{ message: 'Internal error' }] });
    const err = await caught(deliver('new_comment', payload, { tagId: 'tag-1' }, ['COMMENT_CREATED']));
    expect(err.message).toMatch(/Could not load Blue record todo-1 to check this Zap's List, Tag or Assignee filter/);
    expect(calls).toHaveLength(1);
  });

  it('Blue answering without the record: the filter could not be checked either', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { record: null } });
    const err = await caught(deliver('new_comment', named, { tagId: 'tag-1' }, ['COMMENT_CREATED']));
    expect(err.message).toMatch(/Could not load Blue record todo-1/);
    expect(calls).toHaveLength(1);
  });

  it('a rate limit while loading it stays a ThrottledError, so Zapier retries the run later', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 429, { error: 'RATE_LIMITED', retryAfter: 7 });
    const err = await caught(deliver('new_comment', payload, { tagId: 'tag-1' }, ['COMMENT_CREATED']));
    expect(err.name).toBe('ThrottledError');
    expect(calls).toHaveLength(1);
  });

  it('an expired token is thrown as is', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 401, { errors: [{ message: 'Unauthorized' }] });
    const err = await caught(deliver('new_comment', payload, { tagId: 'tag-1' }, ['COMMENT_CREATED']));
    expect(err.name).toBe('ExpiredAuthError');
    expect(calls).toHaveLength(1);
  });

  it('no filter, names delivered: no request', async () => {
    expect(await deliver('new_comment', named, {}, ['COMMENT_CREATED'])).toHaveLength(1);
  });

  it('a comment on something else than a record never matches a record filter (no request)', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { author: { id: 'user-1', fullName: 'Ada Lovelace', email: null } } });
    const other = { ...payload, currentValue: { ...comment, category: 'DISCUSSION', categoryId: 'disc-1' } };
    expect(await deliver('new_comment', other, { tagId: 'tag-1' }, ['COMMENT_CREATED'])).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('performList honours the filters', () => {
  const list = (key: string, inputData: Record<string, unknown>) =>
    appTester<Record<string, unknown>[], Bundle>(op(key).performList, { authData: AUTH, inputData, meta: {} } as never);

  it('no filter: the recent records query as before', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todoQueries: { todos: { items: [TODO] } } } });
    await list('new_todo', {});
    expect(calls[0]!.query).toBe(RECENT_TODOS);
  });

  it.each([
    ['new_todo', { tagId: 'tag-1' }, { tagIds: ['tag-1'] }],
    ['todo_completed', { assigneeId: 'user-1' }, { assigneeIds: ['user-1'], done: true }],
    ['todo_moved', { todoListId: 'list-1' }, { todoListIds: ['list-1'] }],
  ])('%s with %j asks Blue for matching records only', async (key, inputData, filter) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todoQueries: { todos: { items: [{ ...TODO, done: true }] } } } });
    const items = await list(key, inputData);
    expect(calls[0]!.query).toBe(FIND_TODOS);
    expect(calls[0]!.variables).toEqual({
      filter: { companyIds: [AUTH.blueCompanyId], projectIds: [AUTH.blueProjectId], showCompleted: true, ...filter },
      limit: 10,
    });
    expect(items[0]).toMatchObject({ recordId: 'todo-1' });
  });

  it('nothing matching: the typed example', async () => {
    replyOnce([], 200, { data: { todoQueries: { todos: { items: [] } } } });
    const [item] = await list('updated_todo', { todoListId: 'list-none' });
    expect(item).toMatchObject({ recordId: 'clx0example0todo0000000001' });
  });

  it('new_comment: recent comments, then one query for which of their records match', async () => {
    const calls: CapturedCall[] = [];
    const activity = (id: string, todoId: string) => ({
      id: `act-${id}`,
      comment: {
        id,
        uid: id,
        text: `c ${id}`,
        html: null,
        category: 'TODO',
        createdAt: '2026-01-10T10:00:00.000Z',
        updatedAt: '2026-01-10T10:00:00.000Z',
        user: null,
        todo: { id: todoId, title: 't' },
      },
    });
    replyOnce(calls, 200, {
      data: {
        activityList: {
          activities: [activity('cm-1', 'todo-1'), activity('cm-2', 'todo-2'), activity('cm-3', 'todo-1')],
        },
      },
    });
    replyOnce(calls, 200, { data: { todoQueries: { todos: { items: [TODO] } } } });
    const items = await list('new_comment', { tagId: 'tag-1' });
    expect(calls.map((c) => c.query)).toEqual([RECENT_COMMENTS, FIND_TODOS]);
    expect(calls[1]!.variables).toEqual({
      filter: {
        companyIds: [AUTH.blueCompanyId],
        projectIds: [AUTH.blueProjectId],
        todoIds: ['todo-1', 'todo-2'],
        tagIds: ['tag-1'],
        showCompleted: true,
      },
      limit: 2,
    });
    expect(items.map((i) => i.recordId)).toEqual(['cm-1', 'cm-3']);
  });
});

describe("filter dropdowns follow the trigger's project", () => {
  it.each([
    ['blue_todo_list_list', { data: { todoLists: [] } }, { projectId: 'cprojpicked00000000000001' }],
    [
      'blue_tag_list',
      { data: { tagList: { items: [], pageInfo: { hasNextPage: false } } } },
      { filter: { projectIds: ['cprojpicked00000000000001'] } },
    ],
    [
      'blue_user_list',
      { data: { projectUserList: { users: [], pageInfo: { hasNextPage: false } } } },
      { projectId: 'cprojpicked00000000000001' },
    ],
  ])("%s lists the picked project, not the connection's", async (key, body, variables) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, body);
    await appTester(op(key).perform, {
      authData: AUTH,
      inputData: { projectId: 'cprojpicked00000000000001' },
      meta: { page: 0 },
    } as never);
    expect(calls[0]!.variables).toMatchObject(variables);
    expect(calls[0]!.headers['x-bloo-project-id']).toBe('cprojpicked00000000000001');
  });
});
