// The record actions' dropdowns: the Record dropdown (newest records of the project) and the
// step's Project pick, which every project dropdown (records, lists, users, tags) follows.
import { describe, expect, it } from '@jest/globals';
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import { LIST_RECORD_CHOICES, LIST_TAGS, LIST_TODO_LISTS, LIST_PROJECT_USERS } from '../../blue/dropdowns.js';
import { caught } from '../support/errors.js';
import { AUTH, replyOnce, useNock, type CapturedCall } from '../blue/fixtures.js';

const appTester = zapier.createAppTester(App);
useNock();
type Key = 'blue_record_list' | 'blue_todo_list_list' | 'blue_user_list' | 'blue_tag_list';
const perform = (key: Key) => (App.triggers[key].operation as { perform: unknown }).perform as never;
const PICKED = 'cprojpicked00000000000001';

describe('blue_record_list (Record dropdown)', () => {
  it("lists the newest records of the connection's project, labelled with their list, page by page", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, {
      data: {
        todoQueries: {
          todos: {
            items: [
              { id: 'r1', title: 'Order #1', todoList: { title: 'Orders' } },
              { id: 'r2', title: 'Loose', todoList: null },
            ],
          },
        },
      },
    });
    const result = await appTester(perform('blue_record_list'), {
      authData: AUTH,
      inputData: {},
      meta: { page: 2 },
    } as never);
    expect(result).toEqual([
      { id: 'r1', title: 'Order #1', label: 'Order #1 (Orders)' },
      { id: 'r2', title: 'Loose', label: 'Loose' },
    ]);
    expect(calls[0]!.query).toBe(LIST_RECORD_CHOICES);
    expect(calls[0]!.variables).toEqual({
      companyId: AUTH.blueCompanyId,
      projectId: AUTH.blueProjectId,
      limit: 100,
      skip: 200,
    });
    expect(calls[0]!.headers['x-bloo-project-id']).toBe(AUTH.blueProjectId);
  });

  it('resolves a picked project slug to its id first (filters take ids), then lists its records', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { project: { id: PICKED } } });
    replyOnce(calls, 200, { data: { todoQueries: { todos: { items: [] } } } });
    await appTester(perform('blue_record_list'), {
      authData: AUTH,
      inputData: { projectId: 'sales-pipeline' },
      meta: {},
    } as never);
    expect(calls.map((c) => c.variables)).toEqual([
      { id: 'sales-pipeline' },
      { companyId: AUTH.blueCompanyId, projectId: PICKED, limit: 100, skip: 0 },
    ]);
  });

  it('names the failed step in errors', async () => {
    replyOnce([], 200, { data: null, errors: [{ message: 'No access', extensions: { code: 'FORBIDDEN' } }] });
    const err = await caught(
      appTester(perform('blue_record_list'), { authData: AUTH, inputData: {}, meta: {} } as never),
    );
    expect(err.code).toBe('blue_forbidden');
    expect(err.message).toMatch(/list the project's records/);
  });
});

describe("the step's Project pick", () => {
  it.each<[Key, string, unknown]>([
    ['blue_todo_list_list', LIST_TODO_LISTS, { data: { todoLists: [] } }],
    [
      'blue_user_list',
      LIST_PROJECT_USERS,
      { data: { projectUserList: { users: [], pageInfo: { hasNextPage: false } } } },
    ],
    ['blue_tag_list', LIST_TAGS, { data: { tagList: { items: [], pageInfo: { hasNextPage: false } } } }],
  ])('%s lists the picked project, in the variables and the header', async (key, query, reply) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, reply);
    await appTester(perform(key), { authData: AUTH, inputData: { projectId: PICKED }, meta: {} } as never);
    expect(calls[0]!.query).toBe(query);
    expect(JSON.stringify(calls[0]!.variables)).toContain(PICKED);
    expect(JSON.stringify(calls[0]!.variables)).not.toContain(AUTH.blueProjectId);
    expect(calls[0]!.headers['x-bloo-project-id']).toBe(PICKED);
  });
});
