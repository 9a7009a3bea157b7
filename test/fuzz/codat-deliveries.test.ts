// Fuzzing the New Codat Event hook: thousands of generated deliveries, valid and forged, through
// the trigger's real perform in zapier-platform-core's pipeline (see test/support/core-runner.ts).
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createHash, createHmac } from 'node:crypto';
import App from '../../index.js';
import { CODAT_EVENT_TYPES } from '../../codat/events.js';
import { coreRunner } from '../support/core-runner.js';
import { expectNoSecrets } from '../support/secret-hygiene.js';
import {
  FUZZ_RUNS,
  FUZZ_SEED,
  check,
  checkOutcome,
  deeplyNested,
  headerSpelling,
  hostileString,
  hugeString,
  junkBody,
  outcome,
  wrongTyped,
} from './arbitraries.js';

const runner = coreRunner(App);
const perform = (App.triggers as unknown as Record<string, { operation: { perform: unknown } }>).codat_event!.operation.perform;

const ZAPIER_KEY = 'sk_integ_FUZZ-codat-zapier-key-7f3a9c.us';
const AUTH = { codatClientId: 'client-fuzz', codatZapierKey: ZAPIER_KEY };

const CURRENT = CODAT_EVENT_TYPES.filter((e) => e.shape !== 'legacy').map((e) => e.key);
const LEGACY = CODAT_EVENT_TYPES.filter((e) => e.shape === 'legacy');

const messages: string[] = [];
const tally = { cases: 0, accepted: 0, acceptedWithBom: 0, refusedForged: 0, unusableTimestamps: 0, validFiltered: 0, validHalted: 0 };

// ---- generators --------------------------------------------------------------------------

// A pool of distinctive secrets (24 to 48 bytes), so every message can be scanned for all of them.
const SECRETS = Array.from({ length: 16 }, (_, i) =>
  `whsec_${createHash('sha512').update(`fuzz-secret-${i}`).digest().subarray(0, 24 + i * 1.5).toString('base64')}`,
);
const ID_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'];
const msgIdArb = fc
  .tuple(fc.constantFrom('', 'msg_'), fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 40 }))
  .map(([p, s]) => p + s);
const subscribedArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant<string[]>(['all']) },
  { weight: 3, arbitrary: fc.subarray([...CURRENT, ...LEGACY.map((e) => e.key)], { minLength: 1, maxLength: 6 }) },
);

/** Optional field: absent, a proper value, or a value of the wrong type. */
const field = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof(fc.constant(undefined), good, wrongTyped).map((v) => v as unknown);

const extraKeys = fc.dictionary(fc.string({ maxLength: 12 }).filter((k) => !['id', 'eventType', 'type', 'generatedDate', 'payload', 'RuleType', '__proto__'].includes(k)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });

const payloadArb = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: hugeString.map((text) => ({ note: text })) },
  {
    weight: 2,
    arbitrary: fc.record({
      companyId: field(fc.uuid()),
      referenceCompany: field(fc.record({ id: fc.uuid(), name: hostileString })),
      dataTypes: field(fc.array(fc.record({ dataType: hostileString, connectionId: fc.uuid(), status: hostileString }), { maxLength: 3 })),
      status: field(hostileString),
    }),
  },
);

type Body = { raw: string; expectedType?: string };

/** A current-shape envelope; expectedType is the event type the trigger must report. */
const currentBody = (types: string[]): fc.Arbitrary<Body> =>
  fc
    .record({
      eventType: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...types) }, { weight: 1, arbitrary: fc.constantFrom(...CURRENT) }),
      key: fc.constantFrom('eventType', 'type'),
      id: field(fc.uuid()),
      generatedDate: field(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
      payload: fc.option(payloadArb, { nil: undefined }),
      extra: extraKeys,
      pretty: fc.boolean(),
    })
    .map((r) => {
      const body: Record<string, unknown> = { ...r.extra, [r.key]: r.eventType };
      if (r.id !== undefined) body.id = r.id;
      if (r.generatedDate !== undefined) body.generatedDate = r.generatedDate;
      if (r.payload !== undefined) body.payload = r.payload;
      // Pretty-printed sometimes (the signature covers the exact bytes), but not deep nests: 2 spaces
      // per level would make a 1,000-level body megabytes long.
      const compact = JSON.stringify(body);
      return { raw: r.pretty && compact.length < 10_000 ? JSON.stringify(body, null, 2) : compact, expectedType: r.eventType };
    });

const legacyBody: fc.Arbitrary<Body> = fc
  .record({ type: fc.constantFrom(...LEGACY), extra: extraKeys, alert: field(fc.uuid()) })
  .map(({ type, extra, alert }) => {
    const body: Record<string, unknown> = { ...extra, ...type.example };
    if (alert !== undefined) body.AlertId = alert;
    return { raw: JSON.stringify(body), expectedType: type.key };
  });

