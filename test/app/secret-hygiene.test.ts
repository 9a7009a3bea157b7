// Secret hygiene as Zapier runs the app: every operation goes through core's Lambda handler
// (createAppHandler) with a token, so core streams its log records (HTTP lines with request and
// response bodies, console lines, errors) to a log endpoint, here a sink on 127.0.0.1. Everything
// shipped, every result and every message is scanned for every secret, whole or any 8 characters
// of it (issue 13: 2, 3, 4). The services reply the way nock makes them: echoing what they were sent.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, randomBytes } from 'node:crypto';
import nock from 'nock';
import App from '../../index.js';
import { readError } from '../support/errors.js';
import { lambdaHarness, leaks, type LambdaHarness, type LambdaOutcome } from '../support/secret-hygiene.js';

const rand = (n: number) => randomBytes(n).toString('base64url');
const CODAT = 'https://codat-hygiene.example.com';
const BLUE = 'https://blue-hygiene.example.com';
const CLIENT = 'client-hygiene';
const APP_PATH = `/api/v1/app/${CLIENT}`;
const ZAPIER_KEY = `sk_integ_${rand(24)}.us`;
const TOKEN_SECRET = `pat_${rand(24)}`;
/** The signing secret of a consumer an earlier subscribe attempt created (the replay path reads it). */
const EARLIER_SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const BLUE_WEBHOOK_SECRET = `bws_${rand(24)}`;
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/hygiene/';

const codatAuth = { codatClientId: CLIENT, codatZapierKey: ZAPIER_KEY };
const blueAuth = {
  blueTokenId: 'tok-hygiene',
  blueTokenSecret: TOKEN_SECRET,
  blueCompanyId: 'acme',
  blueProjectId: 'cprojhygiene0000000000001',
};

/** Signing secrets the app generated and sent (Codat subscribe creates one per attempt). */
const generated: string[] = [];
const texts: string[] = [];
const SUBSCRIBES = new Set(['codat subscribe', 'codat subscribe (replay)', 'blue subscribe']);
const outcomes: Record<string, LambdaOutcome> = {};
let harness: LambdaHarness;

const M = {
  authTest: 'authentication.test',
  codatSubscribe: 'triggers.codat_event.operation.performSubscribe',
  codatUnsubscribe: 'triggers.codat_event.operation.performUnsubscribe',
  codatPerform: 'triggers.codat_event.operation.perform',
  codatList: 'triggers.codat_event.operation.performList',
  blueSubscribe: 'triggers.new_todo.operation.performSubscribe',
  blueUnsubscribe: 'triggers.new_todo.operation.performUnsubscribe',
  bluePerform: 'triggers.new_todo.operation.perform',
  createTodo: 'creates.create_todo.operation.perform',
};

async function run(name: string, method: string, bundle: Record<string, unknown>): Promise<LambdaOutcome> {
  const out = await harness.invoke(method, bundle);
  outcomes[name] = out;
  // Subscribe's result holds the signing secret by design: Zapier stores it as subscribeData.
  if (out.result !== undefined && !SUBSCRIBES.has(name)) texts.push(JSON.stringify(out.result));
  if (out.error) {
    const e = readError(out.error);
    texts.push(e.message, e.raw, String(out.error.stack));
  }
  return out;
}

/** Text that puts `secret` right across a cut at `at` characters (body excerpts cut at 120, request ids at 100). */
const straddling = (secret: string, at: number, prefix = '') =>
  `${prefix}${'x'.repeat(Math.max(0, at - prefix.length - 5))}${secret}`;

