// Create Company: one POST /companies with the spec's CompanyRequestBody, the company (Link URL
// first) out; bad input refused before any request.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../index.js';
import { caught } from '../support/errors.js';
import { platformSpec } from '../support/codat-spec.js';
import { COMPANY_WITH_TAG, ERROR_PAYMENT_REQUIRED } from '../codat/platform-fixtures.js';
import '../support/nock-release.js';
import { createCompanyBody } from '../../codat/company.js';

/** Enough of z for the pure body builder: its errors. */
const fakeZ = { errors: { Error: class extends Error {} } } as unknown as ZObject;

const appTester = zapier.createAppTester(App);
const perform = App.creates.codat_create_company.operation.perform;
const API = 'https://api.codat.io';
const KEY = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';
const authData = { codatApiKey: KEY };
const spec = platformSpec();

const run = (inputData: Record<string, unknown>) =>
  appTester(perform as never, { authData, inputData } as unknown as Bundle);

function codat(reply: [number, unknown]) {
  const calls: { body: Record<string, unknown>; headers: Record<string, unknown> }[] = [];
  const scope = nock(API)
    .post('/companies')
    .reply(function (_uri, body) {
      calls.push({ body: body as Record<string, unknown>, headers: this.req.headers });
      return [reply[0], JSON.stringify(reply[1]), { 'content-type': 'application/json' }];
    });
  return { calls, scope };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('codat_create_company', () => {
  it('sends name, description and tags as the spec body, with Basic auth, and returns the company', async () => {
    const { calls, scope } = codat([200, COMPANY_WITH_TAG]);
    const result = await run({
      name: '  Technicalium ',
      description: 'CRM lead 42',
      tags: { region: 'us', ' uid ': 'lead-42', '': '' },
    });
    scope.done();
    expect(calls).toHaveLength(1);
    const body = calls[0]!.body;
    expect(body).toEqual({ name: 'Technicalium', description: 'CRM lead 42', tags: { region: 'us', uid: 'lead-42' } });
    if (spec) expect(spec.errors('/components/schemas/CompanyRequestBody', body)).toEqual([]);
    expect(calls[0]!.headers.authorization).toBe(`Basic ${Buffer.from(KEY).toString('base64')}`);
    expect(calls[0]!.headers['content-type']).toBe('application/json');
    expect(result).toEqual({
      id: 'ab12c58d-a678-4ebf-a159-ae99e1807bd0',
      name: 'Technicalium',
      redirect: 'https://link.codat.io/company/ab12c58d-a678-4ebf-a159-ae99e1807bd0',
      description: '',
      created: '2022-11-10T10:45:18.1950523Z',
      lastSync: null,
      createdByUserName: 'Dan Tzabar',
      products: ['spend-insights'],
      tags: { region: 'us' },
      dataConnections: [],
    });
    // The Link URL is what the next step emails: it comes right after the name.
    expect(Object.keys(result as object).slice(0, 3)).toEqual(['id', 'name', 'redirect']);
  });

  it('sends only the name when nothing else is filled', async () => {
    const { calls } = codat([200, COMPANY_WITH_TAG]);
    await run({ name: 'Technicalium', description: '', tags: {} });
    expect(calls[0]!.body).toEqual({ name: 'Technicalium' });
  });

  it('reports the Free plan company limit (402) as such', async () => {
    codat([402, ERROR_PAYMENT_REQUIRED]);
    const err = await caught(run({ name: 'Technicalium' }));
    expect(err.code).toBe('codat_limit_reached');
    expect(err.message).toMatch(/account limit was reached: You have exceeded the 50-company limit/);
  });

  describe('refuses impossible input before sending', () => {
    const tooMany = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['no name', { name: '  ' }, /Name is empty/],
      ['a name Codat would empty', { name: '(株式会社)' }, /no character Codat keeps/],
      ['11 tags', { name: 'A', tags: tooMany }, /at most 10 tags per company, not 11/],
      ['a 28-character tag key', { name: 'A', tags: { ['k'.repeat(28)]: 'v' } }, /longer than Codat's 27 characters/],
      [
        'a 101-character tag value',
        { name: 'A', tags: { region: 'x'.repeat(101) } },
        /longer than Codat's 100 characters/,
      ],
      ['a tag value without key', { name: 'A', tags: { ' ': 'orphan' } }, /has no key/],
      ['tags that are not pairs', { name: 'A', tags: 'region=uk' }, /key\/value pairs/],
    ];
    it.each(cases)('%s', async (_name, inputData, message) => {
      const err = await caught(run(inputData));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toMatch(message);
      // nock has no interceptor and net connect is off: any request would have failed differently.
      expect(err.message).not.toMatch(/could not be reached/);
    });

    it(spec ? 'the spec refuses those bodies too' : 'spec absent: the pinned limits refuse those bodies', () => {
      const bodies = [
        { name: '(株式会社)' },
        { name: 'A', tags: tooMany },
        { name: 'A', tags: { ['k'.repeat(28)]: 'v' } },
        { name: 'A', tags: { region: 'x'.repeat(101) } },
      ];
      for (const body of bodies) {
        if (spec) expect(spec.errors('/components/schemas/CompanyRequestBody', body)).not.toEqual([]);
        else expect(() => createCompanyBody(fakeZ, body)).toThrow();
      }
    });

    it('accepts the limits themselves (10 tags, 27-character keys, 100-character values)', () => {
      const tags = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`${i}`.padEnd(27, 'k'), 'v'.repeat(100)]));
      const body = createCompanyBody(fakeZ, { name: "O'Brien & Sons, Ltd.", tags });
      expect(body).toEqual({ name: "O'Brien & Sons, Ltd.", tags });
      if (spec) expect(spec.errors('/components/schemas/CompanyRequestBody', body)).toEqual([]);
    });
  });
});
