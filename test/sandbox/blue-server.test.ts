// The sandbox's Blue GraphQL server over real loopback HTTP: header checks, Blue's error shape,
// createTodo validation, webhooks and X-Signature-signed delivery.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { BlueServer } from '../../sandbox/blue-server.js';
import { DEMO, demoBlueStore } from '../../sandbox/seed.js';

let server: BlueServer;

beforeEach(async () => {
  server = await new BlueServer({ store: demoBlueStore(), retry: { backoffMs: [1], timeoutMs: 2000 } }).start();
});
afterEach(async () => {
  await server.close();
});

const goodHeaders = {
  'X-Bloo-Token-ID': DEMO.blue.tokenId,
  'X-Bloo-Token-Secret': DEMO.blue.tokenSecret,
  'X-Bloo-Company-ID': DEMO.blue.companyId,
  'X-Bloo-Project-ID': DEMO.blue.projectId,
};

interface GqlResponse {
  status: number;
  data: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string } }[];
}

async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = goodHeaders,
): Promise<GqlResponse> {
  const resp = await fetch(server.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: resp.status, ...((await resp.json()) as Omit<GqlResponse, 'status'>) };
}

const codes = (r: GqlResponse) => (r.errors ?? []).map((e) => e.extensions.code);

describe('authentication and errors', () => {
  it('answers the current user and project for valid headers (project by slug)', async () => {
    const r = await gql('query Q($p: String) { currentUser { id fullName email } project(id: $p) { id name slug } }', {
      p: DEMO.blue.projectId,
    });
    expect(r.status).toBe(200);
    expect(r.data).toEqual({
      currentUser: { id: DEMO.ids.user, fullName: 'Ada Lovelace', email: 'ada@example.com' },
      project: { id: DEMO.ids.project, name: 'Client Onboarding', slug: DEMO.blue.projectId },
    });
  });

  it('answers UNAUTHENTICATED in an HTTP 200 for a wrong secret or missing token headers', async () => {
    const wrong = await gql('query Q { currentUser { id } }', {}, { ...goodHeaders, 'X-Bloo-Token-Secret': 'nope' });
    expect(wrong.status).toBe(200);
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.data).toBeNull();
    const none = await gql('query Q { currentUser { id } }', {}, {});
    expect(codes(none)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers FORBIDDEN for an unknown company and PROJECT_NOT_FOUND for an unknown project', async () => {
    expect(
      codes(await gql('query Q { currentUser { id } }', {}, { ...goodHeaders, 'X-Bloo-Company-ID': 'other' })),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await gql('query Q { project(id: "nope") { id } }'))).toEqual(['PROJECT_NOT_FOUND']);
  });

  it('answers 400 GRAPHQL_VALIDATION_FAILED for a field outside the schema', async () => {
    const r = await gql('query Q { currentUser { shoeSize } }');
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('reads', () => {
  it('lists lists, custom fields with options, users and tags of the project', async () => {
    const r = await gql(
      `query Q($p: String!) {
        todoLists(projectId: $p) { id title }
        customFields(filter: { projectId: $p }, skip: 0, take: 2) { items { id name type customFieldOptions { id title } } pageInfo { hasNextPage } }
        projectUserList(projectId: $p) { users { id fullName } }
        tagList(filter: { projectIds: [$p] }) { items { id title color } }
      }`,
      { p: DEMO.ids.project },
    );
    expect(r.errors).toBeUndefined();
    const data = r.data as {
      todoLists: { title: string }[];
      customFields: { items: { name: string; customFieldOptions: unknown[] }[]; pageInfo: { hasNextPage: boolean } };
      projectUserList: { users: unknown[] };
      tagList: { items: { title: string }[] };
    };
    expect(data.todoLists.map((l) => l.title)).toEqual(['New Clients', 'Onboarded']);
    expect(data.customFields.items.map((f) => f.name)).toEqual(['Stage', 'Codat Company ID']);
    expect(data.customFields.items[0]?.customFieldOptions).toHaveLength(2);
    expect(data.customFields.pageInfo.hasNextPage).toBe(true);
    expect(data.projectUserList.users).toHaveLength(2);
    expect(data.tagList.items.map((t) => t.title)).toEqual(['Codat']);
  });

  it('resolves project(id:) by id or slug, like Blue', async () => {
    for (const ref of [DEMO.ids.project, DEMO.blue.projectId]) {
      const r = await gql('query P($id: String) { project(id: $id) { id } }', { id: ref });
      expect(r.data).toEqual({ project: { id: DEMO.ids.project } });
    }
  });

  it.each([
    ['todoLists', 'query Q($p: String!) { todoLists(projectId: $p) { id } }'],
    ['customFields', 'query Q($p: String!) { customFields(filter: { projectId: $p }) { items { id } } }'],
    ['projectUserList', 'query Q($p: String!) { projectUserList(projectId: $p) { users { id } } }'],
  ])('refuses a slug where %s takes a project id (FORBIDDEN)', async (_name, query) => {
    expect(codes(await gql(query, { p: DEMO.blue.projectId }))).toEqual(['FORBIDDEN']);
    expect((await gql(query, { p: DEMO.ids.project })).errors).toBeUndefined();
  });

  it('matches nothing for a slug in the tagList and todos projectIds filters', async () => {
    const query = `query Q($c: String!, $p: String!) {
      tagList(filter: { projectIds: [$p] }) { items { id } }
      todoQueries { todos(filter: { companyIds: [$c], projectIds: [$p] }) { items { id } } }
    }`;
    await gql('mutation C($input: CreateTodoInput!) { createTodo(input: $input) { id } }', { input: { title: 'One' } });
    const bySlug = await gql(query, { c: DEMO.ids.company, p: DEMO.blue.projectId });
    expect(bySlug.errors).toBeUndefined();
    expect(bySlug.data).toEqual({ tagList: { items: [] }, todoQueries: { todos: { items: [] } } });
    const byId = await gql(query, { c: DEMO.ids.company, p: DEMO.ids.project });
    expect(byId.data).toMatchObject({
      tagList: { items: [{ id: DEMO.ids.tagCodat }] },
      todoQueries: { todos: { items: [{ id: expect.any(String) }] } },
    });
  });

  it('resolves a company id or slug with company(id:), and matches nothing for a company slug in the companyIds filters', async () => {
    for (const ref of [DEMO.blue.companyId, DEMO.ids.company]) {
      expect(await gql('query C($c: String) { company(id: $c) { id slug } }', { c: ref })).toMatchObject({
        data: { company: { id: DEMO.ids.company, slug: DEMO.blue.companyId } },
      });
    }
    expect(codes(await gql('query C { company(id: "other") { id } }'))).toEqual(['FORBIDDEN']);
    const query = `query Q($c: String!) {
      projectList(filter: { companyIds: [$c] }) { items { id } }
      todoQueries { todos(filter: { companyIds: [$c] }) { items { id } } }
    }`;
    await gql('mutation C($input: CreateTodoInput!) { createTodo(input: $input) { id } }', { input: { title: 'One' } });
    const bySlug = await gql(query, { c: DEMO.blue.companyId });
    expect(bySlug.errors).toBeUndefined();
    expect(bySlug.data).toEqual({ projectList: { items: [] }, todoQueries: { todos: { items: [] } } });
    const byId = await gql(query, { c: DEMO.ids.company });
    expect(byId.data).toEqual({
      projectList: { items: [{ id: DEMO.ids.project }] },
      todoQueries: { todos: { items: [{ id: expect.any(String) }] } },
    });
  });
});

describe('record searches', () => {
  it('filters todos by list, assignee, tag, done and title text, and sorts the root todos query by updatedAt', async () => {
    const make = async (input: Record<string, unknown>) => {
      const r = await gql('mutation C($input: CreateTodoInput!) { createTodo(input: $input) { id } }', { input });
      return (r.data as { createTodo: { id: string } }).createTodo.id;
    };
    const a = await make({
      title: 'Onboard ACME',
      todoListId: DEMO.ids.listNew,
      assigneeIds: [DEMO.ids.user2],
      tags: [{ id: DEMO.ids.tagCodat }],
    });
    const b = await make({ title: 'Onboard Globex', todoListId: DEMO.ids.listDone });
    // The older record was edited last.
    server.store.todos.find((t) => t.id === a)!.updatedAt = '2099-01-01T00:00:00.000Z';
    const find = async (filter: Record<string, unknown>) => {
      const r = await gql(
        `query F($f: TodosFilter!) { todoQueries { todos(filter: $f, sort: [createdAt_DESC], limit: 10) { items { id } } } }`,
        { f: { companyIds: [DEMO.ids.company], projectIds: [DEMO.ids.project], ...filter } },
      );
      expect(r.errors).toBeUndefined();
      return (r.data as { todoQueries: { todos: { items: { id: string }[] } } }).todoQueries.todos.items.map(
        (t) => t.id,
      );
    };
    expect(await find({})).toEqual([b, a]);
    expect(await find({ todoListIds: [DEMO.ids.listDone] })).toEqual([b]);
    expect(await find({ assigneeIds: [DEMO.ids.user2] })).toEqual([a]);
    expect(await find({ assigneeIds: [DEMO.ids.user] })).toEqual([]);
    expect(await find({ tagIds: [DEMO.ids.tagCodat] })).toEqual([a]);
    expect(await find({ search: 'globex' })).toEqual([b]);
    expect(await find({ done: true })).toEqual([]);
    const updated = await gql(
      `query U($f: TodosFilter!) { todos(filter: $f, orderBy: updatedAt_DESC, first: 10) { items { id } totalCount } }`,
      { f: { companyIds: [DEMO.ids.company], projectIds: [DEMO.ids.project] } },
    );
    expect(updated.data).toEqual({ todos: { items: [{ id: a }, { id: b }], totalCount: 2 } });
  });
});

const CREATE = `mutation C($input: CreateTodoInput!) {
  createTodo(input: $input) { id title todoList { id } tags { title } customFields { id value } }
}`;

describe('createTodo', () => {
  it('creates a todo with custom field values and tags, then lists it through todoQueries', async () => {
    const r = await gql(CREATE, {
      input: {
        todoListId: DEMO.ids.listNew,
        title: 'Onboard Bank of Dave',
        customFields: [
          { customFieldId: DEMO.ids.fieldStage, value: DEMO.ids.fieldStageKyc },
          { customFieldId: DEMO.ids.fieldAmount, value: '2500.00 USD' },
        ],
        tags: [{ id: DEMO.ids.tagCodat }, { title: 'Loan', color: '#00ff00' }],
      },
    });
    expect(r.errors).toBeUndefined();
    const todo = (
      r.data as {
        createTodo: { id: string; tags: { title: string }[]; customFields: { id: string; value: unknown }[] };
      }
    ).createTodo;
    expect(todo.tags.map((t) => t.title)).toEqual(['Codat', 'Loan']);
    expect(todo.customFields).toEqual(
      expect.arrayContaining([
        { id: DEMO.ids.fieldStage, value: 'KYC' },
        { id: DEMO.ids.fieldAmount, value: '2500.00 USD' },
      ]),
    );
    expect(server.store.todos).toHaveLength(1);

    const list = await gql(
      `query L($c: String!) { todoQueries { todos(filter: { companyIds: [$c] }, sort: [createdAt_DESC], limit: 5) { items { id title } } } }`,
      { c: DEMO.ids.company },
    );
    expect(list.data).toEqual({ todoQueries: { todos: { items: [{ id: todo.id, title: 'Onboard Bank of Dave' }] } } });
  });

  it.each([
    [{ todoListId: 'nope', title: 'x' }, 'TODO_LIST_NOT_FOUND'],
    [{ title: '  ' }, 'BAD_USER_INPUT'],
    [{ title: 'x', customFields: [{ customFieldId: 'nope', value: '1' }] }, 'CUSTOM_FIELD_NOT_FOUND'],
    [{ title: 'x', customFields: [{ customFieldId: DEMO.ids.fieldStage, value: 'KYC' }] }, 'BAD_USER_INPUT'],
    [{ title: 'x', assigneeIds: ['stranger'] }, 'BAD_USER_INPUT'],
  ])('rejects %j with %s in an HTTP 200 and stores nothing', async (input, code) => {
    const r = await gql(CREATE, { input });
    expect(r.status).toBe(200);
    expect(codes(r)).toEqual([code]);
    expect(server.store.todos).toHaveLength(0);
  });

  it('needs the X-Bloo-Project-ID header', async () => {
    const { 'X-Bloo-Project-ID': _omit, ...headers } = goodHeaders;
    void _omit;
    expect(codes(await gql(CREATE, { input: { title: 'x' } }, headers))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('webhooks', () => {
  it('creates a webhook (secret returned once), delivers TODO_CREATED signed with X-Signature, deletes it', async () => {
    const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const rx = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        got.push({ headers: req.headers, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => rx.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(rx.address() as AddressInfo).port}/hook`;
      const created = await gql(
        'mutation W($input: CreateWebhookInput!) { createWebhook(input: $input) { id secret events projectIds enabled } }',
        { input: { name: 'Zapier', url, events: ['TODO_CREATED'], projectIds: [DEMO.ids.project] } },
      );
      const hook = (created.data as { createWebhook: { id: string; secret: string; events: string[] } }).createWebhook;
      expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(hook.events).toEqual(['TODO_CREATED']);
      const listed = await gql('query H { webhooks { items { id secret } } }');
      expect(listed.data).toEqual({ webhooks: { items: [{ id: hook.id, secret: null }] } });

      const todo = await gql(CREATE, { input: { title: 'Hello' } });
      await server.settled();
      expect(got).toHaveLength(1);
      const body = JSON.parse(got[0]!.body) as Record<string, unknown>;
      expect(body).toMatchObject({
        event: 'TODO_CREATED',
        webhook: { id: hook.id },
        previousValue: null,
        currentValue: { id: (todo.data as { createTodo: { id: string } }).createTodo.id, title: 'Hello' },
      });
      expect(got[0]!.headers['x-signature']).toBe(createHmac('sha256', hook.secret).update(got[0]!.body).digest('hex'));
      // Blue's stored entity, as its webhook docs show it, not the GraphQL type.
      const current = body.currentValue as Record<string, unknown>;
      expect(current).toMatchObject({
        position: expect.stringMatching(/^\d+(\.\d+)?$/),
        todoListId: expect.any(String),
        createdById: expect.any(String),
        todoUsers: [],
        todoTags: [],
        todoCustomFields: [],
        todoList: { id: current.todoListId, project: { id: DEMO.ids.project, company: { id: expect.any(String) } } },
      });
      for (const graphqlName of ['users', 'tags', 'customFields']) expect(current).not.toHaveProperty(graphqlName);
      // todo(id:) serves the record in GraphQL form.
      const one = await gql(
        'query G($id: String!) { todo(id: $id) { id title todoList { title project { name } } users { id } } }',
        { id: current.id },
      );
      expect(one.data).toMatchObject({ todo: { id: current.id, title: 'Hello', users: [] } });
      expect(codes(await gql('query G($id: String!) { todo(id: $id) { id } }', { id: 'nope' }))).toEqual([
        'TODO_NOT_FOUND',
      ]);

      const del = 'mutation D($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { success } }';
      expect((await gql(del, { input: { webhookId: hook.id } })).data).toEqual({ deleteWebhook: { success: true } });
      expect(codes(await gql(del, { input: { webhookId: hook.id } }))).toEqual(['WEBHOOK_NOT_FOUND']);
      await gql(CREATE, { input: { title: 'After delete' } });
      await server.settled();
      expect(got).toHaveLength(1);
    } finally {
      await new Promise<void>((r) => rx.close(() => r()));
    }
  });

  it('refuses a slug in createWebhook.projectIds (FORBIDDEN), like Blue, and creates nothing', async () => {
    const r = await gql('mutation W($input: CreateWebhookInput!) { createWebhook(input: $input) { id } }', {
      input: { url: 'https://hooks.zapier.com/x', events: ['TODO_CREATED'], projectIds: [DEMO.blue.projectId] },
    });
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect((await gql('query H { webhooks { items { id } } }')).data).toEqual({ webhooks: { items: [] } });
  });
});

describe('record mutations', () => {
  const VIEW =
    'id title text done todoList { id } users { id } tags { id title } customFields { id value } checklists { title checklistItems { title } }';
  async function created(): Promise<string> {
    const r = await gql(CREATE, { input: { todoListId: DEMO.ids.listNew, title: 'Onboard Bank of Dave' } });
    return (r.data as { createTodo: { id: string } }).createTodo.id;
  }

  it('edits, sets custom fields, completes, tags, assigns and returns the record from a trailing editTodo', async () => {
    const id = await created();
    const r = await gql(
      `mutation U($id: String!, $edit: EditTodoInput!, $cf0: SetTodoCustomFieldInput!, $cf1: SetTodoCustomFieldInput!, $done: UpdateTodosInput!) {
        cf0: setTodoCustomField(input: $cf0)
        cf1: setTodoCustomField(input: $cf1)
        done: updateTodos(input: $done)
        assign: addTodoAssignees(input: { todoId: $id, assigneeIds: ["${DEMO.ids.user2}"] }) { success }
        tags: setTodoTags(input: { todoId: $id, tagIds: ["${DEMO.ids.tagCodat}"], tagTitles: ["Loan"] })
        record: editTodo(input: $edit) { ${VIEW} }
      }`,
      {
        id,
        edit: { todoId: id, title: 'Renamed', html: '<p>Hi</p>', todoListId: DEMO.ids.listDone },
        cf0: { todoId: id, customFieldId: DEMO.ids.fieldAmount, number: 2500.5, currency: 'USD' },
        cf1: { todoId: id, customFieldId: DEMO.ids.fieldStage, customFieldOptionId: DEMO.ids.fieldStageKyc },
        done: { done: true, filter: { todoIds: [id] } },
      },
    );
    expect(r.errors).toBeUndefined();
    const record = (r.data as { record: Record<string, unknown> }).record;
    expect(record).toMatchObject({
      title: 'Renamed',
      text: 'Hi',
      done: true,
      todoList: { id: DEMO.ids.listDone },
      users: [{ id: DEMO.ids.user2 }],
    });
    expect((record.tags as { title: string }[]).map((t) => t.title)).toEqual(['Codat', 'Loan']);
    expect(record.customFields).toEqual(
      expect.arrayContaining([
        { id: DEMO.ids.fieldAmount, value: '2500.5 USD' },
        { id: DEMO.ids.fieldStage, value: 'KYC' },
      ]),
    );
  });

  it('updateTodos sets done (never toggles) and adds/removes one tag', async () => {
    const id = await created();
    const run = (input: Record<string, unknown>) =>
      gql('mutation D($i: UpdateTodosInput!) { updateTodos(input: $i) }', {
        i: { ...input, filter: { todoIds: [id] } },
      });
    await run({ done: true });
    await run({ done: true });
    expect(server.store.todos[0]!.done).toBe(true);
    await run({ tagId: DEMO.ids.tagCodat });
    expect(server.store.todos[0]!.tagIds).toEqual([DEMO.ids.tagCodat]);
    await run({ removeTagId: DEMO.ids.tagCodat, done: false });
    expect(server.store.todos[0]).toMatchObject({ tagIds: [], done: false });
  });

  it('comments on a record and adds checklist items, answering with the record through the item', async () => {
    const id = await created();
    const c = await gql(
      'mutation C($i: CreateCommentInput!) { createComment(input: $i) { id text category user { id } todo { id } } }',
      {
        i: { html: '<p>Paid</p>', text: 'Paid', category: 'TODO', categoryId: id },
      },
    );
    expect(c.data).toMatchObject({
      createComment: { text: 'Paid', category: 'TODO', user: { id: DEMO.ids.user }, todo: { id } },
    });
    const list = await gql('mutation L($i: CreateChecklistInput!) { createChecklist(input: $i) { id title } }', {
      i: { todoId: id, title: 'KYC', position: 65535 },
    });
    const checklistId = (list.data as { createChecklist: { id: string } }).createChecklist.id;
    const item = await gql(
      `mutation I($i: CreateChecklistItemInput!) { createChecklistItem(input: $i) { title checklist { title todo { ${VIEW} } } } }`,
      {
        i: { checklistId, title: 'Passport', position: 65535 },
      },
    );
    expect(item.data).toMatchObject({
      createChecklistItem: {
        title: 'Passport',
        checklist: {
          title: 'KYC',
          todo: { id, checklists: [{ title: 'KYC', checklistItems: [{ title: 'Passport' }] }] },
        },
      },
    });
  });

  it.each([
    ['editTodo', 'TODO_NOT_FOUND', 'mutation E { editTodo(input: { todoId: "nope" }) { id } }'],
    [
      'editTodo list',
      'TODO_LIST_NOT_FOUND',
      'mutation E($id: String!) { editTodo(input: { todoId: $id, todoListId: "nope" }) { id } }',
    ],
    [
      'updateTodos tag',
      'TAG_NOT_FOUND',
      'mutation E($id: String!) { updateTodos(input: { tagId: "nope", filter: { todoIds: [$id] } }) }',
    ],
    [
      'addTodoAssignees',
      'USER_NOT_FOUND',
      'mutation E($id: String!) { addTodoAssignees(input: { todoId: $id, assigneeIds: ["nope"] }) { success } }',
    ],
    [
      'createChecklistItem',
      'CHECKLIST_NOT_FOUND',
      'mutation E { createChecklistItem(input: { checklistId: "nope", title: "x", position: 1 }) { id } }',
    ],
    [
      'setTodoCustomField type',
      'BAD_USER_INPUT',
      `mutation E($id: String!) { setTodoCustomField(input: { todoId: $id, customFieldId: "${DEMO.ids.fieldAmount}", text: "x" }) }`,
    ],
  ])('%s: answers %s for what does not exist or does not fit', async (_name, code, query) => {
    const id = await created();
    expect(codes(await gql(query, { id }))).toEqual([code]);
  });
});

describe('record mutation webhooks', () => {
  it('delivers the events a change makes (entity shape, previous and current value), none for a no-op editTodo', async () => {
    const catcher = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200).end());
    });
    await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(catcher.address() as AddressInfo).port}/hook`;
    try {
      const r = await gql(CREATE, { input: { todoListId: DEMO.ids.listNew, title: 'Onboard' } });
      const id = (r.data as { createTodo: { id: string } }).createTodo.id;
      await server.settled();
      await gql('mutation W($i: CreateWebhookInput!) { createWebhook(input: $i) { id } }', {
        i: {
          url,
          events: ['TODO_DONE_STATUS_UPDATED', 'TODO_NAME_CHANGED', 'TODO_CUSTOM_FIELD_UPDATED', 'COMMENT_CREATED'],
          projectIds: [DEMO.ids.project],
        },
      });
      const before = server.store.todos[0]!.updatedAt;
      await gql('mutation N($id: String!) { editTodo(input: { todoId: $id }) { id } }', { id });
      expect(server.store.todos[0]!.updatedAt).toBe(before);
      await gql(
        'mutation D($id: String!) { updateTodos(input: { done: true, filter: { todoIds: [$id] } }) editTodo(input: { todoId: $id, title: "Onboarded" }) { id } }',
        { id },
      );
      await gql('mutation C($i: CreateCommentInput!) { createComment(input: $i) { id } }', {
        i: { html: '<p>Hi</p>', text: 'Hi', category: 'TODO', categoryId: id },
      });
      await server.settled();
      expect(server.deliveries.map((d) => d.event)).toEqual([
        'TODO_DONE_STATUS_UPDATED',
        'TODO_NAME_CHANGED',
        'COMMENT_CREATED',
      ]);
      const done = JSON.parse(server.deliveries[0]!.body) as {
        previousValue: { done: boolean; todoListId: string };
        currentValue: { done: boolean };
      };
      expect([done.previousValue.done, done.currentValue.done, done.previousValue.todoListId]).toEqual([
        false,
        true,
        DEMO.ids.listNew,
      ]);
      const comment = JSON.parse(server.deliveries[2]!.body) as {
        previousValue: null;
        currentValue: Record<string, unknown>;
      };
      expect(comment.previousValue).toBeNull();
      expect(comment.currentValue).toMatchObject({
        text: 'Hi',
        category: 'TODO',
        categoryId: id,
        userId: DEMO.ids.user,
      });
    } finally {
      await new Promise((resolve) => catcher.close(resolve));
    }
  });
});
