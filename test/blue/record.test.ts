// One output shape per Blue record, live and in the editor (Zapier check D006): Blue's documented
// deliveries (the detailed TODO_CREATED example and the minimal {id, title, done}) through every
// record trigger give the keys and value types performList gives; join rows in every plausible
// form are read; a delivery lacking names is completed with at most one todo(id:) request.
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { GET_TODO, missingDetails, recordOutput } from '../../blue/record.js';
import { caught } from '../support/errors.js';
import {
  AUTH,
  BLUE_URL,
  DOCUMENTED_TODO_CREATED,
  MINIMAL_RECORD,
  TODO,
  TODO_ENTITY,
  WEBHOOK_SECRET,
  delivery,
  replyOnce,
  type CapturedCall,
  useNock,
} from './fixtures.js';

const appTester = zapier.createAppTester(App);
useNock();

type Op = { perform: never; performList: never; sample: Record<string, unknown> };
const op = (key: string) => (App.triggers as unknown as Record<string, { operation: Op }>)[key]!.operation;

/** Record triggers with an event each would receive, and the inputs New Blue Event needs. */
const RECORD_TRIGGERS: [key: string, event: string, inputData: Record<string, unknown>][] = [
  ['new_todo', 'TODO_CREATED', {}],
  ['updated_todo', 'TODO_NAME_CHANGED', {}],
  ['todo_completed', 'TODO_DONE_STATUS_UPDATED', {}],
  ['custom_field_changed', 'TODO_CUSTOM_FIELD_UPDATED', {}],
  ['blue_event', 'TODO_CREATED', { events: ['TODO_CREATED'] }],
];

/** Every key Zapier would offer to map (a__b for objects, a[]b for lists of objects), with its value type. */
function typedKeys(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    const objects = value.filter((v) => v && typeof v === 'object');
    if (objects.length === 0) return [`${prefix}:array`];
    return [...new Set(objects.flatMap((v) => typedKeys(v, `${prefix}[]`)))];
  }
  if (value && typeof value === 'object') {
    if (Object.keys(value).length === 0) return [`${prefix}:object`];
    return Object.entries(value).flatMap(([k, v]) =>
      typedKeys(v, prefix ? `${prefix}${prefix.endsWith('[]') ? '' : '__'}${k}` : k),
    );
  }
  return [`${prefix}:${value === null ? 'null' : typeof value}`];
}

/**
 * Keys only (types differ where a value is null on one side), with what depends on the data
 * folded: a list's element keys (an empty list has none) and custom field names.
 */
const keysOf = (value: unknown) =>
  [
    ...new Set(
      typedKeys(value).map((k) =>
        k
          .replace(/:.*$/, '')
          .replace(/\[\].*$/, '')
          .replace(/(customFieldsByName)__.*$/, '$1'),
      ),
    ),
  ].sort();

function run(
  key: string,
  event: string,
  currentValue: unknown,
  inputData: Record<string, unknown> = {},
  previousValue: unknown = null,
) {
  const payload = { event, webhook: { id: 'wh-1' }, previousValue, currentValue };
  const sub = { id: 'wh-1', secret: WEBHOOK_SECRET, projectId: 'proj-default', events: [event] };
  return appTester<Record<string, unknown>[], Bundle>(
    op(key).perform,
    delivery(payload, { subscribeData: sub, inputData }) as never,
  );
}

async function performList(key: string, inputData: Record<string, unknown>, item: unknown) {
  replyOnce([], 200, { data: { todoQueries: { todos: { items: [item] } } } });
  return await appTester<Record<string, unknown>[], Bundle>(op(key).performList, {
    authData: AUTH,
    inputData,
    meta: {},
  } as never);
}

