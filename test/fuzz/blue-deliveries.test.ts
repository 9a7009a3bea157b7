// Fuzzing the Blue REST-hook triggers (New Blue Event, New Record, Updated Record, Record Completed,
// New Comment, Custom Field Changed): generated deliveries, valid and forged, through each trigger's
// real perform in zapier-platform-core's pipeline (see test/support/core-runner.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import nock from 'nock';
import App from '../../index.js';
import { ALL_EVENTS, HEALTH_CHECK_EVENT, RECORD_CHANGE_EVENTS, isDeleteEvent } from '../../blue/events.js';
import { coreRunner } from '../support/core-runner.js';
import { expectNoSecrets } from '../support/secret-hygiene.js';
import {
  FUZZ_RUNS,
  FUZZ_SEED,
  check,
  checkOutcome,
  headerSpelling,
  hostileString,
  hugeString,
  junkBody,
  outcome,
  wrongTyped,
} from './arbitraries.js';

const runner = coreRunner(App);
const TOKEN_SECRET = 'blue-token-secret-FUZZ-5d1e0c7b';
const AUTH = {
  blueTokenId: 'tok-fuzz',
  blueTokenSecret: TOKEN_SECRET,
  blueCompanyId: 'acme',
  blueProjectId: 'cprojfuzz0000000000000001',
};
const SECRETS = Array.from(
  { length: 16 },
  (_, i) =>
    `bluewh_${createHash('sha256')
      .update(`blue-fuzz-${i}`)
      .digest('hex')
      .slice(0, 24 + i)}`,
);

/** Each hook trigger with the events it subscribes to; blue_event's come from its input. */
const TRIGGERS: Record<string, readonly string[] | 'input'> = {
  blue_event: 'input',
  new_todo: ['TODO_CREATED'],
  updated_todo: RECORD_CHANGE_EVENTS,
  todo_completed: ['TODO_DONE_STATUS_UPDATED'],
  new_comment: ['COMMENT_CREATED'],
  custom_field_changed: ['TODO_CUSTOM_FIELD_UPDATED'],
};
const performOf = (key: string) =>
  (App.triggers as unknown as Record<string, { operation: { perform: unknown } }>)[key]!.operation.perform;

const messages: string[] = [];
const tally = {
  cases: 0,
  accepted: 0,
  acceptedWithBom: 0,
  refusedForged: 0,
  skipped: 0,
  fetches: 0,
  byTrigger: {} as Record<string, number>,
};

// A delivery lacking names makes perform fetch the record (todo(id:)): Blue answers with the
// record, or fails (a 500, or the record gone); the Zap must start either way.
let fetchesThisCase = 0;
function answerFetches(): void {
  nock('https://api.blue.cc')
    .persist()
    .post('/graphql')
    .reply((_uri, body) => {
      fetchesThisCase++;
      const sent = (body as { variables?: { id?: unknown } }).variables?.id;
      const id = typeof sent === 'string' ? sent : '';
      if (id.startsWith('0') || id.startsWith('1')) return [500, 'oops', { 'content-type': 'text/plain' }];
      if (id.startsWith('2'))
        return [
          200,
          JSON.stringify({ data: null, errors: [{ message: 'gone', extensions: { code: 'TODO_NOT_FOUND' } }] }),
          {},
        ];
      const todo = {
        id,
        title: 'Fetched',
        done: false,
        createdAt: '2026-01-01T00:00:00.000Z',
        todoList: { id: 'l', title: 'List' },
        users: [],
        tags: [],
        customFields: [],
      };
      return [200, JSON.stringify({ data: { todo } }), { 'content-type': 'application/json' }];
    });
}

// ---- generators --------------------------------------------------------------------------

// Blue's stored entity (API notes, section 4): join rows in the plausible forms, the list with or
// without its project; some deliveries carry everything (no request), others only ids.
const joinRows = <T>(row: fc.Arbitrary<T>) =>
  fc.option(fc.array(fc.oneof({ weight: 5, arbitrary: row }, { weight: 1, arbitrary: wrongTyped }), { maxLength: 3 }), {
    nil: undefined,
  });
const named = fc.oneof(hostileString, wrongTyped);

