// Credential values the connection test refuses before sending: padded ones (issue 13.4: core
// scrubs the stored, padded value from its logs, while the app sends the trimmed one), and ones
// an HTTP header cannot carry (issue 13.7: said as such, naming the field, not as a network error).
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../index.js';
import { caught } from './support/errors.js';

const appTester = zapier.createAppTester(App);
const testAuth = (authData: Record<string, string>) =>
  appTester(App.authentication!.test as never, { authData } as unknown as Bundle);

const codat = { codatClientId: 'client-1', codatZapierKey: 'sk_integ_PADDEDKEY123.us' };
const blue = {
  blueTokenId: 'tok-id-1',
  blueTokenSecret: 'tok-SECRET-456',
  blueCompanyId: 'acme',
  blueProjectId: 'sales',
};

beforeAll(() => {
  delete process.env.CODAT_WEBHOOKS_API_URL;
  delete process.env.BLUE_API_URL;
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

describe('connection test with padded values', () => {
  it.each([
    ['Codat Zapier Integration Key', { ...codat, codatZapierKey: ` ${codat.codatZapierKey}` }],
    ['Codat Zapier Integration Key', { ...codat, codatZapierKey: `${codat.codatZapierKey}\n` }],
    ['Blue Token Secret', { ...blue, blueTokenSecret: `${blue.blueTokenSecret}  ` }],
    ['Blue Token ID', { ...blue, blueTokenId: `\t${blue.blueTokenId}` }],
  ])('refuses a padded "%s" before any call, asking to remove the spaces', async (label, authData) => {
    const err = await caught(testAuth(authData));
    expect(err.name).toBe('AppError');
    expect(err.code).toBe('auth_fields_padded');
    expect(err.message).toBe(
      `Remove the spaces or line breaks before or after the value of "${label}", then save the connection again.`,
    );
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('names every padded field at once', async () => {
    const err = await caught(testAuth({ ...codat, codatClientId: 'client-1 ', ...blue, blueTokenSecret: ' x-secret' }));
    expect(err.message).toMatch(/"Codat Client ID" and "Blue Token Secret"/);
  });

  it('accepts unpadded values', async () => {
    nock('https://api.us.svix.com')
      .get('/api/v1/app/client-1/endpoint')
      .query(true)
      .reply(200, { data: [], iterator: null, done: true });
    await expect(testAuth(codat)).resolves.toEqual({ codat: { clientId: 'client-1' } });
  });
});

describe('connection test with a value HTTP headers cannot carry', () => {
  it.each([
    ['Codat Zapier Integration Key', { ...codat, codatZapierKey: 'sk_integ_PADDED\r\nX-Injected: 1' }],
    ['Codat Zapier Integration Key', { ...codat, codatZapierKey: 'sk_integ_PADDED\u2028KEY' }],
    ['Blue Token Secret', { ...blue, blueTokenSecret: 'tok-SECRET-€-456' }],
    ['Blue Token ID', { ...blue, blueTokenId: 'tok-id\n1' }],
    ['Blue Company ID', { ...blue, blueCompanyId: 'acmé-💥' }],
  ])('says the value of "%s" is invalid, not that the network failed, and sends nothing', async (label, authData) => {
    const err = await caught(testAuth(authData));
    expect(err.code).toBe('invalid_credential');
    expect(err.message).toMatch(
      new RegExp(`^The connection's "${label}" holds a character that cannot be sent to (Codat|Blue)`),
    );
    expect(err.message).not.toMatch(/network|temporary/);
    expect(err.message).not.toContain('PADDED');
    expect(err.message).not.toContain('SECRET');
    expect(nock.pendingMocks()).toEqual([]);
  });
});
