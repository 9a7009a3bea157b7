// Fuzzing the Codat hooks: thousands of generated deliveries, valid and forged, through the real
// perform of every Codat trigger (New Codat Event and the purpose-built ones, with and without a
// company filter) in zapier-platform-core's pipeline (see test/support/core-runner.ts).
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createHash, createHmac } from 'node:crypto';
import App from '../../index.js';
import { CODAT_EVENT_TYPES, WRITE_DATA_TYPES } from '../../codat/events.js';
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
const triggers = App.triggers as unknown as Record<string, { operation: { type?: string; perform: unknown } }>;

const ZAPIER_KEY = 'sk_integ_FUZZ-codat-zapier-key-7f3a9c.us';
const AUTH = { codatClientId: 'client-fuzz', codatZapierKey: ZAPIER_KEY };

const CURRENT = CODAT_EVENT_TYPES.filter((e) => e.shape !== 'rule').map((e) => e.key);
// AccountCategoriesUpdated: the one current type Codat still sends in its rule envelope.
const RULE = CODAT_EVENT_TYPES.filter((e) => e.shape === 'rule');

/** Each Codat hook trigger and the types a Zap on it can be subscribed to ("all": New Codat Event only). */
const TRIGGER_TYPES: Record<string, string[]> = {
  codat_event: [],
  codat_new_company: ['company.created'],
  codat_connection_status_changed: CURRENT.filter((t) => t.startsWith('connection.')),
  codat_data_sync_completed: CURRENT.filter((t) => t.startsWith('read.completed')),
  codat_write_failed: Object.keys(WRITE_DATA_TYPES).map((d) => `${d}.write.unsuccessful`),
};

/** Companies the filtered deliveries are about; the filters pick among their ids and tags. */
interface PoolCompany {
  id: string;
  tags: Record<string, string>;
}
const POOL: PoolCompany[] = [
  { id: '0498e921-9b53-4396-a412-4f2f5983b0a2', tags: { region: 'uk', tier: 'gold' } },
  { id: '8a210b68-6988-11ed-a1eb-0242ac120002', tags: { region: 'fr' } },
  { id: '1f9559e7-8368-48c9-bdf4-f158e16b8b85', tags: {} },
];
interface Filter {
  companyIds: string[];
  companyTags: string[];
}
const filterArb: fc.Arbitrary<Filter> = fc
  .record({
    // Ids as Codat writes them, or upper-cased (a user pasting one).
    companyIds: fc
      .subarray(POOL.map((c) => c.id))
      .chain((ids) => fc.tuple(...ids.map((id) => fc.constantFrom(id, id.toUpperCase())))),
    companyTags: fc.subarray(['region:uk', 'region:fr', 'tier:gold', 'tier:silver', 'Region:uk']),
  })
  .filter((f) => f.companyIds.length + f.companyTags.length > 0);

/** The rule the trigger must follow, written independently of the app: one of the ids (if any) and one of the tags (if any). */
function passes(filter: Filter | undefined, company: PoolCompany | undefined): boolean {
  if (!filter) return true;
  if (!company) return false;
  if (filter.companyIds.length && !filter.companyIds.some((id) => id.toLowerCase() === company.id)) return false;
  if (
    filter.companyTags.length &&
    !filter.companyTags.some((t) => Object.entries(company.tags).some(([k, v]) => `${k}:${v}` === t))
  )
    return false;
  return true;
}

const messages: string[] = [];
const tally = {
  cases: 0,
  accepted: 0,
  acceptedWithBom: 0,
  refusedForged: 0,
  unusableTimestamps: 0,
  validFiltered: 0,
  validHalted: 0,
  companyFiltered: 0,
  companyPassed: 0,
  triggers: new Set<string>(),
};

// ---- generators --------------------------------------------------------------------------

// A pool of distinctive secrets (24 to 48 bytes), so every message can be scanned for all of them.
const SECRETS = Array.from(
  { length: 16 },
  (_, i) =>
    `whsec_${createHash('sha512')
      .update(`fuzz-secret-${i}`)
      .digest()
      .subarray(0, 24 + i * 1.5)
      .toString('base64')}`,
);
const ID_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'];
const msgIdArb = fc
  .tuple(fc.constantFrom('', 'msg_'), fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 40 }))
  .map(([p, s]) => p + s);
const subscribedArb = (trigger: string): fc.Arbitrary<string[]> =>
  TRIGGER_TYPES[trigger]!.length
    ? fc.subarray(TRIGGER_TYPES[trigger]!, { minLength: 1, maxLength: Math.min(6, TRIGGER_TYPES[trigger]!.length) })
    : fc.oneof(
        { weight: 1, arbitrary: fc.constant<string[]>(['all']) },
        { weight: 3, arbitrary: fc.subarray([...CURRENT, ...RULE.map((e) => e.key)], { minLength: 1, maxLength: 6 }) },
      );

