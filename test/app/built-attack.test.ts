// Issue 13's attacks, replayed against the app Zapier runs: dist/index.js as scripts/bundle.mjs
// builds it, invoked through zapier-platform-core's Lambda entry (createAppHandler) with core's
// log stream sent to a sink on 127.0.0.1 (test/support/secret-hygiene.ts). The services are a real
// server on 127.0.0.1 that answers every request the way each attack needs (echoing what it was
// sent, secrets placed across every cut, redirects, slow and dropped bodies); a second one plays
// "another host" and must never be reached. Every operation of the built app is attacked, found
// by walking its definition, so operations added later are attacked too. Everything core ships,
// every result and every message is scanned for every secret: whole or any 8 characters of it,
// clear, URL-encoded or Base64.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import nock from 'nock';
import { bundle as buildBundle } from '../../scripts/bundle.mjs';
import { readError } from '../support/errors.js';
import { lambdaHarness, leaks, type LambdaHarness, type LambdaOutcome } from '../support/secret-hygiene.js';

/** The step's deadline in this file (APP_HTTP_TIMEOUT_MS); Zapier's is 28 s. */
const BUDGET_MS = 1_000;
/** A step must end within its deadline plus this (core's own work, the log stream's end). */
const SLACK_MS = 800;
/** The sweeps over every operation use a shorter deadline: they wait for it in each cell. */
const SWEEP_BUDGET_MS = 400;

async function withBudget<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  process.env.APP_HTTP_TIMEOUT_MS = String(ms);
  try {
    return await fn();
  } finally {
    process.env.APP_HTTP_TIMEOUT_MS = String(BUDGET_MS);
  }
}

const rand = (n: number) => randomBytes(n).toString('base64url');
const ZAPIER_KEY = `sk_integ_${rand(24)}.us`;
const API_KEY = randomBytes(24).toString('hex');
const TOKEN_SECRET = `pat_${randomBytes(24).toString('base64')}`;
const CODAT_SECRET = `whsec_${randomBytes(32).toString('base64')}`;
/** The secret of the consumer an earlier subscribe attempt created (the replay path reads it). */
const EARLIER_SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const BLUE_SECRET = `bws_${rand(24)}`;
const PROJECT_ID = 'cprojattack00000000000001';
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/attack/';
/** Signing secrets the app generated and sent (each Codat subscribe creates one). */
const generated = new Set<string>();
const fixedSecrets = () => [ZAPIER_KEY, API_KEY, TOKEN_SECRET, CODAT_SECRET, EARLIER_SECRET, BLUE_SECRET];
/** Every form a leak could take: the secret, URL-encoded (leaks() adds that) and Base64 (the Codat API key's header). */
const allSecretForms = () =>
  [...fixedSecrets(), ...generated].flatMap((s) => [s, Buffer.from(s, 'utf8').toString('base64')]);

const AUTH = {
  codatClientId: 'client-attack',
  codatZapierKey: ZAPIER_KEY,
  codatApiKey: API_KEY,
  blueTokenId: 'tok-attack',
  blueTokenSecret: TOKEN_SECRET,
  blueCompanyId: 'acme',
  blueProjectId: PROJECT_ID,
};

// ---- the servers --------------------------------------------------------------------------------

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
type Responder = (req: Seen, res: ServerResponse) => void;

let respond: Responder = (_req, res) => res.end();
const apiSeen: Seen[] = [];
const otherSeen: Seen[] = [];
const timers = new Set<NodeJS.Timeout>();
const later = (ms: number, fn: () => void) => {
  const t = setTimeout(() => {
    timers.delete(t);
    fn();
  }, ms);
  timers.add(t);
};

