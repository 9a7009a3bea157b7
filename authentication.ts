// One custom authentication for both services: a connection may hold Codat, Blue or both.
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import * as zod from './common/zod.js';
import { listLabels, readFieldSet, refusePadded } from './common/auth-fields.js';
import { codatRequest } from './codat/client.js';
import { CODAT_FIELDS } from './codat/config.js';
import { API_KEY_FIELD, API_KEY_LABEL, platformRequest, readApiKey, requireApiKey } from './codat/platform.js';
import { unsendableError, unsendableInHeader } from './common/http.js';
import { companyPageSchema } from './codat/company.js';
import { blueQuery } from './blue/client.js';
import { gql } from './blue/gql.js';
import { BLUE_FIELDS } from './blue/config.js';

const AUTH_TEST_QUERY = gql`
  query ZapierAuthTest($projectId: String) {
    currentUser { id fullName email }
    project(id: $projectId) { id name slug }
  }
`;

const blueAuthData = zod.lazy(() =>
  zod.object({
    currentUser: zod.object({
      id: zod.string(),
      fullName: zod.nullish(zod.string()),
      email: zod.nullish(zod.string()),
    }),
    project: zod.object({ id: zod.string(), name: zod.string(), slug: zod.nullish(zod.string()) }),
  }),
);

const svixEndpointPage = zod.lazy(() => zod.looseObject({ data: zod.array(zod.unknown()) }));

export interface AuthTestResult {
  codat?: { clientId: string };
  /** The Codat API Key worked; only the count is kept (the label never shows the key). */
  codatApi?: { totalCompanies: number };
  blue?: { userName: string; userEmail?: string; projectId: string; projectName: string };
}

const test = async (z: ZObject, bundle: Bundle): Promise<AuthTestResult> => {
  const codat = readFieldSet(CODAT_FIELDS, bundle.authData);
  const blue = readFieldSet(BLUE_FIELDS, bundle.authData);
  const apiKey = readApiKey(bundle.authData[API_KEY_FIELD]);
  const incomplete = [codat, blue].flatMap((s) => (s.state === 'partial' ? s.missing : []));
  if (incomplete.length) {
    throw new z.errors.Error(
      `Some connection fields are missing: fill in ${listLabels(incomplete)}, or clear that service's fields ` +
        `if this connection should not use it.`,
      'auth_fields_missing',
      400,
    );
  }
  // The app sends trimmed values, but core scrubs the stored (padded) ones from its logs.
  refusePadded(z, bundle.authData, { ...CODAT_FIELDS.fields, [API_KEY_FIELD]: API_KEY_LABEL, ...BLUE_FIELDS.fields });
  // Refused before any call, so the first service's answer cannot hide what is wrong with another's field.
  if (apiKey.state === 'invalid') requireApiKey(z, bundle.authData);
  const headerFields: [key: string, service: string, label: string][] = [
    ['codatZapierKey', 'Codat', CODAT_FIELDS.fields.codatZapierKey],
    ...Object.entries(BLUE_FIELDS.fields).map(([key, label]): [string, string, string] => [key, 'Blue', label]),
  ];
  for (const [key, service, field] of headerFields) {
    if (unsendableInHeader(bundle.authData[key]))
      throw unsendableError(z, { service, field, action: 'check the connection' });
  }
  if (codat.state === 'empty' && blue.state === 'empty' && apiKey.state === 'empty') {
    throw new z.errors.Error(
      `Fill in at least one service: Codat (${listLabels(Object.values(CODAT_FIELDS.fields))} for triggers, ` +
        `"${API_KEY_LABEL}" for actions) or Blue (${listLabels(Object.values(BLUE_FIELDS.fields))}), or both.`,
      'auth_fields_missing',
      400,
    );
  }

  const result: AuthTestResult = {};
  if (codat.state === 'complete') {
    await codatRequest(z, bundle, {
      method: 'GET',
      path: '/endpoint',
      params: { limit: 1 },
      action: 'check the Codat credentials',
      notFound: `a Codat webhook application for Client ID ${codat.values.codatClientId}`,
      schema: svixEndpointPage,
    });
    result.codat = { clientId: codat.values.codatClientId };
  }
  if (apiKey.state !== 'empty') {
    // One company is the cheapest authenticated Platform call; an unusable key fails before it.
    const page = await platformRequest(z, bundle, {
      method: 'GET',
      path: '/companies',
      params: { page: 1, pageSize: 1 },
      action: 'check the Codat API Key',
      notFound: 'the companies endpoint',
      schema: companyPageSchema,
      // Codat answers 401/403 for a bad key; a 404 (listed in the spec for GET /companies) means the
      // key was accepted and there was nothing to list, e.g. a new instance without companies.
      allowNotFound: true,
    });
    result.codatApi = { totalCompanies: page?.totalResults ?? 0 };
  }
  if (blue.state === 'complete') {
    const data = await blueQuery(z, bundle, {
      query: AUTH_TEST_QUERY,
      variables: { projectId: blue.values.blueProjectId },
      action: 'check the Blue credentials',
      schema: blueAuthData,
    });
    result.blue = {
      userName: data.currentUser.fullName || data.currentUser.email || data.currentUser.id,
      ...(data.currentUser.email ? { userEmail: data.currentUser.email } : {}),
      projectId: data.project.id,
      projectName: data.project.name,
    };
  }
  return result;
};

