// Project slugs where Blue wants ids (issue 12.2): a slug is resolved with one project(id:)
// query per operation and only the id reaches filters and webhook scopes; an id is sent as is.
import { describe, expect, it } from '@jest/globals';
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import { LIST_CUSTOM_FIELDS } from '../../blue/custom-fields.js';
import {
  LIST_PROJECT_USERS,
  LIST_TAGS,
  LIST_TODO_LISTS,
  tagChoices,
  todoListChoices,
  userChoices,
} from '../../blue/dropdowns.js';
import { PROJECT_ID_QUERY, looksLikeBlueId } from '../../blue/project-ref.js';
import { RECENT_TODOS } from '../../blue/record.js';
import { CREATE_WEBHOOK } from '../../blue/webhooks.js';
import { blueId } from '../../sandbox/blue-server.js';
import { DEMO } from '../../sandbox/seed.js';
import { caught } from '../support/errors.js';
import { AUTH, WEBHOOK_SECRET, replyOnce, type CapturedCall, useNock } from './fixtures.js';

const appTester = zapier.createAppTester(App);
useNock();

const PROJECT_ID = 'clx9k2m4p0000abcd1234efgh';
const SLUG_AUTH = { ...AUTH, blueProjectId: 'sales-pipeline' };
const ID_AUTH = { ...AUTH, blueProjectId: PROJECT_ID };
const resolved = { data: { project: { id: PROJECT_ID, company: { id: AUTH.blueCompanyId } } } };

type Op = { performSubscribe: never; performList: never; perform: never };
const newTodo = App.triggers.new_todo.operation as unknown as Op;
const customFieldList = App.triggers.blue_custom_field_list.operation as unknown as Op;
const createTodoInputs = App.creates.create_todo.operation.inputFields as never;

function expectResolved(call: CapturedCall | undefined, slug: string): void {
  expect(call?.query).toBe(PROJECT_ID_QUERY);
  expect(call?.variables).toEqual({ id: slug });
  // The header keeps the value as given: Blue accepts an id or a slug there.
  expect(call?.headers['x-bloo-project-id']).toBe(slug);
}

describe('looksLikeBlueId', () => {
  it.each([PROJECT_ID, DEMO.ids.project, DEMO.ids.user, 'clx0example0todo0000000001', 'ckl3qbs5x000001l7b4vnd9kq'])(
    'takes %p for an id',
    (value) => {
      expect(looksLikeBlueId(value)).toBe(true);
    },
  );

  it.each([
    DEMO.blue.projectId,
    'sales',
    'sales-pipeline',
    'proj-default',
    'client-onboarding-2026',
    'customeronboardingproject',
    'CLX9K2M4P0000ABCD1234EFGH',
    'clx9k2m4p0000abcd1234efgh ',
    '',
  ])('resolves %p (not an id)', (value) => {
    expect(looksLikeBlueId(value)).toBe(false);
  });

  it("takes the sandbox's generated ids for ids", () => {
    const ids = Array.from({ length: 50 }, () => blueId()).filter((id) => /\d/.test(id));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(looksLikeBlueId(id)).toBe(true);
  });
});

describe('Blue webhook subscribe with a project slug or id', () => {
  const bundle = (authData: Record<string, string>, inputData: Record<string, unknown> = {}) =>
    ({ authData, inputData, targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc/' }) as never;
  const created = {
    data: {
      createWebhook: {
        id: 'wh-1',
        secret: WEBHOOK_SECRET,
        events: ['TODO_CREATED'],
        projectIds: [PROJECT_ID],
        enabled: true,
      },
    },
  };
  const input = {
    name: 'Zapier: New Record',
    url: 'https://hooks.zapier.com/hooks/standard/1/abc/',
    events: ['TODO_CREATED'],
    projectIds: [PROJECT_ID],
  };

  it("resolves the connection's slug once and scopes the webhook by the id", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, resolved);
    replyOnce(calls, 200, created);
    const result = await appTester(newTodo.performSubscribe, bundle(SLUG_AUTH));
    expect(calls).toHaveLength(2);
    expectResolved(calls[0], 'sales-pipeline');
    expect(calls[1]!.query).toBe(CREATE_WEBHOOK);
    expect(calls[1]!.variables).toEqual({ input });
    expect(result).toEqual({ id: 'wh-1', secret: WEBHOOK_SECRET, projectId: PROJECT_ID, events: ['TODO_CREATED'] });
  });

  it("resolves a slug picked in the trigger, not the connection's project", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, resolved);
    replyOnce(calls, 200, created);
    await appTester(newTodo.performSubscribe, bundle(ID_AUTH, { projectId: ' marketing ' }));
    expect(calls).toHaveLength(2);
    expectResolved(calls[0], 'marketing');
    expect(calls[1]!.variables).toEqual({ input });
  });

  it('sends an id as is, with no extra request', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, created);
    await appTester(newTodo.performSubscribe, bundle(ID_AUTH));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toBe(CREATE_WEBHOOK);
    expect(calls[0]!.variables).toEqual({ input });
  });

  it.each([
    ['PROJECT_NOT_FOUND', 'Project not found', 'blue_not_found'],
    ['FORBIDDEN', 'You do not have access to this project', 'blue_forbidden'],
  ])('maps %s from resolving the slug and creates no webhook', async (code, message, errCode) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: null, errors: [{ message, extensions: { code } }] });
    const err = await caught(appTester(newTodo.performSubscribe, bundle(SLUG_AUTH)));
    expect(calls).toHaveLength(1);
    expect(err.code).toBe(errCode);
    expect(err.message).toContain('to find the Blue project "sales-pipeline"');
    expect(err.message).toContain(message);
    expect(err.message).not.toContain(AUTH.blueTokenSecret);
  });
});

