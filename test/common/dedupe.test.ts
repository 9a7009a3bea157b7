// Each delivery starts its Zap once (issue 13.8): the real Codat and Blue performs, in core's
// pipeline, with a simulated RPC behind z.cache that honours nx and TTLs.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import App from '../../index.js';
import { DEDUPE_TTL_SECONDS, dedupeKey, resetDedupeNotice } from '../../common/dedupe.js';
import { coreRunner } from '../support/core-runner.js';
import { simulatedRpc, type SimulatedRpc } from '../support/simulated-rpc.js';
import { delivery as blueDelivery, TODO } from '../blue/fixtures.js';

const triggers = App.triggers as unknown as Record<string, { operation: { perform: unknown } }>;
const codatPerform = triggers.codat_event!.operation.perform;
const bluePerform = triggers.new_todo!.operation.perform;

const CODAT_SECRET = `whsec_${Buffer.from('dedupe-test-secret-0123456789abcdef').toString('base64')}`;
const EVENT = {
  id: 'evt-1',
  eventType: 'company.created',
  generatedDate: '2026-11-30T10:00:00.000Z',
  payload: { referenceCompany: { id: 'co-1' } },
};

function codatDelivery(msgId: string, opts: { endpoint?: string; body?: unknown; signWith?: string } = {}) {
  const content = JSON.stringify(opts.body ?? EVENT);
  const ts = Math.floor(Date.now() / 1000);
  const key = Buffer.from((opts.signWith ?? CODAT_SECRET).slice('whsec_'.length), 'base64');
  const signature = `v1,${createHmac('sha256', key).update(`${msgId}.${ts}.${content}`).digest('base64')}`;
  return {
    authData: { codatClientId: 'client-1', codatZapierKey: 'sk_integ_dedupe.us' },
    inputData: { eventTypes: ['all'] },
    subscribeData: { id: opts.endpoint ?? 'ep_1', secret: CODAT_SECRET, eventTypes: ['all'] },
    rawRequest: {
      method: 'POST',
      querystring: '',
      headers: { 'Http-Webhook-Id': msgId, 'Http-Webhook-Timestamp': String(ts), 'Http-Webhook-Signature': signature },
      content,
    },
    cleanedRequest: {},
  };
}

const created = { event: 'TODO_CREATED', currentValue: TODO, previousValue: null };

let sim: SimulatedRpc;
let runner: ReturnType<typeof coreRunner>;
beforeEach(() => {
  sim = simulatedRpc();
  runner = coreRunner(App);
  resetDedupeNotice();
});

const sets = () => sim.calls.filter((c) => c.method === 'zcache_set');