/** "Codat <client id> + Blue <project> (<user>)": identifies the account, never shows a secret. */
export function connectionLabel(_z: ZObject, bundle: Bundle): Promise<string> {
  const data = bundle.inputData as AuthTestResult;
  const parts: string[] = [];
  if (data.codat) parts.push(`Codat ${data.codat.clientId}`);
  else if (data.codatApi) parts.push('Codat (API key)');
  if (data.blue) parts.push(`Blue ${data.blue.projectName} (${data.blue.userName})`);
  return Promise.resolve(parts.join(' + '));
}

const CODAT_DOCS = 'https://docs.codat.io/using-the-api/webhooks/zapier-integration';
const CODAT_ROTATE = 'https://docs.codat.io/platform-api#/operations/rotate-zapier-key';
const BLUE_TOKEN_DOCS = 'https://documentation.blue.cc/api/authentication';

export const authentication = {
  type: 'custom',
  test,
  connectionLabel,
  fields: [
    {
      key: 'codatClientId',
      label: 'Codat Client ID',
      required: false,
      helpText:
        `Needed for Codat triggers. In the [Codat Portal](https://app.codat.io), open the client selection ` +
        `dropdown (your instance's name) and copy the Client ID shown there ([guide](${CODAT_DOCS})).`,
    },
    {
      key: 'codatZapierKey',
      label: 'Codat Zapier Integration Key',
      type: 'password',
      required: false,
      helpText:
        `Needed for Codat triggers. Generate it with Codat's [rotate Zapier key endpoint](${CODAT_ROTATE}) ` +
        `(POST /webhooks/integrationKeys/zapier). Codat keeps one live key: generating a new one revokes ` +
        `the previous key in every connection that uses it.`,
    },
    {
      key: API_KEY_FIELD,
      label: API_KEY_LABEL,
      type: 'password',
      required: false,
      helpText:
        `Needed for Codat actions (create, find and refresh companies); triggers work without it. Copy the API key, ` +
        `or the whole Authorization header, from the [Codat Portal](https://app.codat.io/developers/api-keys) ` +
        `under Developers > API keys.`,
    },
    {
      key: 'blueTokenId',
      label: 'Blue Token ID',
      required: false,
      helpText: `Needed for Blue. Create an API token in Blue under Profile > API ([how](${BLUE_TOKEN_DOCS})).`,
    },
    {
      key: 'blueTokenSecret',
      label: 'Blue Token Secret',
      type: 'password',
      required: false,
      helpText: `Shown once by Blue when you create the API token ([how](${BLUE_TOKEN_DOCS})).`,
    },
    {
      key: 'blueCompanyId',
      label: 'Blue Company ID',
      required: false,
      helpText:
        `Id or slug of your Blue company, as in its address in [Blue](https://app.blue.cc): ` +
        `\`acme\` in app.blue.cc/company/acme/... ([headers](${BLUE_TOKEN_DOCS})).`,
    },
    {
      key: 'blueProjectId',
      label: 'Blue Project ID',
      required: false,
      helpText:
        `Id or slug of the default Blue project for triggers and actions; it is in the project's address in ` +
        `[Blue](https://app.blue.cc) ([headers](${BLUE_TOKEN_DOCS})).`,
    },
  ],
} satisfies Authentication;

export default authentication;