async function serve(log: Seen[], handle: () => Responder): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      log.push(seen);
      const sent = /"secret":"(whsec_[^"]+)"/.exec(seen.body)?.[1];
      if (sent) generated.add(sent);
      handle()(seen, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let api: { server: Server; base: string };
let other: { server: Server; base: string };
let harness: LambdaHarness;
let app: Record<string, unknown>;
const scratch = join(process.cwd(), '.test-tmp', `attack-${process.pid}`);

// ---- invocations and what they left behind ------------------------------------------------------

interface Run {
  label: string;
  method: string;
  outcome: LambdaOutcome;
  ms: number;
  requests: Seen[];
  /** Messages, results and the log lines core shipped during this invocation. */
  texts: string[];
}
const runs: Run[] = [];

async function invoke(label: string, method: string, bundle: Record<string, unknown>): Promise<Run> {
  const before = { api: apiSeen.length, shipped: harness.shipped().length };
  const started = Date.now();
  const outcome = await harness.invoke(method, bundle);
  const ms = Date.now() - started;
  const texts = harness.shipped().slice(before.shipped);
  // Subscribe's result holds the signing secret by design: Zapier stores it as subscribeData.
  if (outcome.result !== undefined && !method.endsWith('performSubscribe')) texts.push(JSON.stringify(outcome.result));
  if (outcome.error) texts.push(outcome.error.message, String(outcome.error.stack));
  const run = { label, method, outcome, ms, requests: apiSeen.slice(before.api), texts };
  runs.push(run);
  return run;
}

const errorOf = (run: Run) => (run.outcome.error ? readError(run.outcome.error) : undefined);

const scanned = new WeakSet<Run>();
/**
 * Every leak in the given runs not scanned before, labelled: any 8 characters of any form of a
 * secret. One pass over each text with a set of the forms' 8-character runs, then leaks() names it.
 */
function leaksIn(list: Run[]): string[] {
  const secrets = allSecretForms();
  const grams = new Set<string>();
  for (const form of secrets.flatMap((s) => [s, encodeURIComponent(s)])) {
    for (let i = 0; i + 8 <= form.length; i++) grams.add(form.slice(i, i + 8));
  }
  const out: string[] = [];
  for (const r of list) {
    if (scanned.has(r)) continue;
    const hit = r.texts.some((t) => {
      for (let i = 0; i + 8 <= t.length; i++) if (grams.has(t.slice(i, i + 8))) return true;
      return false;
    });
    if (hit) out.push(...leaks(r.texts, secrets, 8).map((l) => `${r.label}: ${l.secret} in ${l.text}`));
    else {
      scanned.add(r);
      // Scanned clean: its texts are never read again, and core's memory check (450 MB after 250
      // invocations) counts this whole jest process.
      r.texts = [];
    }
  }
  return out;
}

// ---- the operations of the built app ------------------------------------------------------------

function methodPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [path];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => methodPaths(v, path ? `${path}.${k}` : k));
}

const BLUE_EVENTS: Record<string, string> = {
  new_todo: 'TODO_CREATED',
  updated_todo: 'TODO_NAME_CHANGED',
  todo_completed: 'TODO_DONE_STATUS_UPDATED',
  new_comment: 'COMMENT_CREATED',
  custom_field_changed: 'TODO_CUSTOM_FIELD_UPDATED',
};
const keyOf = (method: string) => method.split('.')[1] ?? '';
const isCodat = (method: string) => keyOf(method).startsWith('codat');
const isHook = (method: string) =>
  /\.operation\.perform(Subscribe|Unsubscribe)?$/.test(method) && method.startsWith('triggers.');

const codatEvent = (eventType = 'company.created') =>
  JSON.stringify({
    id: 'evt-attack',
    eventType,
    generatedDate: new Date().toISOString(),
    payload: { id: '8a210b68-6988-11ed-a1eb-0242ac120002', name: 'Acme' },
  });

function codatRaw(
  msgId: string,
  content: string,
  timestamp = String(Math.floor(Date.now() / 1000)),
  secret = CODAT_SECRET,
) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signature = `v1,${createHmac('sha256', key).update(`${msgId}.${timestamp}.${content}`).digest('base64')}`;
  return {
    method: 'POST',
    querystring: '',
    headers: { 'Http-Webhook-Id': msgId, 'Http-Webhook-Timestamp': timestamp, 'Http-Webhook-Signature': signature },
    content,
  };
}

function blueBody(event: string, record: Record<string, unknown> = { id: 'todo-attack', done: true }) {
  return JSON.stringify({ event, webhook: { id: 'wh-attack' }, currentValue: record, previousValue: null });
}
function blueRaw(content: string, secret = BLUE_SECRET) {
  return {
    method: 'POST',
    querystring: '',
    headers: { 'Http-X-Signature': createHmac('sha256', secret).update(content, 'utf8').digest('hex') },
    content,
  };
}

