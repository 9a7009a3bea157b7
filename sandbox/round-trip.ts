// The whole Zap, offline: Codat event -> Codat trigger -> Create Todo in Blue -> Blue trigger,
// plus a tampered delivery and the clean-up. Shared by `npm start` (sandbox/run.ts) and the
// end-to-end test (test/sandbox/round-trip.test.ts); each step checks its own result and throws
// a StepFailure saying what went wrong.
import { AppRunner, type AppLike } from './app-runner.js';
import { BlueServer } from './blue-server.js';
import { CatchHook, type HookRun } from './catch-hook.js';
import { CodatServer, codatEnvelope } from './codat-server.js';
import { DEMO, demoAuthData, demoBlueStore, demoCompany, demoPlatformCompanies } from './seed.js';

export class StepFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepFailure';
  }
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new StepFailure(message);
}

export interface Sandbox {
  codat: CodatServer;
  blue: BlueServer;
  hooks: CatchHook;
  runner: AppRunner;
  authData: Record<string, string>;
  /** The env lines that point the app (and `zapier-platform invoke`) at the sandbox. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export interface SandboxOptions {
  codatPort?: number;
  bluePort?: number;
  log?: (service: 'codat' | 'blue', line: string) => void;
  /** Short waits keep the round trip fast; the servers' defaults are used otherwise. */
  fastRetries?: boolean;
}

/** Starts the Codat and Blue servers (seeded) and points this process's app at them. */
export async function startServers(
  options: SandboxOptions = {},
): Promise<Pick<Sandbox, 'codat' | 'blue' | 'authData' | 'env'> & { stop(): Promise<void> }> {
  const retry = options.fastRetries ? { backoffMs: [20, 40, 80], timeoutMs: 15_000 } : undefined;
  const codat = await new CodatServer({
    appId: DEMO.codat.clientId,
    apiKey: DEMO.codat.zapierKey,
    platform: { apiKey: DEMO.codat.apiKey, companies: demoPlatformCompanies() },
    ...(options.codatPort === undefined ? {} : { port: options.codatPort }),
    ...(retry ? { retry } : {}),
    ...(options.log ? { log: (line: string) => options.log?.('codat', line) } : {}),
  }).start();
  let blue: BlueServer;
  try {
    blue = await new BlueServer({
      store: demoBlueStore(),
      ...(options.bluePort === undefined ? {} : { port: options.bluePort }),
      ...(retry ? { retry } : {}),
      ...(options.log ? { log: (line: string) => options.log?.('blue', line) } : {}),
    }).start();
  } catch (err) {
    await codat.close();
    throw err;
  }
  const authData = demoAuthData();
  const env: Record<string, string> = {
    CODAT_WEBHOOKS_API_URL: codat.url,
    CODAT_API_URL: codat.url,
    BLUE_API_URL: blue.url,
    ...Object.fromEntries(Object.entries(authData).map(([k, v]) => [`authData_${k}`, v])),
  };
  const saved = {
    CODAT_WEBHOOKS_API_URL: process.env.CODAT_WEBHOOKS_API_URL,
    CODAT_API_URL: process.env.CODAT_API_URL,
    BLUE_API_URL: process.env.BLUE_API_URL,
  };
  process.env.CODAT_WEBHOOKS_API_URL = codat.url;
  process.env.CODAT_API_URL = codat.url;
  process.env.BLUE_API_URL = blue.url;
  return {
    codat,
    blue,
    authData,
    env,
    async stop() {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await Promise.allSettled([codat.close(), blue.close()]);
    },
  };
}

/** Servers + catch hook + the app's runtime: everything the round trip needs. */
export async function startSandbox(app: AppLike, options: SandboxOptions = {}): Promise<Sandbox> {
  const servers = await startServers({ fastRetries: true, ...options });
  const runner = new AppRunner(app);
  let hooks: CatchHook;
  try {
    hooks = await new CatchHook(runner).start();
  } catch (err) {
    await servers.stop();
    throw err;
  }
  return {
    ...servers,
    hooks,
    runner,
    async stop() {
      await hooks.close();
      await servers.stop();
    },
  };
}