function codatDelivery(
  msgId: string,
  secret: string,
  content: string,
  timestamp = String(Math.floor(Date.now() / 1000)),
) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signature = `v1,${createHmac('sha256', key).update(`${msgId}.${timestamp}.${content}`).digest('base64')}`;
  return {
    authData: codatAuth,
    inputData: { eventTypes: ['all'] },
    subscribeData: { id: 'ep_hygiene', secret, eventTypes: ['all'] },
    targetUrl: TARGET,
    rawRequest: {
      method: 'POST',
      querystring: '',
      headers: { 'Http-Webhook-Id': msgId, 'Http-Webhook-Timestamp': timestamp, 'Http-Webhook-Signature': signature },
      content,
    },
    cleanedRequest: {},
  };
}

beforeAll(async () => {
  harness = await lambdaHarness(App);
  process.env.CODAT_WEBHOOKS_API_URL = CODAT;
  process.env.BLUE_API_URL = `${BLUE}/graphql`;
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');

  // ---- Codat ----
  nock(CODAT)
    .get(`${APP_PATH}/endpoint`)
    .query(true)
    .reply(200, { data: [], iterator: null, done: true, note: `hello ${ZAPIER_KEY}` });
  await run('codat auth test', M.authTest, { authData: codatAuth });

  // A new consumer; Svix echoes the request.
  nock(CODAT)
    .post(`${APP_PATH}/endpoint`)
    .reply(200, (_uri, body: Record<string, unknown>) => {
      generated.push(String(body.secret));
      return { id: 'ep_hygiene', createdAt: new Date().toISOString(), echo: body, metadata: body.metadata };
    });
  await run('codat subscribe', M.codatSubscribe, {
    authData: codatAuth,
    inputData: { eventTypes: ['all'] },
    targetUrl: TARGET,
  });

  // The replay path: Svix returns an earlier attempt's consumer, whose secret the app reads.
  nock(CODAT)
    .post(`${APP_PATH}/endpoint`)
    .reply(200, (_uri, body: Record<string, unknown>) => {
      generated.push(String(body.secret));
      return { id: 'ep_hygiene', createdAt: '2026-01-01T00:00:00Z', metadata: { zapierSubscribeAttempt: 'earlier' } };
    });
  nock(CODAT).get(`${APP_PATH}/endpoint/ep_hygiene/secret`).reply(200, { key: EARLIER_SECRET });
  await run('codat subscribe (replay)', M.codatSubscribe, {
    authData: codatAuth,
    inputData: { eventTypes: ['all'] },
    targetUrl: TARGET,
  });

  // Failures whose bodies and request ids carry a secret right across the cuts of messages.
  nock(CODAT)
    .get(`${APP_PATH}/endpoint`)
    .query(true)
    .reply(401, { code: 'authentication_failed', detail: `bad token ${ZAPIER_KEY}` });
  await run('codat 401', M.authTest, { authData: codatAuth });
  nock(CODAT)
    .get(`${APP_PATH}/endpoint`)
    .query(true)
    .reply(502, straddling(ZAPIER_KEY, 120), {
      'content-type': 'text/plain',
      'svix-req-id': straddling(ZAPIER_KEY, 100, 'req_'),
    });
  await run('codat 502', M.authTest, { authData: codatAuth });
  nock(CODAT)
    .get(`${APP_PATH}/endpoint`)
    .query(true)
    .reply(418, straddling(ZAPIER_KEY, 120), { 'content-type': 'text/plain' });
  await run('codat 418', M.authTest, { authData: codatAuth });

  // A redirect to another host must not carry the key there; an unsubscribe that got one fails.
  nock(CODAT)
    .delete(`${APP_PATH}/endpoint/ep_hygiene`)
    .reply(307, '', { Location: 'https://collector.evil.example/x' });
  await run('codat unsubscribe (307)', M.codatUnsubscribe, {
    authData: codatAuth,
    inputData: {},
    subscribeData: { id: 'ep_hygiene', secret: EARLIER_SECRET, eventTypes: ['all'] },
  });
  nock(CODAT).delete(`${APP_PATH}/endpoint/ep_hygiene`).reply(204);
  await run('codat unsubscribe', M.codatUnsubscribe, {
    authData: codatAuth,
    inputData: {},
    subscribeData: { id: 'ep_hygiene', secret: EARLIER_SECRET, eventTypes: ['all'] },
  });

  nock(CODAT)
    .get(`${APP_PATH}/msg`)
    .query(true)
    .reply(200, {
      data: [
        {
          id: 'msg_1',
          eventType: 'company.created',
          payload: { id: 'e1', eventType: 'company.created', payload: {} },
          timestamp: '2026-11-30T00:00:00Z',
        },
      ],
      iterator: null,
      done: true,
    });
  await run('codat performList', M.codatList, { authData: codatAuth, inputData: { eventTypes: ['all'] } });

  const event = JSON.stringify({
    id: 'evt-h',
    eventType: 'company.created',
    generatedDate: '2026-11-30T10:00:00Z',
    payload: {},
  });
  await run('codat perform', M.codatPerform, codatDelivery('msg_h', EARLIER_SECRET, event));
  await run('codat perform (retry)', M.codatPerform, codatDelivery('msg_h', EARLIER_SECRET, event));
  await run('codat perform (BOM)', M.codatPerform, codatDelivery('msg_bom', EARLIER_SECRET, `\uFEFF${event}`));
  await run(
    'codat perform (forged, far future)',
    M.codatPerform,
    codatDelivery('msg_f', `whsec_${randomBytes(32).toString('base64')}`, event, '99999999999999'),
  );

  // ---- Blue ----
  const blueReply = (data: unknown) => (_uri: string, body: Record<string, unknown>) => ({ data, echo: body });
  nock(BLUE)
    .post('/graphql')
    .reply(
      200,
      blueReply({
        currentUser: { id: 'u1', fullName: 'Jane', email: null },
        project: { id: 'p1', name: 'P', slug: 'p' },
      }),
    );
  await run('blue auth test', M.authTest, { authData: blueAuth });
  nock(BLUE)
    .post('/graphql')
    .reply(200, blueReply({ createWebhook: { id: 'wh-h', secret: BLUE_WEBHOOK_SECRET, events: ['TODO_CREATED'] } }));
  await run('blue subscribe', M.blueSubscribe, { authData: blueAuth, inputData: {}, targetUrl: TARGET });
  nock(BLUE)
    .post('/graphql')
    .reply(400, straddling(TOKEN_SECRET, 120), {
      'content-type': 'text/html',
      'x-request-id': straddling(TOKEN_SECRET, 100),
    });
  await run('blue 400', M.createTodo, { authData: blueAuth, inputData: { title: 'T', todoListId: 'l1' } });
  nock(BLUE).post('/graphql').reply(308, '', { Location: 'https://collector.evil.example/graphql' });
  await run('blue create (308)', M.createTodo, { authData: blueAuth, inputData: { title: 'T', todoListId: 'l1' } });
  const sub = {
    id: 'wh-h',
    secret: BLUE_WEBHOOK_SECRET,
    projectId: 'cprojhygiene0000000000001',
    events: ['TODO_CREATED'],
  };
  const body = JSON.stringify({
    event: 'TODO_CREATED',
    currentValue: { id: 'todo-1', title: 'T', updatedAt: '2026-11-30T00:00:00Z' },
    previousValue: null,
  });
  const blueDelivery = {
    authData: blueAuth,
    inputData: {},
    subscribeData: sub,
    rawRequest: {
      method: 'POST',
      querystring: '',
      headers: { 'Http-X-Signature': createHmac('sha256', BLUE_WEBHOOK_SECRET).update(body).digest('hex') },
      content: body,
    },
    cleanedRequest: {},
  };
  await run('blue perform', M.bluePerform, blueDelivery);
  await run('blue perform (replayed)', M.bluePerform, blueDelivery);
  nock(BLUE)
    .post('/graphql')
    .reply(200, blueReply({ deleteWebhook: { success: true } }));
  await run('blue unsubscribe', M.blueUnsubscribe, { authData: blueAuth, inputData: {}, subscribeData: sub });

  // Padded credentials are refused before any call.
  await run('padded key', M.authTest, { authData: { ...codatAuth, codatZapierKey: ` ${ZAPIER_KEY} ` } });
}, 60_000);

