// The Codat company and connection dropdowns: one Codat page per Zapier page, labels that tell
// same-named companies apart, and no request for connections until a company is chosen.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { COMPANY_DROPDOWN } from '../../triggers/codat_company_list.js';
import { caught } from '../support/errors.js';
import { COMPANIES_PAGE, CONNECTIONS_PAGE, ERROR_COMPANY_NOT_FOUND } from '../codat/platform-fixtures.js';
import '../support/nock-release.js';

const appTester = zapier.createAppTester(App);
const API = 'https://api.codat.io';
const authData = { codatApiKey: 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed' };
type Polling = { perform: unknown; canPaginate?: boolean };
const companies = App.triggers.codat_company_list.operation as Polling;
const connections = App.triggers.codat_connection_list.operation as Polling;
const run = (fn: unknown, bundle: Record<string, unknown>) =>
  appTester(fn as never, { authData, ...bundle } as unknown as Bundle);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('codat_company_list', () => {
  it('is hidden, paginated and exported as the dropdown the Codat inputs use', () => {
    expect(App.triggers.codat_company_list.display.hidden).toBe(true);
    expect(companies.canPaginate).toBe(true);
    expect(COMPANY_DROPDOWN).toBe('codat_company_list.id.label');
  });

  it("Zapier's page 0 and 2 are Codat's pages 1 and 3, 100 companies each", async () => {
    const scope = nock(API)
      .get('/companies')
      .query({ page: '1', pageSize: '100' })
      .reply(200, COMPANIES_PAGE)
      .get('/companies')
      .query({ page: '3', pageSize: '100' })
      .reply(200, { ...COMPANIES_PAGE, results: [], pageNumber: 3 });
    await expect(run(companies.perform, { meta: { page: 0 } })).resolves.toEqual([
      {
        id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
        name: 'My Test Company',
        label: 'My Test Company (created 2022-01-01)',
      },
    ]);
    await expect(run(companies.perform, { meta: { page: 2 } })).resolves.toEqual([]);
    scope.done();
  });

  it('a 404 for a page past the last one (or no companies) ends the list instead of failing the dropdown', async () => {
    const scope = nock(API).get('/companies').query({ page: '2', pageSize: '100' }).reply(404, ERROR_COMPANY_NOT_FOUND);
    await expect(run(companies.perform, { meta: { page: 1 } })).resolves.toEqual([]);
    scope.done();
  });

  it('without an API key says which field to add', async () => {
    const err = await caught(appTester(companies.perform as never, { authData: {}, meta: {} } as unknown as Bundle));
    expect(err.message).toContain('"Codat API Key"');
  });
});

describe('codat_connection_list', () => {
  it('lists nothing, without a request, until a company is chosen', async () => {
    await expect(run(connections.perform, { inputData: {}, meta: {} })).resolves.toEqual([]);
  });

  it.each([
    ['a mapped value', '{{123__id}}'],
    ['a name', 'Acme Ltd'],
  ])(
    'lists nothing, without a request or an error, while the company is %s rather than an ID',
    async (_what, companyId) => {
      await expect(run(connections.perform, { inputData: { companyId }, meta: { page: 0 } })).resolves.toEqual([]);
      expect(nock.pendingMocks()).toEqual([]);
    },
  );

  it('a 404 past the last page ends the list; on the first page it says the company was not found', async () => {
    const company = '86bd88cb-44ab-4dfb-b32f-87b19b14287f';
    const scope = nock(API)
      .get(`/companies/${company}/connections`)
      .query({ page: '2', pageSize: '100' })
      .reply(404, ERROR_COMPANY_NOT_FOUND)
      .get(`/companies/${company}/connections`)
      .query({ page: '1', pageSize: '100' })
      .reply(404, ERROR_COMPANY_NOT_FOUND);
    await expect(run(connections.perform, { inputData: { companyId: company }, meta: { page: 1 } })).resolves.toEqual(
      [],
    );
    const err = await caught(run(connections.perform, { inputData: { companyId: company }, meta: { page: 0 } }));
    expect(err.code).toBe('codat_not_found');
    expect(err.message).toContain(`the company ${company}`);
    scope.done();
  });

  it("lists the chosen company's connections with platform, type and status", async () => {
    const company = '86bd88cb-44ab-4dfb-b32f-87b19b14287f';
    const scope = nock(API)
      .get(`/companies/${company}/connections`)
      .query({ page: '1', pageSize: '100' })
      .reply(200, CONNECTIONS_PAGE);
    await expect(run(connections.perform, { inputData: { companyId: company }, meta: { page: 0 } })).resolves.toEqual([
      { id: 'ee2eb431-c0fa-4dc9-93fa-d29781c12bcd', platformName: 'Basiq', label: 'Basiq (Banking, Linked)' },
    ]);
    scope.done();
  });
});
