import { describe, expect, it, afterEach, beforeAll } from '@jest/globals';
import nock from 'nock';
import zapier from 'zapier-platform-core';
import App from '../index.js';

const appTester = zapier.createAppTester(App);

describe('smoke', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  it('codat auth test', async () => {
    const scope = nock('https://api.us.svix.com')
      .get('/api/v1/app/client-1/endpoint')
      .query({ limit: '1' })
      .matchHeader('authorization', 'Bearer sk_integ_abc.us')
      .reply(200, { data: [], done: true });
    const bundle = { authData: { codatClientId: 'client-1', codatZapierKey: 'sk_integ_abc.us' } };
    const result = await appTester(App.authentication!.test as never, bundle as never);
    expect(result).toEqual({ codat: { clientId: 'client-1' } });
    scope.done();
  });
});
