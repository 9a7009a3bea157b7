// The one way this app talks to Codat's webhook service (Svix API, Bearer = Zapier key).
import type { Bundle, HttpMethod, ZObject } from 'zapier-platform-core';
import type * as zod from '../common/zod.js';
import { bundleSecrets, send } from '../common/http.js';
import { CODAT_FIELDS, requireCodatCredentials, webhooksBaseUrl, type CodatCredentials } from './config.js';
import { codatResponseError, parseCodatJson } from './errors.js';

export interface CodatCall<T> {
  method: HttpMethod;
  /** Path under /api/v1/app/{clientId}, e.g. "/endpoint". */
  path: string;
  /** Query parameters; an array becomes a repeated parameter (`event_types=a&event_types=b`), as Svix expects. */
  params?: Record<string, string | number | boolean | readonly string[] | undefined>;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Follows "while trying to", e.g. "create the webhook consumer". */
  action: string;
  /** What a 404 means, e.g. "the webhook consumer". */
  notFound: string;
  /** Response body schema; omitted when the call returns no body (204). */
  schema?: zod.ZodMiniType<T>;
  /** Extra values to keep out of messages (e.g. a webhook secret being sent). */
  secrets?: readonly string[];
  /** Treat a 404 as success (returns undefined). */
  allowNotFound?: boolean;
  /** Other statuses the caller handles itself (returned with data undefined, never thrown). */
  tolerate?: readonly number[];
  /** The path is under /api/v1 itself, not under the application (e.g. "/event-type"). */
  global?: boolean;
}

export interface CodatResult<T> {
  status: number;
  data: T | undefined;
}

export function appUrl(creds: CodatCredentials, path: string): string {
  return `${webhooksBaseUrl(creds.zapierKey)}/api/v1/app/${encodeURIComponent(creds.clientId)}${path}`;
}

export async function codatRequest<T>(z: ZObject, bundle: Bundle, call: CodatCall<T>): Promise<CodatResult<T>> {
  const creds = requireCodatCredentials(z, bundle.authData);
  // The Zap's signing secret (hook bundles) too: a response could echo it back.
  const secrets = [creds.zapierKey, ...(call.secrets ?? []), ...bundleSecrets(bundle)];
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(call.params ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, String(item));
  }
  const search = query.toString();
  const resp = await send(
    z,
    {
      url:
        (call.global ? `${webhooksBaseUrl(creds.zapierKey)}/api/v1${call.path}` : appUrl(creds, call.path)) +
        (search ? `?${search}` : ''),
      method: call.method,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${creds.zapierKey}`,
        ...(call.body ? { 'Content-Type': 'application/json' } : {}),
        ...call.headers,
      },
      ...(call.body ? { body: JSON.stringify(call.body) } : {}),
    },
    {
      service: 'Codat',
      action: call.action,
      secrets,
      headerFields: { authorization: CODAT_FIELDS.fields.codatZapierKey },
    },
  );

  if (resp.status === 404 && call.allowNotFound) return { status: 404, data: undefined };
  if (call.tolerate?.includes(resp.status)) return { status: resp.status, data: undefined };
  if (resp.status < 200 || resp.status >= 300) {
    throw codatResponseError(z, resp, {
      action: call.action,
      clientId: creds.clientId,
      notFound: call.notFound,
      secrets,
    });
  }
  if (!call.schema) return { status: resp.status, data: undefined };

  const data = parseCodatJson(z, resp, call.schema, {
    action: call.action,
    secrets,
    urlVariable: 'CODAT_WEBHOOKS_API_URL',
  });
  return { status: resp.status, data };
}