describe("Blue's documented TODO_CREATED delivery", () => {
  const documented = DOCUMENTED_TODO_CREATED.currentValue;

  it('carries everything the output promises: no request is made', () => {
    expect(missingDetails(documented)).toEqual([]);
  });

  it('is read into the record shape (position as a number, list, project, empty lists)', async () => {
    const [out] = await appTester<Record<string, unknown>[], Bundle>(
      op('new_todo').perform,
      delivery(DOCUMENTED_TODO_CREATED) as never,
    );
    expect(out).toMatchObject({
      recordId: 'clb4zna6x0000vt1swuwso25f',
      event: 'TODO_CREATED',
      title: 'GGGG',
      text: null,
      html: null,
      position: 32767.5,
      done: false,
      createdById: 'claksl2ye0000vtas0h0ln71e',
      todoList: { id: 'clakt9v5t000kvt64f563l90l', title: 'ETEST' },
      project: { id: 'clakt90vu000bvt64hhffqleq', name: 'TEEST' },
      assignees: [],
      assigneeNames: '',
      tags: [],
      tagTitles: '',
      customFields: [],
      customFieldsByName: {},
      previousValue: null,
    });
    // Only the documented shape: the stored entity's own keys are not passed through.
    expect(out).not.toHaveProperty('todoListId');
    expect(out).not.toHaveProperty('todoUsers');
  });

  it.each(RECORD_TRIGGERS)(
    'through %s gives the keys performList and the sample give (no request)',
    async (key, event, inputData) => {
      // Filters (Record Completed: done; Custom Field Changed: a change) are satisfied by the delivery.
      const current = { ...documented, done: true, todoCustomFields: [] };
      const previous = event === 'TODO_CREATED' ? null : { ...documented, title: 'Before' };
      const [hooked] = await run(key, event, current, inputData, previous);
      expect(hooked).toBeDefined();
      const [listed] = await performList(key, inputData, { ...TODO, done: true });
      expect(keysOf(hooked)).toEqual(keysOf(listed));
      expect(keysOf(hooked)).toEqual(keysOf(op(key).sample));
    },
  );
});

describe("Blue's minimal delivery {id, title, done}", () => {
  it.each(RECORD_TRIGGERS.filter(([key]) => key !== 'custom_field_changed'))(
    "through %s is completed with one todo(id:) request and gives performList's keys and values",
    async (key, event, inputData) => {
      const calls: CapturedCall[] = [];
      const fetched = { ...TODO, done: true };
      replyOnce(calls, 200, { data: { todo: fetched } });
      const [hooked] = await run(
        key,
        event,
        { ...MINIMAL_RECORD, done: true },
        inputData,
        event === 'TODO_CREATED' ? null : MINIMAL_RECORD,
      );
      expect(calls).toHaveLength(1);
      expect(calls[0]!.query).toBe(GET_TODO);
      expect(calls[0]!.variables).toEqual({ id: 'todo-1' });
      expect(calls[0]!.headers['x-bloo-project-id']).toBe('proj-default');
      const [listed] = await performList(key, inputData, fetched);
      expect(keysOf(hooked)).toEqual(keysOf(listed));
      // The delivery's own values win; the rest comes from the fetch: the same record as listed.
      const { id: _a, previousValue: _b, event: _e, ...hookedRecord } = hooked!;
      const { id: _c, previousValue: _d, event: _f, ...listedRecord } = listed!;
      expect(hookedRecord).toEqual(listedRecord);
      expect(hooked).toMatchObject({
        assigneeNames: 'Ada Lovelace',
        tagTitles: 'VIP',
        customFieldsByName: { Status: 'Pending' },
      });
    },
  );
});

