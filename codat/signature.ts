// Standard Webhooks verification of Codat (Svix) deliveries. Zapier hands the raw request over with
// every header renamed `Http-` + Camel-Case (`webhook-signature` -> `Http-Webhook-Signature`), and
// Svix may send `svix-*` instead of `webhook-*`: both spellings, any case, are accepted.
// A delivery that fails here never starts the Zap: it halts with the reason (never the secret).
import type { ZObject } from 'zapier-platform-core';
import { createHmac } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { withoutBom } from '../common/http.js';

export interface SignatureHeaders {
  id?: string;
  timestamp?: string;
  signature?: string;
}

export interface VerifiedDelivery {
  /** The webhook-id: the same across retries of one message. */
  id: string;
  timestamp: Date;
  /** The verified body, without a leading UTF-8 byte order mark (the signature covers it; JSON.parse refuses it). */
  body: string;
}

/** The webhook-timestamp as a date, or undefined if it is none a Date can hold. */
function timestampDate(timestamp: string): Date | undefined {
  if (!/^\d{1,15}$/.test(timestamp)) return undefined;
  const date = new Date(Number(timestamp) * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
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
 * A HaltedError for a refused delivery. The trigger's perform is wrapped in withoutBundleInErrors
 * (common/errors.ts), which keeps the bundle and its signing secret out of the message.
 */
export function refuseDelivery(z: ZObject, reason: string): Error {
  return new z.errors.HaltedError(`${PREFIX}: ${reason}`);
}

/**
 * The `standardwebhooks` verifier (header checks, 5-minute tolerance, any `v1,` entry of the list,
 * constant-time compare) with its HMAC computed by node:crypto: the package hashes in pure
 * JavaScript, which cost about 7 ms per MB of body here (`npm run bench`).
 */
class CodatWebhook extends Webhook {
  readonly #key: Buffer;

  constructor(secret: string) {
    super(secret); // rejects an empty or malformed secret, as the package does
    this.#key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  }

  override sign(msgId: string, timestamp: Date, payload: string | Buffer): string {
    const seconds = Math.floor(timestamp.getTime() / 1000);
    // Hashing the parts in turn avoids building a second copy of a large body.
    const mac = createHmac('sha256', this.#key)
      .update(`${msgId}.${seconds}.`, 'utf8')
      .update(payload.toString(), 'utf8');
    return `v1,${mac.digest('base64')}`;
  }
}

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
      `the request has no ${missing.map((p) => `webhook-${p}`).join(', ')} header ` +
        `(nor ${missing.map((p) => `svix-${p}`).join(', ')}). ` +
        `Only signed deliveries from Codat's webhook service start this Zap.`,
    );
  }
  const content = raw?.content;
  if (typeof content !== 'string') {
    throw halt('the raw request body is missing, so its signature cannot be checked.');
  }

  let webhook: CodatWebhook;
  try {
    webhook = new CodatWebhook(secret);
  } catch {
    throw halt(
      'the signing secret saved for this Zap is unusable. Turn the Zap off and on again to create a new Codat webhook consumer.',
    );
  }
  try {
    webhook.verify(
      content,
      { 'webhook-id': found.id!, 'webhook-timestamp': found.timestamp!, 'webhook-signature': found.signature! },
      { jsonParse: false },
    );
  } catch (err) {
    // Anything the verifier throws is a refusal: a forged delivery must never crash perform.
    throw halt(
      err instanceof WebhookVerificationError
        ? describeFailure(err.message, found.timestamp!)
        : 'its signature could not be checked.',
    );
  }
  // Verified within 5 minutes of now, so the timestamp is a valid date; the fallback only guards.
  return { id: found.id!, timestamp: timestampDate(found.timestamp!) ?? new Date(), body: withoutBom(content) };
}

function describeFailure(libraryMessage: string, timestamp: string): string {
  const date = timestampDate(timestamp);
  if (/too old|too new/i.test(libraryMessage) && date) {
    return (
      `the webhook-timestamp (${date.toISOString()}) is more than 5 minutes ` +
      `from the current time, so the delivery may be a replay. If this keeps happening, check the message in Codat's webhook portal.`
    );
  }
  if (/invalid signature headers|too old|too new/i.test(libraryMessage)) {
    return 'the webhook-timestamp header is not a Unix timestamp.';
  }
  return (
    `the webhook-signature does not match this Zap's signing secret: the body was altered in transit or was signed ` +
    `for another webhook consumer. If the consumer's secret was rotated in Codat's portal, turn the Zap off and on ` +
    `again to create a new one.`
  );
}