/** A bundle that lets `method` get as far as its first request. */
function bundleFor(method: string, authData: Record<string, unknown> = AUTH): Record<string, unknown> {
  const key = keyOf(method);
  const event = BLUE_EVENTS[key] ?? 'TODO_CREATED';
  const bundle: Record<string, unknown> = {
    authData,
    inputData: {
      eventTypes: ['all'],
      events: [event],
      todoListId: 'list-attack',
      title: 'Attack',
      name: 'Acme Ltd',
      companyId: '8a210b68-6988-11ed-a1eb-0242ac120002',
      dataType: 'invoices',
      customFieldId: 'cf-attack',
      recordId: 'crecattack000000000000001',
      tagId: 'ctagattack000000000000001',
      assigneeIds: ['cuserattack00000000000001'],
      text: 'Attack',
      checklistTitle: 'Checklist',
      itemTitle: 'Item',
      tagTitle: 'Tag',
      done: true,
    },
    targetUrl: TARGET,
    meta: { zap: { id: 'zap-attack' } },
  };
  // As Zapier builds them: only a REST hook's perform and unsubscribe get subscribeData.
  const trigger = (app.triggers as Record<string, { operation: { performSubscribe?: unknown } }>)[key];
  if (key === 'codat_find_company') delete (bundle.inputData as Record<string, unknown>).name;
  // An existing tag or a title, not both.
  if (key === 'add_tag') delete (bundle.inputData as Record<string, unknown>).tagTitle;
  // One way to find a record: by its id.
  if (key === 'find_todo') bundle.inputData = { recordId: 'crecattack000000000000001' };
  if (
    method.startsWith('triggers.') &&
    typeof trigger?.operation.performSubscribe === 'function' &&
    /perform(Unsubscribe)?$/.test(method)
  ) {
    bundle.subscribeData = isCodat(method)
      ? { id: 'ep_attack', secret: CODAT_SECRET, eventTypes: ['all'] }
      : { id: 'wh-attack', secret: BLUE_SECRET, projectId: PROJECT_ID, events: [event] };
  }
  if (method.startsWith('triggers.') && method.endsWith('.perform') && bundle.subscribeData) {
    // No filters: each of those inputs would drop a delivery of another list, field or title.
    bundle.inputData = isCodat(method) ? { eventTypes: ['all'] } : key === 'blue_event' ? { events: [event] } : {};
    const content = isCodat(method) ? codatEvent() : blueBody(event);
    bundle.rawRequest = isCodat(method) ? codatRaw(`msg_${rand(6)}`, content) : blueRaw(content);
    bundle.cleanedRequest = JSON.parse(content) as unknown;
  }
  return bundle;
}

// ---- how the services answer --------------------------------------------------------------------

/** `secret` placed across a cut at `at` characters, `visible` of its characters before the cut (all but one by default). */
const straddle = (secret: string, at: number, visible = secret.length - 1) =>
  `${'x'.repeat(Math.max(0, at - visible))}${secret}`;
/** Cuts: body excerpts at 120 (JSON bodies start 12 characters earlier), request ids at 100, Codat's error text at 300. */
const OFFSETS = [100, 108, 120, 288, 300];
const visibleOf = (secret: string, n: number) => [secret.length - 1, 8, 12, secret.length >> 1][n % 4]!;

interface Failure {
  status: number;
  kind: 'json' | 'graphql' | 'text' | 'html' | 'shape';
}
const FAILURES: Failure[] = [
  { status: 400, kind: 'graphql' },
  { status: 400, kind: 'json' },
  { status: 401, kind: 'json' },
  { status: 403, kind: 'json' },
  { status: 404, kind: 'json' },
  { status: 409, kind: 'json' },
  { status: 422, kind: 'json' },
  { status: 429, kind: 'json' },
  { status: 500, kind: 'text' },
  { status: 502, kind: 'html' },
  { status: 503, kind: 'json' },
  { status: 200, kind: 'text' },
  { status: 200, kind: 'graphql' },
  { status: 200, kind: 'shape' },
];

