// Turns a failed Svix/Codat webhooks response into the Zapier error a Zap user can act on.
import type { ZObject } from 'zapier-platform-core';
import type * as zod from '../common/zod.js';
import { summarizeIssues } from '../common/validation.js';
import {
  correlationSuffix,
  describeBody,
  excerpt,
  parseJsonBody,
  redact,
  retryAfterSeconds,
  type ServiceResponse,
} from '../common/http.js';

export interface CodatErrorContext {
  action: string;
  clientId: string;
  /** What a 404 means for this call, e.g. "the webhook consumer". */
  notFound: string;
  secrets: readonly (string | undefined)[];
}

/** Svix error bodies: `{code, detail}` or, for validation, `{detail: [{loc, msg}]}`. */
function svixDetail(resp: ServiceResponse): string | undefined {
  const parsed = parseJsonBody(resp);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
  const detail = (parsed.value as { detail?: unknown }).detail;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((d: { loc?: unknown; msg?: unknown }) => {
        const loc = Array.isArray(d.loc) ? d.loc.filter((p) => p !== 'body').join('.') : '';
        return `${loc ? `${loc}: ` : ''}${typeof d.msg === 'string' ? d.msg : JSON.stringify(d.msg ?? '')}`;
      })
      .join('; ');
  }
  return undefined;
}

/** Codat's cap on webhook consumers per client (Platform spec, create-webhook-consumer). */
export const CONSUMER_LIMIT = 50;

/**
 * Whether a refusal is the consumer cap. Neither Codat nor Svix documents that response, so it is
 * recognised defensively: a 4xx refusal (not auth, not rate limit) whose body, in any shape (Svix
 * `{code, detail}`, Codat `{statusCode, error}`, plain text), speaks of endpoints or consumers
 * and of a limit.
 */
export function isConsumerLimit(resp: ServiceResponse): boolean {
  if (![400, 402, 403, 409, 422].includes(resp.status)) return false;
  let text: string;
  try {
    text = String(resp.content ?? '');
  } catch {
    return false;
  }
  return (
    /\b(endpoints?|consumers?|webhooks?)\b/i.test(text) &&
    /\b(limit|limits|maximum|max|too many|quota|exceeded|exceeds|reached)\b/i.test(text) &&
    // A validation error about a query `limit` or a URL is no cap.
    !/limit must|url scheme/i.test(text)
  );
}

/** A 429 from either Codat API: Zapier retries after the Retry-After delay when Codat gives one. */
function rateLimited(z: ZObject, resp: ServiceResponse, action: string, say: (text: string) => string): Error {
  const delay = retryAfterSeconds(resp);
  const wait = delay !== undefined ? ` Zapier will retry in ${delay} seconds.` : ' Zapier will retry later.';
  return new z.errors.ThrottledError(say(`Codat's rate limit was reached while trying to ${action}.${wait}`), delay);
}

export function codatResponseError(z: ZObject, resp: ServiceResponse, ctx: CodatErrorContext): Error {
  const status = resp.status;
  const detail = svixDetail(resp);
  const reason = detail ? `: ${detail}` : '';
  const ref = correlationSuffix(resp, ctx.secrets);
  const say = (text: string) => redact(text, ctx.secrets);

  if (isConsumerLimit(resp)) {
    return new z.errors.Error(
      say(
        `Codat refused to ${ctx.action}: Client ID ${ctx.clientId} already has as many webhook consumers as Codat ` +
          `allows (${CONSUMER_LIMIT} per client)${reason}. Free one by deleting consumers you no longer use in the ` +
          `Codat Portal (https://app.codat.io/monitor/events, Monitor > Webhooks > Events: open the consumer, then ` +
          `... > Delete), then turn this Zap on again.`,
      ),
      'codat_consumer_limit',
      status,
    );
  }

  if (status === 401) {
    return new z.errors.ExpiredAuthError(
      say(
        `Codat rejected the Zapier integration key for Client ID ${ctx.clientId}. Codat keeps only one ` +
          `live Zapier key: generating a new one revokes the previous key in every connection that ` +
          `holds it. Reconnect this account with the current key.`,
      ),
    );
  }
  if (status === 403) {
    return new z.errors.Error(
      say(
        `Codat refused permission to ${ctx.action}${reason}. The Zapier integration key must belong to ` +
          `the Codat instance of Client ID ${ctx.clientId} and be allowed to manage webhook consumers.`,
      ),
      'codat_forbidden',
      403,
    );
  }
  if (status === 404) {
    return new z.errors.Error(
      say(
        `Codat could not find ${ctx.notFound} while trying to ${ctx.action}${reason}. ` +
          `Check that "${ctx.clientId}" is your Codat Client ID.`,
      ),
      'codat_not_found',
      404,
    );
  }
  if (status === 429) {
    return rateLimited(z, resp, ctx.action, say);
  }
  if (status >= 500) {
    return new z.errors.Error(
      say(
        `Codat's webhook service failed (HTTP ${status}) while trying to ${ctx.action}${ref}. ` +
          `This is on Codat's side and usually temporary: try again in a few minutes.`,
      ),
      'codat_server_error',
      status,
    );
  }
  return new z.errors.Error(
    say(
      `Codat rejected the request to ${ctx.action} (HTTP ${status})` +
        (detail ? `: ${detail}` : ` with ${describeBody(resp, ctx.secrets)}`) +
        `${ref}.`,
    ),
    'codat_request_rejected',
    status,
  );
}

