// The app's Blue triggers against the sandbox's real-shape deliveries (the stored entity, custom
// field values as join rows naming a dropdown option by id): Custom Field Changed matches the
// option title typed in its filter, and a comment gets its author's and record's names, each with
// one request to the sandbox's GraphQL server.
import { createHmac } from 'node:crypto';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { BlueServer } from '../../sandbox/blue-server.js';
import { DEMO, demoAuthData, demoBlueStore } from '../../sandbox/seed.js';

const appTester = zapier.createAppTester(App);
const SECRET = 'sandbox-webhook-secret';
let server: BlueServer;

beforeEach(async () => {
  server = await new BlueServer({ store: demoBlueStore() }).start();
  process.env.BLUE_API_URL = server.url;
});
afterEach(async () => {
  delete process.env.BLUE_API_URL;
  await server.close();
});

type Out = Record<string, unknown>;
function perform(key: string, payload: Out, inputData: Out = {}): Promise<Out[]> {
  const content = JSON.stringify(payload);
  const signature = createHmac('sha256', SECRET).update(content).digest('hex');
  const bundle = {
    authData: demoAuthData(),
    inputData,
    subscribeData: { id: 'wh-1', secret: SECRET, projectId: DEMO.ids.project, events: [payload.event] },
    rawRequest: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Http-X-Signature': signature },
      content,
      querystring: '',
    },
    cleanedRequest: payload,
  };
  const op = (App.triggers as unknown as Record<string, { operation: { perform: never } }>)[key]!.operation;
  return appTester<Out[], Bundle>(op.perform, bundle as never);
}

async function createTodo(stageOption: string): Promise<string> {
  const resp = await fetch(server.url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Bloo-Token-ID': DEMO.blue.tokenId,
      'X-Bloo-Token-Secret': DEMO.blue.tokenSecret,
      'X-Bloo-Company-ID': DEMO.blue.companyId,
      'X-Bloo-Project-ID': DEMO.blue.projectId,
    },
    body: JSON.stringify({
      query: 'mutation C($input: CreateTodoInput!) { createTodo(input: $input) { id } }',
      variables: {
        input: {
          title: 'Bank of Dave',
          assigneeIds: [DEMO.ids.user],
          customFields: [{ customFieldId: DEMO.ids.fieldStage, value: stageOption }],
        },
      },
    }),
  });
  const body = (await resp.json()) as { data: { createTodo: { id: string } } };
  return body.data.createTodo.id;
}

const opsAfter = (count: number) => server.operations.slice(count).map((o) => o.name);

describe('Custom Field Changed on a sandbox delivery', () => {
  async function change(from: string, to: string) {
    const id = await createTodo(to);
    const stored = server.store.todos.find((t) => t.id === id)!;
    const currentValue = server.todoJson(stored);
    const previousValue = server.todoJson({ ...stored, values: { ...stored.values, [DEMO.ids.fieldStage]: from } });
    // What the app relies on: the option by id only, no field name.
    expect(currentValue.todoCustomFields).toEqual([
      expect.objectContaining({ customFieldId: DEMO.ids.fieldStage, value: to }),
    ]);
    return { event: 'TODO_CUSTOM_FIELD_UPDATED', webhook: { id: 'wh-1' }, previousValue, currentValue };
  }

  it('matches the option title with one todo(id:) request, and shows titles', async () => {
    const payload = await change(DEMO.ids.fieldStageNew, DEMO.ids.fieldStageKyc);
    const before = server.operations.length;
    const out = await perform('custom_field_changed', payload, {
      customFieldId: DEMO.ids.fieldStage,
      customFieldValue: 'kyc',
    });
    expect(opsAfter(before)).toEqual(['ZapierGetTodo']);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ customFieldsByName: { Stage: 'KYC' }, assigneeNames: 'Ada Lovelace' });
    expect(out[0]!.previousValue).toMatchObject({ customFieldsByName: { Stage: 'New' } });
  });

  it('does not start for another title, after the same one request', async () => {
    const payload = await change(DEMO.ids.fieldStageKyc, DEMO.ids.fieldStageNew);
    const before = server.operations.length;
    expect(await perform('custom_field_changed', payload, { customFieldId: 'Stage', customFieldValue: 'KYC' })).toEqual(
      [],
    );
    expect(opsAfter(before)).toEqual(['ZapierGetTodo']);
  });
});

describe('New Comment on a comment entity', () => {
  it('names the author and the record with one request', async () => {
    const todoId = await createTodo(DEMO.ids.fieldStageNew);
    const comment = {
      id: 'ccomment000000000000000001',
      uid: 'cu1',
      html: '<p>KYC done</p>',
      text: 'KYC done',
      category: 'TODO',
      categoryId: todoId,
      userId: DEMO.ids.user2,
      createdAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-01-05T10:00:00.000Z',
    };
    const before = server.operations.length;
    const out = await perform('new_comment', {
      event: 'COMMENT_CREATED',
      webhook: { id: 'wh-1' },
      previousValue: null,
      currentValue: comment,
    });
    expect(opsAfter(before)).toEqual(['ZapierCommentAuthorAndRecord']);
    expect(out[0]).toMatchObject({
      user: { id: DEMO.ids.user2, fullName: 'Grace Hopper', email: 'grace@example.com' },
      todo: { id: todoId, title: 'Bank of Dave' },
    });
  });
});