const recordArb = fc
  .record({
    id: fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: wrongTyped }),
    updatedAt: fc.option(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      { nil: undefined },
    ),
    createdAt: fc.option(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      { nil: undefined },
    ),
    title: fc.oneof(hostileString, wrongTyped),
    done: fc.boolean(),
    position: fc.option(fc.oneof(fc.double().map(String), wrongTyped), { nil: undefined }),
    todoListId: fc.option(fc.uuid(), { nil: undefined }),
    todoList: fc.option(
      fc.record({
        id: fc.uuid(),
        title: named,
        project: fc.option(fc.record({ id: fc.uuid(), name: named }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    todoUsers: joinRows(
      fc.oneof(
        fc.record({ userId: fc.uuid() }),
        fc.record({ userId: fc.uuid(), user: fc.record({ fullName: named, email: named }) }),
      ),
    ),
    todoTags: joinRows(
      fc.oneof(
        fc.record({ tagId: fc.uuid() }),
        fc.record({ tagId: fc.uuid(), tag: fc.record({ title: named, color: named }) }),
      ),
    ),
    todoCustomFields: joinRows(
      fc.oneof(
        fc.record({ customFieldId: fc.constantFrom('cf-1', 'cf-2'), value: named }),
        fc.record({
          customFieldId: fc.constantFrom('cf-1', 'cf-2'),
          value: named,
          customField: fc.record({ name: named, type: fc.constantFrom('TEXT_SINGLE', 'NUMBER', 'SELECT_SINGLE') }),
        }),
      ),
    ),
    big: fc.option(hugeString, { nil: undefined, freq: 20 }),
  })
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

type Body = { raw: string; event?: string; hasRecord?: boolean; done?: boolean };

const payloadBody = (subscribed: readonly string[]): fc.Arbitrary<Body> =>
  fc
    .record({
      event: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...subscribed) },
        { weight: 2, arbitrary: fc.constantFrom(...ALL_EVENTS) },
        { weight: 1, arbitrary: fc.constantFrom(HEALTH_CHECK_EVENT, 'TODO_EXPLODED', '', 'todo_created') },
      ),
      record: recordArb,
      // Where the record sits: as Blue sends it, both sides, or neither (a malformed delivery).
      placement: fc.constantFrom('natural', 'natural', 'natural', 'both', 'none', 'wrong-type'),
      wrong: fc.oneof(hostileString, fc.array(fc.integer(), { maxLength: 3 })),
      webhook: fc.option(fc.record({ id: fc.uuid(), name: hostileString }), { nil: undefined }),
      extra: fc.dictionary(fc.constantFrom('projectId', 'companyId', 'timestamp', 'x'), fc.jsonValue({ maxDepth: 2 }), {
        maxKeys: 2,
      }),
    })
    .map((r) => {
      const body: Record<string, unknown> = { ...r.extra, event: r.event };
      if (r.webhook) body.webhook = r.webhook;
      const side = isDeleteEvent(r.event) ? 'previousValue' : 'currentValue';
      if (r.placement === 'natural') body[side] = r.record;
      if (r.placement === 'both')
        Object.assign(body, { previousValue: { ...r.record, title: 'before' }, currentValue: r.record });
      if (r.placement === 'wrong-type') body[side] = r.wrong;
      const hasRecord = r.placement === 'natural' || r.placement === 'both';
      return { raw: JSON.stringify(body), event: r.event, hasRecord, done: r.record.done === true };
    });

const MUTATIONS = [
  'drop-header',
  'other-body',
  'other-secret',
  'garbage',
  'truncated',
  'no-zap-secret',
  'no-raw-body',
  'two-signatures',
] as const;

const deliveryArb = fc
  .record({
    trigger: fc.constantFrom(...Object.keys(TRIGGERS)),
    picked: fc.subarray([...ALL_EVENTS], { minLength: 1, maxLength: 6 }),
    secrets: fc.tuple(fc.nat(SECRETS.length - 1), fc.integer({ min: 1, max: SECRETS.length - 1 })),
    headerName: headerSpelling('x-signature'),
    prefix: fc.constantFrom('', 'sha256=', 'SHA256='),
    upper: fc.boolean(),
    asArray: fc.boolean(),
    filter: fc.option(
      fc.record({
        customFieldId: fc.constantFrom('cf-1', 'cf-2'),
        customFieldValue: fc.option(hostileString, { nil: undefined }),
      }),
      { nil: undefined },
    ),
    mutation: fc.option(fc.constantFrom(...MUTATIONS), { nil: undefined, freq: 2 }),
    garbage: fc.oneof(
      hostileString,
      fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
    ),
    junk: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    // A UTF-8 BOM before the JSON, covered by the signature: verified as sent, parsed without it.
    bom: fc.boolean(),
  })
  .chain((d) => {
    const fixed = TRIGGERS[d.trigger]!;
    const subscribed = fixed === 'input' ? d.picked : fixed;
    const body = d.junk ? junkBody.map((raw): Body => ({ raw })) : payloadBody(subscribed);
    return body.map((b) => ({
      ...d,
      subscribed,
      secret: SECRETS[d.secrets[0]]!,
      otherSecret: SECRETS[(d.secrets[0] + d.secrets[1]) % SECRETS.length]!,
      body: d.bom && !d.junk ? { ...b, raw: `\uFEFF${b.raw}` } : b,
    }));
  });

type Delivery = typeof deliveryArb extends fc.Arbitrary<infer T> ? T : never;

const hmac = (secret: string, body: string) => createHmac('sha256', secret).update(body, 'utf8').digest('hex');

