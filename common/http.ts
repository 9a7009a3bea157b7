// Transport helpers shared by the Codat and Blue clients. Service-specific error wording lives in
// codat/errors.ts and blue/errors.ts; this module only sends requests and reads responses safely.
import type { HttpRequestOptions, HttpResponse, ZObject } from 'zapier-platform-core';

/** Zapier gives a step 30 s; leave room to report a clear error before that. */
export const DEFAULT_TIMEOUT_MS = 25_000;

export interface ServiceContext {
  /** Human name of the service, used in messages ("Codat", "Blue"). */
  service: string;
  /** What the app was doing, phrased to follow "while trying to" (e.g. "create the webhook"). */
  action: string;
  /** Values that must never appear in a message (keys, token secrets, webhook secrets). */
  secrets: readonly (string | undefined)[];
  /** For a call not safe to repeat: replaces "try again" after a transport failure (it may have taken effect). */
  unsafeToRepeat?: string;
}

export type SendOptions = HttpRequestOptions & {
  url: string;
  /** Core option: let our own mapping handle 429 instead of core's generic message. */
  throwForThrottlingEarly?: boolean;
};

const ZAPIER_ERROR_NAMES = new Set([
  'AppError',
  'HaltedError',
  'ExpiredAuthError',
  'RefreshAuthError',
  'ThrottledError',
  'ResponseError',
  'CheckError',
]);

export function isZapierError(err: unknown): boolean {
  return err instanceof Error && ZAPIER_ERROR_NAMES.has(err.name);
}

/** Replaces every secret (and its URL-encoded form) with "[redacted]". */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      out = out.split(form).join('[redacted]');
    }
  }
  return out;
}

/** Secrets a hook bundle carries beyond authData: the webhook signing secret in subscribeData. */
export function bundleSecrets(bundle: { subscribeData?: unknown }): string[] {
  const secret = (bundle.subscribeData as { secret?: unknown } | undefined)?.secret;
  return typeof secret === 'string' && secret ? [secret] : [];
}

function requestTimeoutMs(): number {
  const fromEnv = Number(process.env.APP_HTTP_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_TIMEOUT_MS;
}

function describeNetworkFailure(err: unknown): string {
  const e = err as { type?: string; code?: string; errno?: string; message?: string };
  if (e.type === 'request-timeout' || e.code === 'ETIMEDOUT' || e.type === 'body-timeout') {
    // Sub-second limits (APP_HTTP_TIMEOUT_MS) would otherwise read "within 0 seconds".
    const ms = requestTimeoutMs();
    return `no answer within ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} seconds`}`;
  }
  const code = e.code ?? e.errno;
  switch (code) {
    case 'ECONNRESET':
      return 'the connection was reset';
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its host name could not be resolved';
    default:
      return code ? `network error ${code}` : 'a network error';
  }
}

/**
 * Sends one request through z.request (so Zapier logs and censors it) without core's generic
 * status handling: callers map statuses themselves. Network failures and timeouts become a
 * z.errors.Error that says what happened and that retrying is safe or not.
 */
export async function send(z: ZObject, options: SendOptions, ctx: ServiceContext): Promise<HttpResponse> {
  const request: SendOptions = {
    timeout: requestTimeoutMs(),
    ...options,
    skipThrowForStatus: true,
    throwForThrottlingEarly: false,
  };
  try {
    return await z.request(request);
  } catch (err) {
    if (isZapierError(err)) throw err;
    const reason = describeNetworkFailure(err);
    throw new z.errors.Error(
      redact(
        `${ctx.service} could not be reached while trying to ${ctx.action} (${reason}). ` +
          (ctx.unsafeToRepeat ?? `This is usually temporary: try again in a few minutes.`),
        ctx.secrets,
      ),
      'network_error',
      503,
    );
  }
}

const CORRELATION_HEADERS = ['x-request-id', 'svix-req-id', 'x-correlation-id', 'request-id', 'cf-ray'];

/** The service's own id for a failed request, to quote to its support. */
export function correlationId(resp: HttpResponse): string | undefined {
  for (const name of CORRELATION_HEADERS) {
    const value = resp.getHeader(name);
    if (value) return value.slice(0, 100);
  }
  return undefined;
}

export function correlationSuffix(resp: HttpResponse): string {
  const id = correlationId(resp);
  return id ? ` (request id ${id})` : '';
}

/** Seconds to wait from a Retry-After header (seconds or HTTP date), or the given fallback. */
export function retryAfterSeconds(resp: HttpResponse, fallback?: unknown): number | undefined {
  const header = resp.getHeader('retry-after');
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  const n = typeof fallback === 'string' ? Number(fallback) : fallback;
  if (typeof n === 'number' && Number.isFinite(n) && n >= 0) return Math.ceil(n);
  return undefined;
}

export type JsonResult = { ok: true; value: unknown } | { ok: false };

/** Parses the body as JSON without throwing; an empty body is not JSON. */
export function parseJsonBody(resp: HttpResponse): JsonResult {
  const text = resp.content;
  if (typeof text !== 'string' || text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A short, redacted, single-line description of a body, for messages about odd responses. */
export function describeBody(resp: HttpResponse, secrets: readonly (string | undefined)[]): string {
  const type = resp.getHeader('content-type') ?? 'no content type';
  const text = typeof resp.content === 'string' ? resp.content : '';
  if (text.trim() === '') return `an empty body (${type})`;
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 120);
  return `a ${type} body starting "${redact(snippet, secrets)}"`;
}