interface Subscription {
  hookId: string;
  url: string;
  subscribeData: Record<string, unknown>;
}

/** What the steps hand on to each other. */
export interface RoundTripState {
  codatHook?: Subscription;
  blueHook?: Subscription;
  codatOutput?: Record<string, unknown>;
  codatRunCount?: number;
  todo?: Record<string, unknown>;
  blueOutput?: Record<string, unknown>;
  rejected?: { codat: HookRun; blue: HookRun };
}

export interface Step {
  title: string;
  run(sb: Sandbox, state: RoundTripState): Promise<string[]>;
}

const CODAT_EVENT = 'company.created';
/** New Company, for the company's tag (the demo company is tagged customerRegion:us). */
const CODAT_TRIGGER = 'codat_new_company';
const COMPANY_TAG = 'customerRegion:us';
const COMPANY_NAME = 'Bank of Dave';

function one(run: HookRun, what: string): Record<string, unknown> {
  check(!run.error, `${what}: perform failed: ${run.error?.name}: ${run.error?.message}`);
  check(
    run.result && run.result.length === 1,
    `${what}: perform returned ${run.result?.length ?? 0} items instead of 1`,
  );
  const item = run.result[0];
  check(item && typeof item === 'object', `${what}: perform returned a non-object item`);
  return item as Record<string, unknown>;
}

function short(value: unknown, max = 90): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

async function subscribe(sb: Sandbox, triggerKey: string, inputData: Record<string, unknown>): Promise<Subscription> {
  const performSubscribe = sb.runner.fn('triggers', triggerKey, 'performSubscribe');
  sb.runner.fn('triggers', triggerKey, 'perform');
  const { hookId, url } = sb.hooks.create({ triggerKey, authData: sb.authData, inputData });
  const subscribeData = await sb.runner.run<Record<string, unknown>>(performSubscribe, {
    authData: sb.authData,
    inputData,
    targetUrl: url,
    meta: { zap: { id: `sandbox-${triggerKey}` } },
  });
  check(subscribeData && typeof subscribeData === 'object', `${triggerKey} performSubscribe returned no subscribeData`);
  sb.hooks.setSubscribeData(hookId, subscribeData);
  return { hookId, url, subscribeData };
}

