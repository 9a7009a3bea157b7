import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import nock from 'nock';
import { Webhook } from 'standardwebhooks';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../index.js';
import { exampleOutput } from '../../codat/envelope.js';
import { CODAT_EVENT_TYPES, findEventType } from '../../codat/events.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
type Op = {
  perform: unknown;
  performList: unknown;
  performSubscribe: unknown;
  performUnsubscribe: unknown;
  outputFields: unknown[];
  sample: Record<string, unknown>;
};
const trigger = (
  App.triggers as unknown as Record<string, { key: string; display: { description: string }; operation: Op }>
).codat_event!;
const op = trigger.operation;

const CLIENT_ID = 'client-1';
const KEY_US = 'sk_integ_abc.us';
const US = 'https://api.us.svix.com';
const ENDPOINT_PATH = `/api/v1/app/${CLIENT_ID}/endpoint`;
const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/123/abcdef/';
const SECRET_PATTERN = /^whsec_[A-Za-z0-9+/=]{32,100}$/;
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const ENDPOINT_ID = 'ep_2aBcDeFgHiJkLmNoPqRsTuVwXyZ';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const authData = (key = KEY_US) => ({ codatClientId: CLIENT_ID, codatZapierKey: key });

function run(fn: unknown, bundle: Record<string, unknown>) {
  return appTester<unknown, Bundle>(fn as never, bundle as never);
}

function endpointReply(body: Record<string, unknown>, createdAt = new Date().toISOString()) {
  return {
    id: ENDPOINT_ID,
    url: body.url,
    description: body.description,
    metadata: body.metadata ?? {},
    filterTypes: body.filterTypes,
    createdAt,
    updatedAt: createdAt,
  };
}

