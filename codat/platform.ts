// The one way this app talks to Codat's Platform API (companies, connections, data refreshes):
// `Authorization: Basic <Base64 of the API key>`, the transport, redaction and timeouts of
// common/http.ts, and the status mapping of codat/errors.ts.
import type { Bundle, HttpMethod, ZObject } from 'zapier-platform-core';
import type * as zod from '../common/zod.js';
import { refusePadded } from '../common/auth-fields.js';
import { bundleSecrets, send } from '../common/http.js';
import { codatPlatformError, parseCodatJson } from './errors.js';

export const API_KEY_FIELD = 'codatApiKey';
export const API_KEY_LABEL = 'Codat API Key';
export const DEFAULT_PLATFORM_URL = 'https://api.codat.io';

/** CODAT_API_URL points the app at another host (tests, the sandbox). */
export function platformBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.CODAT_API_URL?.trim();
  return override ? override.replace(/\/+$/, '') : DEFAULT_PLATFORM_URL;
}

export interface PlatformAuth {
  /** The whole Authorization header value. */
  header: string;
  /** Every form of the key a message could carry: raw, Base64 and the header. */
  secrets: string[];
}

export type ApiKeyState =
  { state: 'empty' } | { state: 'ok'; auth: PlatformAuth } | { state: 'invalid'; reason: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The Portal's Developers > API keys page shows both the raw key and the whole header
 * (`Basic <Base64 of the key>`); either may be pasted. Codat expects the Base64 form.
 * Reasons never quote the value.
 */
export function readApiKey(raw: unknown): ApiKeyState {
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (!value) return { state: 'empty' };
  const header = /^(?:authorization:\s*)?basic\s+(.*)$/i.exec(value);
  if (header) {
    const token = header[1]!.trim();
    if (!BASE64.test(token) || token.length % 4 !== 0) {
      return {
        state: 'invalid',
        reason: 'the text after "Basic" is not Base64 as the Portal shows it; paste the API key itself instead',
      };
    }
    const key = Buffer.from(token, 'base64').toString('utf8');
    return { state: 'ok', auth: { header: `Basic ${token}`, secrets: [value, token, key] } };
  }
  // The header's Base64 part pasted without "Basic": padded Base64 (a raw key has no "=") of a
  // printable key. Encoding it again would only earn a 401.
  if (/^[A-Za-z0-9+/]+={1,2}$/.test(value) && value.length % 4 === 0) {
    const key = Buffer.from(value, 'base64').toString('utf8');
    if (/^[\x21-\x7e]+$/.test(key) && Buffer.from(key, 'utf8').toString('base64') === value) {
      return { state: 'ok', auth: { header: `Basic ${value}`, secrets: [value, key] } };
    }
  }
  if (/\s/.test(value) || /[^\x21-\x7e]/.test(value)) {
    return {
      state: 'invalid',
      reason: 'it contains spaces or characters an API key never has; copy it again from the Portal',
    };
  }
  const token = Buffer.from(value, 'utf8').toString('base64');
  return { state: 'ok', auth: { header: `Basic ${token}`, secrets: [value, token] } };
}

/** The connection's API key, or a clear error naming the field (never its value). */
export function requireApiKey(z: ZObject, authData: Record<string, unknown>): PlatformAuth {
  const key = readApiKey(authData[API_KEY_FIELD]);
  // A connection saved before the connection test refused padding (see refusePadded).
  if (key.state === 'ok') refusePadded(z, authData, { [API_KEY_FIELD]: API_KEY_LABEL });
  if (key.state === 'ok') return key.auth;
  if (key.state === 'invalid') {
    throw new z.errors.Error(
      `The "${API_KEY_LABEL}" of this connection is not usable: ${key.reason}. Reconnect with the key from the ` +
        `Codat Portal (Developers > API keys).`,
      'codat_api_key_invalid',
      400,
    );
  }
  throw new z.errors.Error(
    `This connection has no "${API_KEY_LABEL}": Codat actions need it. Add it to the connection (Codat Portal, ` +
      `Developers > API keys), or pick a connection that has one. Codat triggers work without it.`,
    'codat_api_key_missing',
    400,
  );
}

export interface PlatformCall<T> {
  method: HttpMethod;
  /** Path from the API root, e.g. "/companies"; ids already encoded. */
  path: string;
  params?: Record<string, string | number | undefined>;
  body?: Record<string, unknown>;
  /** Follows "while trying to", e.g. "create the Codat company". */
  action: string;
  /** What a 404 means, e.g. "the company 8a21...". */
  notFound: string;
  /** Response body schema; omitted when the call returns no body (204). */
  schema?: zod.ZodMiniType<T>;
  /** Treat a 404 as "nothing there" (returns undefined), for searches. */
  allowNotFound?: boolean;
}

/** Sends one Platform API request; the parsed body, or undefined (no schema, or an allowed 404). */
export async function platformRequest<T>(z: ZObject, bundle: Bundle, call: PlatformCall<T>): Promise<T | undefined> {
  const auth = requireApiKey(z, bundle.authData);
  const secrets = [...auth.secrets, ...bundleSecrets(bundle)];
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(call.params ?? {})) {
    if (value !== undefined) query.append(key, String(value));
  }
  const search = query.toString();
  const resp = await send(
    z,
    {
      url: `${platformBaseUrl()}${call.path}${search ? `?${search}` : ''}`,
      method: call.method,
      headers: {
        Accept: 'application/json',
        Authorization: auth.header,
        ...(call.body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(call.body ? { body: JSON.stringify(call.body) } : {}),
    },
    { service: 'Codat', action: call.action, secrets, headerFields: { authorization: API_KEY_LABEL } },
  );

  if (resp.status === 404 && call.allowNotFound) return undefined;
  if (resp.status < 200 || resp.status >= 300) {
    throw codatPlatformError(z, resp, { action: call.action, notFound: call.notFound, secrets });
  }
  if (!call.schema) return undefined;

  return parseCodatJson(z, resp, call.schema, { action: call.action, secrets, urlVariable: 'CODAT_API_URL' });
}
