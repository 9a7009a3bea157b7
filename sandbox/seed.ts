// Demo data and credentials for the sandbox. The credentials are fake and only valid against the
// local servers; they are printed on purpose so `zapier-platform invoke` can use them.
import type { BlueStore } from './blue-server.js';
import { emptyStore } from './blue-server.js';
import type { PlatformCompany } from './codat-platform.js';

export const DEMO = {
  codat: {
    clientId: 'sandbox-client-0001',
    // Shaped like a real key (sk_integ_...<region>); the region is ignored because
    // CODAT_WEBHOOKS_API_URL points the app at the sandbox.
    zapierKey: 'sk_integ_sandbox0000000000000000.us',
    // The Platform API key (Basic auth); CODAT_API_URL points the app at the sandbox.
    apiKey: 'sandbox-codat-api-key-not-a-real-one',
  },
  blue: {
    tokenId: 'sandbox-token-id',
    tokenSecret: 'sandbox-token-secret-not-a-real-one',
    companyId: 'acme-demo',
    projectId: 'client-onboarding',
  },
  ids: {
    user: 'csandboxuser0000000000001',
    user2: 'csandboxuser0000000000002',
    company: 'csandboxcompany0000000001',
    project: 'csandboxproject000000001',
    listNew: 'csandboxlist0000000000001',
    listDone: 'csandboxlist0000000000002',
    fieldStage: 'csandboxfield000000000001',
    fieldStageNew: 'csandboxoption00000000001',
    fieldStageKyc: 'csandboxoption00000000002',
    fieldCodatId: 'csandboxfield000000000002',
    fieldAmount: 'csandboxfield000000000003',
    tagCodat: 'csandboxtag00000000000001',
  },
} as const;

/** authData for a connection holding both services, as Zapier would pass it. */
export function demoAuthData(): Record<string, string> {
  return {
    codatClientId: DEMO.codat.clientId,
    codatZapierKey: DEMO.codat.zapierKey,
    codatApiKey: DEMO.codat.apiKey,
    blueTokenId: DEMO.blue.tokenId,
    blueTokenSecret: DEMO.blue.tokenSecret,
    blueCompanyId: DEMO.blue.companyId,
    blueProjectId: DEMO.blue.projectId,
  };
}

/** A company "Acme Demo" with project "Client Onboarding": two lists, three custom fields, one tag. */
export function demoBlueStore(): BlueStore {
  const { ids } = DEMO;
  const store = emptyStore();
  store.users.push(
    {
      id: ids.user,
      uid: 'sandbox-user-1',
      username: 'ada',
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      fullName: 'Ada Lovelace',
    },
    {
      id: ids.user2,
      uid: 'sandbox-user-2',
      username: 'grace',
      email: 'grace@example.com',
      firstName: 'Grace',
      lastName: 'Hopper',
      fullName: 'Grace Hopper',
    },
  );
  store.tokens.push({ id: DEMO.blue.tokenId, secret: DEMO.blue.tokenSecret, userId: ids.user });
  store.companies.push({ id: ids.company, uid: 'sandbox-company', slug: DEMO.blue.companyId, name: 'Acme Demo' });
  store.projects.push({
    id: ids.project,
    uid: 'sandbox-project',
    slug: DEMO.blue.projectId,
    name: 'Client Onboarding',
    description: 'Companies connected through Codat, one record each.',
    companyId: ids.company,
    userIds: [ids.user, ids.user2],
  });
  store.todoLists.push(
    { id: ids.listNew, uid: 'sandbox-list-new', title: 'New Clients', position: 65535, projectId: ids.project },
    { id: ids.listDone, uid: 'sandbox-list-done', title: 'Onboarded', position: 131070, projectId: ids.project },
  );
  store.customFields.push(
    {
      id: ids.fieldStage,
      uid: 'sandbox-field-stage',
      name: 'Stage',
      type: 'SELECT_SINGLE',
      position: 1,
      projectId: ids.project,
      currency: null,
      options: [
        { id: ids.fieldStageNew, uid: 'sandbox-option-new', title: 'New', color: '#4a9fff', position: 1 },
        { id: ids.fieldStageKyc, uid: 'sandbox-option-kyc', title: 'KYC', color: '#ffb300', position: 2 },
      ],
    },
    {
      id: ids.fieldCodatId,
      uid: 'sandbox-field-codat',
      name: 'Codat Company ID',
      type: 'TEXT_SINGLE',
      position: 2,
      projectId: ids.project,
      currency: null,
      options: [],
    },
    {
      id: ids.fieldAmount,
      uid: 'sandbox-field-amount',
      name: 'Loan Amount',
      type: 'CURRENCY',
      position: 3,
      projectId: ids.project,
      currency: 'USD',
      options: [],
    },
  );
  store.tags.push({
    id: ids.tagCodat,
    uid: 'sandbox-tag-codat',
    title: 'Codat',
    color: '#6b4eff',
    projectId: ids.project,
  });
  return store;
}

/** The body of a company.created event, shaped like Codat's example (an envelope's `payload`). */
export function demoCompany(name = 'Bank of Dave'): Record<string, unknown> {
  return {
    id: '0498e921-9b53-4396-a412-4f2f5983b0a2',
    name,
    description: 'Requested a loan for refurb.',
    redirect: 'https://link.codat.io/company/0498e921-9b53-4396-a412-4f2f5983b0a2',
    lastSync: null,
    created: new Date().toISOString(),
    tags: { customerRegion: 'us' },
  };
}

/** The Platform API's companies: "Bank of Dave" (as in the company.created event), linked to Xero. */
export function demoPlatformCompanies(): PlatformCompany[] {
  const id = '0498e921-9b53-4396-a412-4f2f5983b0a2';
  const connectionId = '51baa045-4836-4317-a42e-3542e991e581';
  return [
    {
      id,
      name: 'Bank of Dave',
      description: 'Requested a loan for refurb.',
      redirect: `https://link.codat.io/company/${id}`,
      lastSync: '2026-01-05T09:30:00.000Z',
      created: '2026-01-05T09:00:00.000Z',
      createdByUserName: 'Sandbox API key',
      products: ['lending'],
      tags: { customerRegion: 'us' },
      dataConnections: [
        {
          id: connectionId,
          integrationId: '1c312d69-e638-46d4-ad31-72e6c3ba8390',
          integrationKey: 'gbol',
          sourceId: '8a156a5a-39cb-4f9d-856e-76ef9b9a9607',
          platformName: 'Xero',
          linkUrl: `https://link-api.codat.io/companies/${id}/connections/${connectionId}/start`,
          status: 'Linked',
          lastSync: '2026-01-05T09:30:00.000Z',
          created: '2026-01-05T09:05:00Z',
          sourceType: 'Accounting',
        },
      ],
    },
  ];
}