afterAll(async () => {
  nock.cleanAll();
  delete process.env.CODAT_WEBHOOKS_API_URL;
  delete process.env.BLUE_API_URL;
  await harness.close();
});

describe("secret hygiene through core's Lambda handler", () => {
  it('ran every operation as planned', () => {
    const failed = (name: string) => outcomes[name]?.error?.name;
    expect(outcomes['codat subscribe']!.result).toMatchObject({ id: 'ep_hygiene' });
    expect(outcomes['codat subscribe (replay)']!.result).toEqual({
      id: 'ep_hygiene',
      secret: EARLIER_SECRET,
      eventTypes: ['all'],
    });
    expect(outcomes['codat unsubscribe']!.result).toEqual({ id: 'ep_hygiene', removed: true });
    expect(failed('codat unsubscribe (307)')).toBe('AppError');
    expect(failed('codat 401')).toBe('ExpiredAuthError');
    expect(failed('codat 502')).toBe('AppError');
    expect(failed('codat 418')).toBe('AppError');
    expect(outcomes['codat perform']!.result).toHaveLength(1);
    expect(outcomes['codat perform (retry)']!.result).toEqual([]);
    expect(outcomes['codat perform (BOM)']!.result).toHaveLength(1);
    expect(failed('codat perform (forged, far future)')).toBe('HaltedError');
    expect(outcomes['blue subscribe']!.result).toMatchObject({ id: 'wh-h', secret: BLUE_WEBHOOK_SECRET });
    expect(failed('blue 400')).toBe('AppError');
    expect(failed('blue create (308)')).toBe('AppError');
    expect(outcomes['blue perform']!.result).toHaveLength(1);
    expect(outcomes['blue perform (replayed)']!.result).toEqual([]);
    expect(outcomes['blue unsubscribe']!.result).toEqual({ id: 'wh-h', deleted: true });
    expect(readError(outcomes['padded key']!.error).code).toBe('auth_fields_padded');
    expect(harness.cacheKeys()).toHaveLength(3);
    expect(generated).toHaveLength(2);
  });

  it('shipped every log record to the sink, HTTP lines with their bodies included', () => {
    const records = harness
      .shipped()
      .map((line) => JSON.parse(line) as { message: string; data: Record<string, unknown> });
    const http = records.filter((r) => r.data.log_type === 'http');
    // One per request the app made: Codat 10, Blue 5.
    expect(http.filter((r) => r.data.request_via_client === true)).toHaveLength(15);
    expect(http.some((r) => String(r.data.request_url).endsWith('/endpoint/ep_hygiene/secret'))).toBe(true);
    // Errors are shipped too, with their messages and stacks.
    expect(records.filter((r) => r.data.log_type === 'error').length).toBeGreaterThanOrEqual(8);
  });

  it('holds no secret, whole or any 8 characters of it, in anything shipped, returned or said', () => {
    const scanned = [...harness.shipped(), ...texts];
    expect(scanned.length).toBeGreaterThan(30);
    expect(leaks(scanned, [ZAPIER_KEY, TOKEN_SECRET, EARLIER_SECRET, BLUE_WEBHOOK_SECRET, ...generated], 8)).toEqual(
      [],
    );
  });

  it('names where a redirect pointed, and the unsubscribe that got one did not report success', () => {
    expect(readError(outcomes['codat unsubscribe (307)']!.error).message).toMatch(
      /redirect \(HTTP 307\) to collector\.evil\.example/,
    );
    expect(readError(outcomes['blue create (308)']!.error).message).toMatch(
      /redirect \(HTTP 308\) to collector\.evil\.example/,
    );
  });
});
