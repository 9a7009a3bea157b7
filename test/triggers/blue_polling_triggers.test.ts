// New Record (Polling) and Updated Record (Polling): one request per poll, newest first, ids that
// make Zapier's deduplication right, filters sent to Blue, the instant triggers' output shape.
import { describe, expect, it } from '@jest/globals';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { FIND_TODOS, UPDATED_TODOS } from '../../blue/record-search.js';
import {
  AUTH,
  TODO,
  TODO_ENTITY,
  WEBHOOK_SECRET,
  delivery,
  replyOnce,
  useNock,
  type CapturedCall,
} from '../blue/fixtures.js';

const appTester = zapier.createAppTester(App);
useNock();
type Op = { type: string; perform: never; display?: unknown };
const trigger = (key: string) =>
  (App.triggers as unknown as Record<string, { display: { description: string }; operation: Op }>)[key]!;
const PROJECT = AUTH.blueProjectId;

async function poll(key: string, items: unknown[], inputData: Record<string, unknown> = {}, response?: unknown) {
  const calls: CapturedCall[] = [];
  replyOnce(
    calls,
    200,
    response ??
      (key === 'new_todo_polling' ? { data: { todoQueries: { todos: { items } } } } : { data: { todos: { items } } }),
  );
  const out = await appTester<Record<string, unknown>[], Bundle>(trigger(key).operation.perform, {
    authData: AUTH,
    inputData,
    meta: {},
  } as never);
  return { out, calls };
}

const edited = { ...TODO, title: 'Order #1042 (paid)', updatedAt: '2026-01-11T12:00:00.000Z' };
const untouched = {
  ...TODO,
  id: 'todo-2',
  createdAt: '2026-01-12T08:00:00.000Z',
  updatedAt: '2026-01-12T08:00:00.000Z',
};

