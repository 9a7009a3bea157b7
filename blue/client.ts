// The one way this app talks to Blue: a GraphQL POST with the X-Bloo-* headers.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import {
  bundleSecrets,
  correlationSuffix,
  describeBody,
  parseJsonBody,
  redact,
  retryAfterSeconds,
  send,
} from '../common/http.js';
import { summarizeIssues } from '../common/validation.js';
import { BLUE_FIELDS, blueApiUrl, requireBlueCredentials, type BlueCredentials } from './config.js';
import {
  blueGraphqlError,
  blueHttpError,
  unsafeToRepeatNote,
  type BlueErrorContext,
  type BlueGraphqlError,
} from './errors.js';

export interface BlueCall<T> {
  query: string;
  variables?: Record<string, unknown>;
  /** Follows "while trying to", e.g. "create the record". */
  action: string;
  /** Shape of `data`; the response is validated against it. */
  schema: zod.ZodMiniType<T>;
  /** Project (id or slug) for the X-Bloo-Project-ID header; defaults to the connection's. */
  projectId?: string;
  /** GraphQL error codes that mean success for this call (e.g. WEBHOOK_NOT_FOUND on delete). */
  tolerate?: readonly string[];
  secrets?: readonly string[];
  /**
   * Not safe to repeat (creates, toggles): when the outcome is unknown (timeout, dropped
   * connection, gateway error) the error says Blue may have carried it out. A string is the
   * call's own warning, e.g. "The record may have been created anyway: check the list in Blue ...".
   */
  notIdempotent?: boolean | string;
  /**
   * For a document of several mutations: Blue runs them in order and stops at the first that
   * fails (each answers a non-null type), so the ones before it stay done. Given the alias the
   * failing error's `path` names, says what failed and what was saved before it.
   */
  partialFailure?: (failedAlias: string) => string | undefined;
}

export type BlueResult<T> = { ok: true; data: T } | { ok: false; tolerated: string };

const graphqlEnvelope = zod.lazy(() =>
  zod.looseObject({
    data: zod.optional(zod.unknown()),
    errors: zod.optional(
      zod.array(
        zod.looseObject({
          message: zod.optional(zod.string()),
          extensions: zod.optional(zod.looseObject({ code: zod.optional(zod.string()) })),
          path: zod.optional(zod.unknown()),
        }),
      ),
    ),
    error: zod.optional(zod.unknown()),
    retryAfter: zod.optional(zod.unknown()),
  }),
);

/** Which connection field each credential header comes from, for a message about an unsendable value. */
const BLUE_HEADER_FIELDS = {
  'x-bloo-token-id': BLUE_FIELDS.fields.blueTokenId,
  'x-bloo-token-secret': BLUE_FIELDS.fields.blueTokenSecret,
  'x-bloo-company-id': BLUE_FIELDS.fields.blueCompanyId,
  'x-bloo-project-id': BLUE_FIELDS.fields.blueProjectId,
};

export function blueHeaders(creds: BlueCredentials, projectId?: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'X-Bloo-Token-ID': creds.tokenId,
    'X-Bloo-Token-Secret': creds.tokenSecret,
    'X-Bloo-Company-ID': creds.companyId,
    // Blue accepts an id or a slug in this header, so the value goes as given; filters and
    // webhook scopes need the id (project-ref.ts).
    'X-Bloo-Project-ID': projectId || creds.projectId,
  };
}

/** Sends one GraphQL document. Returns `{ok:false}` only for a tolerated error code. */
export async function blueRequest<T>(z: ZObject, bundle: Bundle, call: BlueCall<T>): Promise<BlueResult<T>> {
  const creds = requireBlueCredentials(z, bundle.authData);
  const projectId = call.projectId || creds.projectId;
  // The Zap's signing secret (hook bundles) too: a response could echo it back.
  const secrets = [creds.tokenSecret, ...(call.secrets ?? []), ...bundleSecrets(bundle)];
  const ctx: BlueErrorContext = {
    action: call.action,
    companyId: creds.companyId,
    projectId,
    tokenId: creds.tokenId,
    secrets,
  };
  const unsafeToRepeat = unsafeToRepeatNote(call.notIdempotent);
  if (unsafeToRepeat) ctx.unsafeToRepeat = unsafeToRepeat;
  const resp = await send(
    z,
    {
      url: blueApiUrl(),
      method: 'POST',
      headers: blueHeaders(creds, projectId),
      body: JSON.stringify({ query: call.query, variables: call.variables ?? {} }),
    },
    {
      service: 'Blue',
      action: call.action,
      secrets,
      headerFields: BLUE_HEADER_FIELDS,
      ...(unsafeToRepeat ? { unsafeToRepeat } : {}),
    },
  );

  const parsed = parseJsonBody(resp);
  const envelope = parsed.ok ? graphqlEnvelope.safeParse(parsed.value) : undefined;
  const body = envelope?.success ? envelope.data : undefined;
  const errors: BlueGraphqlError[] = (body?.errors ?? []).map((e) => ({
    message: e.message ?? '',
    code: e.extensions?.code,
  }));
  const failedAt = body?.errors?.[0]?.path;
  if (call.partialFailure && Array.isArray(failedAt) && typeof failedAt[0] === 'string') {
    const partial = call.partialFailure(failedAt[0]);
    if (partial) ctx.partial = partial;
  }

  if (resp.status < 200 || resp.status >= 300) {
    // GraphQL servers also answer 400 with `errors`; prefer their code over the status.
    if (errors.length && resp.status !== 401 && resp.status !== 429 && resp.status < 500) {
      throw blueGraphqlError(z, errors, ctx);
    }
    throw blueHttpError(z, resp, ctx, body?.retryAfter);
  }
  if (!body) {
    throw new z.errors.Error(
      redact(
        `Blue answered with ${describeBody(resp, secrets)} instead of a GraphQL response while trying to ${call.action}` +
          `${correlationSuffix(resp, secrets)}. Try again in a few minutes; if it persists, check BLUE_API_URL.`,
        secrets,
      ),
      'blue_invalid_response',
      resp.status,
    );
  }
  if (errors.length) {
    const tolerated = errors.find((e) => e.code && call.tolerate?.includes(e.code));
    if (tolerated?.code && errors.length === 1) return { ok: false, tolerated: tolerated.code };
    // A RATE_LIMITED code can come in a 200 too; its wait is honoured like a 429's.
    throw blueGraphqlError(z, errors, ctx, retryAfterSeconds(resp, body.retryAfter));
  }
  const checked = call.schema.safeParse(body.data);
  if (!checked.success) {
    throw new z.errors.Error(
      redact(
        `Blue returned an unexpected response while trying to ${call.action} (${summarizeIssues(checked.error)}).`,
        secrets,
      ),
      'blue_invalid_response',
      resp.status,
    );
  }
  return { ok: true, data: checked.data };
}

/** Like blueRequest, for calls that tolerate no error code. */
export async function blueQuery<T>(z: ZObject, bundle: Bundle, call: Omit<BlueCall<T>, 'tolerate'>): Promise<T> {
  const result = await blueRequest(z, bundle, call);
  if (!result.ok) throw new z.errors.Error(`Blue reported ${result.tolerated} while trying to ${call.action}.`);
  return result.data;
}
