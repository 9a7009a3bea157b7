// Blue's GraphQL error messages end the sentence themselves ("Invalid token."); the app's message
// around them must not end up with a doubled period.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
const authData = {
  blueTokenId: 'tok-id-1',
  blueTokenSecret: 'tok-SECRET-456',
  blueCompanyId: 'acme',
  blueProjectId: 'sales',
};
const testAuth = () => appTester(App.authentication!.test as never, { authData } as unknown as Bundle);

beforeAll(() => {
  delete process.env.BLUE_API_URL;
  nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

describe('Blue error messages', () => {
  it.each([
    [
      'UNAUTHENTICATED',
      'Invalid token.',
      'Blue rejected the API token (Token ID tok-id-1): Invalid token. The token may',
    ],
    [
      'FORBIDDEN',
      'You are not allowed to do this.',
      'Blue refused permission to check the Blue credentials: You are not allowed to do this. Check',
    ],
    [
      'BAD_USER_INPUT',
      '  Title is required.  ',
      'Blue rejected the input to check the Blue credentials: Title is required.',
    ],
  ])("%s: Blue's %j reads as one sentence", async (code, message, expected) => {
    nock('https://api.blue.cc')
      .post('/graphql')
      .reply(200, { data: null, errors: [{ message, extensions: { code } }] });
    const err = await caught(testAuth());
    expect(err.message).toContain(expected);
    expect(err.message).not.toMatch(/\.\./);
  });

  it('joins several errors without their own periods', async () => {
    nock('https://api.blue.cc')
      .post('/graphql')
      .reply(200, {
        data: null,
        errors: [
          { message: 'Title is required.', extensions: { code: 'BAD_USER_INPUT' } },
          { message: 'List is archived.', extensions: { code: 'BAD_USER_INPUT' } },
        ],
      });
    const err = await caught(testAuth());
    expect(err.message).toContain(': Title is required; List is archived.');
  });
});
