// Codat fault matrix: every operation of every Codat trigger (and dropdown) that calls Codat's
// webhook API x every way the call can fail.
// Each cell asserts the Zapier error class and that the message names the cause. Responses echo
// the key and secrets back, and every message and log line is scanned for them at the end.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import App from '../../index.js';
import { catalogItems } from '../../codat/dropdowns.js';
import { exampleOutput } from '../../codat/envelope.js';
import { WRITE_DATA_TYPES, findEventType } from '../../codat/events.js';
import { coreRunner } from '../support/core-runner.js';
import {
  BOUND_SLACK_MS,
  TIMEOUT_MS,
  assertExpected,
  dropServer,
  failure,
  guardOtherHost,
  html,
  late,
  redirect,
  reset,
  slowBody,
  slowHeadersThenBody,
  status,
  timed,
  withTimeout,
  withoutNock,
  type Expected,
  type Failure,
  type Loopback,
} from '../support/fault-matrix.js';
import { codatApiKeyForms, expectNoSecrets } from '../support/secret-hygiene.js';

const BASE = 'https://codat-matrix.example.com';
const ZAPIER_KEY = 'sk_integ_MATRIX-zapier-key-3e9d1b7c.us';
const WEBHOOK_SECRET = 'whsec_TUFUUklYLXdlYmhvb2stc2VjcmV0LTAxMjM0NTY3';
// Held by the connection too: the webhook calls must never surface it either.
const API_KEY = 'MATRIXapikey-held-beside-the-zapier-key-0001';
const APP_PATH = '/api/v1/app/client-matrix';
const runner = coreRunner(App);
const triggers = App.triggers as unknown as Record<string, { operation: Record<string, unknown> }>;
const op = triggers.codat_event!.operation;

/** Every Codat hook trigger: its inputs here and the catalog examples its Test trigger falls back to. */
const HOOKS: Record<string, { inputData: Record<string, unknown>; examples: string[] }> = {
  codat_event: { inputData: { eventTypes: ['company.created'] }, examples: ['company.created'] },
  codat_new_company: { inputData: { companyTags: ['region:uk'] }, examples: ['company.created'] },
  codat_connection_status_changed: {
    inputData: { connectionEvents: ['connection.connected', 'connection.deleted'] },
    examples: ['connection.connected', 'connection.deleted'],
  },
  codat_data_sync_completed: {
    inputData: { outcome: 'unsuccessful', companyIds: ['co-1'] },
    examples: ['read.completed.unsuccessful'],
  },
  codat_write_failed: { inputData: {}, examples: Object.keys(WRITE_DATA_TYPES).map((d) => `${d}.write.unsuccessful`) },
};

// As Zapier builds them: only unsubscribe (and perform) get subscribeData, with the signing secret.
const bundle = (o: Operation) => ({
  authData: {
    codatClientId: 'client-matrix',
    codatZapierKey: ZAPIER_KEY,
    ...(o.withoutApiKey ? {} : { codatApiKey: API_KEY }),
  },
  inputData: o.inputData ?? {},
  targetUrl: 'https://hooks.zapier.com/hooks/standard/1/matrix/',
  ...(o.unsubscribe
    ? { subscribeData: { id: 'ep_matrix', secret: WEBHOOK_SECRET, eventTypes: ['company.created'] } }
    : {}),
  meta: {},
});

const messages: string[] = [];
const results: string[] = [];
/** Secrets the app generated during the run (subscribe creates one per call). */
const generated: string[] = [];

interface Operation {
  method: string;
  path: RegExp;
  fn: unknown;
  /** Follows "while trying to" / "request to" in messages. */
  action: RegExp;
  /** A 200 whose JSON lacks what the operation needs. */
  partial?: unknown;
  /** Failures this operation treats as success, by design. */
  succeedsOn?: string[];
  /** What it returns then. */
  success?: (failure: string) => unknown;
  inputData?: Record<string, unknown>;
  /** Run on a connection without the Codat API Key (which would send the call to the Platform API). */
  withoutApiKey?: boolean;
  /** Its bundle carries subscribeData with the signing secret. */
  unsubscribe?: boolean;
}

