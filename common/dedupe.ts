// Each delivery starts its Zap once. Senders deliver at least once (Svix retries a message with
// the same webhook-id for about a day; a captured Blue delivery, whose signature has no timestamp,
// can be replayed at will), so perform remembers the delivery ids it has seen in z.cache.
import { createHash } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';
import { stepDeadline } from './http.js';

/**
 * How long a delivery id is remembered: 3 days. Svix's retry schedule spans about 27.5 hours
 * (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the first attempt); a manual resend from the
 * portal or a replay after that runs the Zap again.
 */
export const DEDUPE_TTL_SECONDS = 3 * 24 * 60 * 60;

export interface DeliveryRef {
  /** "codat" or "blue": keeps the services' ids apart. */
  service: string;
  /** The Zap's subscription (webhook consumer or webhook id): one Zap's deliveries, not another's. */
  subscription: string;
  /** Stable across retries of one delivery (Codat: webhook-id; Blue: a hash of the body). */
  deliveryId: string;
}

export function dedupeKey(ref: DeliveryRef): string {
  const digest = createHash('sha256').update(`${ref.subscription}\n${ref.deliveryId}`, 'utf8').digest('hex');
  return `delivery:${ref.service}:${digest}`;
}

/**
 * The cache is a convenience: a slow one must not use up the step's 30 s. Both calls together get
 * this long, and never beyond the step's deadline (a Blue perform may have spent it loading a record).
 */
const CACHE_TIMEOUT_MS = 5_000;

/** Said once per process: local `zapier invoke` and tests without RPC run every delivery. */
let unavailableSaid = false;

/**
 * True if this delivery should start the Zap: the first time its id is seen, or whenever the
 * cache cannot tell (no RPC, an RPC failure, a refused write): a failure of the cache never loses
 * a delivery. False only when the cache holds the id already.
 */
export async function isFirstDelivery(z: ZObject, ref: DeliveryRef): Promise<boolean> {
  const key = dedupeKey(ref);
  const until = Math.min(Date.now() + CACHE_TIMEOUT_MS, stepDeadline(z).at);
  let stored: unknown;
  let seen: unknown;
  try {
    // nx: set only if absent, atomically; true when this call stored it. No scope: the key holds
    // the subscription, unique to one Zap.
    stored = await withinCacheTime(() => z.cache.set(key, Date.now(), DEDUPE_TTL_SECONDS, undefined, true), until);
    // false also means "not stored" for other reasons (core's own tests: over the app's cache
    // rate limit), so only a key that is there makes this delivery a repeat.
    if (stored !== true) seen = await withinCacheTime(() => z.cache.get(key), until);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/rpc is not available/i.test(message)) {
      if (!unavailableSaid) {
        unavailableSaid = true;
        z.console.log(
          "Repeated webhook deliveries are not filtered here: z.cache needs Zapier's RPC, which this run " +
            '(local invoke or test) does not have. Every delivery starts the Zap.',
        );
      }
    } else {
      z.console.log(
        `Could not check whether this ${ref.service} delivery was seen before (${message}); running the Zap for it.`,
      );
    }
    return true;
  }
  if (stored === true) return true;
  if (seen !== null && seen !== undefined) return false;
  z.console.log(
    `z.cache did not store this ${ref.service} delivery (answer ${JSON.stringify(stored)}) and holds no record of it; running the Zap for it.`,
  );
  return true;
}

/** core's RPC call has no timeout of its own: it gets until `until` (epoch ms), or is not made at all. */
async function withinCacheTime<T>(call: () => Promise<T>, until: number): Promise<T> {
  const left = until - Date.now();
  if (left <= 0) throw new Error("no time left before the step's deadline");
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      call(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${Math.ceil(left / 100) / 10} seconds`)), left);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** For tests: say the "not available" notice again. */
export function resetDedupeNotice(): void {
  unavailableSaid = false;
}