describe('Codat deliveries', () => {
  it('start the Zap for the first delivery of a webhook-id and return [] for its retries', async () => {
    const first = (await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc })) as unknown[];
    expect(first).toHaveLength(1);
    expect(await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc })).toEqual([]);
    expect(await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc })).toEqual([]);
    // Another message, or the same id for another Zap's consumer, is another delivery.
    expect(await runner.run(codatPerform, codatDelivery('msg_B'), { rpc: sim.rpc })).toHaveLength(1);
    expect(await runner.run(codatPerform, codatDelivery('msg_A', { endpoint: 'ep_2' }), { rpc: sim.rpc })).toHaveLength(
      1,
    );
  });

  it('set the key with nx and a TTL beyond Svix retry schedule (about 27.5 hours)', async () => {
    await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc });
    const [call] = sets();
    const [key, , ttl, scope, nx] = call!.params;
    expect(key).toBe(dedupeKey({ service: 'codat', subscription: 'ep_1', deliveryId: 'msg_A' }));
    expect(ttl).toBe(DEDUPE_TTL_SECONDS);
    expect(DEDUPE_TTL_SECONDS).toBeGreaterThan(27.5 * 3600);
    expect(scope).toBeNull();
    expect(nx).toBe(true);
  });

  it('run a retry again once the TTL has passed', async () => {
    await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc });
    sim.advance(DEDUPE_TTL_SECONDS - 1);
    expect(await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc })).toEqual([]);
    sim.advance(2);
    expect(await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc })).toHaveLength(1);
  });

  it('leave the cache alone for a forged delivery, so it cannot block the genuine one', async () => {
    const forged = codatDelivery('msg_A', {
      signWith: `whsec_${Buffer.from('another-secret-0123456789abcdef').toString('base64')}`,
    });
    await expect(runner.run(codatPerform, forged, { rpc: sim.rpc })).rejects.toThrow(/signature does not match/);
    expect(sim.calls).toEqual([]);
    expect(await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc })).toHaveLength(1);
  });

  it('still start the Zap when the cache fails, saying so in the log', async () => {
    sim.failing(true);
    expect(await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc })).toHaveLength(1);
    expect(await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc })).toHaveLength(1);
    expect(
      runner.logs.filter((l) =>
        /Could not check whether this codat delivery was seen before \(RPC request failed/.test(l),
      ),
    ).toHaveLength(2);
  });

  it('still start the Zap when the cache refuses the write (false without storing, e.g. over its rate limit)', async () => {
    sim.refusingWrites(true);
    expect(await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc })).toHaveLength(1);
    expect(await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc })).toHaveLength(1);
    expect(
      runner.logs.filter((l) =>
        /z.cache did not store this codat delivery \(answer false\) and holds no record of it/.test(l),
      ),
    ).toHaveLength(2);
    // Once writes work again, the id is remembered.
    sim.refusingWrites(false);
    expect(await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc })).toHaveLength(1);
    expect(await runner.run(codatPerform, codatDelivery('msg_A'), { rpc: sim.rpc })).toEqual([]);
  });

  it('without z.cache (no RPC, as in a local run) start the Zap every time and say so once', async () => {
    expect(await runner.run(codatPerform, codatDelivery('msg_A'))).toHaveLength(1);
    expect(await runner.run(codatPerform, codatDelivery('msg_A'))).toHaveLength(1);
    expect(runner.logs.filter((l) => /not filtered here: z.cache needs Zapier's RPC/.test(l))).toHaveLength(1);
  });
});

describe('Blue deliveries', () => {
  it('start the Zap once per body and subscription', async () => {
    expect(await runner.run(bluePerform, blueDelivery(created), { rpc: sim.rpc })).toHaveLength(1);
    // A replay of the captured delivery (its signature has no timestamp) runs nothing.
    expect(await runner.run(bluePerform, blueDelivery(created), { rpc: sim.rpc })).toEqual([]);
    const other = { ...created, currentValue: { ...TODO, updatedAt: '2026-12-01T00:00:00.000Z' } };
    expect(await runner.run(bluePerform, blueDelivery(other), { rpc: sim.rpc })).toHaveLength(1);
    const otherZap = {
      id: 'wh-2',
      secret: 'whsec-blue-0123456789',
      projectId: 'proj-default',
      events: ['TODO_CREATED'],
    };
    expect(
      await runner.run(bluePerform, blueDelivery(created, { subscribeData: otherZap }), { rpc: sim.rpc }),
    ).toHaveLength(1);
  });

  it('still start the Zap when the cache fails', async () => {
    sim.failing(true);
    expect(await runner.run(bluePerform, blueDelivery(created), { rpc: sim.rpc })).toHaveLength(1);
    expect(await runner.run(bluePerform, blueDelivery(created), { rpc: sim.rpc })).toHaveLength(1);
    expect(runner.logs.some((l) => /Could not check whether this blue delivery was seen before/.test(l))).toBe(true);
  });

  it('leave the cache alone for a delivery with a bad signature', async () => {
    await expect(
      runner.run(bluePerform, blueDelivery(created, { signature: 'ab'.repeat(32) }), { rpc: sim.rpc }),
    ).rejects.toThrow(/could not be verified/);
    expect(sim.calls).toEqual([]);
  });
});
