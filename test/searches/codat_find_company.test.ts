// Find Company: GET /companies/{id} for an ID (404 = nothing found), GET /companies with `query`
// (exact name) and/or `tags` otherwise; every result is a company with its Link URL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { caught } from '../support/errors.js';
import {
  COMPANIES_PAGE,
  COMPANY_SIMPLE,
  ERROR_COMPANY_NOT_FOUND,
  ERROR_MALFORMED_QUERY,
} from '../codat/platform-fixtures.js';
import '../support/nock-release.js';

const appTester = zapier.createAppTester(App);
const search = App.searches.codat_find_company;
const API = 'https://api.codat.io';
const authData = { codatApiKey: 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed' };
const ID = 'ab12c58d-a678-4ebf-a159-ae99e1807bd0';

const run = (inputData: Record<string, unknown>) =>
  appTester(search.operation.perform as never, { authData, inputData } as unknown as Bundle);

/** A page of companies shaped like the spec's list example, with the given names. */
function page(names: string[]) {
  const [template] = COMPANIES_PAGE.results;
  return {
    ...COMPANIES_PAGE,
    results: names.map((name, i) => ({ ...template, id: `${ID.slice(0, -1)}${i}`, name })),
    totalResults: names.length,
  };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('codat_find_company', () => {
  it('by ID: one GET /companies/{id}, the company with its Link URL', async () => {
    const scope = nock(API).get(`/companies/${ID}`).reply(200, COMPANY_SIMPLE);
    const result = (await run({ companyId: ID })) as Record<string, unknown>[];
    scope.done();
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      id: ID,
      name: 'Toft stores holdings',
      redirect: `https://link.codat.io/company/${ID}`,
    });
  });

  it('by ID: a 404 is "nothing found", not an error', async () => {
    nock(API).get(`/companies/${ID}`).reply(404, ERROR_COMPANY_NOT_FOUND);
    await expect(run({ companyId: ID })).resolves.toEqual([]);
  });

  it('by name: query=name=<name> on page 1 of 100, exact matches only', async () => {
    let query: Record<string, string> = {};
    const scope = nock(API)
      .get('/companies')
      .query((q) => {
        query = q as Record<string, string>;
        return true;
      })
      .reply(200, page(['My Test Company', 'my test company', 'My Test Company Ltd']));
    const result = (await run({ name: ' My Test  Company ' })) as { name: string }[];
    scope.done();
    expect(query).toEqual({ page: '1', pageSize: '100', query: 'name=My Test Company' });
    // Case and spacing aside, only the same name: "... Ltd" is another company.
    expect(result.map((c) => c.name)).toEqual(['My Test Company', 'my test company']);
  });

  it('by name: searches the name as Codat stores it (forbidden characters dropped)', async () => {
    const scope = nock(API)
      .get('/companies')
      .query({ page: '1', pageSize: '100', query: 'name=Company Codat1' })
      .reply(200, page(['Company Codat1']));
    const result = (await run({ name: 'Company (Codat[1])' })) as { name: string }[];
    scope.done();
    expect(result.map((c) => c.name)).toEqual(['Company Codat1']);
  });

  it('by tags: the filter goes in `tags` as typed; every match is returned', async () => {
    const scope = nock(API)
      .get('/companies')
      .query({ page: '1', pageSize: '100', tags: 'region=uk && team=lending' })
      .reply(200, page(['A', 'B']));
    const result = (await run({ tagFilter: 'region=uk && team=lending' })) as unknown[];
    scope.done();
    expect(result).toHaveLength(2);
  });

  it('by name and tags together', async () => {
    const scope = nock(API)
      .get('/companies')
      .query({ page: '1', pageSize: '100', query: 'name=A', tags: 'uid=42' })
      .reply(200, page(['A']));
    await expect(run({ name: 'A', tagFilter: 'uid=42' })).resolves.toHaveLength(1);
    scope.done();
  });

  it('nothing found is an empty result', async () => {
    nock(API).get('/companies').query(true).reply(200, page([]));
    await expect(run({ name: 'Nobody' })).resolves.toEqual([]);
  });

  // The Platform spec lists a 404 for GET /companies: for a search it can only mean no match,
  // and Find or Create must then create rather than fail.
  it.each([
    ['name', { name: 'Nobody' }],
    ['tags', { tagFilter: 'uid=42' }],
  ])('by %s: a 404 from the company list is an empty result', async (_by, inputData) => {
    const scope = nock(API).get('/companies').query(true).reply(404, ERROR_COMPANY_NOT_FOUND);
    await expect(run(inputData)).resolves.toEqual([]);
    scope.done();
  });

  it("reports Codat's malformed-query 400 with its words", async () => {
    nock(API).get('/companies').query(true).reply(400, ERROR_MALFORMED_QUERY);
    const err = await caught(run({ tagFilter: 'region=' }));
    expect(err.code).toBe('codat_request_rejected');
    expect(err.message).toMatch(
      /search the Codat companies \(HTTP 400\): Error parsing query - Malformed query\. \(correlation id bc997528a9d7abb9161ef45f05d38599\)/,
    );
  });

  describe('refuses impossible searches before sending', () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['nothing to search by', { companyId: '', name: ' ', tagFilter: '' }, /Fill in Company, Name or Tag Filter/],
      ['an ID and a name', { companyId: ID, name: 'A' }, /Company alone, or by Name and\/or Tag Filter/],
      ['an ID that is not a UUID', { companyId: 'acme' }, /"acme" is not a Codat company ID/],
      ['a name Codat would empty', { name: '()' }, /no character Codat keeps/],
      ['a name with &&', { name: 'Smith && Sons' }, /reads as AND/],
      ['a tag filter without operator', { tagFilter: 'region uk' }, /has no operator/],
      ['a tag filter too long for Codat', { tagFilter: `uid=${'x'.repeat(2000)}` }, /longer than the 2,000 characters/],
    ];
    it.each(cases)('%s', async (_name, inputData, message) => {
      const err = await caught(run(inputData));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toMatch(message);
    });
  });
});

describe('Find or Create Company', () => {
  it('pairs Find Company with Create Company', () => {
    expect(App.searchOrCreates?.codat_find_company).toMatchObject({
      search: 'codat_find_company',
      create: 'codat_create_company',
    });
  });
});