/**
 * Codat Platform API error bodies (ErrorMessage in the Platform spec):
 * `{statusCode, service, error, correlationId, validation?: {errors: [{message}]}}`.
 */
function platformDetail(
  resp: ServiceResponse,
  secrets: readonly (string | undefined)[],
): { text?: string; correlationId?: string } {
  const parsed = parseJsonBody(resp);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return {};
  const body = parsed.value as { error?: unknown; correlationId?: unknown; validation?: { errors?: unknown } | null };
  const items = Array.isArray(body.validation?.errors) ? (body.validation.errors as { message?: unknown }[]) : [];
  const parts = [body.error, ...items.map((i) => i?.message)].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  // Redacted before cutting: a secret across the cut must not show in part.
  const id =
    typeof body.correlationId === 'string' && body.correlationId
      ? excerpt(body.correlationId, secrets, 100)
      : undefined;
  return {
    ...(parts.length ? { text: excerpt(parts.join('; '), secrets, 300) } : {}),
    ...(id ? { correlationId: id } : {}),
  };
}

export interface CodatPlatformErrorContext {
  action: string;
  /** What a 404 means for this call, e.g. "the company 8a21...". */
  notFound: string;
  secrets: readonly (string | undefined)[];
}

/** A failed Codat Platform API response (API key calls) as the Zapier error a Zap user can act on. */
export function codatPlatformError(z: ZObject, resp: ServiceResponse, ctx: CodatPlatformErrorContext): Error {
  const status = resp.status;
  const { text, correlationId } = platformDetail(resp, ctx.secrets);
  const reason = text ? `: ${text}` : '';
  const ref = correlationId ? ` (correlation id ${correlationId})` : correlationSuffix(resp, ctx.secrets);
  const say = (message: string) => redact(message, ctx.secrets);

  if (status === 401) {
    return new z.errors.ExpiredAuthError(
      say(
        `Codat rejected the Codat API Key (HTTP 401). It may have been deleted or replaced in the Codat Portal ` +
          `(Developers > API keys): reconnect this account with a current key, pasting the key itself or the whole ` +
          `"Basic ..." header exactly as the Portal shows it.`,
      ),
    );
  }
  if (status === 402) {
    return new z.errors.Error(
      say(
        `Codat refused to ${ctx.action} because an account limit was reached${reason}. Free plans allow 50 companies.`,
      ),
      'codat_limit_reached',
      402,
    );
  }
  if (status === 403) {
    return new z.errors.Error(
      say(
        `Codat refused permission to ${ctx.action}${reason}. The Codat API Key must be current and belong to ` +
          `the Codat instance that owns this company.`,
      ),
      'codat_forbidden',
      403,
    );
  }
  if (status === 404) {
    return new z.errors.Error(
      say(
        `Codat could not find ${ctx.notFound} while trying to ${ctx.action}${reason}. Pick it again from the dropdown.`,
      ),
      'codat_not_found',
      404,
    );
  }
  if (status === 409) {
    return new z.errors.Error(
      say(
        `Codat could not ${ctx.action} because of a conflict (HTTP 409)${reason}. Wait for the operation in progress to finish, then try again.`,
      ),
      'codat_conflict',
      409,
    );
  }
  if (status === 429) {
    return rateLimited(z, resp, ctx.action, say);
  }
  if (status >= 500) {
    return new z.errors.Error(
      say(
        `Codat's API failed (HTTP ${status}) while trying to ${ctx.action}${ref}. This is on Codat's side and usually temporary: try again in a few minutes.`,
      ),
      'codat_server_error',
      status,
    );
  }
  return new z.errors.Error(
    say(
      `Codat rejected the request to ${ctx.action} (HTTP ${status})` +
        (text ? `: ${text}` : ` with ${describeBody(resp, ctx.secrets)}`) +
        `${ref}.`,
    ),
    'codat_request_rejected',
    status,
  );
}

/**
 * A 2xx body from Codat (webhooks service or Platform API) read as JSON and checked against
 * `schema`; anything else is a `codat_invalid_response` naming the base-URL override to check.
 */
export function parseCodatJson<T>(
  z: ZObject,
  resp: ServiceResponse,
  schema: zod.ZodMiniType<T>,
  ctx: { action: string; secrets: readonly (string | undefined)[]; urlVariable: string },
): T {
  const { action, secrets } = ctx;
  const parsed = parseJsonBody(resp);
  if (!parsed.ok) {
    throw new z.errors.Error(
      redact(
        `Codat answered with ${describeBody(resp, secrets)} instead of JSON while trying to ${action}` +
          `${correlationSuffix(resp, secrets)}. Try again in a few minutes; if it persists, check ${ctx.urlVariable} or contact Codat support.`,
        secrets,
      ),
      'codat_invalid_response',
      resp.status,
    );
  }
  const checked = schema.safeParse(parsed.value);
  if (!checked.success) {
    throw new z.errors.Error(
      redact(
        `Codat returned an unexpected response while trying to ${action} (${summarizeIssues(checked.error)}).`,
        secrets,
      ),
      'codat_invalid_response',
      resp.status,
    );
  }
  return checked.data;
}
