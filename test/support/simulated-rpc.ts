// A stand-in for Zapier's RPC behind z.cache, with the semantics z.cache.set(key, value, ttl,
// scope, nx) relies on: nx sets only an absent (or expired) key and answers whether it did.
// core's own test stand-in (zcacheTestObj, used by appTester and `zapier invoke`) ignores nx and
// TTL, so it cannot show deduplication.
import type { Rpc } from './core-runner.js';

export interface RpcCall {
  method: string;
  params: unknown[];
}

export interface SimulatedRpc {
  rpc: Rpc;
  calls: RpcCall[];
  /** Makes every following call fail as core's client does after its retries (or succeed again). */
  failing: (on: boolean) => void;
  /** Makes sets answer false without storing, as over the app's cache rate limit (core's tests). */
  refusingWrites: (on: boolean) => void;
  /** Moves the simulated clock on, expiring keys whose TTL ran out. */
  advance: (seconds: number) => void;
}

export function simulatedRpc(): SimulatedRpc {
  const store = new Map<string, { value: unknown; expiresAt: number }>();
  const calls: RpcCall[] = [];
  let failing = false;
  let refusing = false;
  let now = 0;
  const live = (key: string) => {
    const entry = store.get(key);
    if (entry && entry.expiresAt <= now) store.delete(key);
    return store.get(key);
  };
  // eslint-disable-next-line @typescript-eslint/require-await -- async like core's RPC: a throw must reject
  const rpc: Rpc = async (method, ...params) => {
    calls.push({ method, params });
    if (failing) throw new Error('RPC request failed after 3 attempts: Unable to reach the RPC server');
    const [key, value, ttl, , nx] = params as [string, unknown, number | null, unknown, boolean | null];
    switch (method) {
      case 'zcache_set':
        if (refusing || (nx && live(key))) return false;
        store.set(key, { value, expiresAt: ttl ? now + ttl : Number.POSITIVE_INFINITY });
        return true;
      case 'zcache_get':
        return live(key)?.value ?? null;
      case 'zcache_delete':
        return store.delete(key);
      default:
        throw new Error(`Unexpected RPC method ${method}`);
    }
  };
  return {
    rpc,
    calls,
    failing: (on) => {
      failing = on;
    },
    refusingWrites: (on) => {
      refusing = on;
    },
    advance: (seconds) => {
      now += seconds;
    },
  };
}
