// Turns Blue failures (HTTP statuses and GraphQL `errors` inside an HTTP 200) into Zapier errors.
import type { ZObject } from 'zapier-platform-core';
import { correlationSuffix, describeBody, redact, retryAfterSeconds, type ServiceResponse } from '../common/http.js';

export interface BlueGraphqlError {
  message: string;
  code?: string;
}

export interface BlueErrorContext {
  action: string;
  companyId: string;
  projectId: string;
  tokenId: string;
  secrets: readonly (string | undefined)[];
  /** Set for a call not safe to repeat: what to tell the user when its outcome is unknown. */
  unsafeToRepeat?: string;
  /** Set when a later mutation of a document failed: which one, and what was saved before it. */
  partial?: string;
}

const UNSAFE_TO_REPEAT =
  'Blue may have carried this out anyway: check in Blue before replaying this run, or it may happen twice.';

/**
 * The warning for a call not safe to repeat (a create, a toggle): `true` gives the general one,
 * a string is the call's own ("The record may have been created anyway: ...").
 */
export function unsafeToRepeatNote(notIdempotent: boolean | string | undefined): string | undefined {
  if (!notIdempotent) return undefined;
  return notIdempotent === true ? UNSAFE_TO_REPEAT : notIdempotent;
}

const TOKEN_HELP = 'Create a new token in Blue (Profile > API) and reconnect this account.';

function scopeHint(ctx: BlueErrorContext): string {
  return (
    `Check the connection's Blue Company ID ("${ctx.companyId}") and Blue Project ID ("${ctx.projectId}"): ` +
    `both accept an id or a slug, and the token's user must belong to that project.`
  );
}

// Blue's codes name its API types; users know a todo as a record and a todo list as a list.
const USER_WORDS: Record<string, string> = { TODO: 'record', TODO_LIST: 'list' };

function notFoundWhat(code: string): string {
  const what = code.replace(/_NOT_FOUND$/, '');
  return USER_WORDS[what] ?? what.toLowerCase().replace(/_/g, ' ');
}

/** Error for GraphQL errors reported by Blue, chosen by the first error's extensions.code. */
export function blueGraphqlError(
  z: ZObject,
  errors: BlueGraphqlError[],
  ctx: BlueErrorContext,
  retryAfter?: number,
): Error {
  const first = errors[0] ?? { message: 'Unknown error' };
  const code = first.code ?? 'UNKNOWN';
  // Blue's messages often end in a period and ours add one after `detail`: drop Blue's ("Invalid token.." otherwise).
  const detail = errors
    .map((e) => e.message.trim().replace(/\.+$/, ''))
    .filter(Boolean)
    .join('; ');
  const say = (text: string) => redact(ctx.partial ? `${text} ${ctx.partial}` : text, ctx.secrets);

  switch (code) {
    case 'UNAUTHENTICATED':
      return new z.errors.ExpiredAuthError(
        say(
          `Blue rejected the API token (Token ID ${ctx.tokenId}): ${detail}. The token may have been revoked or expired. ${TOKEN_HELP}`,
        ),
      );
    case 'FORBIDDEN':
      return new z.errors.Error(
        say(`Blue refused permission to ${ctx.action}: ${detail}. ${scopeHint(ctx)}`),
        'blue_forbidden',
        403,
      );
    case 'PROJECT_NOT_FOUND':
    case 'COMPANY_NOT_FOUND':
      return new z.errors.Error(
        say(
          `Blue could not find the ${notFoundWhat(code)} while trying to ${ctx.action}: ${detail}. ${scopeHint(ctx)}`,
        ),
        'blue_not_found',
        404,
      );
    case 'PLAN_LIMIT_REACHED':
      return new z.errors.Error(
        say(
          `Your Blue plan's limit was reached while trying to ${ctx.action}: ${detail}. Upgrade the Blue plan or free up capacity, then replay this Zap run.`,
        ),
        'blue_plan_limit',
        402,
      );
    case 'RATE_LIMITED':
    case 'TOO_MANY_REQUESTS': {
      const wait =
        retryAfter !== undefined ? ` Zapier will retry in ${retryAfter} seconds.` : ' Zapier will retry later.';
      return new z.errors.ThrottledError(
        say(`Blue's rate limit was reached while trying to ${ctx.action}.${wait}`),
        retryAfter,
      );
    }
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED':
      return new z.errors.Error(say(`Blue rejected the input to ${ctx.action}: ${detail}.`), 'blue_bad_input', 400);
    case 'CUSTOM_FIELD_VALUE_PARSE_ERROR':
      return new z.errors.Error(
        say(
          `Blue could not read a custom field value while trying to ${ctx.action}: ${detail}. Check the value's format for that field's type.`,
        ),
        'blue_custom_field_value',
        400,
      );
    case 'INTERNAL_SERVER_ERROR':
      return new z.errors.Error(
        say(
          `Blue failed on its side while trying to ${ctx.action}: ${detail}. This is usually temporary: try again in a few minutes.`,
        ),
        'blue_server_error',
        500,
      );
    default:
      if (code.endsWith('_NOT_FOUND')) {
        return new z.errors.Error(
          say(
            `Blue could not find the ${notFoundWhat(code)} while trying to ${ctx.action}: ${detail}. It may have been deleted; pick it again in the Zap.`,
          ),
          'blue_not_found',
          404,
        );
      }
      return new z.errors.Error(
        say(`Blue reported an error (${code}) while trying to ${ctx.action}: ${detail}.`),
        'blue_error',
        400,
      );
  }
}

/** Error for a non-2xx HTTP status that carried no usable GraphQL errors. */
export function blueHttpError(
  z: ZObject,
  resp: ServiceResponse,
  ctx: BlueErrorContext,
  bodyRetryAfter?: unknown,
): Error {
  const status = resp.status;
  const ref = correlationSuffix(resp, ctx.secrets);
  const say = (text: string) => redact(text, ctx.secrets);
  if (status === 401) {
    return new z.errors.ExpiredAuthError(say(`Blue rejected the API token (Token ID ${ctx.tokenId}). ${TOKEN_HELP}`));
  }
  if (status === 403) {
    return new z.errors.Error(
      say(`Blue refused permission to ${ctx.action} (HTTP 403). ${scopeHint(ctx)}`),
      'blue_forbidden',
      403,
    );
  }
  if (status === 404) {
    return new z.errors.Error(
      say(
        `Blue's API was not found at this address (HTTP 404) while trying to ${ctx.action}. If BLUE_API_URL is set, check it.`,
      ),
      'blue_not_found',
      404,
    );
  }
  if (status === 429) {
    return blueGraphqlError(
      z,
      [{ message: 'Too many requests', code: 'RATE_LIMITED' }],
      ctx,
      retryAfterSeconds(resp, bodyRetryAfter),
    );
  }
  if (status >= 500) {
    // A gateway error (502/504) means the request may have reached Blue and been carried out.
    const advice =
      (status === 502 || status === 504) && ctx.unsafeToRepeat
        ? ctx.unsafeToRepeat
        : 'usually temporary: try again in a few minutes.';
    return new z.errors.Error(
      say(
        `Blue's API failed (HTTP ${status}) while trying to ${ctx.action}${ref}. This is on Blue's side and ${advice}`,
      ),
      'blue_server_error',
      status,
    );
  }
  return new z.errors.Error(
    say(`Blue rejected the request to ${ctx.action} (HTTP ${status}) with ${describeBody(resp, ctx.secrets)}${ref}.`),
    'blue_request_rejected',
    status,
  );
}
