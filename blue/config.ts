// Blue connection fields and the GraphQL endpoint.
import type { ZObject } from 'zapier-platform-core';
import { listLabels, readFieldSet, refusePadded, type FieldSet } from '../common/auth-fields.js';

export const BLUE_FIELDS: FieldSet<'blueTokenId' | 'blueTokenSecret' | 'blueCompanyId' | 'blueProjectId'> = {
  service: 'Blue',
  fields: {
    blueTokenId: 'Blue Token ID',
    blueTokenSecret: 'Blue Token Secret',
    blueCompanyId: 'Blue Company ID',
    blueProjectId: 'Blue Project ID',
  },
};

export interface BlueCredentials {
  tokenId: string;
  tokenSecret: string;
  companyId: string;
  projectId: string;
}

export const DEFAULT_BLUE_API_URL = 'https://api.blue.cc/graphql';

/** BLUE_API_URL overrides the endpoint (beta API, tests, the local sandbox). */
export function blueApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.BLUE_API_URL?.trim() || DEFAULT_BLUE_API_URL;
}

/** Blue credentials from a connection, or a clear error saying which fields to add. */
export function requireBlueCredentials(z: ZObject, authData: Record<string, unknown>): BlueCredentials {
  const state = readFieldSet(BLUE_FIELDS, authData);
  if (state.state === 'complete') {
    // A connection saved before the connection test refused padding (see refusePadded).
    refusePadded(z, authData, BLUE_FIELDS.fields);
    const v = state.values;
    return {
      tokenId: v.blueTokenId,
      tokenSecret: v.blueTokenSecret,
      companyId: v.blueCompanyId,
      projectId: v.blueProjectId,
    };
  }
  const missing = state.state === 'partial' ? state.missing : Object.values(BLUE_FIELDS.fields);
  throw new z.errors.Error(
    `This connection has no Blue credentials: add ${listLabels(missing)} to the connection ` +
      `(or pick a connection that has them) to use Blue triggers and actions.`,
    'blue_credentials_missing',
    400,
  );
}
