// Find Record and Find or Create Record: the exact document and variables, what Blue narrows and
// what is checked here (exact title, a custom field's value), newest first, empty results and
// refused input.
import { describe, expect, it } from '@jest/globals';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { FIND_SCAN_LIMIT, FIND_TODOS } from '../../blue/record-search.js';
import { recordOutput } from '../../blue/record.js';
import { AUTH, TODO, replyOnce, useNock, type CapturedCall } from '../blue/fixtures.js';
import { caught } from '../support/errors.js';
import { fixedInputFields } from '../support/fields.js';

const appTester = zapier.createAppTester(App);
useNock();
const perform = App.searches.find_todo.operation.perform;
const PROJECT = AUTH.blueProjectId;

// Records in GraphQL form (RECORD_SELECTION), newest first as Blue sorts them (createdAt_DESC).
const withStatus = (id: string, title: string, status: string | null, createdAt: string) => ({
  ...TODO,
  id,
  title,
  createdAt,
  customFields: [
    { id: 'cf-status', name: 'Status', type: 'SELECT_SINGLE', value: status },
    { id: 'cf-order', name: 'Order Number', type: 'TEXT_SINGLE', value: title.replace(/\D/g, '') || null },
  ],
});
const NEWER = withStatus('todo-3', 'Order #1042', 'Shipped', '2026-01-12T08:00:00.000Z');
const LONGER = withStatus('todo-2', 'Order #10420', 'Pending', '2026-01-11T08:00:00.000Z');
const OLDER = withStatus('todo-1', 'order  #1042', 'Pending', '2026-01-10T08:00:00.000Z');

async function search(inputData: Record<string, unknown>, items: unknown[] = [NEWER, LONGER, OLDER]) {
  const calls: CapturedCall[] = [];
  const scope = replyOnce(calls, 200, { data: { todoQueries: { todos: { items } } } });
  const result = await appTester<{ id: string }[], Bundle>(perform as never, { authData: AUTH, inputData } as never);
  scope.done();
  return { result, calls, ids: result.map((r) => r.id) };
}