const bodyArb = (types: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: currentBody(types.includes('all') ? CURRENT : types) },
    { weight: 2, arbitrary: legacyBody },
    {
      // A deeply nested payload, spliced in as text (cheaper than generating the object).
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...(types.includes('all') ? CURRENT : types)), deeplyNested)
        .map(([type, payload]): Body => ({ raw: `{"eventType":${JSON.stringify(type)},"payload":${payload}}`, expectedType: type })),
    },
    { weight: 2, arbitrary: junkBody.map((raw): Body => ({ raw })) },
  );

const PARTS = ['id', 'timestamp', 'signature'] as const;
type Part = (typeof PARTS)[number];

const headerNames = fc.record({
  id: fc.constantFrom('webhook-id', 'svix-id').chain(headerSpelling),
  timestamp: fc.constantFrom('webhook-timestamp', 'svix-timestamp').chain(headerSpelling),
  signature: fc.constantFrom('webhook-signature', 'svix-signature').chain(headerSpelling),
});

/** Ways to break a delivery; each one must keep the Zap from starting. */
const MUTATIONS = [
  'drop-header',
  'other-body',
  'other-secret',
  'other-id',
  'stale-timestamp',
  'unusable-timestamp',
  'timestamp-edited',
  'garbage-signature',
  'wrong-version',
  'conflicting-duplicate',
  'unusable-zap-secret',
  'no-zap-secret',
  'no-raw-body',
] as const;
type Mutation = (typeof MUTATIONS)[number];

const deliveryArb = fc
  .record({
    secrets: fc.tuple(fc.nat(SECRETS.length - 1), fc.integer({ min: 1, max: SECRETS.length - 1 })),
    subscribed: subscribedArb,
    msgId: msgIdArb,
    skewSeconds: fc.integer({ min: -240, max: 240 }),
    names: headerNames,
    decoys: fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => `v1,${Buffer.from(b).toString('base64')}`), { maxLength: 3 }),
    signatureAsArray: fc.boolean(),
    duplicateSameValue: fc.boolean(),
    extraHeaders: fc.dictionary(fc.constantFrom('X-Forwarded-For', 'Http-User-Agent', 'Http-X-Request-Id', 'Accept', 'Http-Content-Length'), fc.string({ maxLength: 30 }), { maxKeys: 3 }),
    mutation: fc.option(fc.constantFrom(...MUTATIONS), { nil: undefined, freq: 2 }),
    dropped: fc.subarray([...PARTS], { minLength: 1 }),
    staleBy: fc.integer({ min: 301, max: 10_000_000 }).chain((s) => fc.constantFrom(s, -s)),
    // Beyond what a Date holds, or not a plain number of seconds (issue 13.1: formatting them crashed).
    unusableTimestamp: fc.oneof(
      fc.constantFrom('99999999999999', '-99999999999999', '8640000000001', '1e20', '0x10', ' ', '+1', '١٢٣'),
      fc.bigInt({ min: 8_640_000_000_001n, max: 10n ** 30n }).map((n) => String(n)),
      fc.bigInt({ min: -(10n ** 30n), max: -1n }).map((n) => String(n)),
      hostileString,
    ),
    // A UTF-8 BOM before the JSON: signed with it, so it must verify and then parse without it.
    bom: fc.boolean(),
    garbage: fc.oneof(hostileString, fc.base64String({ maxLength: 60 })),
  })
  .chain((d) =>
    bodyArb(d.subscribed).map((body) => ({
      ...d,
      secret: SECRETS[d.secrets[0]]!,
      otherSecret: SECRETS[(d.secrets[0] + d.secrets[1]) % SECRETS.length]!,
      body: d.bom && body.expectedType ? { ...body, raw: `\uFEFF${body.raw}` } : body,
    })),
  );

type Delivery = typeof deliveryArb extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  bundle: Record<string, unknown>;
  forged: boolean;
}