describe('join rows', () => {
  const lookupRecord = { ...TODO, users: [{ id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' }] };

  it.each([
    ['{userId}', { todoUsers: [{ id: 'row-1', userId: 'user-1' }] }, { id: 'user-1', fullName: null, email: null }],
    [
      '{userId, user}',
      { todoUsers: [{ userId: 'user-1', user: { id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' } }] },
      { id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' },
    ],
    [
      '{user} (no userId)',
      { todoUsers: [{ id: 'row-1', user: { id: 'user-1', firstName: 'Ada', lastName: 'Lovelace' } }] },
      { id: 'user-1', fullName: 'Ada Lovelace', email: null },
    ],
  ])('assignees as %s', (_form, rows, expected) => {
    expect(recordOutput({ ...MINIMAL_RECORD, ...rows }).assignees).toEqual([expected]);
  });

  it.each([
    ['{tagId}', { todoTags: [{ id: 'row-1', tagId: 'tag-1' }] }, { id: 'tag-1', title: null, color: null }],
    [
      '{tagId, tag}',
      { todoTags: [{ tagId: 'tag-1', tag: { id: 'tag-1', title: 'VIP', color: '#f00' } }] },
      { id: 'tag-1', title: 'VIP', color: '#f00' },
    ],
  ])('tags as %s', (_form, rows, expected) => {
    expect(recordOutput({ ...MINIMAL_RECORD, ...rows }).tags).toEqual([expected]);
  });

  it.each([
    [
      '{customFieldId, value}',
      { customFieldId: 'cf-status', value: 'Pending' },
      { id: 'cf-status', name: null, type: null, value: 'Pending' },
    ],
    [
      '{customFieldId, value, customField}',
      {
        customFieldId: 'cf-status',
        value: 'Pending',
        customField: { id: 'cf-status', name: 'Status', type: 'SELECT_SINGLE' },
      },
      { id: 'cf-status', name: 'Status', type: 'SELECT_SINGLE', value: 'Pending' },
    ],
    [
      '{customFieldId, number}',
      { customFieldId: 'cf-amount', number: 12.5 },
      { id: 'cf-amount', name: null, type: null, value: '12.5' },
    ],
    [
      '{customFieldId, checked}',
      { customFieldId: 'cf-ok', checked: false },
      { id: 'cf-ok', name: null, type: null, value: 'false' },
    ],
    [
      '{customField, customFieldOption}',
      {
        id: 'row',
        customField: { id: 'cf-status', name: 'Status', type: 'SELECT_SINGLE' },
        customFieldOption: { id: 'opt-1', title: 'Won' },
      },
      { id: 'cf-status', name: 'Status', type: 'SELECT_SINGLE', value: 'Won' },
    ],
  ])('custom field values as %s', (_form, row, expected) => {
    const out = recordOutput({ ...MINIMAL_RECORD, todoCustomFields: [row] });
    expect(out.customFields).toEqual([expected]);
    expect(out.customFieldsByName).toEqual({ [expected.name ?? expected.id]: expected.value });
  });

  it('names id-only rows from the fetched record', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todo: lookupRecord } });
    const current = {
      ...TODO_ENTITY,
      todoUsers: [{ userId: 'user-1' }],
      todoTags: [{ tagId: 'tag-1' }],
      todoCustomFields: [{ customFieldId: 'cf-status', value: 'Won' }],
    };
    const previous = {
      ...TODO_ENTITY,
      todoUsers: [],
      todoTags: [{ tagId: 'tag-1' }],
      todoCustomFields: [{ customFieldId: 'cf-status', value: 'Pending' }],
    };
    const [out] = await run('updated_todo', 'TODO_ASSIGNEE_ADDED', current, {}, previous);
    expect(calls).toHaveLength(1);
    expect(out).toMatchObject({ assigneeNames: 'Ada Lovelace', tagTitles: 'VIP' });
    // The fetched record's values are the record's now; the previous value keeps its own, named.
    expect(out!.previousValue).toMatchObject({
      assignees: [],
      tagTitles: 'VIP',
      customFields: [{ id: 'cf-status', name: 'Status', type: 'SELECT_SINGLE', value: 'Pending' }],
    });
  });

  it('ignores unknown extra keys and wrong-typed values without failing', () => {
    const odd = {
      ...TODO_ENTITY,
      somethingNew: { deep: [1, 2, 3] },
      position: 'not a number',
      title: 42,
      done: 'yes',
      todoUsers: [null, 'user-x', { userId: 7 }, { nothing: true }],
      todoTags: { not: 'a list' },
      todoCustomFields: [{ customFieldId: 'cf', value: { weird: true }, extra: 'x' }],
      todoList: 'not an object',
    };
    const out = recordOutput(odd);
    expect(out).toMatchObject({
      id: 'todo-1',
      title: null,
      position: null,
      done: null,
      assignees: [{ id: '7', fullName: null, email: null }],
      tags: [],
    });
    expect(out.customFields).toEqual([{ id: 'cf', name: null, type: null, value: '{"weird":true}' }]);
    expect(out.todoList).toEqual({ id: 'list-1', title: null });
    expect(out).not.toHaveProperty('somethingNew');
  });
});

describe('enrichment', () => {
  it('makes no request when the delivery has everything', async () => {
    const calls: CapturedCall[] = [];
    const scope = replyOnce(calls, 200, { data: { todo: TODO } });
    const [out] = await run('new_todo', 'TODO_CREATED', TODO_ENTITY);
    expect(out).toMatchObject({
      assigneeNames: 'Ada Lovelace',
      tagTitles: 'VIP',
      customFieldsByName: { Status: 'Pending' },
    });
    expect(calls).toHaveLength(0);
    expect(scope.isDone()).toBe(false);
  });

  it('outputs a deletion from the delivery alone', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todo: TODO } });
    const [out] = await run('blue_event', 'TODO_DELETED', null, { events: ['TODO_DELETED'] }, MINIMAL_RECORD);
    expect(calls).toHaveLength(0);
    expect(out).toMatchObject({
      event: 'TODO_DELETED',
      recordId: 'todo-1',
      title: 'Order #1042',
      assignees: [],
      previousValue: { id: 'todo-1' },
    });
  });

  it('still outputs what the delivery carries when the fetch fails, and logs what is missing', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, {
      data: null,
      errors: [{ message: 'Todo not found', extensions: { code: 'TODO_NOT_FOUND' } }],
    });
    const logs: string[] = [];
    const bundle = delivery({ event: 'TODO_CREATED', previousValue: null, currentValue: MINIMAL_RECORD });
    const original = console.log;
    // The app tester prints z.console to the console.
    console.log = (...args: unknown[]) => void logs.push(args.map(String).join(' '));
    let out: Record<string, unknown>[];
    try {
      out = await appTester<Record<string, unknown>[], Bundle>(op('new_todo').perform, bundle as never);
    } finally {
      console.log = original;
    }
    expect(calls).toHaveLength(1);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      recordId: 'todo-1',
      title: 'Order #1042',
      done: false,
      assigneeNames: '',
      todoList: { id: null, title: null },
    });
    expect(logs.join('\n')).toMatch(
      /Blue record todo-1: the delivery lacks list, project, assignees, tags, custom fields, dates and loading the record failed .*could not find the record/,
    );
  });

  it('throws an auth failure of the fetch (every later step would fail too)', async () => {
    replyOnce([], 200, { data: null, errors: [{ message: 'Token revoked', extensions: { code: 'UNAUTHENTICATED' } }] });
    const err = await caught(run('new_todo', 'TODO_CREATED', MINIMAL_RECORD));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(/Blue rejected the API token/);
  });

  it('makes at most one request for a delivery missing everything, previous value included', async () => {
    let requests = 0;
    nock(BLUE_URL)
      .post('/graphql')
      .times(3)
      .reply(() => {
        requests++;
        return [200, JSON.stringify({ data: { todo: TODO } }), { 'content-type': 'application/json' }];
      });
    await run(
      'updated_todo',
      'TODO_NAME_CHANGED',
      MINIMAL_RECORD,
      {},
      { id: 'todo-1', title: 'Before', todoUsers: [{ userId: 'user-1' }] },
    );
    expect(requests).toBe(1);
  });

  it("keeps a retried delivery's id when the fetched record changed in between", async () => {
    replyOnce([], 200, { data: { todo: TODO } });
    const [first] = await run('new_todo', 'TODO_CREATED', MINIMAL_RECORD);
    replyOnce([], 200, { data: { todo: { ...TODO, updatedAt: '2026-01-12T00:00:00.000Z', title: 'Renamed since' } } });
    const [retried] = await run('new_todo', 'TODO_CREATED', MINIMAL_RECORD);
    expect(retried!.id).toBe(first!.id);
    // The delivery's title wins over the fetched one.
    expect(retried!.title).toBe('Order #1042');
  });
});

