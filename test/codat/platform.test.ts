// The Codat API Key as a user may paste it (the key, or the Portal's whole header), the base URL,
// and the client's request: Basic auth with the Base64 key, JSON, the redacted failures.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../index.js';
import { platformBaseUrl, platformRequest, readApiKey } from '../../codat/platform.js';
import * as zod from '../../common/zod.js';
import { caught } from '../support/errors.js';
import { codatApiKeyForms } from '../support/secret-hygiene.js';
import '../support/nock-release.js';

const KEY = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0';
const B64 = Buffer.from(KEY).toString('base64');
const appTester = zapier.createAppTester(App);

describe('readApiKey', () => {
  it('encodes a raw key as Codat expects: Basic + Base64 of the key', () => {
    expect(readApiKey(`  ${KEY}\n`)).toEqual({ state: 'ok', auth: { header: `Basic ${B64}`, secrets: [KEY, B64] } });
  });

  it('takes the Portal header as is, with or without "Authorization:", in any case', () => {
    for (const pasted of [`Basic ${B64}`, `basic   ${B64}`, `Authorization: Basic ${B64}`]) {
      const read = readApiKey(pasted);
      expect(read.state).toBe('ok');
      if (read.state !== 'ok') continue;
      expect(read.auth.header).toBe(`Basic ${B64}`);
      // The decoded key is a secret too: a response may echo it.
      expect(read.auth.secrets).toEqual(expect.arrayContaining([B64, KEY]));
    }
  });

  it("takes the header's Base64 part pasted alone as the header, not as a key to encode again", () => {
    expect(B64).toMatch(/=$/);
    expect(readApiKey(` ${B64} `)).toEqual({ state: 'ok', auth: { header: `Basic ${B64}`, secrets: [B64, KEY] } });
    // Padded Base64 of something no key is (bytes outside printable ASCII) stays a raw key.
    const binary = Buffer.from([0xff, 0x00, 0x10, 0x80]).toString('base64');
    expect(readApiKey(binary)).toMatchObject({
      state: 'ok',
      auth: { header: `Basic ${Buffer.from(binary).toString('base64')}` },
    });
  });

  it('is empty when blank and refuses values no key has, without quoting them', () => {
    expect(readApiKey('')).toEqual({ state: 'empty' });
    expect(readApiKey('   ')).toEqual({ state: 'empty' });
    expect(readApiKey(undefined)).toEqual({ state: 'empty' });
    for (const bad of ['my key with spaces', 'Basic not*base64!', 'Basic abc', `ключ${KEY}`]) {
      const read = readApiKey(bad);
      expect(read.state).toBe('invalid');
      if (read.state === 'invalid') expect(read.reason).not.toContain(bad);
    }
  });
});

describe('platformBaseUrl', () => {
  it('is Codat production unless CODAT_API_URL says otherwise', () => {
    expect(platformBaseUrl({})).toBe('https://api.codat.io');
    expect(platformBaseUrl({ CODAT_API_URL: ' http://127.0.0.1:4010/ ' })).toBe('http://127.0.0.1:4010');
  });
});

describe('platformRequest', () => {
  const schema = zod.looseObject({ id: zod.string() });
  const call = (authData: Record<string, unknown>) =>
    appTester(
      ((z: ZObject, bundle: Bundle) =>
        platformRequest(z, bundle, {
          method: 'GET',
          path: '/companies/x',
          action: 'look up the company',
          notFound: 'the company x',
          schema,
        })) as never,
      { authData } as unknown as Bundle,
    );

  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    delete process.env.CODAT_API_URL;
  });
  afterAll(() => nock.enableNetConnect());

  it('sends Accept JSON and Basic auth to CODAT_API_URL, and parses the body', async () => {
    process.env.CODAT_API_URL = 'https://codat-platform.example.com';
    const scope = nock('https://codat-platform.example.com')
      .get('/companies/x')
      .matchHeader('authorization', `Basic ${B64}`)
      .matchHeader('accept', 'application/json')
      .reply(200, { id: 'x', extra: true });
    await expect(call({ codatApiKey: KEY })).resolves.toEqual({ id: 'x', extra: true });
    scope.done();
  });

  it('sends the pasted header unchanged to api.codat.io by default', async () => {
    const scope = nock('https://api.codat.io')
      .get('/companies/x')
      .matchHeader('authorization', `Basic ${B64}`)
      .reply(200, { id: 'x' });
    await call({ codatApiKey: `Basic ${B64}` });
    scope.done();
  });

  it('without the key, names the field and sends nothing', async () => {
    const err = await caught(call({ codatClientId: 'client-1', codatZapierKey: 'sk_integ_x.us' }));
    expect(err.code).toBe('codat_api_key_missing');
    expect(err.message).toContain('"Codat API Key"');
    expect(err.message).toMatch(/Developers > API keys/);
  });

  it('with an unusable key, says why without quoting it and sends nothing', async () => {
    const err = await caught(call({ codatApiKey: 'copied with a space' }));
    expect(err.code).toBe('codat_api_key_invalid');
    expect(err.message).toContain('"Codat API Key"');
    expect(err.raw).not.toContain('copied with a space');
  });

  it('redacts every form of the key a response echoes', async () => {
    nock('https://api.codat.io')
      .get('/companies/x')
      .reply(400, {
        statusCode: 400,
        service: 'PublicApi',
        error: `bad key ${KEY} / Basic ${B64}`,
        correlationId: 'c0ffee',
      });
    const err = await caught(call({ codatApiKey: KEY }));
    expect(err.message).toMatch(/\(HTTP 400\): bad key \[redacted\] \/ Basic \[redacted\] \(correlation id c0ffee\)/);
    for (const form of codatApiKeyForms(KEY)) expect(err.raw).not.toContain(form);
  });
});