/** Optional field: absent, a proper value, or a value of the wrong type. */
const field = <T>(good: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), good, wrongTyped).map((v) => v);

const extraKeys = fc.dictionary(
  fc
    .string({ maxLength: 12 })
    .filter((k) => !['id', 'eventType', 'type', 'generatedDate', 'payload', 'RuleType', '__proto__'].includes(k)),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 4 },
);

const payloadArb = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: hugeString.map((text) => ({ note: text })) },
  {
    weight: 2,
    arbitrary: fc.record({
      companyId: field(fc.uuid()),
      referenceCompany: field(fc.record({ id: fc.uuid(), name: hostileString })),
      dataTypes: field(
        fc.array(fc.record({ dataType: hostileString, connectionId: fc.uuid(), status: hostileString }), {
          maxLength: 3,
        }),
      ),
      status: field(hostileString),
    }),
  },
);

/** expectedType: the event type the trigger must report; company: the pool company the body is about. */
type Body = { raw: string; expectedType?: string; company?: PoolCompany };

/** Makes a payload about a pool company: company.* events carry the company itself, others reference it. */
function aboutCompany(eventType: string, payload: unknown, company: PoolCompany): Record<string, unknown> {
  const base =
    payload && typeof payload === 'object' && !Array.isArray(payload)
      ? { ...(payload as Record<string, unknown>) }
      : {};
  const details = { id: company.id, name: `Company ${company.id.slice(0, 4)}`, tags: company.tags };
  if (eventType.startsWith('company.')) {
    delete base.referenceCompany;
    return { ...base, ...details };
  }
  return { ...base, referenceCompany: details };
}

/** A current-shape envelope; expectedType is the event type the trigger must report. */
const currentBody = (types: string[], company: PoolCompany | undefined): fc.Arbitrary<Body> =>
  fc
    .record({
      eventType: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...types) },
        { weight: 1, arbitrary: fc.constantFrom(...CURRENT) },
      ),
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
      if (company) body.payload = aboutCompany(r.eventType, r.payload, company);
      // Pretty-printed sometimes (the signature covers the exact bytes), but not deep nests: 2 spaces
      // per level would make a 1,000-level body megabytes long.
      const compact = JSON.stringify(body);
      return {
        raw: r.pretty && compact.length < 10_000 ? JSON.stringify(body, null, 2) : compact,
        expectedType: r.eventType,
        ...(company ? { company } : {}),
      };
    });

const ruleBody = (company: PoolCompany | undefined): fc.Arbitrary<Body> =>
  fc
    .record({ type: fc.constantFrom(...RULE), extra: extraKeys, alert: field(fc.uuid()) })
    .map(({ type, extra, alert }) => {
      const body: Record<string, unknown> = { ...extra, ...type.example };
      if (alert !== undefined) body.AlertId = alert;
      // The rule envelope names its company by id only: it carries no tags.
      if (company) body.CompanyId = company.id;
      return {
        raw: JSON.stringify(body),
        expectedType: type.key,
        ...(company ? { company: { id: company.id, tags: {} } } : {}),
      };
    });