describe('New Record (Polling)', () => {
  it.each(['new_todo_polling', 'updated_todo_polling'])(
    '%s is a polling trigger whose help says when to pick it',
    (key) => {
      expect(trigger(key).operation.type).toBe('polling');
      expect(trigger(key).display.description).toMatch(
        /only a Blue project administrator can create its webhook, Blue disables the webhook after 5 failed deliveries and stops it when its creator leaves the workspace/,
      );
    },
  );

  it('one todoQueries.todos request, newest created first, filters sent to Blue', async () => {
    const { calls, out } = await poll('new_todo_polling', [untouched, TODO], {
      todoListId: 'list-1',
      assigneeId: 'user-1',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toBe(FIND_TODOS);
    expect(calls[0]!.query).toMatch(/sort: \[createdAt_DESC\]/);
    expect(calls[0]!.variables).toEqual({
      filter: {
        companyIds: [AUTH.blueCompanyId],
        projectIds: [PROJECT],
        todoListIds: ['list-1'],
        assigneeIds: ['user-1'],
        showCompleted: true,
      },
      limit: 50,
    });
    expect(out.map((o) => o.id)).toEqual(['todo-2', 'todo-1']);
  });

  it('id is the record: an edit does not make it new again, a re-poll repeats it', async () => {
    const first = (await poll('new_todo_polling', [TODO])).out[0]!;
    const again = (await poll('new_todo_polling', [TODO])).out[0]!;
    const afterEdit = (await poll('new_todo_polling', [edited])).out[0]!;
    expect([first.id, again.id, afterEdit.id]).toEqual(['todo-1', 'todo-1', 'todo-1']);
  });

  it("has the instant New Record output's keys", async () => {
    const { out } = await poll('new_todo_polling', [TODO]);
    const instant = await appTester<Record<string, unknown>[], Bundle>(
      trigger('new_todo').operation.perform,
      delivery(
        { event: 'TODO_CREATED', previousValue: null, currentValue: TODO_ENTITY },
        { subscribeData: { id: 'wh', secret: WEBHOOK_SECRET, events: ['TODO_CREATED'] } },
      ) as never,
    );
    expect(Object.keys(out[0]!).sort()).toEqual(Object.keys(instant[0]!).sort());
    expect(out[0]).toMatchObject({
      recordId: 'todo-1',
      event: 'TODO_CREATED',
      previousValue: null,
      title: 'Order #1042',
      todoList: { id: 'list-1', title: 'Orders' },
    });
  });

  it('an empty project: an empty poll', async () => {
    expect((await poll('new_todo_polling', [])).out).toEqual([]);
  });
});

describe('Updated Record (Polling)', () => {
  it('one root todos request sorted by updatedAt (todoQueries cannot sort by it), filters sent to Blue', async () => {
    const { calls } = await poll('updated_todo_polling', [edited], { tagId: 'tag-1' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toBe(UPDATED_TODOS);
    expect(calls[0]!.query).toMatch(/orderBy: updatedAt_DESC/);
    expect(calls[0]!.variables).toEqual({
      filter: { companyIds: [AUTH.blueCompanyId], projectIds: [PROJECT], tagIds: ['tag-1'], showCompleted: true },
      first: 50,
    });
  });

  it('id is the record at its updatedAt: a re-poll repeats it, an edit makes a new one', async () => {
    const first = (await poll('updated_todo_polling', [TODO])).out[0]!;
    const again = (await poll('updated_todo_polling', [TODO])).out[0]!;
    const afterEdit = (await poll('updated_todo_polling', [edited])).out[0]!;
    expect(first.id).toBe(again.id);
    expect(afterEdit.id).not.toBe(first.id);
    expect(first).toMatchObject({
      id: 'todo-1:2026-01-10T09:00:00.000Z',
      recordId: 'todo-1',
      event: 'TODO_UPDATED',
      previousValue: null,
    });
  });

  it("leaves out records never edited since they were created (those are New Record's)", async () => {
    // Blue's documented new record: createdAt to the second, updatedAt 241 ms later.
    const justCreated = {
      ...TODO,
      id: 'todo-3',
      createdAt: '2022-12-01T11:23:09.000Z',
      updatedAt: '2022-12-01T11:23:09.241Z',
    };
    expect((await poll('updated_todo_polling', [untouched, justCreated, edited])).out.map((o) => o.recordId)).toEqual([
      'todo-1',
    ]);
  });

  it('an empty poll when nothing changed', async () => {
    expect((await poll('updated_todo_polling', [])).out).toEqual([]);
  });
});

describe('output fields given on request (lean definition)', () => {
  const lookup = (sample: unknown, key: string): unknown =>
    key
      .split(/__|\[\]/)
      .filter(Boolean)
      .reduce<unknown>((cur, name) => {
        const item = Array.isArray(cur) ? cur[0] : cur;
        return item && typeof item === 'object' ? (item as Record<string, unknown>)[name] : undefined;
      }, sample);

  it.each<['triggers' | 'searches', string]>([
    ['triggers', 'new_todo_polling'],
    ['triggers', 'updated_todo_polling'],
    ['triggers', 'todo_moved'],
    ['searches', 'find_todo'],
  ])('%s.%s: one function, resolving to fields its sample holds (D024)', async (kind, key) => {
    const op = (
      App[kind] as unknown as Record<
        string,
        { operation: { outputFields: unknown[]; sample: Record<string, unknown> } }
      >
    )[key]!.operation;
    expect(op.outputFields).toHaveLength(1);
    const fields = await appTester<{ key: string; label: string }[], Bundle>(
      op.outputFields[0] as never,
      { authData: AUTH, inputData: {} } as never,
    );
    expect(fields.length).toBeGreaterThan(20);
    const missing = fields.filter((f) => lookup(op.sample, f.key) === undefined).map((f) => f.key);
    expect(missing).toEqual([]);
    expect(fields.map((f) => f.key)).toEqual(
      expect.arrayContaining(['title', 'todoList__id', 'assignees[]id', 'tags[]id', 'customFields[]value']),
    );
  });
});