/** A failure whose body, messages and request id carry a secret across each cut, and echo the request. */
function echoing(failure: Failure, n: number, held?: string): Responder {
  return (req, res) => {
    // What a service could echo: what it was sent (headers, body), and the Zap's signing secret it holds.
    const request = `${JSON.stringify(req.headers)} ${req.body}`;
    const sent = [...fixedSecrets(), ...generated]
      .flatMap((s) => [s, Buffer.from(s).toString('base64')])
      .filter((s) => request.includes(s));
    const pool = [...new Set([...sent, ...(held ? [held] : [])])];
    const pick = (i: number) => pool[(n + i) % pool.length] ?? 'nothing-secret-sent';
    // core logs response headers as they come, scrubbing the connection's stored values only.
    const sentCredentials = sent.filter((s) => !/^whsec_|^bws_/.test(s));
    const pickHeader = (i: number) => sentCredentials[(n + i) % sentCredentials.length] ?? 'no-credential-sent';
    const at = OFFSETS[n % OFFSETS.length]!;
    const cut = (secret: string, where: number) => straddle(secret, where, visibleOf(secret, n >> 2));
    const text = cut(pick(0), at);
    const echo = { headers: req.headers, body: req.body };
    const payload =
      failure.kind === 'graphql'
        ? {
            errors: [{ message: text, extensions: { code: 'BAD_USER_INPUT' } }, { message: cut(pick(1), 120) }],
            data: null,
            echo,
          }
        : failure.kind === 'shape'
          ? { data: { echo }, message: text, key: 5 }
          : {
              message: text,
              detail: cut(pick(1), at),
              error: cut(pick(2), at),
              correlationId: cut(pick(3), 100),
              echo,
            };
    const headers: Record<string, string> = {
      'x-request-id': cut(pickHeader(0), 100),
      'svix-req-id': cut(pickHeader(1), 100),
      ...(failure.status === 429 ? { 'retry-after': '30' } : {}),
    };
    if (failure.kind === 'text') {
      res.writeHead(failure.status, { ...headers, 'content-type': 'text/plain' });
      res.end(`${text} ${JSON.stringify(echo)}`);
    } else if (failure.kind === 'html') {
      res.writeHead(failure.status, { ...headers, 'content-type': 'text/html' });
      res.end(`<html><body>${text} ${JSON.stringify(echo)}</body></html>`);
    } else {
      res.writeHead(failure.status, { ...headers, 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    }
  };
}

const redirecting =
  (status: number, location: string): Responder =>
  (_req, res) => {
    res.writeHead(status, { location, 'content-type': 'text/plain' });
    res.end(`Moved ${ZAPIER_KEY}`);
  };

/** Headers at once, then a body that trickles on for 20 s. */
const trickling: Responder = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"data":[');
  let n = 0;
  const tick = () => {
    if (res.destroyed || n++ > 400) return;
    res.write(' ');
    later(50, tick);
  };
  later(50, tick);
};

/** Headers after 90% of the deadline, the body 90% later: a timeout restarting at the headers lets it through. */
const slowHeadersThenBody =
  (body: (req: Seen) => unknown, budget = BUDGET_MS): Responder =>
  (req, res) => {
    later(budget * 0.9, () => {
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(' ');
      later(budget * 0.9, () => {
        if (!res.destroyed) res.end(JSON.stringify(body(req)));
      });
    });
  };

/** Headers and the start of a body, then the socket closes. */
const dropping: Responder = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
  res.write('{"data":[');
  later(20, () => res.socket?.destroy());
};

// ---- setup --------------------------------------------------------------------------------------

const envBefore: Record<string, string | undefined> = {};
const ENV = ['CODAT_WEBHOOKS_API_URL', 'CODAT_API_URL', 'BLUE_API_URL', 'APP_HTTP_TIMEOUT_MS'];

beforeAll(async () => {
  mkdirSync(scratch, { recursive: true });
  const outfile = join(scratch, 'index.js');
  await buildBundle({ outfile });
  app = ((await import(pathToFileURL(outfile).href)) as { default: Record<string, unknown> }).default;
  // Real sockets (the drop detection hooks node's Agent); every address below is 127.0.0.1.
  nock.restore();
  api = await serve(apiSeen, () => respond);
  other = await serve(otherSeen, () => (_req, res) => res.end('{}'));
  harness = await lambdaHarness(app);
  for (const name of ENV) envBefore[name] = process.env[name];
  process.env.CODAT_WEBHOOKS_API_URL = `${api.base}/svix`;
  process.env.CODAT_API_URL = `${api.base}/codat`;
  process.env.BLUE_API_URL = `${api.base}/blue/graphql`;
  process.env.APP_HTTP_TIMEOUT_MS = String(BUDGET_MS);
}, 60_000);

afterAll(async () => {
  for (const t of timers) clearTimeout(t);
  for (const name of ENV) {
    if (envBefore[name] === undefined) delete process.env[name];
    else process.env[name] = envBefore[name];
  }
  await harness?.close();
  for (const s of [api?.server, other?.server]) {
    s?.closeAllConnections();
    await new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
  }
  rmSync(scratch, { recursive: true, force: true });
  // As withoutNock does: the next file in this worker expects nock's interceptor in place.
  if (!nock.isActive()) nock.activate();
});

/** The function at a method path of the built app. */
const functionAt = (m: string) =>
  m.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], app) as
    ((...args: unknown[]) => unknown) | undefined;
/**
 * Optional input fields index.ts hands over on demand (common/lean-definition.ts): a function of
 * no arguments returning fixed fields, which calls no service.
 */
const isFixedFields = (m: string) => /\.inputFields\.\d+$/.test(m) && functionAt(m)?.length === 0;
// Every function of the app but the connection label, output fields and the fixed input fields
// given on demand: those call no service and take no input (test/common/lean-definition.test.ts).
const operations = () => methodPaths(app).filter((m) => !/connectionLabel|outputFields/.test(m) && !isFixedFields(m));
/** Operations that call a service (found by the first sweep). */
const calling = new Set<string>();

// ---- the attacks --------------------------------------------------------------------------------