const bodyArb = (types: string[], company: PoolCompany | undefined) =>
  fc.oneof(
    { weight: 6, arbitrary: currentBody(types.includes('all') ? CURRENT : types, company) },
    { weight: 2, arbitrary: ruleBody(company) },
    {
      // A deeply nested payload, spliced in as text (cheaper than generating the object).
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...(types.includes('all') ? CURRENT : types)), deeplyNested)
        .map(([type, payload]): Body => ({
          raw: `{"eventType":${JSON.stringify(type)},"payload":${payload}}`,
          expectedType: type,
        })),
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
  .constantFrom(...Object.keys(TRIGGER_TYPES))
  .chain((trigger) =>
    fc.record({
      trigger: fc.constant(trigger),
      subscribed: subscribedArb(trigger),
      // A third of the Zaps filter by company; filtered deliveries are about a pool company.
      filter: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: filterArb }),
      company: fc.constantFrom(...POOL),
      // Half the filtered deliveries are about a company the filter names by id, so many pass.
      named: fc.boolean(),
    }),
  )
  .chain((z) =>
    fc.record({
      trigger: fc.constant(z.trigger),
      filter: fc.constant(z.filter),
      company: fc.constant(
        z.filter && z.named && z.filter.companyIds.length
          ? POOL.find((c) => c.id === z.filter!.companyIds[0]!.toLowerCase())
          : z.filter
            ? z.company
            : undefined,
      ),
      secrets: fc.tuple(fc.nat(SECRETS.length - 1), fc.integer({ min: 1, max: SECRETS.length - 1 })),
      subscribed: fc.constant(z.subscribed),
      msgId: msgIdArb,
      skewSeconds: fc.integer({ min: -240, max: 240 }),
      names: headerNames,
      decoys: fc.array(
        fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => `v1,${Buffer.from(b).toString('base64')}`),
        { maxLength: 3 },
      ),
      signatureAsArray: fc.boolean(),
      duplicateSameValue: fc.boolean(),
      extraHeaders: fc.dictionary(
        fc.constantFrom('X-Forwarded-For', 'Http-User-Agent', 'Http-X-Request-Id', 'Accept', 'Http-Content-Length'),
        fc.string({ maxLength: 30 }),
        { maxKeys: 3 },
      ),
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
    }),
  )
  .chain((d) =>
    bodyArb(d.subscribed, d.company).map((body) => ({
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
    timestamp:
      m === 'unusable-timestamp' ? d.unusableTimestamp : String(m === 'timestamp-edited' ? timestamp + 1 : timestamp),
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
    headers[
      d.names.signature.toLowerCase() === d.names.signature
        ? d.names.signature.toUpperCase()
        : d.names.signature.toLowerCase()
    ] = values.signature;
  }
  if (m === 'conflicting-duplicate') {
    // Every signature header the app could read carries a signature that does not verify.
    for (const name of Object.keys(headers)) if (/signature/i.test(name)) delete headers[name];
    for (const name of [
      'webhook-signature',
      'svix-signature',
      'Http-Webhook-Signature',
      'Http-Svix-Signature',
      d.names.signature,
    ]) {
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
      inputData: { eventTypes: d.subscribed, ...(d.filter ?? {}) },
      subscribeData: {
        id: 'ep_fuzz',
        ...(zapSecret !== undefined ? { secret: zapSecret } : {}),
        eventTypes: d.subscribed,
      },
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
    if (process.env.FUZZ_REPORT)
      console.log(
        JSON.stringify({
          tally: { ...tally, triggers: [...tally.triggers] },
          messages: messages.length,
          logs: runner.logs.length,
        }),
      );
    expectNoSecrets([...messages, ...runner.logs], [ZAPIER_KEY, ...SECRETS]);
  });

  it('never starts the Zap for a forged delivery, always for a signed one of a subscribed type', async () => {
    await fc.assert(
      fc.asyncProperty(deliveryArb, async (d) => {
        const { bundle, forged } = build(d);
        const out = await outcome(() => runner.run(triggers[d.trigger]!.operation.perform, bundle), messages);
        tally.cases++;
        tally.triggers.add(d.trigger);

        checkOutcome(out, [d.secret, d.otherSecret, ZAPIER_KEY], 'eventType', (t) => subscribedTo(d.subscribed, t));
        const items = (out.items ?? []) as Record<string, unknown>[];
        if (forged) {
          // A forged or unverifiable delivery halts (or yields nothing): it never starts the Zap.
          check(items.length === 0, 'a forged delivery started the Zap');
          check(
            !out.error || out.error.name === 'HaltedError',
            `a forged delivery threw ${out.error?.name}, not HaltedError`,
          );
          tally.refusedForged++;
          if (d.mutation === 'unusable-timestamp') tally.unusableTimestamps++;
          return;
        }
        const expected = d.body.expectedType;
        if (expected && subscribedTo(d.subscribed, expected) && !passes(d.filter, d.body.company)) {
          // Another company's event: skipped quietly, never an error.
          check(
            !out.error && items.length === 0,
            `a ${expected} delivery about another company was not skipped quietly: ${out.error?.message ?? 'it started the Zap'}`,
          );
          tally.companyFiltered++;
        } else if (expected && subscribedTo(d.subscribed, expected)) {
          check(
            !out.error && items.length === 1,
            `a signed ${expected} delivery did not start the Zap: ${out.error?.message}`,
          );
          check(items[0]!.eventType === expected, `event type ${String(items[0]!.eventType)} instead of ${expected}`);
          if (d.filter) {
            check(
              String(items[0]!.companyId).toLowerCase() === d.body.company!.id,
              `the item is about ${String(items[0]!.companyId)}, not the filtered company`,
            );
            tally.companyPassed++;
          }
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
    expect(tally.companyFiltered).toBeGreaterThan(FUZZ_RUNS * 0.02);
    expect(tally.companyPassed).toBeGreaterThan(FUZZ_RUNS * 0.02);
    expect([...tally.triggers].sort()).toEqual(
      Object.entries(triggers)
        .filter(([key, t]) => key.startsWith('codat_') && t.operation.type === 'hook')
        .map(([key]) => key)
        .sort(),
    );
  });
});
