// Update Record's one document against a GraphQL server that runs it as graphql-js does (the
// sandbox's): the mutations run in order, the first failing one (a non-null field) ends the
// document with data null and its alias in the error's path, and those before it stay saved.
// The error must say so, naming what failed and what was saved.
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import { customFieldKey } from '../../blue/custom-field-values.js';
import { BlueServer } from '../../sandbox/blue-server.js';
import { DEMO, demoAuthData, demoBlueStore } from '../../sandbox/seed.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
let server: BlueServer;

beforeEach(async () => {
  server = await new BlueServer({ store: demoBlueStore() }).start();
  process.env.BLUE_API_URL = server.url;
});
afterEach(async () => {
  delete process.env.BLUE_API_URL;
  await server.close();
});

async function blue<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const resp = await fetch(server.url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Bloo-Token-ID': DEMO.blue.tokenId,
      'X-Bloo-Token-Secret': DEMO.blue.tokenSecret,
      'X-Bloo-Company-ID': DEMO.blue.companyId,
      'X-Bloo-Project-ID': DEMO.blue.projectId,
    },
    body: JSON.stringify({ query, variables }),
  });
  return ((await resp.json()) as { data: T }).data;
}

const perform = (App.creates as unknown as Record<string, { operation: { perform: never } }>).update_record!.operation
  .perform;

it('a failing custom field: the assignees and the custom field before it are saved, the title not, and the error says so', async () => {
  const { createTodo } = await blue<{ createTodo: { id: string } }>(
    'mutation C($input: CreateTodoInput!) { createTodo(input: $input) { id } }',
    { input: { title: 'Bank of Dave', assigneeIds: [DEMO.ids.user] } },
  );
  const missing = 'csandboxfield000000000099';
  const inputData = {
    recordId: createTodo.id,
    title: 'Renamed',
    assigneeIds: [DEMO.ids.user2],
    [customFieldKey('value', 'CURRENCY', DEMO.ids.fieldAmount)]: '2500',
    [customFieldKey('value', 'NUMBER', missing)]: '3',
  };
  const err = await caught(appTester(perform, { authData: demoAuthData(), inputData } as never));
  expect(err.code).toBe('blue_not_found');
  expect(err.message).toContain(
    `Blue stopped at custom field ${missing} and made none of the changes after it. Saved before it: the assignees and custom field ${DEMO.ids.fieldAmount}.`,
  );

  const { todo } = await blue<{ todo: { title: string; users: { id: string }[] } }>(
    'query G($id: String!) { todo(id: $id) { title users { id } } }',
    { id: createTodo.id },
  );
  expect(todo).toEqual({ title: 'Bank of Dave', users: [{ id: DEMO.ids.user2 }] });
});