describe('dropdown values delivered by option id', () => {
  const OPTION = 'clb4zna6x0000vt1swuwso25f';
  const field = { id: 'cf-status', name: 'Status', type: 'SELECT_SINGLE' };
  const withRow = (row: Record<string, unknown>) => ({
    ...TODO_ENTITY,
    todoCustomFields: [{ customFieldId: 'cf-status', customField: field, ...row }],
  });

  it('count as missing option titles (one fetch), unless the option comes with its title or the value is text', () => {
    expect(missingDetails(withRow({ value: OPTION }))).toEqual(['custom field option titles']);
    expect(missingDetails(withRow({ customFieldOptionId: OPTION }))).toEqual(['custom field option titles']);
    expect(missingDetails(withRow({ customFieldOption: { id: OPTION, title: 'Won' } }))).toEqual([]);
    expect(missingDetails(withRow({ value: 'Pending' }))).toEqual([]);
    expect(missingDetails(withRow({ value: OPTION, customField: { ...field, type: 'TEXT_SINGLE' } }))).toEqual([]);
  });

  it('read as the title the fetched record gives for the option', async () => {
    const calls: CapturedCall[] = [];
    const fetched = {
      ...TODO,
      customFields: [{ ...field, value: 'Won', customFieldOptions: [{ id: OPTION, title: 'Won' }] }],
    };
    replyOnce(calls, 200, { data: { todo: fetched } });
    const [out] = await run(
      'updated_todo',
      'TODO_CUSTOM_FIELD_UPDATED',
      withRow({ value: OPTION }),
      {},
      withRow({ value: OPTION }),
    );
    expect(calls).toHaveLength(1);
    expect(out).toMatchObject({ customFieldsByName: { Status: 'Won' } });
    expect(out!.previousValue).toMatchObject({ customFieldsByName: { Status: 'Won' } });
  });
});
