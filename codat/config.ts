// Codat connection fields and where Codat's (Svix-powered) webhook API lives.
import type { ZObject } from 'zapier-platform-core';
import { listLabels, readFieldSet, refusePadded, type FieldSet } from '../common/auth-fields.js';

export const CODAT_FIELDS: FieldSet<'codatClientId' | 'codatZapierKey'> = {
  service: 'Codat',
  fields: { codatClientId: 'Codat Client ID', codatZapierKey: 'Codat Zapier Integration Key' },
};

export interface CodatCredentials {
  clientId: string;
  zapierKey: string;
}

const REGION_HOSTS: Record<string, string> = {
  us: 'https://api.us.svix.com',
  eu: 'https://api.eu.svix.com',
  in: 'https://api.in.svix.com',
  ca: 'https://api.ca.svix.com',
  au: 'https://api.au.svix.com',
};
const DEFAULT_HOST = 'https://api.svix.com';

/**
 * The Zapier key is a Svix integration key; its region is the suffix after the first "."
 * (`sk_integ_....us`), as in Svix's own SDK. CODAT_WEBHOOKS_API_URL overrides it (tests, sandbox).
 */
export function webhooksBaseUrl(zapierKey: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.CODAT_WEBHOOKS_API_URL?.trim();
  if (override) return override.replace(/\/+$/, '');
  const region = zapierKey.split('.')[1]?.toLowerCase();
  return (region && REGION_HOSTS[region]) || DEFAULT_HOST;
}

/** Codat credentials from a connection, or a clear error saying which fields to add. */
export function requireCodatCredentials(z: ZObject, authData: Record<string, unknown>): CodatCredentials {
  const state = readFieldSet(CODAT_FIELDS, authData);
  if (state.state === 'complete') {
    // A connection saved before the connection test refused padding (see refusePadded).
    refusePadded(z, authData, CODAT_FIELDS.fields);
    return { clientId: state.values.codatClientId, zapierKey: state.values.codatZapierKey };
  }
  const missing = state.state === 'partial' ? state.missing : Object.values(CODAT_FIELDS.fields);
  throw new z.errors.Error(
    `This connection has no Codat credentials: add ${listLabels(missing)} to the connection ` +
      `(or pick a connection that has them) to use Codat triggers.`,
    'codat_credentials_missing',
    400,
  );
}
