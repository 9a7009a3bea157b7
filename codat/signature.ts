// Standard Webhooks verification of Codat (Svix) deliveries. Zapier hands the raw request over with
// every header renamed `Http-` + Camel-Case (`webhook-signature` -> `Http-Webhook-Signature`), and
// Svix may send `svix-*` instead of `webhook-*`: both spellings, any case, are accepted.
// A delivery that fails here never starts the Zap: it halts with the reason (never the secret).
import type { ZObject } from 'zapier-platform-core';
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignatureHeaders {
  id?: string;
  timestamp?: string;
  signature?: string;
}

export interface VerifiedDelivery {
  /** The webhook-id: the same across retries of one message. */
  id: string;
  timestamp: Date;
}

const PARTS = ['id', 'timestamp', 'signature'] as const;

/** Picks webhook-id/-timestamp/-signature (or their svix-* twins) out of any header spelling. */
export function signatureHeaders(headers: Readonly<Record<string, unknown>> | undefined): SignatureHeaders {
  const normalised = new Map<string, string>();
  for (const [name, value] of Object.entries(headers ?? {})) {
    const v = Array.isArray(value) ? value.join(' ') : value;
    if (typeof v !== 'string' || v.trim() === '') continue;
    normalised.set(name.toLowerCase().replace(/^http-/, ''), v.trim());
  }
  const out: SignatureHeaders = {};
  for (const part of PARTS) {
    const value = normalised.get(`webhook-${part}`) ?? normalised.get(`svix-${part}`);
    if (value) out[part] = value;
  }
  return out;
}

const PREFIX = 'Codat webhook not accepted, so the Zap did not run';

/**
 * A HaltedError for a refused delivery. Core appends "What happened" with the bundle (minus
 * authData) to contextified errors, and the bundle holds subscribeData.secret: opt out of that.
 */
export function refuseDelivery(z: ZObject, reason: string): Error {
  const err = new z.errors.HaltedError(`${PREFIX}: ${reason}`);
  (err as Error & { doNotContextify?: boolean }).doNotContextify = true;
  return err;
}

/** Standard Webhooks' tolerance between the webhook-timestamp and now. */
const TOLERANCE_SECONDS = 5 * 60;
const SECRET_PREFIX = 'whsec_';

/** The HMAC key of a `whsec_<base64>` secret, or undefined when it is not usable. */
function signingKey(secret: string): Buffer | undefined {
  const b64 = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (b64.length === 0 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
  return Buffer.from(b64, 'base64');
}

/**
 * Standard Webhooks verification, as the `standardwebhooks` package does it (HMAC-SHA256 of
 * `${id}.${timestamp}.${body}`, base64, any `v1,` entry of the space-separated list, 5 minutes
 * tolerance), but with node:crypto: that package hashes in pure JavaScript, which cost about
 * 7 ms per MB of body here (`npm run bench`), and copies the body into the string it signs.
 */
export function verifyDelivery(
  z: ZObject,
  raw: { headers?: Readonly<Record<string, unknown>>; content?: unknown } | undefined,
  secret: string,
): VerifiedDelivery {
  const halt = (reason: string) => refuseDelivery(z, reason);
  const found = signatureHeaders(raw?.headers);
  const missing = PARTS.filter((p) => !found[p]);
  if (missing.length) {
    throw halt(
      `the request has no ${missing.map((p) => `webhook-${p}`).join(', ')} header (nor svix-${missing[0]}). ` +
        `Only signed deliveries from Codat's webhook service start this Zap.`,
    );
  }
  const content = raw?.content;
  if (typeof content !== 'string') {
    throw halt('the raw request body is missing, so its signature cannot be checked.');
  }

  const key = signingKey(secret);
  if (!key || key.length === 0) {
    throw halt(
      'the signing secret saved for this Zap is unusable. Turn the Zap off and on again to create a new Codat webhook consumer.',
    );
  }

  const seconds = Number.parseInt(found.timestamp!, 10);
  if (Number.isNaN(seconds)) throw halt('the webhook-timestamp header is not a Unix timestamp.');
  const now = Math.floor(Date.now() / 1000);
  if (now - seconds > TOLERANCE_SECONDS || seconds > now + TOLERANCE_SECONDS) {
    throw halt(
      `the webhook-timestamp (${new Date(seconds * 1000).toISOString()}) is more than 5 minutes from the current time, so the delivery may be a replay. ` +
        `If this keeps happening, check the message in Codat's webhook portal.`,
    );
  }

  // Hashing the parts in turn avoids building a second copy of a large body.
  const expected = Buffer.from(
    createHmac('sha256', key).update(`${found.id!}.${seconds}.`, 'utf8').update(content, 'utf8').digest('base64'),
    'utf8',
  );
  const matches = found.signature!.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || signature === undefined) return false;
    const given = Buffer.from(signature, 'utf8');
    // Lengths are public (a SHA-256 in base64 is always 44 characters); the bytes are compared in constant time.
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) {
    throw halt(
      `the webhook-signature does not match this Zap's signing secret: the body was altered in transit or was signed ` +
        `for another webhook consumer. If the consumer's secret was rotated in Codat's portal, turn the Zap off and on ` +
        `again to create a new one.`,
    );
  }
  return { id: found.id!, timestamp: new Date(seconds * 1000) };
}