const ALL_FAILURES = [
  '400',
  '401',
  '403',
  '404',
  '409',
  '413',
  '422',
  '429 with Retry-After',
  '429 without Retry-After',
  '500',
  '502',
  '503',
  '504',
  'timeout',
  'connection reset',
  'slow body',
  'slow headers, then slow body',
  'connection drops mid-body',
  '302 to another host',
  '307 to another host',
  '308 to another host',
  'non-JSON 200',
  'partial data',
];

const OPERATIONS: Record<string, Operation> = {
  'auth test': {
    method: 'GET',
    path: new RegExp(`^${APP_PATH}/endpoint\\?`),
    fn: App.authentication!.test,
    action: /check the Codat credentials/,
    partial: { iterator: null },
  },
  ...Object.fromEntries(
    Object.entries(HOOKS).flatMap(([key, { inputData, examples }]): [string, Operation][] => {
      const o = triggers[key]!.operation;
      return [
        [
          `${key} subscribe`,
          {
            method: 'POST',
            path: new RegExp(`^${APP_PATH}/endpoint$`),
            fn: o.performSubscribe,
            action: /create the Codat webhook consumer/,
            partial: { url: 'https://hooks.zapier.com/hooks/standard/1/matrix/' },
            inputData,
          },
        ],
        [
          `${key} unsubscribe`,
          {
            method: 'DELETE',
            path: new RegExp(`^${APP_PATH}/endpoint/ep_matrix$`),
            fn: o.performUnsubscribe,
            action: /remove this Zap's Codat webhook consumer/,
            // Already gone is the goal; a DELETE has no body to read.
            succeedsOn: ['404', 'non-JSON 200', 'partial data'],
            success: (f) => ({ id: 'ep_matrix', removed: f !== '404' }),
            inputData,
            unsubscribe: true,
          },
        ],
        [
          `${key} performList`,
          {
            method: 'GET',
            path: new RegExp(`^${APP_PATH}/msg\\?`),
            fn: o.performList,
            action: /list recent Codat webhook messages/,
            partial: { data: [{ id: 'msg_1', payload: {} }] },
            // A key that may not list messages: "Test trigger" shows the catalog examples instead.
            succeedsOn: ['403', '404'],
            success: () => examples.map((t) => exampleOutput(findEventType(t)!)),
            inputData,
          },
        ],
      ];
    }),
  ),
  // Whatever happens, the Event Types dropdown offers the built-in catalog.
  'event type dropdown': {
    method: 'GET',
    path: /^\/api\/v1\/event-type\?/,
    fn: triggers.codat_event_type_list!.operation.perform,
    action: /list the Codat event types/,
    succeedsOn: ALL_FAILURES,
    success: () => catalogItems(),
  },
  'company dropdown': {
    method: 'GET',
    path: new RegExp(`^${APP_PATH}/msg\\?`),
    fn: triggers.codat_company_list!.operation.perform,
    action: /list the companies of recent Codat events/,
    withoutApiKey: true,
    partial: { data: [{ id: 'msg_1' }] },
    succeedsOn: ['403', '404'],
    success: () => [],
  },
};

/** The signing secret the current request carried (subscribe sends a new one; unsubscribe's bundle has one). */
let sentSecret = '';
/** Responses echo back every secret the request carried, to prove none reaches a message. */
const echo = () => `key ${ZAPIER_KEY} secret ${sentSecret}`;
const err = (name: Expected['name'], message: RegExp, extra: Partial<Expected> = {}): Expected => ({
  name,
  message,
  ...extra,
});