describe('Blue filters with a project slug or id', () => {
  const todosReply = { data: { todoQueries: { todos: { items: [] } } } };
  const todoListsReply = { data: { todoLists: [{ id: 'clist1', title: 'Inbox', position: 1 }] } };
  const usersReply = { data: { projectUserList: { users: [], pageInfo: { hasNextPage: false } } } };
  const tagsReply = { data: { tagList: { items: [], pageInfo: { hasNextPage: false } } } };
  const fieldsReply = { data: { customFields: { items: [], pageInfo: { hasNextPage: false } } } };

  // [name, operation, document sent after resolving, its reply, the exact variables]
  const cases: [string, never, string, unknown, Record<string, unknown>][] = [
    [
      'performList (todos filter)',
      newTodo.performList,
      RECENT_TODOS,
      todosReply,
      { companyId: AUTH.blueCompanyId, projectId: PROJECT_ID, limit: 10 },
    ],
    ['Todo List dropdown', todoListChoices as never, LIST_TODO_LISTS, todoListsReply, { projectId: PROJECT_ID }],
    [
      'User dropdown',
      userChoices as never,
      LIST_PROJECT_USERS,
      usersReply,
      { projectId: PROJECT_ID, first: 100, skip: 0 },
    ],
    [
      'Tag dropdown',
      tagChoices as never,
      LIST_TAGS,
      tagsReply,
      { filter: { projectIds: [PROJECT_ID] }, first: 100, skip: 0 },
    ],
    [
      'Custom Field dropdown',
      customFieldList.perform,
      LIST_CUSTOM_FIELDS,
      fieldsReply,
      { projectId: PROJECT_ID, skip: 0, take: 500 },
    ],
    [
      'Create Todo custom field inputs',
      createTodoInputs,
      LIST_CUSTOM_FIELDS,
      fieldsReply,
      { projectId: PROJECT_ID, skip: 0, take: 500 },
    ],
  ];

  it.each(cases)(
    '%s: a slug costs one project(id:) query, then only the id is sent',
    async (_name, fn, query, reply, variables) => {
      const calls: CapturedCall[] = [];
      replyOnce(calls, 200, resolved);
      replyOnce(calls, 200, reply);
      await appTester(fn, { authData: SLUG_AUTH, inputData: {}, meta: {} } as never);
      expect(calls).toHaveLength(2);
      expectResolved(calls[0], 'sales-pipeline');
      expect(calls[1]!.query).toBe(query);
      expect(calls[1]!.variables).toEqual(variables);
    },
  );

  it.each(cases)('%s: an id is sent as is, with no extra request', async (_name, fn, query, reply, variables) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, reply);
    await appTester(fn, { authData: ID_AUTH, inputData: {}, meta: {} } as never);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toBe(query);
    expect(calls[0]!.variables).toEqual(variables);
  });

  it('resolves once for a custom field list of several pages', async () => {
    const calls: CapturedCall[] = [];
    const field = (i: number) => ({ id: `cf${i}`, name: `Field ${i}`, type: 'TEXT_SINGLE', customFieldOptions: [] });
    replyOnce(calls, 200, resolved);
    replyOnce(calls, 200, { data: { customFields: { items: [field(1)], pageInfo: { hasNextPage: true } } } });
    replyOnce(calls, 200, { data: { customFields: { items: [field(2)], pageInfo: { hasNextPage: false } } } });
    await appTester(createTodoInputs, { authData: SLUG_AUTH, inputData: {} } as never);
    expect(calls.map((c) => c.query)).toEqual([PROJECT_ID_QUERY, LIST_CUSTOM_FIELDS, LIST_CUSTOM_FIELDS]);
    expect(calls.slice(1).map((c) => c.variables)).toEqual([
      { projectId: PROJECT_ID, skip: 0, take: 500 },
      { projectId: PROJECT_ID, skip: 500, take: 500 },
    ]);
  });

  it('fails clearly when Blue answers the project query without an id', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { project: null } });
    const err = await caught(appTester(tagChoices as never, { authData: SLUG_AUTH, inputData: {}, meta: {} } as never));
    expect(calls).toHaveLength(1);
    expect(err.code).toBe('blue_invalid_response');
    expect(err.message).toContain('find the Blue project "sales-pipeline"');
  });
});
