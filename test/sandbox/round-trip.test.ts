// End to end over real loopback HTTP (no nock for these requests): the same steps `npm start`
// runs, each step's result asserted here on the servers' state and the trigger/action outputs.
import nock from 'nock';
import App from '../../index.js';
import { DEMO } from '../../sandbox/seed.js';
import { runRoundTrip, startSandbox, STEPS, type Sandbox, type StepResult } from '../../sandbox/round-trip.js';

let sb: Sandbox;
let results: StepResult[];

beforeAll(async () => {
  // Anything but loopback would be a leak: the round trip must work offline.
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
  sb = await startSandbox(App);
  results = await runRoundTrip(sb);
});

afterAll(async () => {
  await sb?.stop();
  nock.cleanAll();
  nock.enableNetConnect();
});

const step = (n: number) => results.find((r) => r.index === n);

it('runs all 10 steps, in order, each passing', () => {
  expect(results.map((r) => [r.index, r.ok, r.error])).toEqual(STEPS.map((_, i) => [i + 1, true, undefined]));
});

it('step 1: auth test reached both servers with the connection credentials', () => {
  expect(step(1)?.lines.join('\n')).toContain('Codat sandbox-client-0001 + Blue Client Onboarding (Ada Lovelace)');
  const codatAuth = sb.codat.requests.find(
    (r) => r.method === 'GET' && r.path.startsWith(`/api/v1/app/${DEMO.codat.clientId}/endpoint`),
  );
  expect(codatAuth?.headers.authorization).toBe(`Bearer ${DEMO.codat.zapierKey}`);
  expect(codatAuth?.status).toBe(200);
  // The Codat API Key is checked with one company, Basic auth with its Base64.
  const keyCheck = sb.codat.requests.find((r) => r.method === 'GET' && r.path.startsWith('/companies?'));
  expect(keyCheck?.path).toBe('/companies?page=1&pageSize=1');
  expect(keyCheck?.headers.authorization).toBe(`Basic ${Buffer.from(DEMO.codat.apiKey).toString('base64')}`);
  expect(keyCheck?.status).toBe(200);
  const blueAuth = sb.blue.operations[0];
  expect(blueAuth?.codes).toEqual([]);
  expect(blueAuth?.headers['x-bloo-token-id']).toBe(DEMO.blue.tokenId);
  expect(blueAuth?.headers['x-bloo-company-id']).toBe(DEMO.blue.companyId);
});

it('step 2: subscribe (New Company) created one Codat consumer (filterTypes, channels, secret, idempotency key) and one Blue webhook', () => {
  const create = sb.codat.requests.find(
    (r) => r.method === 'POST' && r.path === `/api/v1/app/${DEMO.codat.clientId}/endpoint`,
  );
  expect(create?.status).toBe(201);
  expect(create?.headers['idempotency-key']).toEqual(expect.any(String));
  const body = JSON.parse(create!.body) as Record<string, unknown>;
  expect(body).toMatchObject({
    filterTypes: ['company.created'],
    channels: ['customerRegion:us'],
    description: expect.stringMatching(/^Zapier "New Company" trigger, .*; only companies tagged customerRegion:us$/),
    url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/catch\//),
  });
  expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,100}$/);
  expect(body).not.toHaveProperty('eventTypes');
  const blueCreate = sb.blue.operations.find((o) => o.name === 'ZapierCreateWebhook');
  expect(blueCreate?.codes).toEqual([]);
});

it('step 3: the delivery was retried once after a 503, then verified, and the output names the company', () => {
  const delivery = sb.codat.deliveries[0];
  expect(delivery?.attempts.map((a) => a.status)).toEqual([503, 200]);
  const run = sb.hooks.runs.find((r) => r.triggerKey === 'codat_new_company');
  expect(run?.rawRequest.headers['Http-Webhook-Signature']).toMatch(/^v1,/);
  expect(run?.rawRequest.headers['Content-Type']).toBe('application/json');
  expect(run?.rawRequest.content).toBe(delivery?.body);
  expect(run?.error).toBeUndefined();
  expect(run?.result).toEqual([
    expect.objectContaining({
      eventType: 'company.created',
      companyName: 'Bank of Dave',
      companyId: '0498e921-9b53-4396-a412-4f2f5983b0a2',
    }),
  ]);
});

it('step 4: the todo exists in Blue with the mapped title, list, tag and custom field values', () => {
  expect(sb.blue.store.todos).toHaveLength(1);
  const todo = sb.blue.store.todos[0]!;
  expect(todo).toMatchObject({
    title: 'Onboard Bank of Dave',
    todoListId: DEMO.ids.listNew,
    tagIds: [DEMO.ids.tagCodat],
  });
  // Stage was New at creation (the step checks it then); step 7 sets it to KYC.
  expect(todo.values).toEqual({
    [DEMO.ids.fieldCodatId]: '0498e921-9b53-4396-a412-4f2f5983b0a2',
    [DEMO.ids.fieldStage]: DEMO.ids.fieldStageKyc,
  });
  const create = sb.blue.operations.find((o) => o.name && /createtodo/i.test(o.name));
  expect(create?.headers['x-bloo-project-id']).toBe(DEMO.blue.projectId);
  expect(create?.codes).toEqual([]);
});