/** Svix's documented errors (reference/svix/openapi.json) and transport failures. */
const FAILURES = (o: Operation): Failure[] => [
  {
    name: '400',
    reply: status(400, () => ({ code: 'bad_request', detail: `Invalid request (${echo()})` })),
    expected: err('AppError', /Codat rejected the request to .* \(HTTP 400\): Invalid request/, {
      code: 'codat_request_rejected',
    }),
  },
  {
    name: '401',
    reply: status(401, () => ({ code: 'authentication_failed', detail: `Invalid token ${echo()}` })),
    expected: err(
      'ExpiredAuthError',
      /Codat rejected the Zapier integration key for Client ID client-matrix.*Reconnect/,
    ),
  },
  {
    name: '403',
    reply: status(403, () => ({ code: 'forbidden', detail: `Insufficient access (${echo()})` })),
    expected: err('AppError', /Codat refused permission to .*: Insufficient access/, { code: 'codat_forbidden' }),
  },
  {
    name: '404',
    reply: status(404, { code: 'not_found', detail: 'Entity not found' }),
    expected: err('AppError', /Codat could not find .*: Entity not found.*Client ID/, { code: 'codat_not_found' }),
  },
  {
    name: '409',
    reply: status(409, () => ({ code: 'conflict', detail: `Entity already exists (${echo()})` })),
    expected: err('AppError', /\(HTTP 409\): Entity already exists/, { code: 'codat_request_rejected' }),
  },
  {
    name: '413',
    reply: html(413, () => `Request Entity Too Large ${echo()}`),
    expected: err('AppError', /\(HTTP 413\) with a text\/html body starting ".*Request Entity Too Large/, {
      code: 'codat_request_rejected',
    }),
  },
  {
    name: '422',
    reply: status(422, () => ({
      detail: [{ loc: ['body', 'url'], msg: `invalid or missing URL scheme (${echo()})`, type: 'value_error' }],
    })),
    expected: err('AppError', /\(HTTP 422\): url: invalid or missing URL scheme/, { code: 'codat_request_rejected' }),
  },
  {
    name: '429 with Retry-After',
    reply: status(429, () => ({ code: 'rate_limit', detail: echo() }), { 'retry-after': '30' }),
    expected: err('ThrottledError', /Codat's rate limit was reached .*retry in 30 seconds/, { delay: 30 }),
  },
  {
    name: '429 without Retry-After',
    reply: status(429, () => ({ code: 'rate_limit', detail: echo() })),
    expected: err('ThrottledError', /Codat's rate limit was reached .*retry later/),
  },
  ...[500, 502, 503, 504].map((code) => ({
    name: String(code),
    reply: status(
      code,
      () => ({ code: 'server_error', detail: echo() }),
      () => ({ 'svix-req-id': `req_${code}_${echo()}` }),
    ),
    expected: err(
      'AppError',
      new RegExp(`Codat's webhook service failed \\(HTTP ${code}\\) .*request id req_${code}_.*usually temporary`),
      {
        code: 'codat_server_error',
      },
    ),
  })),
  {
    name: 'timeout',
    reply: late(),
    timeoutMs: TIMEOUT_MS,
    expected: err('AppError', new RegExp(`Codat could not be reached .*no answer within ${TIMEOUT_MS} ms`), {
      code: 'network_error',
    }),
  },
  {
    name: 'connection reset',
    reply: reset(),
    expected: err('AppError', /Codat could not be reached .*the connection was reset.*try again/, {
      code: 'network_error',
    }),
  },
  {
    name: 'slow body',
    reply: slowBody(),
    timeoutMs: TIMEOUT_MS,
    expected: err('AppError', new RegExp(`Codat could not be reached in time .*no answer within ${TIMEOUT_MS} ms`), {
      code: 'network_error',
    }),
  },
  {
    name: 'slow headers, then slow body',
    reply: slowHeadersThenBody(TIMEOUT_MS),
    timeoutMs: TIMEOUT_MS,
    expected: err('AppError', new RegExp(`Codat could not be reached in time .*no answer within ${TIMEOUT_MS} ms`), {
      code: 'network_error',
    }),
  },
  {
    name: 'connection drops mid-body',
    reply: status(200, {}),
    loopback: 'drop',
    expected: err('AppError', /Codat could not be reached .*the connection dropped before the whole answer arrived/, {
      code: 'network_error',
    }),
  },
  ...[302, 307, 308].map((code): Failure => ({
    name: `${code} to another host`,
    reply: redirect(code),
    otherHost: true,
    expected: err(
      'AppError',
      new RegExp(
        `Codat answered with a redirect \\(HTTP ${code}\\) to collector\\.evil\\.example .*credentials went only to codat-matrix\\.example\\.com`,
      ),
      { code: 'unexpected_redirect' },
    ),
  })),
  {
    name: 'non-JSON 200',
    reply: html(200, () => `Maintenance ${echo()}`),
    expected: err('AppError', /Codat answered with a text\/html body starting ".*Maintenance.*instead of JSON/, {
      code: 'codat_invalid_response',
    }),
  },
  {
    name: 'partial data',
    reply: status(200, o.partial ?? {}),
    expected: err('AppError', /Codat returned an unexpected response .*\((id|data|data\.0\.\w+): /, {
      code: 'codat_invalid_response',
    }),
  },
];

const CASES = Object.entries(OPERATIONS).flatMap(([opName, o]) => FAILURES(o).map((f) => ({ opName, o, f })));

let loopback: Loopback;
beforeAll(async () => {
  loopback = await dropServer();
  process.env.CODAT_WEBHOOKS_API_URL = BASE;
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
});
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(async () => {
  await loopback.close();
  delete process.env.CODAT_WEBHOOKS_API_URL;
  expectNoSecrets(
    [...messages, ...results, ...runner.logs],
    [ZAPIER_KEY, WEBHOOK_SECRET, ...generated, ...codatApiKeyForms(API_KEY)],
  );
});

describe(`Codat fault matrix (${CASES.length} cases)`, () => {
  it('covers every operation with every failure', () => {
    expect(Object.keys(OPERATIONS)).toEqual([
      'auth test',
      ...Object.keys(HOOKS).flatMap((k) => [`${k} subscribe`, `${k} unsubscribe`, `${k} performList`]),
      'event type dropdown',
      'company dropdown',
    ]);
    expect(Object.keys(HOOKS)).toEqual(
      Object.entries(triggers)
        .filter(([key, t]) => key.startsWith('codat_') && t.operation.type === 'hook')
        .map(([key]) => key),
    );
    expect(ALL_FAILURES).toEqual(FAILURES(OPERATIONS['auth test']!).map((f) => f.name));
    expect(CASES).toHaveLength(18 * 23);
  });

  it.each(CASES.map((c) => [c.opName, c.f.name, c] as const))('%s x %s', async (_op, _f, { o, f }) => {
    if (f.loopback) {
      // A real socket that closes mid-body: the step fails at the drop, long before its deadline.
      const before = loopback.requests();
      process.env.CODAT_WEBHOOKS_API_URL = loopback.base;
      try {
        if (o.succeedsOn?.includes(f.name)) {
          const { value: result, ms } = await timed(() => withoutNock(() => runner.run(o.fn, bundle(o))));
          results.push(JSON.stringify(result));
          expect(result).toEqual(o.success!(f.name));
          expect(ms).toBeLessThan(BOUND_SLACK_MS);
        } else {
          const { value: e, ms } = await timed(() =>
            withoutNock(() => failure(() => runner.run(o.fn, bundle(o)), messages)),
          );
          assertExpected(e, f.expected);
          expect(e.message).toMatch(o.action);
          expect(ms).toBeLessThan(BOUND_SLACK_MS);
        }
      } finally {
        process.env.CODAT_WEBHOOKS_API_URL = BASE;
      }
      expect(loopback.requests()).toBe(before + 1);
      return;
    }
    const guard = f.otherHost ? guardOtherHost() : undefined;
    const scope = f.reply(
      nock(BASE).intercept(o.path, o.method, (body: { secret?: string }) => {
        if (body?.secret) generated.push(body.secret);
        sentSecret = body?.secret ?? (o.unsubscribe ? WEBHOOK_SECRET : '');
        return true;
      }),
    );
    const run = () => withTimeout(f.timeoutMs, () => runner.run(o.fn, bundle(o)));
    const started = Date.now();
    if (o.succeedsOn?.includes(f.name)) {
      const result = await run();
      results.push(JSON.stringify(result));
      expect(result).toEqual(o.success!(f.name));
    } else {
      const e = await failure(run, messages);
      assertExpected(e, f.expected);
      // Network errors and rejections name what the app was doing.
      if (f.name !== '401') expect(e.message).toMatch(o.action);
    }
    // Every cell ends within its step's deadline (default 28 s; injected for timeouts) plus a bound.
    expect(Date.now() - started).toBeLessThan((f.timeoutMs ?? 0) + BOUND_SLACK_MS);
    expect(scope.isDone()).toBe(true);
    // A redirect never carries the request (its key, its new signing secret) to the other host.
    if (guard) expect(guard.pendingMocks()).toHaveLength(3);
  });

  // The 50-consumer cap only concerns creating a consumer; its undocumented body comes in both shapes.
  it.each([
    ['Svix body', { code: 'limit_reached', detail: `Endpoint limit reached (${ZAPIER_KEY})` }],
    ['Codat body', { statusCode: 400, error: `Maximum of 50 webhook consumers exceeded (${ZAPIER_KEY})` }],
  ])('subscribe x consumer cap (%s)', async (_shape, body) => {
    const scope = nock(BASE)
      .post(`${APP_PATH}/endpoint`, (b: { secret?: string }) => {
        if (b.secret) generated.push(b.secret);
        return true;
      })
      .reply(400, body);
    const e = await failure(
      () => runner.run(op.performSubscribe, bundle(OPERATIONS['codat_event subscribe']!)),
      messages,
    );
    assertExpected(
      e,
      err('AppError', /already has as many webhook consumers as Codat allows \(50 per client\).*Codat Portal/, {
        code: 'codat_consumer_limit',
      }),
    );
    expect(scope.isDone()).toBe(true);
  });
});

describe('one deadline for the whole step', () => {
  const DEADLINE_MS = 400;

  it("ends subscribe's replay path (create, then read the earlier consumer's secret) by the deadline", async () => {
    // Each call alone fits the deadline; both together do not. Per-call timeouts let this run 1.2x.
    const create = nock(BASE)
      .post(`${APP_PATH}/endpoint`)
      .delay(DEADLINE_MS * 0.6)
      .reply(200, {
        id: 'ep_matrix',
        createdAt: '2026-01-01T00:00:00Z',
        metadata: { zapierSubscribeAttempt: 'an-earlier-attempt' },
      });
    const secret = nock(BASE)
      .get(`${APP_PATH}/endpoint/ep_matrix/secret`)
      .delay(DEADLINE_MS * 0.6)
      .reply(200, { key: WEBHOOK_SECRET });
    const started = Date.now();
    const e = await failure(
      () =>
        withTimeout(DEADLINE_MS, () => runner.run(op.performSubscribe, bundle(OPERATIONS['codat_event subscribe']!))),
      messages,
    );
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + BOUND_SLACK_MS);
    assertExpected(
      e,
      err(
        'AppError',
        new RegExp(
          `could not be reached in time while trying to read the signing secret .*no answer within ${DEADLINE_MS} ms`,
        ),
        { code: 'network_error' },
      ),
    );
    expect(create.isDone()).toBe(true);
    expect(secret.isDone()).toBe(true);
  });
});
