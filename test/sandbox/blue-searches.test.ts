// The searches and polling triggers against the sandbox's Blue server over real loopback HTTP
// (no nock): what Blue would serve them, through zapier-platform-core's runtime.
import nock from 'nock';
import App from '../../index.js';
import { AppRunner } from '../../sandbox/app-runner.js';
import { startServers } from '../../sandbox/round-trip.js';
import { DEMO } from '../../sandbox/seed.js';

let servers: Awaited<ReturnType<typeof startServers>>;
const runner = new AppRunner(App);
const run = <T>(kind: 'triggers' | 'searches', key: string, inputData: Record<string, unknown>) =>
  runner.run<T>(runner.fn(kind, key, 'perform'), { authData: servers.authData, inputData, meta: {} });

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
  servers = await startServers({ fastRetries: true });
});
afterAll(async () => {
  await servers?.stop();
  nock.enableNetConnect();
});

type Out = { id: string; recordId?: string; title?: string };

it('creates records, then finds them, polls them and finds a member', async () => {
  const create = (title: string, extra: Record<string, unknown> = {}) =>
    runner.run<Out>(runner.fn('creates', 'create_todo', 'perform'), {
      authData: servers.authData,
      inputData: { todoListId: DEMO.ids.listNew, title, ...extra },
    });
  const a = await create('Onboard ACME', { assigneeIds: [DEMO.ids.user2] });
  const b = await create('Onboard Globex', { tagIds: [DEMO.ids.tagCodat] });

  expect((await run<Out[]>('searches', 'find_todo', { title: 'onboard acme' })).map((r) => r.id)).toEqual([a.id]);
  expect((await run<Out[]>('searches', 'find_todo', { recordId: b.id })).map((r) => r.title)).toEqual([
    'Onboard Globex',
  ]);
  expect(await run<Out[]>('searches', 'find_todo', { title: 'Onboard', done: 'done' })).toEqual([]);

  const polled = await run<Out[]>('triggers', 'new_todo_polling', {});
  expect(polled.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
  expect((await run<Out[]>('triggers', 'new_todo_polling', { tagId: DEMO.ids.tagCodat })).map((r) => r.id)).toEqual([
    b.id,
  ]);
  expect((await run<Out[]>('triggers', 'new_todo_polling', { assigneeId: DEMO.ids.user2 })).map((r) => r.id)).toEqual([
    a.id,
  ]);

  // Nothing edited yet; then one edit is one new item.
  expect(await run<Out[]>('triggers', 'updated_todo_polling', {})).toEqual([]);
  servers.blue.store.todos.find((t) => t.id === a.id)!.updatedAt = new Date(Date.now() + 60_000).toISOString();
  expect((await run<Out[]>('triggers', 'updated_todo_polling', {})).map((r) => r.recordId)).toEqual([a.id]);

  expect(await run<{ id: string }[]>('searches', 'find_user', { email: 'GRACE@example.com' })).toEqual([
    {
      id: DEMO.ids.user2,
      fullName: 'Grace Hopper',
      email: 'grace@example.com',
      label: 'Grace Hopper (grace@example.com)',
    },
  ]);
  expect(await run('searches', 'find_user', { name: 'Grace' })).toEqual([]);
  const codes = servers.blue.operations.flatMap((o) => o.codes);
  expect(codes).toEqual([]);
});
