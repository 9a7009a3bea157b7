import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import { tagChoices } from '../../blue/dropdowns.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
const authData = {
  blueTokenId: 'tid',
  blueTokenSecret: 'tsecret-123',
  blueCompanyId: 'acme',
  blueProjectId: 'cproj00000000000000000001',
};

describe('blue_tag_list (Tags dropdown)', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  // nock's interceptor is process-wide: release it so test files run later in this worker get their own.
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });

  it.each([
    [undefined, 0],
    [0, 0],
    [3, 300],
  ])('filters tagList by the project and pages with bundle.meta.page %p', async (page, skip) => {
    let sent: { query: string; variables: unknown } | undefined;
    const scope = nock('https://api.blue.cc')
      .post('/graphql', (body: { query: string; variables: unknown }) => {
        sent = body;
        return true;
      })
      .matchHeader('x-bloo-company-id', 'acme')
      .matchHeader('x-bloo-project-id', 'cproj00000000000000000001')
      .reply(200, {
        data: { tagList: { items: [{ id: 't1', title: 'Urgent', color: '#f00' }], pageInfo: { hasNextPage: false } } },
      });
    const meta = page === undefined ? {} : { page };
    const result = await appTester(tagChoices, { authData, meta } as never);
    expect(result).toEqual([{ id: 't1', title: 'Urgent', color: '#f00' }]);
    expect(sent?.query).toMatch(/^query ZapierListTags\(\$filter: TagListFilter!/);
    expect(sent?.variables).toEqual({ filter: { projectIds: ['cproj00000000000000000001'] }, first: 100, skip });
    scope.done();
  });

  it('fails clearly on an unexpected response', async () => {
    nock('https://api.blue.cc')
      .post('/graphql')
      .reply(200, { data: { tagList: { items: [{ id: 1 }] } } });
    const err = await caught(appTester(tagChoices, { authData, meta: { page: 0 } } as never));
    expect(err.code).toBe('blue_invalid_response');
    expect(err.message).toMatch(/while trying to list the project's tags/);
  });

  it('asks to reconnect when the token is rejected', async () => {
    nock('https://api.blue.cc').post('/graphql').reply(401, 'Unauthorized');
    const err = await caught(appTester(tagChoices, { authData, meta: { page: 0 } } as never));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).not.toContain('tsecret-123');
  });
});