function build(d: Delivery): { bundle: Record<string, unknown>; forged: boolean } {
  const m = d.mutation;
  let sig = hmac(m === 'other-secret' ? d.otherSecret : d.secret, m === 'other-body' ? `${d.body.raw}\n` : d.body.raw);
  if (d.upper) sig = sig.toUpperCase();
  sig = d.prefix + sig;
  if (m === 'garbage') sig = d.garbage === hmac(d.secret, d.body.raw) ? 'nope' : d.garbage;
  if (m === 'truncated') sig = sig.slice(0, -2);
  if (m === 'two-signatures') sig = `${hmac(d.otherSecret, d.body.raw)},${sig}`;
  const headers: Record<string, unknown> = { 'Content-Type': 'application/json', 'Http-User-Agent': 'Blue-Webhooks' };
  if (m !== 'drop-header') headers[d.headerName] = d.asArray ? [sig] : sig;

  const inputData: Record<string, unknown> = d.trigger === 'blue_event' ? { events: d.subscribed } : {};
  if (d.trigger === 'custom_field_changed' && d.filter) Object.assign(inputData, d.filter);
  return {
    forged: m !== undefined,
    bundle: {
      authData: AUTH,
      inputData,
      subscribeData: {
        id: 'wh-fuzz',
        ...(m === 'no-zap-secret' ? {} : { secret: d.secret }),
        projectId: 'cprojfuzz0000000000000001',
        events: [...d.subscribed],
      },
      rawRequest: { method: 'POST', querystring: '', headers, ...(m === 'no-raw-body' ? {} : { content: d.body.raw }) },
      cleanedRequest: {},
    },
  };
}

/** Triggers with no filter beyond the event type, or whose filter the delivery satisfies. */
function mustStart(d: Delivery): boolean {
  const { event, hasRecord, done } = d.body;
  if (!event || !hasRecord || !d.subscribed.includes(event)) return false;
  if (d.trigger === 'todo_completed') return done === true;
  if (d.trigger === 'custom_field_changed') return d.filter === undefined;
  return true;
}

describe(`Blue delivery fuzzing (${FUZZ_RUNS} cases, seed ${FUZZ_SEED})`, () => {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
    answerFetches();
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
  });
  afterAll(() => {
    // FUZZ_REPORT=1 prints what the run covered (the README's Reliability numbers come from it).
    if (process.env.FUZZ_REPORT)
      console.log(JSON.stringify({ tally, messages: messages.length, logs: runner.logs.length }));
    expectNoSecrets([...messages, ...runner.logs], [TOKEN_SECRET, ...SECRETS]);
  });

  it('never starts a Zap for a forged delivery, always for a signed one of a subscribed event', async () => {
    await fc.assert(
      fc.asyncProperty(deliveryArb, async (d) => {
        const { bundle, forged } = build(d);
        fetchesThisCase = 0;
        const out = await outcome(() => runner.run(performOf(d.trigger), bundle), messages);
        // At most one request per delivery, and none for a deletion or a refused one.
        check(fetchesThisCase <= 1, `${fetchesThisCase} requests for one delivery`);
        if (forged || (d.body.event && isDeleteEvent(d.body.event)))
          check(fetchesThisCase === 0, 'a forged delivery or a deletion made a request');
        tally.fetches += fetchesThisCase;
        tally.cases++;
        tally.byTrigger[d.trigger] = (tally.byTrigger[d.trigger] ?? 0) + 1;
        checkOutcome(out, [d.secret, d.otherSecret, TOKEN_SECRET], 'event', (e) => d.subscribed.includes(e));
        const items = (out.items ?? []) as Record<string, unknown>[];
        if (forged) {
          check(items.length === 0, 'a forged delivery started the Zap');
          check(!out.error || out.error.name === 'HaltedError', `a forged delivery threw ${out.error?.name}`);
          tally.refusedForged++;
        } else if (mustStart(d)) {
          check(
            !out.error && items.length === 1,
            `a signed ${d.body.event} delivery did not start ${d.trigger}: ${out.error?.message}`,
          );
          check(items[0]!.event === d.body.event, `event ${String(items[0]!.event)} instead of ${d.body.event}`);
          tally.accepted++;
          if (d.body.raw.startsWith('\uFEFF')) tally.acceptedWithBom++;
        } else {
          check(items.length <= 1, 'one delivery started the Zap more than once');
          if (items.length === 0) tally.skipped++;
        }
      }),
      { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true },
    );
    expect(tally.cases).toBe(FUZZ_RUNS);
    // About 15% must start a Zap (filters and malformed records take the rest of the valid ones).
    expect(tally.accepted).toBeGreaterThan(FUZZ_RUNS * 0.1);
    expect(tally.acceptedWithBom).toBeGreaterThan(FUZZ_RUNS * 0.03);
    expect(tally.refusedForged).toBeGreaterThan(FUZZ_RUNS * 0.2);
    expect(tally.skipped).toBeGreaterThan(0);
    // Both paths are exercised: deliveries shaped without a request, and completed by one.
    expect(tally.fetches).toBeGreaterThan(FUZZ_RUNS * 0.02);
    expect(tally.fetches).toBeLessThan(tally.accepted + tally.skipped);
    for (const key of Object.keys(TRIGGERS)) expect(tally.byTrigger[key]).toBeGreaterThan(FUZZ_RUNS / 10);
    // 10,000 cases take ~16 s alone; on a loaded machine (parallel workers) jest's 20 s default is too tight.
  }, 90_000);
});