describe('dist/index.js through createAppHandler', () => {
  it('finds every operation of the built app, and the first sweep reaches a service from each that calls one', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(55);
    let n = 0;
    for (const method of ops) {
      for (const failure of FAILURES) {
        const bundle = bundleFor(method);
        respond = echoing(failure, n++, (bundle.subscribeData as { secret?: string } | undefined)?.secret);
        const run = await invoke(`${method} ${failure.status} ${failure.kind}`, method, bundle);
        if (run.requests.length) calling.add(method);
        // Every outcome is a result or a Zapier error, never a crash.
        if (run.outcome.error)
          expect(['AppError', 'HaltedError', 'ExpiredAuthError', 'ThrottledError']).toContain(run.outcome.error.name);
      }
    }
    // Codat hook perform verifies the delivery without a call; comments are never fetched; a custom
    // field delivery for another field than the Zap's is dropped before any call.
    const silent = ops.filter((m) => !calling.has(m));
    expect(
      silent.filter((m) => !/^triggers\.(codat_[a-z_]+|new_comment|custom_field_changed)\.operation\.perform$/.test(m)),
    ).toEqual([]);
    expect(calling.size).toBeGreaterThanOrEqual(40);
  }, 300_000);

  it('secrets straddling every excerpt and request-id cut never show, whole or in part', () => {
    expect(runs.length).toBeGreaterThan(500);
    expect(leaksIn(runs)).toEqual([]);
  });

  it('a 3xx to another host is refused naming it: nothing reaches that host, nothing reports success', async () => {
    const otherHost = new URL(other.base).host;
    const locations = [`${other.base}/collect`, `//${otherHost}/collect`];
    const succeeded: string[] = [];
    let n = 0;
    for (const method of [...calling]) {
      for (const status of [301, 302, 303, 307, 308]) {
        respond = redirecting(status, locations[n++ % 2]!);
        const run = await invoke(`${method} redirect ${status}`, method, bundleFor(method));
        const err = errorOf(run);
        if (!err) {
          succeeded.push(method);
          continue;
        }
        // A failure after the redirect names it (an unrelated refusal before any call is no concern here).
        if (run.requests.length)
          expect(`${method}: ${err.message}`).toMatch(
            new RegExp(`redirect \\(HTTP ${status}\\) to ${otherHost.replace(/\./g, '\\.')}`),
          );
      }
    }
    expect(otherSeen).toEqual([]);
    // Blue perform runs the Zap with what the delivery carries when loading the record fails; the
    // event type dropdown falls back to the built-in catalog. Nothing else may succeed on a redirect.
    const mayFallBack = (m: string) =>
      (/^triggers\.[a-z_]+\.operation\.perform$/.test(m) && !isCodat(m)) ||
      m === 'triggers.codat_event_type_list.operation.perform';
    expect([...new Set(succeeded)].filter((m) => !mayFallBack(m))).toEqual([]);
    expect(leaksIn(runs)).toEqual([]);
  }, 120_000);

  it('a body that trickles on ends each operation by its deadline with a clear message', async () => {
    respond = trickling;
    for (const method of [...calling]) {
      const run = await withBudget(SWEEP_BUDGET_MS, () => invoke(`${method} trickle`, method, bundleFor(method)));
      expect({ method, ms: run.ms, within: run.ms <= SWEEP_BUDGET_MS + SLACK_MS }).toMatchObject({ within: true });
      const err = errorOf(run);
      if (err && run.requests.length)
        expect(`${method}: ${err.message}`).toMatch(/could not be reached in time .*no answer within 400 ms/);
    }
  }, 120_000);

  it('slow headers then a slow body, call after call: one deadline covers the whole step', async () => {
    respond = slowHeadersThenBody(() => ({}), SWEEP_BUDGET_MS);
    for (const method of [...calling]) {
      const run = await withBudget(SWEEP_BUDGET_MS, () => invoke(`${method} slow`, method, bundleFor(method)));
      expect({ method, ms: run.ms, within: run.ms <= SWEEP_BUDGET_MS + SLACK_MS }).toMatchObject({ within: true });
    }
  }, 120_000);

  it("Codat subscribe's replay path and Blue subscribe's cleanup: two slow calls end by the deadline", async () => {
    // Svix replays an earlier attempt's consumer (other metadata), slowly; then the secret, slowly.
    respond = slowHeadersThenBody((req) =>
      req.method === 'POST'
        ? { id: 'ep_attack', createdAt: '2026-01-01T00:00:00Z', metadata: { zapierSubscribeAttempt: 'earlier' } }
        : { key: EARLIER_SECRET },
    );
    for (const key of [
      'codat_event',
      'codat_new_company',
      'codat_connection_status_changed',
      'codat_data_sync_completed',
      'codat_write_failed',
    ]) {
      const method = `triggers.${key}.operation.performSubscribe`;
      const run = await invoke(`${method} replay slow`, method, bundleFor(method));
      expect({ key, ms: run.ms, within: run.ms <= BUDGET_MS + SLACK_MS }).toMatchObject({ within: true });
      expect(errorOf(run)?.message).toMatch(/in time/);
    }
    // Blue creates the webhook without a secret (slowly); the app deletes it again (slowly).
    respond = slowHeadersThenBody((req) =>
      req.body.includes('createWebhook')
        ? { data: { createWebhook: { id: 'wh-attack', secret: null } } }
        : { data: { deleteWebhook: { success: true } } },
    );
    const method = 'triggers.new_todo.operation.performSubscribe';
    const run = await invoke(`${method} cleanup slow`, method, bundleFor(method));
    expect(run.ms).toBeLessThanOrEqual(BUDGET_MS + SLACK_MS);
    expect(errorOf(run)?.name).toBe('AppError');
  }, 60_000);

  it('a connection dropped mid-body fails at the drop, not at the deadline', async () => {
    respond = dropping;
    for (const method of [...calling]) {
      const run = await invoke(`${method} drop`, method, bundleFor(method));
      expect({ method, ms: run.ms, early: run.ms < BUDGET_MS }).toMatchObject({ early: true });
      const err = errorOf(run);
      if (err && run.requests.length && err.name === 'AppError')
        expect(`${method}: ${err.message}`).toMatch(/dropped before the whole answer arrived|Blue|Codat/);
    }
  }, 120_000);

  it("Codat subscribe's replay path: the earlier consumer's secret is returned, and shipped nowhere", async () => {
    respond = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          req.method === 'POST'
            ? { id: 'ep_attack', createdAt: new Date().toISOString(), metadata: { zapierSubscribeAttempt: 'earlier' } }
            : { key: EARLIER_SECRET },
        ),
      );
    };
    for (const key of [
      'codat_event',
      'codat_new_company',
      'codat_connection_status_changed',
      'codat_data_sync_completed',
      'codat_write_failed',
    ]) {
      const method = `triggers.${key}.operation.performSubscribe`;
      const run = await invoke(`${method} replay`, method, bundleFor(method));
      expect(run.outcome.result).toMatchObject({ id: 'ep_attack', secret: EARLIER_SECRET });
      expect(run.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'POST /svix/api/v1/app/client-attack/endpoint',
        'GET /svix/api/v1/app/client-attack/endpoint/ep_attack/secret',
      ]);
      // The shipped log of the secret read exists, without the body.
      expect(run.texts.some((t) => t.includes('/endpoint/ep_attack/secret'))).toBe(true);
    }
    expect(leaksIn(runs)).toEqual([]);
  });

  it('out-of-range and malformed webhook-timestamps halt every Codat hook trigger, signed or forged, never crash', async () => {
    const now = Math.floor(Date.now() / 1000);
    const stamps = [
      '99999999999999',
      '-99999999999999',
      '8640000000001',
      'NaN',
      '1e400',
      '',
      ' ',
      '1e3',
      '0x1F',
      '9'.repeat(400),
      '-1',
      String(now - 3600),
      String(now + 3600),
    ];
    const keys = Object.keys(app.triggers as object).filter(
      (k) => k.startsWith('codat_') && isHook(`triggers.${k}.operation.perform`),
    );
    const hooks = keys.filter(
      (k) =>
        typeof (app.triggers as Record<string, { operation: { perform?: unknown; performSubscribe?: unknown } }>)[k]!
          .operation.performSubscribe === 'function',
    );
    expect(hooks.sort()).toEqual([
      'codat_connection_status_changed',
      'codat_data_sync_completed',
      'codat_event',
      'codat_new_company',
      'codat_write_failed',
    ]);
    for (const key of hooks) {
      const method = `triggers.${key}.operation.perform`;
      for (const stamp of stamps) {
        for (const signer of [CODAT_SECRET, `whsec_${randomBytes(32).toString('base64')}`]) {
          const bundle = { ...bundleFor(method), rawRequest: codatRaw(`msg_${rand(6)}`, codatEvent(), stamp, signer) };
          const run = await invoke(`${method} timestamp ${stamp.slice(0, 20)}`, method, bundle);
          expect({ key, stamp: stamp.slice(0, 20), error: run.outcome.error?.name }).toEqual({
            key,
            stamp: stamp.slice(0, 20),
            error: 'HaltedError',
          });
          expect(run.outcome.error!.message).toMatch(/^Codat webhook not accepted, so the Zap did not run: /);
          expect(run.texts.join('\n')).not.toMatch(/RangeError|Invalid time value/);
        }
      }
    }
  }, 60_000);

  it('padded credentials are refused at the connection test, and echoed ones never show elsewhere', async () => {
    const fields = Object.keys(AUTH);
    for (const field of fields) {
      for (const pad of [' ', '\t', '\n', ' \r\n']) {
        const run = await invoke(`padded ${field}`, 'authentication.test', {
          authData: { ...AUTH, [field]: `${pad}${AUTH[field as keyof typeof AUTH]}${pad}` },
        });
        expect({ field, code: errorOf(run)?.code }).toEqual({ field, code: 'auth_fields_padded' });
        expect(run.requests).toEqual([]);
      }
    }
    // A connection saved before that check: every operation, every secret echoed back.
    // core would scrub the padded value only, so an echo of the trimmed one sent would show: refused.
    const padded = Object.fromEntries(Object.entries(AUTH).map(([k, v]) => [k, ` ${v}\n`]));
    let n = 0;
    for (const method of [...calling]) {
      const bundle = bundleFor(method, padded);
      respond = echoing(
        FAILURES[n % FAILURES.length]!,
        n++,
        (bundle.subscribeData as { secret?: string } | undefined)?.secret,
      );
      const run = await invoke(`${method} padded`, method, bundle);
      expect({ method, sent: run.requests.length }).toEqual({ method, sent: 0 });
      if (run.outcome.error)
        expect({ method, code: errorOf(run)?.code ?? run.outcome.error.message }).toEqual({
          method,
          code: 'auth_fields_padded',
        });
    }
    expect(leaksIn(runs)).toEqual([]);
  }, 120_000);

  it('a credential with CR/LF or beyond Latin-1 is named as invalid, not a network error, and nothing is sent', async () => {
    const headerFields: Record<string, string> = {
      codatZapierKey: 'Codat Zapier Integration Key',
      codatApiKey: 'Codat API Key',
      blueTokenId: 'Blue Token ID',
      blueTokenSecret: 'Blue Token Secret',
      blueCompanyId: 'Blue Company ID',
      blueProjectId: 'Blue Project ID',
    };
    const probes = [
      'authentication.test',
      'triggers.codat_event.operation.performList',
      'searches.codat_find_company.operation.perform',
      'creates.create_todo.operation.perform',
    ];
    respond = echoing({ status: 200, kind: 'shape' }, 0);
    for (const [field, label] of Object.entries(headerFields)) {
      for (const bad of ['\r\n', '\n', '\r', '\u0000', '\u2028', '€', '😀', '\u201c']) {
        const good = AUTH[field as keyof typeof AUTH];
        const value = `${good.slice(0, good.length >> 1)}${bad}${good.slice(good.length >> 1)}`;
        for (const method of probes) {
          const run = await invoke(
            `${method} ${field} ${JSON.stringify(bad)}`,
            method,
            bundleFor(method, { ...AUTH, [field]: value }),
          );
          const err = errorOf(run);
          const usesField = field.startsWith('blue')
            ? /todo|authentication/.test(method)
            : field === 'codatApiKey'
              ? /find_company|authentication/.test(method)
              : /codat_event|authentication/.test(method);
          if (!usesField) continue;
          expect({ field, bad, method, message: err?.message }).toEqual({
            field,
            bad,
            method,
            message: expect.stringContaining(`"${label}"`),
          });
          expect(err!.message).not.toMatch(/network error|usually temporary/);
          // The connection test refuses it before any call; nothing anywhere went out with the bad value.
          if (method === 'authentication.test') expect(run.requests).toEqual([]);
          expect(
            run.requests.filter((r) => JSON.stringify(r.headers).includes(JSON.stringify(value).slice(1, -1))),
          ).toEqual([]);
        }
      }
    }
    expect(leaksIn(runs)).toEqual([]);
  }, 120_000);

  it('Create Todo (and every action with number or date inputs) refuses impossible values before sending', async () => {
    respond = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{}}');
    };
    const method = 'creates.create_todo.operation.perform';
    const cases: [string, unknown][] = [
      ['cf_NUMBER_f1', '1e309'],
      ['cf_CURRENCY_f1', '1e309'],
      ['cf_PERCENT_f1', '1e309'],
      ['cf_RATING_f1', '1e309'],
      ['cf_NUMBER_f1', '-1e309'],
      ['cf_DATE_f2', '2026-02-31'],
      ['cf_DATE_f2', '02/31/2026'],
      ['cf_DATE_f2', '0'],
      ['cf_DATE_f2', '12'],
      ['startedAt', '2026-02-31'],
      ['startedAt', '02/31/2026'],
      ['duedAt', '0'],
      ['duedAt', '12'],
    ];
    // Static number and date inputs of every create and search of the built app.
    const actions = { ...(app.creates as object), ...(app.searches as object) } as Record<
      string,
      { operation: { inputFields?: unknown[] } }
    >;
    const typed: [string, string, unknown][] = [];
    for (const [key, action] of Object.entries(actions)) {
      const fields: unknown[] = [];
      for (const f of action.operation.inputFields ?? []) {
        // Fixed fields handed over on demand take no arguments; the custom-field inputs ask Blue.
        if (typeof f === 'function' && f.length === 0)
          fields.push(...((await (f as () => Promise<unknown[]>)()) ?? []));
        else fields.push(f);
      }
      for (const field of fields) {
        const f = field as { key?: string; type?: string };
        if (!f.key || !f.type) continue;
        const kind = (app.creates as Record<string, unknown>)[key] ? 'creates' : 'searches';
        const values =
          f.type === 'datetime'
            ? ['2026-02-31', '02/31/2026', '0', '12']
            : f.type === 'number' || f.type === 'integer'
              ? ['1e309']
              : [];
        for (const v of values) typed.push([`${kind}.${key}.operation.perform`, f.key, v]);
      }
    }
    expect(typed.some(([m]) => m === method)).toBe(true);
    for (const [m, field, value] of [...cases.map(([f, v]) => [method, f, v] as [string, string, unknown]), ...typed]) {
      const bundle = bundleFor(m);
      (bundle.inputData as Record<string, unknown>)[field] = value;
      const run = await invoke(`${m} ${field}=${String(value)}`, m, bundle);
      const err = errorOf(run);
      expect({ m, field, value, sent: run.requests.length, error: err?.name }).toEqual({
        m,
        field,
        value,
        sent: 0,
        error: 'AppError',
      });
      expect(err!.message).toMatch(new RegExp(`${field.startsWith('cf_') ? `\\(id f[12]\\)` : ''}`));
      expect(err!.message).not.toMatch(/∞|Infinity|2026-03-0[23]|2000-01-01|2001-12-01/);
    }
  }, 60_000);

  it('each delivery runs once with z.cache over RPC; a failing or silent cache runs it (fail open) in time', async () => {
    respond = (_req, res) => res.end('{}');
    const codat = 'triggers.codat_event.operation.perform';
    const blue = 'triggers.new_todo.operation.perform';
    const codatBundle = (id: string, stamp?: string) => ({
      ...bundleFor(codat),
      rawRequest: codatRaw(id, codatEvent(), stamp),
    });
    const full = {
      id: 'todo-once',
      uid: 'u1',
      title: 'Once',
      text: '',
      html: '',
      done: false,
      archived: false,
      position: 1,
      startedAt: null,
      duedAt: null,
      createdAt: '2026-11-30T00:00:00Z',
      updatedAt: '2026-11-30T00:00:00Z',
      todoList: { id: 'l1', title: 'L' },
      users: [],
      tags: [],
      todoCustomFields: [],
      createdBy: { id: 'u', fullName: 'U' },
    };
    const blueBundle = (content: string) => ({
      ...bundleFor(blue),
      rawRequest: blueRaw(content),
      cleanedRequest: JSON.parse(content) as unknown,
    });
    const once = blueBody('TODO_CREATED', full);

    const first = await invoke('codat first', codat, codatBundle('msg_once'));
    // Svix's retry: same webhook-id, a new timestamp and signature.
    const retry = await invoke(
      'codat retry',
      codat,
      codatBundle('msg_once', String(Math.floor(Date.now() / 1000) - 60)),
    );
    const otherId = await invoke('codat other id', codat, codatBundle('msg_twice'));
    expect([first, retry, otherId].map((r) => (r.outcome.result as unknown[] | undefined)?.length)).toEqual([1, 0, 1]);
    const b1 = await invoke('blue first', blue, blueBundle(once));
    const b2 = await invoke('blue replay', blue, blueBundle(once));
    expect([b1, b2].map((r) => (r.outcome.result as unknown[] | undefined)?.length)).toEqual([1, 0]);

    harness.rpcMode('error');
    const failing = await invoke('codat cache down', codat, codatBundle('msg_once'));
    expect((failing.outcome.result as unknown[]).length).toBe(1);
    expect(failing.texts.join('\n')).toMatch(/running the Zap for it/);

    // A cache that never answers, after a record fetch that used the step's time: still within it.
    harness.rpcMode('hang');
    const silent = await invoke('codat cache silent', codat, codatBundle('msg_silent'));
    expect((silent.outcome.result as unknown[]).length).toBe(1);
    expect(silent.ms).toBeLessThanOrEqual(BUDGET_MS + SLACK_MS);
    respond = trickling;
    const slowFetch = await invoke(
      'blue slow fetch, cache silent',
      blue,
      blueBundle(blueBody('TODO_CREATED', { id: 'todo-slow' })),
    );
    expect((slowFetch.outcome.result as unknown[]).length).toBe(1);
    expect(slowFetch.ms).toBeLessThanOrEqual(BUDGET_MS + SLACK_MS);
    harness.rpcMode('ok');
  }, 60_000);

  it('a signed delivery with a UTF-8 BOM runs (Codat and Blue)', async () => {
    const codat = 'triggers.codat_event.operation.perform';
    const c = await invoke('codat BOM', codat, {
      ...bundleFor(codat),
      rawRequest: codatRaw(`msg_${rand(6)}`, `\uFEFF${codatEvent()}`),
    });
    expect(c.outcome.result).toHaveLength(1);
    const blue = 'triggers.new_comment.operation.perform';
    const content = `\uFEFF${blueBody('COMMENT_CREATED', { id: `comment-${rand(4)}`, text: 'hi', html: '<p>hi</p>', createdAt: '2026-11-30T00:00:00Z' })}`;
    const b = await invoke('blue BOM', blue, { ...bundleFor(blue), rawRequest: blueRaw(content) });
    expect(b.outcome.result).toHaveLength(1);
  });

  it('after every attack: nothing reached the other host and no secret shows anywhere', () => {
    expect(otherSeen).toEqual([]);
    const all: Run = {
      label: 'everything shipped',
      method: '',
      outcome: {},
      ms: 0,
      requests: [],
      texts: harness.shipped(),
    };
    expect(all.texts.length).toBeGreaterThan(2_000);
    expect(leaksIn([...runs, all])).toEqual([]);
  });
});
