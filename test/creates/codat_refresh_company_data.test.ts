// Refresh Company Data: POST /companies/{id}/data/all (204) for every data type, or
// POST /companies/{id}/data/queue/{dataType}[?connectionId=] (a PullOperation) for one.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { caught } from '../support/errors.js';
import { ERROR_CONNECTION_NOT_FOUND, PULL_OPERATION } from '../codat/platform-fixtures.js';
import '../support/nock-release.js';
import { fixedInputFields } from '../support/fields.js';

const appTester = zapier.createAppTester(App);
const action = App.creates.codat_refresh_company_data;
const API = 'https://api.codat.io';
const authData = { codatApiKey: 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed' };
const COMPANY = '4645bd78-8988-45bc-ac9e-67ba5df6e4e5';
const CONNECTION = '51baa045-4836-4317-a42e-3542e991e581';

const run = (inputData: Record<string, unknown>) =>
  appTester(action.operation.perform as never, { authData, inputData } as unknown as Bundle);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('codat_refresh_company_data', () => {
  it('all data types: one bodiless POST /data/all; 204 = queued', async () => {
    let body: unknown = 'unset';
    const scope = nock(API)
      .post(`/companies/${COMPANY}/data/all`, (b) => {
        body = b;
        return true;
      })
      .reply(204);
    const result = await run({ companyId: COMPANY, dataType: '', connectionId: '' });
    scope.done();
    expect(body).toBe('');
    expect(result).toEqual({
      companyId: COMPANY,
      dataType: 'all',
      status: 'Queued',
      id: null,
      connectionId: null,
      statusDescription: null,
      requested: null,
      progress: null,
      isCompleted: null,
      isErrored: null,
    });
  });

  it('one data type on one connection: connectionId in the query, the pull operation out', async () => {
    const scope = nock(API)
      .post(`/companies/${COMPANY}/data/queue/invoices`)
      .query({ connectionId: CONNECTION })
      .reply(200, PULL_OPERATION);
    const result = await run({ companyId: COMPANY, dataType: 'invoices', connectionId: CONNECTION });
    scope.done();
    expect(result).toEqual({
      companyId: COMPANY,
      dataType: 'invoices',
      status: 'Initial',
      id: '97d60846-f07a-4d42-b5a0-0bdcc6ebf56b',
      connectionId: CONNECTION,
      statusDescription: 'Paused until 2022-10-23T00:00:00.000Z',
      requested: '2022-11-14T11:18:37.2798351Z',
      progress: 10,
      isCompleted: false,
      isErrored: false,
    });
  });

  it('one data type on every connection: no query string', async () => {
    const scope = nock(API)
      .post(`/companies/${COMPANY}/data/queue/banking-accounts`)
      .query((q) => Object.keys(q).length === 0)
      .reply(200, { ...PULL_OPERATION, dataType: 'banking-accounts' });
    await expect(run({ companyId: COMPANY, dataType: 'banking-accounts' })).resolves.toMatchObject({
      dataType: 'banking-accounts',
    });
    scope.done();
  });

  it('a 404 names the company and the connection', async () => {
    nock(API).post(`/companies/${COMPANY}/data/queue/invoices`).query(true).reply(404, ERROR_CONNECTION_NOT_FOUND);
    const err = await caught(run({ companyId: COMPANY, dataType: 'invoices', connectionId: CONNECTION }));
    expect(err.code).toBe('codat_not_found');
    expect(err.message).toContain(`the company ${COMPANY} or its connection ${CONNECTION}`);
    expect(err.message).toContain('Data connection a22dd66b-564a-4832-9b37-7b3ce4aeb7de not found');
  });

  it('offers every data type as a choice; the company and connection as dropdowns', () => {
    const fields = fixedInputFields<{
      key: string;
      dynamic?: string;
      choices?: Record<string, string>;
    }>(action.operation.inputFields);
    expect(fields.find((f) => f.key === 'companyId')?.dynamic).toBe('codat_company_list.id.label');
    expect(fields.find((f) => f.key === 'connectionId')?.dynamic).toBe('codat_connection_list.id.label');
    const choices = fields.find((f) => f.key === 'dataType')?.choices ?? {};
    expect(Object.keys(choices)).toHaveLength(43);
    expect(choices['banking-accounts']).toBe('Banking: Accounts');
  });

  describe('refuses impossible input before sending', () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['no company', { companyId: '' }, /Company is empty/],
      ['a company that is not an ID', { companyId: 'Technicalium' }, /not a Codat company ID/],
      ['an unknown data type', { companyId: COMPANY, dataType: 'invoice' }, /"invoice" is not a Codat data type/],
      [
        'a connection without data type',
        { companyId: COMPANY, connectionId: CONNECTION },
        /Connection needs a Data Type/,
      ],
      [
        'a connection that is not an ID',
        { companyId: COMPANY, dataType: 'invoices', connectionId: 'Xero' },
        /"Xero" is not a Codat connection ID/,
      ],
    ];
    it.each(cases)('%s', async (_name, inputData, message) => {
      const err = await caught(run(inputData));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toMatch(message);
    });
  });
});