it('step 5: new_todo got TODO_CREATED for that todo with a valid X-Signature', () => {
  const delivery = sb.blue.deliveries.find((d) => d.event === 'TODO_CREATED');
  expect(delivery?.ok).toBe(true);
  const run = sb.hooks.runs.find((r) => r.triggerKey === 'new_todo');
  expect(run?.rawRequest.headers['Http-X-Signature']).toBe(delivery?.signature);
  expect(run?.error).toBeUndefined();
  expect(run?.result).toHaveLength(1);
  expect(JSON.stringify(run?.result)).toContain(sb.blue.store.todos[0]!.id);
});

it('step 6: both tampered deliveries were refused without a Zap run', () => {
  const codatRuns = sb.hooks.runs.filter((r) => r.triggerKey === 'codat_new_company');
  const blueRuns = sb.hooks.runs.filter((r) => r.triggerKey === 'new_todo');
  expect(codatRuns).toHaveLength(2);
  expect(blueRuns).toHaveLength(2);
  for (const forged of [codatRuns[1]!, blueRuns[1]!]) {
    expect(forged.result ?? []).toEqual([]);
    if (forged.error) expect(forged.error.message).toMatch(/signature|verified/i);
  }
  expect(codatRuns[1]?.rawRequest.content).toContain('Bank of Mallory');
});

it('step 7: the record actions changed the todo and commented on it, one request each', () => {
  const todo = sb.blue.store.todos[0]!;
  expect(todo).toMatchObject({ done: true, duedAt: '2026-12-31T17:00:00.000Z' });
  expect(sb.blue.store.comments).toEqual([
    expect.objectContaining({ category: 'TODO', categoryId: todo.id, text: 'KYC started for Bank of Dave.' }),
  ]);
  const names = sb.blue.operations.map((o) => o.name);
  for (const name of ['ZapierUpdateRecord', 'ZapierUpdateTodosRecord', 'ZapierAddComment'])
    expect(names.filter((n) => n === name)).toHaveLength(1);
  expect(
    sb.blue.operations
      .filter((o) => o.name?.startsWith('ZapierUpdate') || o.name === 'ZapierAddComment')
      .every((o) => o.codes.length === 0),
  ).toBe(true);
});

it('step 8: Find or Create found the record by its Codat Company ID, one todos query per search, nothing created', () => {
  const finds = sb.blue.operations.filter((o) => o.name === 'ZapierFindTodos');
  expect(finds.map((o) => o.codes)).toEqual([[], []]);
  expect(step(8)?.lines[0]).toContain(sb.blue.store.todos[0]!.id);
  expect(sb.blue.store.todos).toHaveLength(1);
});

it('step 9: nothing is left subscribed in either server', () => {
  expect(sb.codat.endpoints.size).toBe(0);
  expect(sb.blue.store.webhooks).toHaveLength(0);
  expect(sb.codat.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([204]);
  expect(sb.blue.operations.find((o) => o.name === 'ZapierDeleteWebhook')?.codes).toEqual([]);
});

it('step 10: Create Company stored the company (tags too) and printed its Link URL; Find Company found it', () => {
  const create = sb.codat.requests.find((r) => r.method === 'POST' && r.path === '/companies');
  expect(create?.status).toBe(200);
  expect(JSON.parse(create!.body)).toEqual({
    name: 'Dave Lending Ltd',
    description: expect.stringMatching(/^Zap run for todo /),
    tags: { uid: 'crm-lead-42' },
  });
  const company = sb.codat.platform!.companies.find((c) => c.name === 'Dave Lending Ltd');
  expect(step(10)?.lines).toContain(`Link URL: https://link.codat.io/company/${company!.id}`);
  const find = sb.codat.requests.find((r) => r.method === 'GET' && r.path.includes('query=name'));
  expect(find?.path).toBe('/companies?page=1&pageSize=100&query=name%3DDave%20Lending%20Ltd');
  expect(find?.status).toBe(200);
});

it('reports a failing step by number and stops there', async () => {
  const failing = await runRoundTrip(sb, undefined, [
    STEPS[0]!,
    { title: 'always fails', run: () => Promise.reject(new Error('boom')) },
    STEPS[0]!,
  ]);
  expect(failing.map((r) => [r.index, r.ok])).toEqual([
    [1, true],
    [2, false],
  ]);
  expect(failing[1]?.error).toBe('Error: boom');
});