function build(d: Delivery): Built {
  const m: Mutation | undefined = d.mutation;
  const now = Math.floor(Date.now() / 1000);
  let timestamp = now + d.skewSeconds;
  if (m === 'stale-timestamp') timestamp = now + d.staleBy;
  const signedBody = m === 'other-body' ? `${d.body.raw} ` : d.body.raw;
  const signingSecret = m === 'other-secret' ? d.otherSecret : d.secret;
  const signedId = m === 'other-id' ? `${d.msgId}x` : d.msgId;
  let signature = sign(signingSecret, signedId, timestamp, signedBody);
  if (m === 'garbage-signature') signature = d.garbage;
  if (m === 'wrong-version') signature = signature.replace(/^v1,/, 'v2,');

  const values: Record<Part, string | string[]> = {
    id: d.msgId,
    timestamp: m === 'unusable-timestamp' ? d.unusableTimestamp : String(m === 'timestamp-edited' ? timestamp + 1 : timestamp),
    // Several signatures (key rotation) are space separated; a proxy may split them into a list.
    signature: d.signatureAsArray ? [...d.decoys, signature] : [...d.decoys, signature].join(' '),
  };
  if (m === 'garbage-signature' || m === 'wrong-version') values.signature = signature;

  const headers: Record<string, unknown> = { 'Content-Type': 'application/json', ...d.extraHeaders };
  for (const part of PARTS) {
    if (m === 'drop-header' && d.dropped.includes(part)) continue;
    headers[d.names[part]] = values[part];
  }
  if (d.duplicateSameValue && m !== 'drop-header') {
    // The same header twice under another spelling (a proxy re-adding it): same value.
    headers[d.names.signature.toLowerCase() === d.names.signature ? d.names.signature.toUpperCase() : d.names.signature.toLowerCase()] =
      values.signature;
  }
  if (m === 'conflicting-duplicate') {
    // Every signature header the app could read carries a signature that does not verify.
    for (const name of Object.keys(headers)) if (/signature/i.test(name)) delete headers[name];
    for (const name of ['webhook-signature', 'svix-signature', 'Http-Webhook-Signature', 'Http-Svix-Signature', d.names.signature]) {
      headers[name] = `v1,${Buffer.from(d.garbage).toString('base64')}`;
    }
  }

  let zapSecret: string | undefined = d.secret;
  if (m === 'unusable-zap-secret') zapSecret = `whsec_${d.garbage}!`;
  if (m === 'no-zap-secret') zapSecret = undefined;

  return {
    forged: m !== undefined,
    bundle: {
      authData: AUTH,
      inputData: { eventTypes: d.subscribed },
      subscribeData: { id: 'ep_fuzz', ...(zapSecret !== undefined ? { secret: zapSecret } : {}), eventTypes: d.subscribed },
      rawRequest: { method: 'POST', querystring: '', headers, ...(m === 'no-raw-body' ? {} : { content: d.body.raw }) },
      cleanedRequest: {},
    },
  };
}

/** Standard Webhooks v1 signature, with node's HMAC (the library's JS SHA-256 is slow on big bodies). */
function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

function subscribedTo(subscribed: string[], type: string): boolean {
  return subscribed.includes('all') || subscribed.includes(type);
}

// ---- the property -------------------------------------------------------------------------

describe(`Codat delivery fuzzing (${FUZZ_RUNS} cases, seed ${FUZZ_SEED})`, () => {
  afterAll(() => {
    // FUZZ_REPORT=1 prints what the run covered (the README's Reliability numbers come from it).
    if (process.env.FUZZ_REPORT) console.log(JSON.stringify({ tally, messages: messages.length, logs: runner.logs.length }));
    expectNoSecrets([...messages, ...runner.logs], [ZAPIER_KEY, ...SECRETS]);
  });

  it('never starts the Zap for a forged delivery, always for a signed one of a subscribed type', async () => {
    await fc.assert(
      fc.asyncProperty(deliveryArb, async (d) => {
        const { bundle, forged } = build(d);
        const out = await outcome(() => runner.run(perform, bundle), messages);
        tally.cases++;

        checkOutcome(out, [d.secret, d.otherSecret, ZAPIER_KEY], 'eventType', (t) => subscribedTo(d.subscribed, t));
        const items = (out.items ?? []) as Record<string, unknown>[];
        if (forged) {
          // A forged or unverifiable delivery halts (or yields nothing): it never starts the Zap.
          check(items.length === 0, 'a forged delivery started the Zap');
          check(!out.error || out.error.name === 'HaltedError', `a forged delivery threw ${out.error?.name}, not HaltedError`);
          tally.refusedForged++;
          if (d.mutation === 'unusable-timestamp') tally.unusableTimestamps++;
          return;
        }
        const expected = d.body.expectedType;
        if (expected && subscribedTo(d.subscribed, expected)) {
          check(!out.error && items.length === 1, `a signed ${expected} delivery did not start the Zap: ${out.error?.message}`);
          check(items[0]!.eventType === expected, `event type ${String(items[0]!.eventType)} instead of ${expected}`);
          tally.accepted++;
          if (d.body.raw.startsWith('\uFEFF')) tally.acceptedWithBom++;
        } else if (expected) {
          check(!out.error && items.length === 0, `an unsubscribed ${expected} delivery was not skipped quietly`);
          tally.validFiltered++;
        } else if (items.length === 0) {
          // Signed junk: not a Codat event, so nothing to start.
          tally.validHalted++;
        }
      }),
      { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true },
    );
    // The generators must exercise every branch, or the property proves little.
    expect(tally.cases).toBe(FUZZ_RUNS);
    expect(tally.accepted).toBeGreaterThan(FUZZ_RUNS * 0.2);
    expect(tally.refusedForged).toBeGreaterThan(FUZZ_RUNS * 0.2);
    expect(tally.acceptedWithBom).toBeGreaterThan(FUZZ_RUNS * 0.05);
    expect(tally.unusableTimestamps).toBeGreaterThan(FUZZ_RUNS * 0.01);
    expect(tally.validFiltered).toBeGreaterThan(0);
    expect(tally.validHalted).toBeGreaterThan(0);
  });
});