export const STEPS: readonly Step[] = [
  {
    title: 'Auth test and connection label (Codat + Blue)',
    async run(sb) {
      const test = sb.runner.authFn('test');
      const result = await sb.runner.run<{
        codat?: { clientId: string };
        blue?: { userName: string; projectName: string };
      }>(test, {
        authData: sb.authData,
        meta: { isTestingAuth: true },
      });
      check(
        result.codat?.clientId === DEMO.codat.clientId,
        `auth test did not confirm the Codat client (${short(result.codat)})`,
      );
      check(
        result.blue?.projectName === 'Client Onboarding',
        `auth test did not confirm the Blue project (${short(result.blue)})`,
      );
      const label = await sb.runner.run<string>(sb.runner.authFn('connectionLabel'), {
        authData: sb.authData,
        inputData: result,
      });
      check(
        typeof label === 'string' && label.includes(DEMO.codat.clientId) && label.includes('Client Onboarding'),
        `unexpected connection label "${label}"`,
      );
      check(
        ![DEMO.codat.zapierKey, DEMO.codat.apiKey, DEMO.blue.tokenSecret].some((s) => label.includes(s)),
        'the connection label shows a secret',
      );
      return [
        `Codat application ${result.codat.clientId} answered`,
        `Blue user ${result.blue.userName}, project ${result.blue.projectName}`,
        `connection label: "${label}"`,
      ];
    },
  },
  {
    title: `Subscribe ${CODAT_TRIGGER} (${CODAT_EVENT}, companies tagged ${COMPANY_TAG}) and new_todo`,
    async run(sb, state) {
      state.codatHook = await subscribe(sb, CODAT_TRIGGER, { companyTags: [COMPANY_TAG] });
      const endpoints = [...sb.codat.endpoints.values()];
      check(endpoints.length === 1, `the Codat server has ${endpoints.length} consumers instead of 1`);
      const ep = endpoints[0]!;
      check(ep.url === state.codatHook.url, `the Codat consumer points at ${ep.url}, not at the hook URL`);
      check(
        ep.filterTypes?.length === 1 && ep.filterTypes[0] === CODAT_EVENT,
        `the Codat consumer filters ${short(ep.filterTypes)}`,
      );
      check(
        ep.channels?.length === 1 && ep.channels[0] === COMPANY_TAG,
        `the Codat consumer listens to channels ${short(ep.channels)}`,
      );
      const create = sb.codat.requests.find((r) => r.method === 'POST' && r.path.endsWith('/endpoint'));
      check(create?.headers['idempotency-key'], 'the consumer was created without an idempotency-key');

      state.blueHook = await subscribe(sb, 'new_todo', {});
      const hooks = sb.blue.store.webhooks;
      check(hooks.length === 1, `the Blue server has ${hooks.length} webhooks instead of 1`);
      const hook = hooks[0]!;
      check(hook.url === state.blueHook.url, `the Blue webhook points at ${hook.url}, not at the hook URL`);
      check(hook.events.includes('TODO_CREATED'), `the Blue webhook listens to ${short(hook.events)}`);
      return [
        `Codat consumer ${ep.id}: "${ep.description}", filterTypes ${JSON.stringify(ep.filterTypes)}, channels ${JSON.stringify(ep.channels)}`,
        `Blue webhook ${hook.id}: events ${JSON.stringify(hook.events)}, projects ${JSON.stringify(hook.projectIds)}`,
      ];
    },
  },
  {
    title: `Codat emits ${CODAT_EVENT} -> delivered, signature verified, trigger output`,
    async run(sb, state) {
      check(state.codatHook, `no ${CODAT_TRIGGER} subscription (step 2 failed)`);
      // The first attempt meets a (simulated) outage, so the delivery shows Codat's retry.
      sb.hooks.failNext = 1;
      const { message, delivered } = sb.codat.emit(CODAT_EVENT, codatEnvelope(CODAT_EVENT, demoCompany(COMPANY_NAME)));
      const [delivery] = await delivered;
      sb.hooks.failNext = 0;
      check(delivery?.ok, `Codat could not deliver ${message.id}: ${short(delivery?.attempts)}`);
      const [run] = await sb.hooks.waitForRuns(state.codatHook.hookId, 1);
      const output = one(run!, CODAT_TRIGGER);
      check(
        output.companyName === COMPANY_NAME,
        `trigger output names company ${short(output.companyName)}, not ${COMPANY_NAME}`,
      );
      check(output.eventType === CODAT_EVENT, `trigger output has eventType ${short(output.eventType)}`);
      state.codatOutput = output;
      state.codatRunCount = 1;
      const attempts = delivery.attempts.map((a) => a.status ?? a.error).join(' -> ');
      return [
        `message ${message.id} delivered after ${delivery.attempts.length} attempt(s): ${attempts}`,
        `perform verified the Standard Webhooks signature and returned 1 item:`,
        `  id=${short(output.id)} eventType=${short(output.eventType)} companyId=${short(output.companyId)} companyName=${short(output.companyName)}`,
      ];
    },
  },
  {
    title: 'create_todo with fields mapped from the event -> todo exists in Blue',
    async run(sb, state) {
      const company = state.codatOutput;
      check(company, 'no Codat trigger output (step 3 failed)');
      sb.runner.fn('creates', 'create_todo', 'perform');
      // Dropdowns as the Zap editor fills them.
      const lists = await sb.runner.run<{ id: string; title: string }[]>(
        sb.runner.fn('triggers', 'blue_todo_list_list', 'perform'),
        {
          authData: sb.authData,
          inputData: {},
          meta: { isFillingDynamicDropdown: true, page: 0 },
        },
      );
      const list = lists.find((l) => l.title === 'New Clients');
      check(list, `the Todo List dropdown does not offer "New Clients" (${short(lists.map((l) => l.title))})`);
      const fields = await sb.runner.inputFields('creates', 'create_todo', { authData: sb.authData, inputData: {} });
      const fieldFor = (id: string) =>
        fields.find((f) => typeof f.key === 'string' && f.key.includes(id) && !/currency|end/i.test(String(f.key)));
      const codatIdField = fieldFor(DEMO.ids.fieldCodatId);
      const stageField = fieldFor(DEMO.ids.fieldStage);
      check(
        codatIdField && stageField,
        `create_todo offers no input for the project's custom fields (${short(fields.map((f) => f.key))})`,
      );
      const inputData = {
        todoListId: list.id,
        title: `Onboard ${String(company.companyName)}`,
        description: `Created from Codat event ${String(company.id)}.`,
        tagIds: [DEMO.ids.tagCodat],
        [String(codatIdField.key)]: String(company.companyId),
        [String(stageField.key)]: DEMO.ids.fieldStageNew,
      };
      const todo = await sb.runner.run<Record<string, unknown>>(sb.runner.fn('creates', 'create_todo', 'perform'), {
        authData: sb.authData,
        inputData,
      });
      check(todo && typeof todo.id === 'string', `create_todo returned no id (${short(todo)})`);
      const stored = sb.blue.store.todos.find((t) => t.id === todo.id);
      check(stored, `todo ${String(todo.id)} is not in the Blue server`);
      check(stored.title === `Onboard ${COMPANY_NAME}`, `the stored todo is titled "${stored.title}"`);
      check(stored.todoListId === list.id, 'the stored todo is in another list');
      check(
        stored.values[DEMO.ids.fieldCodatId] === company.companyId,
        `custom field "Codat Company ID" holds ${short(stored.values[DEMO.ids.fieldCodatId])}`,
      );
      check(stored.values[DEMO.ids.fieldStage] === DEMO.ids.fieldStageNew, 'custom field "Stage" is not set to "New"');
      check(stored.tagIds.includes(DEMO.ids.tagCodat), 'the todo lacks the "Codat" tag');
      state.todo = todo;
      return [
        `mapped: title="${inputData.title}", list "${list.title}", Codat Company ID=${String(company.companyId)}, Stage=New, tag Codat`,
        `todo ${String(todo.id)} created; the Blue server stores it with both custom field values`,
      ];
    },
  },
  {
    title: 'new_todo receives TODO_CREATED for that todo',
    async run(sb, state) {
      check(state.blueHook && state.todo, 'no new_todo subscription or no todo (step 2 or 4 failed)');
      await sb.blue.settled();
      const [run] = await sb.hooks.waitForRuns(state.blueHook.hookId, 1);
      const output = one(run!, 'new_todo');
      const recordId = output.recordId ?? output.id;
      check(
        recordId === state.todo.id,
        `new_todo output is about ${short(recordId)}, not todo ${String(state.todo.id)}`,
      );
      check(
        output.title === state.todo.title || JSON.stringify(output).includes(String(state.todo.title)),
        'new_todo output lacks the todo title',
      );
      const delivery = sb.blue.deliveries.at(-1);
      // Blue delivers its stored entity (join rows with ids only): perform names them by fetching
      // the record once, so the output matches what the Zap editor showed (D006).
      const delivered = JSON.parse(delivery?.body ?? '{}') as { currentValue?: Record<string, unknown> };
      check(
        Array.isArray(delivered.currentValue?.todoTags) && !('tags' in (delivered.currentValue ?? {})),
        'the Blue server did not deliver the entity shape (todoTags)',
      );
      const fetches = sb.blue.operations.filter((o) => o.name === 'ZapierGetTodo');
      check(fetches.length === 1, `perform fetched the record ${fetches.length} times, not once`);
      const list = output.todoList as { title?: unknown } | undefined;
      check(
        String(output.tagTitles).includes('Codat'),
        `new_todo output lacks the tag title (tagTitles=${short(output.tagTitles)})`,
      );
      check(list?.title === 'New Clients', `new_todo output lacks the list title (${short(list)})`);
      check(
        JSON.stringify(output.customFieldsByName).includes('Codat Company ID'),
        `new_todo output lacks custom field names (${short(output.customFieldsByName)})`,
      );
      state.blueOutput = output;
      return [
        `Blue delivered ${delivery?.event ?? 'TODO_CREATED'} (X-Signature ${delivery?.signature.slice(0, 12) ?? '?'}…) in ${delivery?.attempts.length ?? '?'} attempt(s), as its stored entity (todoTags, todoCustomFields with ids)`,
        `perform verified X-Signature, fetched the record once (todo(id:)) for the names and returned 1 item: id=${short(output.id)} recordId=${short(recordId)} title=${short(output.title)}`,
        `  list=${short(list?.title)} tags=${short(output.tagTitles)} custom fields=${short(output.customFieldsByName)}`,
      ];
    },
  },
  {
    title: 'Tampered deliveries are rejected',
    async run(sb, state) {
      check(state.codatHook && state.blueHook, 'no subscriptions (step 2 failed)');
      // Codat: a body changed after signing, sent with the genuine signature headers.
      const codatDelivery = sb.codat.deliveries.at(-1);
      check(codatDelivery, 'no Codat delivery to tamper with (step 3 failed)');
      const ep = sb.codat.endpoints.get(codatDelivery.endpointId);
      check(ep, 'the Codat consumer is gone');
      const headers = sb.codat.signedHeaders(ep.secret, codatDelivery.messageId, codatDelivery.body);
      const forged = codatDelivery.body.replace(COMPANY_NAME, 'Bank of Mallory');
      check(forged !== codatDelivery.body, 'could not tamper with the Codat body');
      const before = sb.hooks.runsFor(state.codatHook.hookId).length;
      await sb.codat.deliverRaw(state.codatHook.url, forged, headers);
      const codatRun = (await sb.hooks.waitForRuns(state.codatHook.hookId, before + 1)).at(-1)!;
      check(
        codatRun.error || codatRun.result?.length === 0,
        `${CODAT_TRIGGER} accepted a tampered body: ${short(codatRun.result)}`,
      );

      // Blue: same idea with X-Signature.
      const blueDelivery = sb.blue.deliveries.at(-1);
      check(blueDelivery, 'no Blue delivery to tamper with (step 5 failed)');
      const blueForged = blueDelivery.body.replace(/"title":"[^"]*"/, '"title":"Wire money to Mallory"');
      const blueBefore = sb.hooks.runsFor(state.blueHook.hookId).length;
      await sb.codat.deliverRaw(state.blueHook.url, blueForged, { 'X-Signature': blueDelivery.signature });
      const blueRun = (await sb.hooks.waitForRuns(state.blueHook.hookId, blueBefore + 1)).at(-1)!;
      check(
        blueRun.error || blueRun.result?.length === 0,
        `new_todo accepted a tampered body: ${short(blueRun.result)}`,
      );
      state.rejected = { codat: codatRun, blue: blueRun };
      const why = (r: HookRun) =>
        r.error ? `${r.error.name}: ${short(r.error.message, 140)}` : 'swallowed (no Zap run)';
      return [`${CODAT_TRIGGER}: ${why(codatRun)}`, `new_todo: ${why(blueRun)}`];
    },
  },
  {
    title: 'update_record, complete_record and add_comment on that todo -> Blue stores the changes',
    async run(sb, state) {
      check(state.todo, 'no todo (step 4 failed)');
      const recordId = String(state.todo.id);
      const perform = (key: string, inputData: Record<string, unknown>) =>
        sb.runner.run<Record<string, unknown>>(sb.runner.fn('creates', key, 'perform'), {
          authData: sb.authData,
          inputData,
        });
      // The Record dropdown offers it, as the Zap editor fills it.
      const records = await sb.runner.run<{ id: string; label: string }[]>(
        sb.runner.fn('triggers', 'blue_record_list', 'perform'),
        {
          authData: sb.authData,
          inputData: {},
          meta: { isFillingDynamicDropdown: true, page: 0 },
        },
      );
      const picked = records.find((r) => r.id === recordId);
      check(picked, `the Record dropdown does not offer todo ${recordId} (${short(records.map((r) => r.label))})`);
      const fields = await sb.runner.inputFields('creates', 'update_record', {
        authData: sb.authData,
        inputData: { recordId },
      });
      const stageField = fields.find((f) => typeof f.key === 'string' && f.key.includes(DEMO.ids.fieldStage));
      check(
        stageField,
        `update_record offers no input for the Stage custom field (${short(fields.map((f) => f.key))})`,
      );

      const updated = await perform('update_record', {
        recordId,
        duedAt: '2026-12-31T17:00:00Z',
        [String(stageField.key)]: DEMO.ids.fieldStageKyc,
      });
      const stored = sb.blue.store.todos.find((t) => t.id === recordId);
      check(stored, `todo ${recordId} is not in the Blue server`);
      check(
        stored.values[DEMO.ids.fieldStage] === DEMO.ids.fieldStageKyc,
        'custom field "Stage" is not "KYC" after update_record',
      );
      check(
        stored.duedAt === '2026-12-31T17:00:00.000Z' && updated.duedAt === stored.duedAt,
        `update_record did not set the due date (${short(updated.duedAt)})`,
      );

      const done = await perform('complete_record', { recordId, done: 'done' });
      check(stored.done && done.done === true, 'complete_record did not mark the todo done');

      const text = `KYC started for ${COMPANY_NAME}.`;
      const comment = await perform('add_comment', { recordId, text });
      const storedComment = sb.blue.store.comments.find((c) => c.id === comment.id);
      check(
        storedComment?.categoryId === recordId && storedComment.text === text,
        `the comment is not stored on todo ${recordId}`,
      );
      return [
        `the Record dropdown offers "${picked.label}"`,
        `update_record: Stage=KYC, due 2026-12-31; complete_record: done; add_comment: "${text}" (comment ${String(comment.id)})`,
      ];
    },
  },
  {
    title: 'Find or Create Record by the Codat company -> found, nothing created twice',
    async run(sb, state) {
      const company = state.codatOutput;
      check(company && state.todo, 'no Codat output or no todo (step 3 or 4 failed)');
      // Zapier's search-or-create runs the search, and create_todo only when it finds nothing.
      const find = sb.runner.fn('searches', 'find_todo', 'perform');
      const byCompany = { customFieldId: DEMO.ids.fieldCodatId, customFieldValue: String(company.companyId) };
      const found = await sb.runner.run<Record<string, unknown>[]>(find, {
        authData: sb.authData,
        inputData: byCompany,
      });
      check(
        found.length === 1 && found[0]?.id === state.todo.id,
        `find_todo found ${short(found.map((r) => r.id))}, not todo ${String(state.todo.id)}`,
      );
      const todos = sb.blue.store.todos.length;
      const other = await sb.runner.run<unknown[]>(find, {
        authData: sb.authData,
        inputData: { ...byCompany, customFieldValue: 'no-such-company' },
      });
      check(other.length === 0, `find_todo found ${other.length} records for an unknown company`);
      check(sb.blue.store.todos.length === todos, 'searching created a record');
      return [
        `Codat Company ID ${String(company.companyId)}: found todo ${String(found[0]?.id)} ("${String(found[0]?.title)}"), so create_todo is skipped`,
        'an unknown company finds nothing (empty result): create_todo would run',
      ];
    },
  },
  {
    title: 'Unsubscribe everything -> nothing left in either server',
    async run(sb, state) {
      const lines: string[] = [];
      for (const [key, sub] of [
        [CODAT_TRIGGER, state.codatHook],
        ['new_todo', state.blueHook],
      ] as const) {
        if (!sub) continue;
        await sb.runner.run(sb.runner.fn('triggers', key, 'performUnsubscribe'), {
          authData: sb.authData,
          inputData: {},
          targetUrl: sub.url,
          subscribeData: sub.subscribeData,
        });
        sb.hooks.remove(sub.hookId);
        lines.push(`${key} unsubscribed`);
      }
      check(state.codatHook && state.blueHook, 'nothing was subscribed (step 2 failed)');
      check(sb.codat.endpoints.size === 0, `${sb.codat.endpoints.size} Codat consumer(s) left`);
      check(sb.blue.store.webhooks.length === 0, `${sb.blue.store.webhooks.length} Blue webhook(s) left`);
      lines.push('Codat consumers: 0, Blue webhooks: 0');
      return lines;
    },
  },
  {
    title: 'codat_create_company (API key) -> Link URL; codat_find_company finds it by name',
    async run(sb, state) {
      const name = 'Dave Lending Ltd';
      const company = await sb.runner.run<Record<string, unknown>>(
        sb.runner.fn('creates', 'codat_create_company', 'perform'),
        {
          authData: sb.authData,
          inputData: {
            name,
            description: `Zap run for todo ${typeof state.todo?.id === 'string' ? state.todo.id : '?'}`,
            tags: { uid: 'crm-lead-42' },
          },
        },
      );
      const stored = sb.codat.platform?.companies.find((c) => c.id === company.id);
      check(stored, `company ${short(company.id)} is not in the Codat sandbox`);
      check(stored.name === name && stored.tags.uid === 'crm-lead-42', `the stored company is ${short(stored)}`);
      check(
        company.redirect === `https://link.codat.io/company/${stored.id}`,
        `the output's Link URL is ${short(company.redirect)}`,
      );
      const found = await sb.runner.run<Record<string, unknown>[]>(
        sb.runner.fn('searches', 'codat_find_company', 'perform'),
        {
          authData: sb.authData,
          inputData: { name },
        },
      );
      check(
        found.length === 1 && found[0]!.id === company.id,
        `codat_find_company found ${short(found.map((c) => c.id))}`,
      );
      return [
        `company ${String(company.id)} "${name}" created with tag uid=crm-lead-42`,
        `Link URL: ${String(company.redirect)}`,
        'codat_find_company by name returns it',
      ];
    },
  },
];

export interface StepResult {
  index: number;
  title: string;
  ok: boolean;
  ms: number;
  lines: string[];
  error?: string;
}

/** Runs the steps in order and stops at the first failure (later steps depend on earlier ones). */
export async function runRoundTrip(
  sb: Sandbox,
  onStep?: (result: StepResult) => void,
  steps: readonly Step[] = STEPS,
): Promise<StepResult[]> {
  const state: RoundTripState = {};
  const results: StepResult[] = [];
  for (const [i, step] of steps.entries()) {
    const started = performance.now();
    let result: StepResult;
    try {
      const lines = await step.run(sb, state);
      result = { index: i + 1, title: step.title, ok: true, ms: performance.now() - started, lines };
    } catch (err) {
      const message =
        err instanceof Error ? `${err.name === 'StepFailure' ? '' : `${err.name}: `}${err.message}` : String(err);
      if (process.env.SANDBOX_DEBUG && err instanceof Error) console.error(err.stack);
      result = {
        index: i + 1,
        title: step.title,
        ok: false,
        ms: performance.now() - started,
        lines: [],
        error: message,
      };
    }
    results.push(result);
    onStep?.(result);
    if (!result.ok) break;
  }
  return results;
}