beforeAll(() => {
  delete process.env.CODAT_WEBHOOKS_API_URL;
  nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

describe('codat_event definition', () => {
  it('is registered with a Zapier-style description', () => {
    expect(trigger.key).toBe('codat_event');
    expect(trigger.display.description).toMatch(/^Triggers when .+\.$/);
  });

  it('builds output field labels for the chosen types on top of the static ones', async () => {
    const dynamic = op.outputFields.find((f) => typeof f === 'function') as (
      z: ZObject,
      b: Bundle,
    ) => Promise<{ key: string; label: string }[]>;
    const forWrites = await dynamic(
      {} as ZObject,
      { inputData: { eventTypes: ['bills.write.successful'] } } as unknown as Bundle,
    );
    expect(forWrites).toContainEqual({ key: 'payload__record__id', label: 'Record ID' });
    expect(forWrites.map((f) => f.key)).not.toContain('payload__connection__platformName');
    const forAll = await dynamic({} as ZObject, { inputData: { eventTypes: ['all'] } } as unknown as Bundle);
    expect(forAll.map((f) => f.key)).toEqual(
      expect.arrayContaining(['payload__record__id', 'payload__connection__platformName']),
    );
  });

  it('uses the catalog example of a write event as its static sample', () => {
    expect(op.sample).toEqual(exampleOutput(findEventType('invoices.write.successful')!));
  });
});

describe('performSubscribe', () => {
  const bundle = (eventTypes: unknown, extra: Record<string, unknown> = {}) => ({
    authData: authData(),
    inputData: { eventTypes },
    targetUrl: TARGET_URL,
    ...extra,
  });

  it('creates one consumer with url, filterTypes, a description, a generated secret and an idempotency key', async () => {
    let sent: Record<string, unknown> = {};
    const scope = nock(US)
      .post(ENDPOINT_PATH, (b: Record<string, unknown>) => {
        sent = b;
        return true;
      })
      .matchHeader('authorization', `Bearer ${KEY_US}`)
      .matchHeader('content-type', 'application/json')
      .matchHeader('idempotency-key', sha256(TARGET_URL))
      .reply(201, (_uri, b) => endpointReply(b as Record<string, unknown>));

    const result = (await run(op.performSubscribe, bundle(['company.created', 'connection.connected']))) as Record<
      string,
      unknown
    >;
    scope.done();
    expect(sent).toEqual({
      url: TARGET_URL,
      description: `Zapier "New Codat Event" trigger, Zap subscription ${sha256(TARGET_URL).slice(0, 12)}: company.created, connection.connected`,
      filterTypes: ['company.created', 'connection.connected'],
      secret: expect.stringMatching(SECRET_PATTERN),
      metadata: { zapierSubscribeAttempt: expect.stringMatching(/^[0-9a-f]{16}$/) },
    });
    expect(Buffer.from(String(sent.secret).slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(result).toEqual({
      id: ENDPOINT_ID,
      secret: sent.secret,
      eventTypes: ['company.created', 'connection.connected'],
    });
  });

  it('omits filterTypes for "All Event Types" and says so in the description', async () => {
    let sent: Record<string, unknown> = {};
    const scope = nock(US)
      .post(ENDPOINT_PATH, (b: Record<string, unknown>) => {
        sent = b;
        return true;
      })
      .reply(201, (_uri, b) => endpointReply(b as Record<string, unknown>));
    const result = (await run(op.performSubscribe, bundle(['all', 'company.created']))) as Record<string, unknown>;
    scope.done();
    expect(sent).not.toHaveProperty('filterTypes');
    expect(sent.description).toMatch(/: all event types$/);
    expect(result.eventTypes).toEqual(['all']);
  });

  it.each([
    ['sk_integ_abc.eu', 'https://api.eu.svix.com'],
    ['sk_integ_abc.au', 'https://api.au.svix.com'],
    ['sk_integ_abc', 'https://api.svix.com'],
  ])('sends a key ending like %s to %s', async (key, host) => {
    const scope = nock(host)
      .post(ENDPOINT_PATH)
      .matchHeader('authorization', `Bearer ${key}`)
      .reply(201, (_uri, b) => endpointReply(b as Record<string, unknown>));
    await run(op.performSubscribe, { ...bundle(['company.created']), authData: authData(key) });
    scope.done();
  });

  it('keeps the idempotency key stable for one target URL and distinct across target URLs, with a fresh secret each time', async () => {
    const keys: string[] = [];
    const secrets: string[] = [];
    nock(US)
      .post(ENDPOINT_PATH)
      .times(3)
      .reply(201, function (_uri, b) {
        keys.push(String(this.req.headers['idempotency-key']));
        secrets.push(String((b as { secret: string }).secret));
        return endpointReply(b as Record<string, unknown>);
      });
    await run(op.performSubscribe, bundle(['company.created']));
    await run(op.performSubscribe, bundle(['company.created']));
    await run(
      op.performSubscribe,
      bundle(['company.created'], { targetUrl: 'https://hooks.zapier.com/hooks/standard/123/other/' }),
    );
    expect(keys[0]).toBe(sha256(TARGET_URL));
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(new Set(secrets).size).toBe(3);
  });

  /** A replayed response: an earlier attempt's consumer, tagged with that attempt's nonce. */
  function replayedReply(body: Record<string, unknown>, createdAt = new Date().toISOString()) {
    return { ...endpointReply(body, createdAt), metadata: { zapierSubscribeAttempt: 'aaaaaaaaaaaaaaaa' } };
  }

  it("keeps the first consumer's secret when Codat replays an earlier subscribe with the same key, however soon", async () => {
    const scope = nock(US)
      .post(ENDPOINT_PATH)
      .reply(201, (_uri, b) => replayedReply(b as Record<string, unknown>))
      .get(`${ENDPOINT_PATH}/${ENDPOINT_ID}/secret`)
      .reply(200, { key: SECRET });
    const result = (await run(op.performSubscribe, bundle(['company.created']))) as Record<string, unknown>;
    scope.done();
    expect(result).toEqual({ id: ENDPOINT_ID, secret: SECRET, eventTypes: ['company.created'] });
  });

  it('falls back to createdAt to spot a replay when the server returns no metadata', async () => {
    const earlier = new Date(Date.now() - 3_600_000).toISOString();
    const scope = nock(US)
      .post(ENDPOINT_PATH)
      .reply(201, (_uri, b) => ({ ...endpointReply(b as Record<string, unknown>, earlier), metadata: undefined }))
      .get(`${ENDPOINT_PATH}/${ENDPOINT_ID}/secret`)
      .reply(200, { key: SECRET });
    const result = (await run(op.performSubscribe, bundle(['company.created']))) as Record<string, unknown>;
    scope.done();
    expect(result.secret).toBe(SECRET);
  });

  it('makes one call when the consumer is new, even if the clocks disagree', async () => {
    const scope = nock(US)
      .post(ENDPOINT_PATH)
      .reply(201, (_uri, b) =>
        endpointReply(b as Record<string, unknown>, new Date(Date.now() - 3_600_000).toISOString()),
      );
    const result = (await run(op.performSubscribe, bundle(['company.created']))) as Record<string, unknown>;
    scope.done();
    expect(result.secret).toMatch(SECRET_PATTERN);
  });

  it('creates a new consumer when the replayed one was deleted since (Zap turned off and on)', async () => {
    const earlier = new Date(Date.now() - 3_600_000).toISOString();
    const keys: string[] = [];
    const scope = nock(US)
      .post(ENDPOINT_PATH)
      .reply(201, function (_uri, b) {
        keys.push(String(this.req.headers['idempotency-key']));
        return replayedReply(b as Record<string, unknown>, earlier);
      })
      .get(`${ENDPOINT_PATH}/${ENDPOINT_ID}/secret`)
      .reply(404, { code: 'not_found', detail: 'Entity not found' })
      .post(ENDPOINT_PATH)
      .reply(201, function (_uri, b) {
        keys.push(String(this.req.headers['idempotency-key']));
        return { ...endpointReply(b as Record<string, unknown>), id: 'ep_new' };
      });
    const result = (await run(op.performSubscribe, bundle(['company.created']))) as Record<string, unknown>;
    scope.done();
    expect(result.id).toBe('ep_new');
    expect(result.secret).toMatch(SECRET_PATTERN);
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[1]!.startsWith(keys[0]!)).toBe(true);
  });

  it('surfaces a rejected subscribe without revealing the secret it sent', async () => {
    nock(US)
      .post(ENDPOINT_PATH)
      .reply(422, (_uri, b) => ({
        detail: [
          { loc: ['body', 'secret'], msg: `invalid secret ${(b as { secret: string }).secret}`, type: 'value_error' },
        ],
      }));
    const err = await caught(run(op.performSubscribe, bundle(['company.created'])));
    expect(err.message).toMatch(
      /Codat rejected the request to create the Codat webhook consumer for this Zap \(HTTP 422\): secret: invalid secret \[redacted\]/,
    );
    expect(err.message).not.toMatch(/whsec_/);
  });

  it('asks to reconnect on 401', async () => {
    nock(US).post(ENDPOINT_PATH).reply(401, { code: 'authentication_failed', detail: 'Invalid token' });
    const err = await caught(run(op.performSubscribe, bundle(['company.created'])));
    expect(err.name).toBe('ExpiredAuthError');
  });

  it.each([
    ['NewCompanySynchronized', 'NewCompanySynchronized (use read.completed.initial)'],
    ['SyncConnectionDeleted', 'SyncConnectionDeleted (use connection.deleted)'],
    ['PushOperationTimedOut', 'PushOperationTimedOut (use {dataType}.write.unsuccessful)'],
    // As Codat's legacy docs wrote it: Svix would refuse it as unknown, without naming the replacement.
    ['New company synchronized', 'New company synchronized (use read.completed.initial)'],
  ])(
    'refuses the retired type %s (a custom value or an old Zap) naming its replacement, without calling Codat',
    async (type, named) => {
      // No interceptor: any request would fail the test with a network error instead of this refusal.
      const err = await caught(run(op.performSubscribe, bundle(`company.created, ${type}`)));
      expect(err.code).toBe('codat_event_type_retired');
      expect(err.message).toContain(named);
      expect(err.message).toMatch(/retired .* 10 January 2025.*Pick the replacement in "Event Types"/);
    },
  );

  it('names every retired type of a selection at once', async () => {
    const err = await caught(
      run(op.performSubscribe, bundle(['DataConnectionStatusChanged', 'company.created', 'SyncFailed'])),
    );
    expect(err.message).toContain(
      'these legacy event types: DataConnectionStatusChanged (use connection.created or connection.connected or ' +
        'connection.disconnected or connection.reconnected or connection.deleted); SyncFailed (use expenses.sync.unsuccessful)',
    );
  });

  it('subscribes to a current type Codat added after its spec (read.completed.successful.initial)', async () => {
    let sent: Record<string, unknown> = {};
    const scope = nock(US)
      .post(ENDPOINT_PATH, (b: Record<string, unknown>) => {
        sent = b;
        return true;
      })
      .reply(201, (_uri, b) => endpointReply(b as Record<string, unknown>));
    await run(op.performSubscribe, bundle(['read.completed.successful.initial']));
    scope.done();
    expect(sent.filterTypes).toEqual(['read.completed.successful.initial']);
  });

  // Codat caps webhook consumers at 50 per client; the refusal's body is undocumented, so both a
  // Svix-style and a Codat-style body must be recognised (by status and wording).
  it.each([
    [
      'Svix {code, detail}',
      422,
      { code: 'endpoint_limit', detail: 'Maximum number of endpoints reached for this application' },
    ],
    [
      'Codat {statusCode, error}',
      400,
      {
        statusCode: 400,
        service: 'Webhooks',
        error: 'You have reached the limit of 50 webhook consumers for this client.',
        correlationId: 'c0ffee',
        canBeRetried: 'Unknown',
      },
    ],
    ['plain text', 403, 'Too many endpoints'],
  ])('says the 50-consumer cap was reached and how to free one (%s)', async (_shape, code, body) => {
    nock(US)
      .post(ENDPOINT_PATH)
      .reply(code, body as never);
    const err = await caught(run(op.performSubscribe, bundle(['company.created'])));
    expect(err.code).toBe('codat_consumer_limit');
    expect(err.message).toMatch(
      /Client ID client-1 already has as many webhook consumers as Codat allows \(50 per client\)/,
    );
    expect(err.message).toMatch(
      /deleting consumers you no longer use in the Codat Portal .*Monitor > Webhooks > Events.*turn this Zap on again/,
    );
  });

  it('does not mistake another refusal for the consumer cap', async () => {
    nock(US)
      .post(ENDPOINT_PATH)
      .reply(422, {
        detail: [
          { loc: ['body', 'filterTypes'], msg: "The following event types don't exist: x.y", type: 'value_error' },
        ],
      });
    const err = await caught(run(op.performSubscribe, bundle(['company.created'])));
    expect(err.code).toBe('codat_request_rejected');
  });

  it('refuses an empty event type selection before calling Codat', async () => {
    const err = await caught(run(op.performSubscribe, bundle([])));
    expect(err.code).toBe('codat_event_types_missing');
  });
});

describe('performUnsubscribe', () => {
  const bundle = {
    authData: authData(),
    inputData: {},
    subscribeData: { id: ENDPOINT_ID, secret: SECRET, eventTypes: ['all'] },
  };

  it('deletes the consumer (204)', async () => {
    const scope = nock(US)
      .delete(`${ENDPOINT_PATH}/${ENDPOINT_ID}`)
      .matchHeader('authorization', `Bearer ${KEY_US}`)
      .reply(204);
    await expect(run(op.performUnsubscribe, bundle)).resolves.toEqual({ id: ENDPOINT_ID, removed: true });
    scope.done();
  });

  it('treats 404 (already removed in the portal) as success', async () => {
    const scope = nock(US)
      .delete(`${ENDPOINT_PATH}/${ENDPOINT_ID}`)
      .reply(404, { code: 'not_found', detail: 'Entity not found' });
    await expect(run(op.performUnsubscribe, bundle)).resolves.toEqual({ id: ENDPOINT_ID, removed: false });
    scope.done();
  });

  it('surfaces a 500', async () => {
    nock(US).delete(`${ENDPOINT_PATH}/${ENDPOINT_ID}`).reply(500, 'oops');
    const err = await caught(run(op.performUnsubscribe, bundle));
    expect(err.code).toBe('codat_server_error');
    expect(err.message).toMatch(/remove this Zap's Codat webhook consumer/);
    expect(err.message).not.toContain(SECRET);
  });

  it('asks to reconnect on 401 without the bundle (and its signing secret) appended to the message', async () => {
    nock(US)
      .delete(`${ENDPOINT_PATH}/${ENDPOINT_ID}`)
      .reply(401, { code: 'authentication_failed', detail: 'Invalid token' });
    const err = await caught(run(op.performUnsubscribe, bundle));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).not.toContain(SECRET.slice('whsec_'.length));
    expect(err.message).not.toMatch(/What happened/);
  });

  it('explains when the subscription has no consumer id', async () => {
    const err = await caught(run(op.performUnsubscribe, { ...bundle, subscribeData: {} }));
    expect(err.code).toBe('codat_subscription_missing');
  });
});

describe('perform', () => {
  const MSG_ID = 'msg_2aBcDeFgHiJkLmNoPqRsTuVwXyZ';

  function delivery(
    body: unknown,
    opts: {
      subscribed?: string[];
      secret?: string;
      signWith?: string;
      at?: Date;
      prefix?: string;
      content?: string;
    } = {},
  ) {
    const content = opts.content ?? JSON.stringify(body);
    const at = opts.at ?? new Date();
    const prefix = opts.prefix ?? 'Webhook';
    const signature = new Webhook(opts.signWith ?? SECRET).sign(MSG_ID, at, content);
    return {
      authData: authData(),
      inputData: { eventTypes: opts.subscribed ?? ['all'] },
      subscribeData: { id: ENDPOINT_ID, secret: opts.secret ?? SECRET, eventTypes: opts.subscribed ?? ['all'] },
      rawRequest: {
        method: 'POST',
        querystring: '',
        headers: {
          'Content-Type': 'application/json',
          [`Http-${prefix}-Id`]: MSG_ID,
          [`Http-${prefix}-Timestamp`]: String(Math.floor(at.getTime() / 1000)),
          [`Http-${prefix}-Signature`]: signature,
        },
        content,
      },
      cleanedRequest: typeof body === 'object' ? body : {},
    };
  }

  const connected = {
    id: 'ba29118f-5406-4e59-b05c-ba307ca38d01',
    eventType: 'connection.connected',
    generatedDate: '2024-08-08T17:10:34.015Z',
    payload: {
      referenceCompany: { id: 'co-1', name: 'Bank of Dave' },
      connection: { id: 'conn-1', platformName: 'Xero', status: 'Linked', extraFieldCodatAdded: { nested: true } },
    },
  };

  it('outputs one item for a valid signed delivery, with convenient top-level fields', async () => {
    await expect(run(op.perform, delivery(connected, { subscribed: ['connection.connected'] }))).resolves.toEqual([
      {
        id: connected.id,
        eventType: 'connection.connected',
        eventLabel: 'Connection Connected',
        generatedDate: connected.generatedDate,
        companyId: 'co-1',
        companyName: 'Bank of Dave',
        connectionId: 'conn-1',
        status: 'Linked',
        payload: connected.payload,
      },
    ]);
  });

  it('accepts svix-* signature headers', async () => {
    const items = (await run(op.perform, delivery(connected, { prefix: 'Svix' }))) as unknown[];
    expect(items).toHaveLength(1);
  });

  it("accepts the 'type' envelope key", async () => {
    const { eventType: _drop, ...rest } = connected;
    const items = (await run(op.perform, delivery({ ...rest, type: 'connection.connected' }))) as Array<
      Record<string, unknown>
    >;
    expect(items[0]).toMatchObject({ eventType: 'connection.connected', companyId: 'co-1' });
  });

  it('normalises the rule envelope AccountCategoriesUpdated still uses, dating it by the signed timestamp', async () => {
    const at = new Date(Date.now() - 10_000);
    // Codat's documented body (Webhooks.json, AccountCategoriesUpdatedWebhook example).
    const rule = {
      ClientId: 'bae71d36-ff47-420a-b4a6-f8c9ddf41140',
      ClientName: 'Bank of Dave',
      CompanyId: '8a210b68-6988-11ed-a1eb-0242ac120002',
      DataConnectionId: '2e9d2c44-f675-40ba-8049-353bfcb5e171',
      RuleId: '70af3071-65d9-4ec3-b3cb-5283e8d55dac',
      RuleType: 'Account Categories Updated',
      AlertId: 'a9367074-b5c3-42c4-9be4-be129f43577e',
      Message: 'Account categories updated for company 8a210b68-6988-11ed-a1eb-0242ac120002.',
      Data: { modifiedDate: '2022-10-23T00:00:00.000Z' },
    };
    await expect(run(op.perform, delivery(rule, { subscribed: ['AccountCategoriesUpdated'], at }))).resolves.toEqual([
      {
        id: rule.AlertId,
        eventType: 'AccountCategoriesUpdated',
        eventLabel: 'Account Categories Updated',
        generatedDate: new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString(),
        companyId: rule.CompanyId,
        connectionId: rule.DataConnectionId,
        message: rule.Message,
        payload: rule,
      },
    ]);
  });

  it('ignores an event type the subscription did not ask for', async () => {
    await expect(run(op.perform, delivery(connected, { subscribed: ['company.created'] }))).resolves.toEqual([]);
  });

  it('passes an unknown event type and payload shape through as is when subscribed to all', async () => {
    const novel = {
      id: 'evt-9',
      eventType: 'brandNew.thing.happened',
      generatedDate: '2026-01-01T00:00:00Z',
      payload: [1, { a: 2 }],
    };
    await expect(run(op.perform, delivery(novel))).resolves.toEqual([
      {
        id: 'evt-9',
        eventType: 'brandNew.thing.happened',
        eventLabel: 'brandNew.thing.happened',
        generatedDate: '2026-01-01T00:00:00Z',
        payload: [1, { a: 2 }],
      },
    ]);
  });

  it('falls back to the webhook-id when the envelope has no id', async () => {
    const { id: _drop, ...rest } = connected;
    const items = (await run(op.perform, delivery(rest))) as Array<Record<string, unknown>>;
    expect(items[0]!.id).toBe(MSG_ID);
  });

  const halts: Array<[string, () => Record<string, unknown>, RegExp]> = [
    [
      'a tampered body',
      () => ({
        ...delivery(connected),
        rawRequest: { ...delivery(connected).rawRequest, content: JSON.stringify({ ...connected, id: 'forged' }) },
      }),
      /signature does not match/,
    ],
    [
      'a wrong secret',
      () => delivery(connected, { signWith: `whsec_${randomBytes(32).toString('base64')}` }),
      /signature does not match/,
    ],
    ['a stale timestamp', () => delivery(connected, { at: new Date(Date.now() - 10 * 60_000) }), /more than 5 minutes/],
    [
      'missing headers',
      () => ({
        ...delivery(connected),
        rawRequest: { method: 'POST', headers: {}, content: JSON.stringify(connected) },
      }),
      /no webhook-id, webhook-timestamp, webhook-signature header/,
    ],
    [
      'a non-JSON body',
      () => delivery(undefined, { content: 'hello=world' }),
      /the body is not JSON \(11 characters\)/,
    ],
    [
      'JSON without an envelope',
      () => delivery({ hello: 'world' }),
      /the body is a JSON object with keys hello, without an eventType, type or RuleType field/,
    ],
    ['a JSON array', () => delivery([connected]), /the body is a JSON array/],
    [
      'a subscription without a secret',
      () => ({ ...delivery(connected), subscribeData: { id: ENDPOINT_ID } }),
      /no signing secret/,
    ],
  ];

  it.each(halts)('halts, without starting the Zap, on %s', async (_name, make, reason) => {
    const err = await caught(run(op.perform, make()));
    expect(err.name).toBe('HaltedError');
    expect(err.message).toMatch(reason);
    expect(err.message).not.toContain(SECRET.slice('whsec_'.length));
    expect(err.message).not.toMatch(/What happened/);
  });
});

describe('performList', () => {
  const MSG_PATH = `/api/v1/app/${CLIENT_ID}/msg`;
  const listBundle = (eventTypes: unknown) => ({ authData: authData(), inputData: { eventTypes } });

  beforeEach(() => nock.cleanAll());

  it('returns recent messages of the chosen types shaped exactly like perform output', async () => {
    const written = CODAT_EVENT_TYPES.find((e) => e.key === 'bills.write.unsuccessful')!.example;
    const rule = findEventType('AccountCategoriesUpdated')!.example;
    const scope = nock(US)
      .get(MSG_PATH)
      .query({
        event_types: ['bills.write.unsuccessful', 'AccountCategoriesUpdated'],
        with_content: 'true',
        limit: '10',
      })
      .matchHeader('authorization', `Bearer ${KEY_US}`)
      .reply(200, {
        data: [
          {
            id: 'msg_a',
            eventId: null,
            eventType: 'bills.write.unsuccessful',
            payload: written,
            timestamp: '2024-08-08T17:10:35.000Z',
          },
          { id: 'msg_b', eventType: 'AccountCategoriesUpdated', payload: rule, timestamp: '2024-08-07T10:00:00.000Z' },
        ],
        iterator: 'msg_b',
        done: true,
      });
    const items = (await run(
      op.performList,
      listBundle(['bills.write.unsuccessful', 'AccountCategoriesUpdated']),
    )) as Array<Record<string, unknown>>;
    scope.done();
    expect(items).toEqual([
      exampleOutput(findEventType('bills.write.unsuccessful')!),
      { ...exampleOutput(findEventType('AccountCategoriesUpdated')!), generatedDate: '2024-08-07T10:00:00.000Z' },
    ]);

    // The same body delivered live yields the same item.
    const at = new Date();
    const content = JSON.stringify(written);
    const live = (await run(op.perform, {
      authData: authData(),
      inputData: {},
      subscribeData: { id: ENDPOINT_ID, secret: SECRET, eventTypes: ['bills.write.unsuccessful'] },
      rawRequest: {
        headers: {
          'Http-Webhook-Id': 'msg_a',
          'Http-Webhook-Timestamp': String(Math.floor(at.getTime() / 1000)),
          'Http-Webhook-Signature': new Webhook(SECRET).sign('msg_a', at, content),
        },
        content,
      },
    })) as unknown[];
    expect(live).toEqual([items[0]]);
  });

  it('skips a message whose payload has no event envelope (perform would refuse it live), keeping the others', async () => {
    const good = findEventType('company.created')!.example;
    nock(US)
      .get(MSG_PATH)
      .query(true)
      .reply(200, {
        data: [
          {
            id: 'msg_c',
            eventId: 'evt-c',
            eventType: 'company.created',
            payload: { odd: true },
            timestamp: '2024-01-01T00:00:00Z',
          },
          {
            id: 'msg_e',
            eventId: 'evt-e',
            eventType: 'company.created',
            payload: good,
            timestamp: '2024-01-02T00:00:00Z',
          },
        ],
      });
    const items = (await run(op.performList, listBundle(['company.created']))) as Array<Record<string, unknown>>;
    expect(items).toEqual([
      expect.objectContaining({ id: good.id, eventType: 'company.created', payload: good.payload }),
    ]);
  });

  it('falls back to the catalog example when every stored message lacks an envelope', async () => {
    nock(US)
      .get(MSG_PATH)
      .query(true)
      .reply(200, {
        data: [
          {
            id: 'msg_c',
            eventId: 'evt-c',
            eventType: 'company.created',
            payload: { odd: true },
            timestamp: '2024-01-01T00:00:00Z',
          },
        ],
      });
    await expect(run(op.performList, listBundle(['company.created']))).resolves.toEqual([
      exampleOutput(findEventType('company.created')!),
    ]);
  });

  it('gives a body without an id the same id as perform does: the Svix message id, which is the webhook-id header', async () => {
    const { id: _drop, ...body } = findEventType('company.created')!.example;
    nock(US)
      .get(MSG_PATH)
      .query(true)
      .reply(200, {
        data: [
          {
            id: 'msg_d',
            eventId: 'codat-evt-d',
            eventType: 'company.created',
            payload: body,
            timestamp: '2024-01-01T00:00:00Z',
          },
        ],
      });
    const listed = (await run(op.performList, listBundle(['company.created']))) as unknown[];
    const at = new Date();
    const content = JSON.stringify(body);
    const live = await run(op.perform, {
      authData: authData(),
      inputData: {},
      subscribeData: { id: ENDPOINT_ID, secret: SECRET, eventTypes: ['company.created'] },
      rawRequest: {
        headers: {
          'Http-Webhook-Id': 'msg_d',
          'Http-Webhook-Timestamp': String(Math.floor(at.getTime() / 1000)),
          'Http-Webhook-Signature': new Webhook(SECRET).sign('msg_d', at, content),
        },
        content,
      },
    });
    expect(live).toEqual(listed);
    expect(listed).toEqual([expect.objectContaining({ id: 'msg_d' })]);
  });

  it('falls back to the catalog example of each chosen type when Codat has no message yet', async () => {
    const scope = nock(US)
      .get(MSG_PATH)
      .query({ event_types: ['company.created', 'read.completed'], with_content: 'true', limit: '10' })
      .reply(200, { data: [], iterator: null, done: true });
    const items = (await run(op.performList, listBundle(['company.created', 'read.completed']))) as Array<
      Record<string, unknown>
    >;
    scope.done();
    expect(items).toEqual([
      exampleOutput(findEventType('company.created')!),
      exampleOutput(findEventType('read.completed')!),
    ]);
  });

  it('asks for every type when "All Event Types" is chosen, falling back to every catalog example', async () => {
    const scope = nock(US)
      .get(MSG_PATH)
      .query({ with_content: 'true', limit: '10' })
      .reply(200, { data: [], done: true });
    const items = (await run(op.performList, listBundle(['all']))) as Array<Record<string, unknown>>;
    scope.done();
    expect(items.map((i) => i.eventType)).toEqual(CODAT_EVENT_TYPES.map((e) => e.key));
  });

  it.each([
    [403, { code: 'forbidden', detail: 'Insufficient access' }],
    [404, { code: 'not_found', detail: 'Entity not found' }],
  ])('shows the catalog examples when the key may not list messages (HTTP %i)', async (code, body) => {
    const scope = nock(US).get(MSG_PATH).query(true).matchHeader('authorization', `Bearer ${KEY_US}`).reply(code, body);
    const items = (await run(
      op.performList,
      listBundle(['company.created', 'read.completed.successful']),
    )) as unknown[];
    scope.done();
    expect(items).toEqual([
      exampleOutput(findEventType('company.created')!),
      exampleOutput(findEventType('read.completed.successful')!),
    ]);
  });

  it('keeps a 401 from the message list an auth error', async () => {
    nock(US).get(MSG_PATH).query(true).reply(401, { code: 'authentication_failed', detail: 'Invalid token' });
    const err = await caught(run(op.performList, listBundle(['company.created'])));
    expect(err.name).toBe('ExpiredAuthError');
  });

  it('refuses a retired type for "Test trigger" too, before calling Codat', async () => {
    const err = await caught(run(op.performList, listBundle(['DataSyncCompleted'])));
    expect(err.code).toBe('codat_event_type_retired');
    expect(err.message).toContain('DataSyncCompleted (use read.completed)');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('surfaces an unexpected response clearly', async () => {
    nock(US).get(MSG_PATH).query(true).reply(200, { items: [] });
    const err = await caught(run(op.performList, listBundle(['company.created'])));
    expect(err.message).toMatch(/unexpected response while trying to list recent Codat webhook messages \(data: /);
  });
});