describe('Find Record', () => {
  it("by ID: one todos query for that id in the project, the record in the actions' shape", async () => {
    const { result, calls } = await search({ recordId: 'todo-3', title: 'ignored when an ID is given' }, [NEWER]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toBe(FIND_TODOS);
    expect(calls[0]!.query).toMatch(/sort: \[createdAt_DESC\]/);
    expect(calls[0]!.variables).toEqual({
      filter: { companyIds: [AUTH.blueCompanyId], projectIds: [PROJECT], todoIds: ['todo-3'], showCompleted: true },
      limit: 1,
    });
    expect(calls[0]!.headers['x-bloo-project-id']).toBe(PROJECT);
    expect(result).toEqual([recordOutput(NEWER)]);
    expect(result[0]).toMatchObject({
      id: 'todo-3',
      todoList: { id: 'list-1', title: 'Orders' },
      assignees: [{ id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' }],
      customFieldsByName: { Status: 'Shipped', 'Order Number': '1042' },
    });
  });

  it('by ID: an unknown id is an empty result', async () => {
    expect((await search({ recordId: 'todo-gone' }, [])).result).toEqual([]);
  });

  it('by title: Blue narrows by text, only whole-title matches are kept (case and spacing ignored), newest first', async () => {
    const { ids, calls } = await search({ title: ' Order #1042 ' });
    expect(calls[0]!.variables).toEqual({
      filter: { companyIds: [AUTH.blueCompanyId], projectIds: [PROJECT], search: 'Order #1042', showCompleted: true },
      limit: 100,
    });
    expect(ids).toEqual(['todo-3', 'todo-1']);
  });

  it('by part of the title when asked', async () => {
    expect((await search({ title: '#1042', titleContains: true })).ids).toEqual(['todo-3', 'todo-2', 'todo-1']);
    expect((await search({ title: '#1042', titleContains: 'no' })).ids).toEqual([]);
  });

  it('within a list, only not-done records, by a custom field value (option title, not case-sensitive)', async () => {
    const { ids, calls } = await search({
      todoListId: 'list-1',
      done: 'open',
      customFieldId: 'cf-status',
      customFieldValue: 'pending',
    });
    expect(calls[0]!.variables).toEqual({
      filter: {
        companyIds: [AUTH.blueCompanyId],
        projectIds: [PROJECT],
        todoListIds: ['list-1'],
        done: false,
        showCompleted: true,
      },
      limit: 100,
    });
    expect(ids).toEqual(['todo-2', 'todo-1']);
  });

  it('a value without a field matches it in any field; combined with a title, both must match', async () => {
    expect((await search({ customFieldValue: '10420' })).ids).toEqual(['todo-2']);
    expect((await search({ customFieldValue: 'Pending', title: 'Order #1042', done: 'done' })).ids).toEqual(['todo-1']);
  });

  it('a field whose value differs, or that the record lacks, does not match', async () => {
    expect((await search({ customFieldId: 'cf-status', customFieldValue: 'Cancelled' })).ids).toEqual([]);
    expect((await search({ customFieldId: 'cf-other', customFieldValue: 'Pending' })).ids).toEqual([]);
  });

  it('nothing found is an empty result', async () => {
    expect((await search({ title: 'Order #9999' }, [])).result).toEqual([]);
  });

  it('by a value without a title: asks Blue for the newest records only, and the help text says so', async () => {
    const { calls } = await search({ customFieldValue: '1042' });
    expect(calls[0]!.variables.limit).toBe(FIND_SCAN_LIMIT);
    expect((calls[0]!.variables.filter as Record<string, unknown>).search).toBeUndefined();
    const fields = fixedInputFields<{ key: string; helpText?: string }>(App.searches.find_todo.operation.inputFields);
    expect(fields.find((f) => f.key === 'customFieldValue')!.helpText).toMatch(
      new RegExp(`Without a Title, only the ${FIND_SCAN_LIMIT} newest records`),
    );
  });

  it('returns at most 10 records', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      withStatus(`todo-${i}`, 'Same', 'Pending', '2026-01-10T08:00:00.000Z'),
    );
    expect((await search({ title: 'Same' }, many)).ids).toEqual(many.slice(0, 10).map((t) => t.id));
  });

  it.each([
    [{}, /Enter a Record ID, a Title or a Custom Field value/],
    [{ todoListId: 'list-1', done: 'done' }, /Enter a Record ID, a Title or a Custom Field value/],
    [{ title: 'x', customFieldId: 'cf-status' }, /Enter the Custom Field Value to look for/],
    [{ title: 'x', done: 'maybe' }, /Done Status must be "done" or "open", not "maybe"/],
    [{ title: 'x', titleContains: 'perhaps' }, /Match Part of the Title must be true or false/],
    [{ recordId: 'todo-1, todo-2' }, /Record ID "todo-1, todo-2" is not one Blue ID/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    // No interceptor: a request would fail with a network error, not this message.
    const e = await caught(appTester(perform as never, { authData: AUTH, inputData } as never));
    expect(e.message).toMatch(message);
  });

  it('a slug connection is resolved to the project id first (the todos filter takes ids)', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { project: { id: 'cprojresolved00000000000001' } } });
    replyOnce(calls, 200, { data: { todoQueries: { todos: { items: [] } } } });
    await appTester(
      perform as never,
      { authData: { ...AUTH, blueProjectId: 'sales' }, inputData: { title: 'x' } } as never,
    );
    expect((calls[1]!.variables.filter as { projectIds: string[] }).projectIds).toEqual([
      'cprojresolved00000000000001',
    ]);
  });
});

describe('Find or Create Record', () => {
  it("pairs Find Record with Create Record under the search's key", () => {
    expect(App.searchOrCreates!.find_todo).toMatchObject({
      key: 'find_todo',
      search: 'find_todo',
      create: 'create_todo',
    });
    expect(App.searchOrCreates!.find_todo!.display.label).toBe('Find or Create Record');
  });

  it("Find Record's output has the create's keys (a Zap maps either the same way)", async () => {
    const keys = async (op: { outputFields?: unknown[] }) => {
      const fields = await Promise.all(
        (op.outputFields ?? []).map((f) =>
          typeof f === 'function' ? (f as () => Promise<unknown>)() : Promise.resolve([f]),
        ),
      );
      return (fields.flat() as { key: string }[]).map((f) => f.key);
    };
    expect(await keys(App.searches.find_todo.operation)).toEqual(await keys(App.creates.create_todo.operation));
  });
});
