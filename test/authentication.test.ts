import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../index.js';
import { caught } from './support/errors.js';

const appTester = zapier.createAppTester(App);
const auth = App.authentication!;
const SVIX = 'https://api.us.svix.com';
const BLUE = 'https://api.blue.cc';

const codatAuth = { codatClientId: 'client-1', codatZapierKey: 'sk_integ_SECRETKEY123.us' };
const blueAuth = {
  blueTokenId: 'tok-id-1',
  blueTokenSecret: 'tok-SECRET-456',
  blueCompanyId: 'acme',
  blueProjectId: 'sales',
};

function testAuth(authData: Record<string, string>) {
  return appTester(auth.test as never, { authData } as unknown as Bundle);
}

function label(inputData: unknown) {
  return appTester(auth.connectionLabel as never, { authData: {}, inputData } as unknown as Bundle);
}

function blueOk() {
  return {
    data: {
      currentUser: { id: 'u1', fullName: 'Jane Doe', email: 'jane@example.com' },
      project: { id: 'p1', name: 'Sales Pipeline', slug: 'sales' },
    },
  };
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
  delete process.env.CODAT_WEBHOOKS_API_URL;
  delete process.env.BLUE_API_URL;
});
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});

describe('auth test: Codat', () => {
  it('lists one endpoint with the Zapier key as Bearer token on the key region host', async () => {
    const scope = nock(SVIX)
      .get('/api/v1/app/client-1/endpoint')
      .query({ limit: '1' })
      .matchHeader('authorization', `Bearer ${codatAuth.codatZapierKey}`)
      .reply(200, { data: [], done: true, iterator: null });
    await expect(testAuth(codatAuth)).resolves.toEqual({ codat: { clientId: 'client-1' } });
    scope.done();
  });

  it('turns 401 into ExpiredAuthError that explains key rotation and hides the key', async () => {
    nock(SVIX)
      .get('/api/v1/app/client-1/endpoint')
      .query(true)
      .reply(401, { code: 'authentication_failed', detail: 'Invalid token' });
    const err = await caught(testAuth(codatAuth));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(/one live Zapier key/);
    expect(err.message).toMatch(/Reconnect/);
    expect(err.raw).not.toContain(codatAuth.codatZapierKey);
  });

  it('turns 403 into an error naming the missing permission', async () => {
    nock(SVIX)
      .get('/api/v1/app/client-1/endpoint')
      .query(true)
      .reply(403, { code: 'forbidden', detail: 'Insufficient access' });
    const err = await caught(testAuth(codatAuth));
    expect(err.name).toBe('AppError');
    expect(err.status).toBe(403);
    expect(err.message).toMatch(/refused permission to check the Codat credentials: Insufficient access/);
    expect(err.message).toMatch(/manage webhook consumers/);
  });

  it('turns 404 into a message naming the Client ID', async () => {
    nock(SVIX)
      .get('/api/v1/app/client-1/endpoint')
      .query(true)
      .reply(404, { code: 'not_found', detail: 'Entity not found' });
    const err = await caught(testAuth(codatAuth));
    expect(err.message).toMatch(/could not find a Codat webhook application for Client ID client-1/);
  });

  it('turns 429 into ThrottledError honouring Retry-After', async () => {
    nock(SVIX)
      .get('/api/v1/app/client-1/endpoint')
      .query(true)
      .reply(429, { code: 'rate_limit' }, { 'Retry-After': '30' });
    const err = await caught(testAuth(codatAuth));
    expect(err.name).toBe('ThrottledError');
    expect(err.delay).toBe(30);
    expect(err.message).toMatch(/rate limit.*retry in 30 seconds/);
  });

  it('turns 429 without Retry-After into ThrottledError without a delay', async () => {
    nock(SVIX).get('/api/v1/app/client-1/endpoint').query(true).reply(429, 'slow down');
    const err = await caught(testAuth(codatAuth));
    expect(err.name).toBe('ThrottledError');
    expect(err.delay ?? null).toBeNull();
  });

  it('turns 5xx into a server error quoting the request id', async () => {
    nock(SVIX)
      .get('/api/v1/app/client-1/endpoint')
      .query(true)
      .reply(503, '<html>down</html>', { 'svix-req-id': 'req_42' });
    const err = await caught(testAuth(codatAuth));
    expect(err.status).toBe(503);
    expect(err.message).toMatch(/failed \(HTTP 503\).*request id req_42.*try again/);
  });

  it('rejects a non-JSON success body with a clear message', async () => {
    nock(SVIX)
      .get('/api/v1/app/client-1/endpoint')
      .query(true)
      .reply(200, '<html>login</html>', { 'Content-Type': 'text/html' });
    const err = await caught(testAuth(codatAuth));
    expect(err.message).toMatch(/instead of JSON while trying to check the Codat credentials/);
  });

  it('rejects a JSON body of the wrong shape', async () => {
    nock(SVIX).get('/api/v1/app/client-1/endpoint').query(true).reply(200, { items: [] });
    const err = await caught(testAuth(codatAuth));
    expect(err.message).toMatch(/unexpected response.*data/);
  });

  it('reports a timeout as such', async () => {
    process.env.APP_HTTP_TIMEOUT_MS = '100';
    try {
      nock(SVIX).get('/api/v1/app/client-1/endpoint').query(true).delay(500).reply(200, { data: [] });
      const err = await caught(testAuth(codatAuth));
      expect(err.name).toBe('AppError');
      expect(err.message).toMatch(/could not be reached.*no answer within/);
    } finally {
      delete process.env.APP_HTTP_TIMEOUT_MS;
    }
  });

  it('reports a connection reset as such', async () => {
    nock(SVIX)
      .get('/api/v1/app/client-1/endpoint')
      .query(true)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const err = await caught(testAuth(codatAuth));
    expect(err.message).toMatch(/could not be reached.*connection was reset/);
  });

  it('never echoes the key even when the server does', async () => {
    nock(SVIX)
      .get('/api/v1/app/client-1/endpoint')
      .query(true)
      .reply(400, { code: 'bad', detail: `token ${codatAuth.codatZapierKey} is malformed` });
    const err = await caught(testAuth(codatAuth));
    expect(err.raw).not.toContain(codatAuth.codatZapierKey);
    expect(err.message).toMatch(/token \[redacted\] is malformed/);
  });
});

describe('auth test: Blue', () => {
  it('sends one GraphQL request with the X-Bloo headers for currentUser and the project', async () => {
    let body: { query: string; variables: Record<string, unknown> } | undefined;
    const scope = nock(BLUE)
      .post('/graphql', (b: { query: string; variables: Record<string, unknown> }) => {
        body = b;
        return true;
      })
      .matchHeader('x-bloo-token-id', 'tok-id-1')
      .matchHeader('x-bloo-token-secret', 'tok-SECRET-456')
      .matchHeader('x-bloo-company-id', 'acme')
      .matchHeader('x-bloo-project-id', 'sales')
      .reply(200, blueOk());
    await expect(testAuth(blueAuth)).resolves.toEqual({
      blue: { userName: 'Jane Doe', userEmail: 'jane@example.com', projectId: 'p1', projectName: 'Sales Pipeline' },
    });
    scope.done();
    expect(body?.query).toMatch(/currentUser\s*{/);
    expect(body?.query).toMatch(/project\(id: \$projectId\)/);
    expect(body?.variables).toEqual({ projectId: 'sales' });
  });

  it('uses BLUE_API_URL when set', async () => {
    process.env.BLUE_API_URL = 'http://127.0.0.1:9/graphql';
    const scope = nock('http://127.0.0.1:9').post('/graphql').reply(200, blueOk());
    await testAuth(blueAuth);
    scope.done();
  });

  it('maps UNAUTHENTICATED inside an HTTP 200 to ExpiredAuthError', async () => {
    nock(BLUE)
      .post('/graphql')
      .reply(200, { data: null, errors: [{ message: 'Invalid token', extensions: { code: 'UNAUTHENTICATED' } }] });
    const err = await caught(testAuth(blueAuth));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(/Token ID tok-id-1.*reconnect/);
    expect(err.raw).not.toContain(blueAuth.blueTokenSecret);
  });

  it.each([
    ['FORBIDDEN', 'AppError', /refused permission.*Company ID \("acme"\).*Project ID \("sales"\)/],
    ['PROJECT_NOT_FOUND', 'AppError', /could not find the project.*Project ID \("sales"\)/],
    ['BAD_USER_INPUT', 'AppError', /rejected the input/],
    ['PLAN_LIMIT_REACHED', 'AppError', /plan's limit/],
    ['INTERNAL_SERVER_ERROR', 'AppError', /failed on its side/],
    ['RATE_LIMITED', 'ThrottledError', /rate limit/],
    ['SOMETHING_NEW', 'AppError', /reported an error \(SOMETHING_NEW\)/],
  ])('maps GraphQL error code %s', async (code, name, pattern) => {
    nock(BLUE)
      .post('/graphql')
      .reply(200, { data: null, errors: [{ message: `boom ${code}`, extensions: { code } }] });
    const err = await caught(testAuth(blueAuth));
    expect(err.name).toBe(name);
    expect(err.message).toMatch(pattern);
  });

  it('maps HTTP 429 with a body retryAfter and no header', async () => {
    nock(BLUE).post('/graphql').reply(429, { error: 'RATE_LIMITED', retryAfter: 12 });
    const err = await caught(testAuth(blueAuth));
    expect(err.name).toBe('ThrottledError');
    expect(err.delay).toBe(12);
  });

  it('maps HTTP 401 to ExpiredAuthError and 502 to a server error', async () => {
    nock(BLUE).post('/graphql').reply(401, 'Unauthorized');
    expect((await caught(testAuth(blueAuth))).name).toBe('ExpiredAuthError');
    nock(BLUE).post('/graphql').reply(502, 'Bad gateway', { 'x-request-id': 'abc-1' });
    const err = await caught(testAuth(blueAuth));
    expect(err.message).toMatch(/HTTP 502.*request id abc-1/);
  });

  it('maps a non-JSON 200 and a response missing fields to clear errors', async () => {
    nock(BLUE).post('/graphql').reply(200, 'OK', { 'Content-Type': 'text/plain' });
    expect((await caught(testAuth(blueAuth))).message).toMatch(/instead of a GraphQL response/);
    nock(BLUE)
      .post('/graphql')
      .reply(200, { data: { currentUser: { id: 'u1' } } });
    expect((await caught(testAuth(blueAuth))).message).toMatch(/unexpected response.*project/);
  });
});

describe('auth test: which services', () => {
  it('checks both services with one request each', async () => {
    const codat = nock(SVIX).get('/api/v1/app/client-1/endpoint').query(true).once().reply(200, { data: [] });
    const blue = nock(BLUE).post('/graphql').once().reply(200, blueOk());
    const result = await testAuth({ ...codatAuth, ...blueAuth });
    expect(result).toMatchObject({ codat: { clientId: 'client-1' }, blue: { projectName: 'Sales Pipeline' } });
    codat.done();
    blue.done();
  });

  it('names every field when nothing is filled in', async () => {
    const err = await caught(testAuth({}));
    expect(err.message).toMatch(/at least one service/);
    for (const labelText of ['Codat Client ID', 'Codat Zapier Integration Key', 'Blue Token ID', 'Blue Project ID']) {
      expect(err.message).toContain(labelText);
    }
  });

  it('names the missing fields of a half-filled set and sends nothing', async () => {
    const err = await caught(
      testAuth({ codatClientId: 'client-1', blueTokenId: 'x', blueTokenSecret: 'tok-SECRET-456' }),
    );
    expect(err.message).toContain('"Codat Zapier Integration Key"');
    expect(err.message).toContain('"Blue Company ID" and "Blue Project ID"');
    expect(err.message).not.toContain('Codat Client ID');
    expect(err.raw).not.toContain('tok-SECRET-456');
  });

  it('treats whitespace-only values as empty', async () => {
    const err = await caught(testAuth({ codatClientId: '  ', codatZapierKey: ' ' }));
    expect(err.message).toMatch(/at least one service/);
  });
});

describe('connection label', () => {
  it('identifies Codat by client id, Blue by project and user, without secrets', async () => {
    await expect(label({ codat: { clientId: 'client-1' } })).resolves.toBe('Codat client-1');
    await expect(
      label({ blue: { userName: 'Jane Doe', projectId: 'p1', projectName: 'Sales Pipeline' } }),
    ).resolves.toBe('Blue Sales Pipeline (Jane Doe)');
    await expect(
      label({ codat: { clientId: 'client-1' }, blue: { userName: 'Jane Doe', projectId: 'p1', projectName: 'Sales' } }),
    ).resolves.toBe('Codat client-1 + Blue Sales (Jane Doe)');
  });

  it('is built only from the auth test result, which holds no secret', async () => {
    nock(SVIX).get('/api/v1/app/client-1/endpoint').query(true).reply(200, { data: [] });
    nock(BLUE).post('/graphql').reply(200, blueOk());
    const result = await testAuth({ ...codatAuth, ...blueAuth });
    const text = JSON.stringify(result) + String(await label(result));
    expect(text).not.toContain(codatAuth.codatZapierKey);
    expect(text).not.toContain(blueAuth.blueTokenSecret);
  });
});

describe('connection field help texts', () => {
  const help = (key: string) => String(auth.fields!.find((f) => (f as { key: string }).key === key)?.helpText);

  it("links Codat's rotate-key operation by its operation id, rotate-zapier-key", () => {
    expect(help('codatZapierKey')).toContain('(https://docs.codat.io/platform-api#/operations/rotate-zapier-key)');
  });

  it("says the Client ID is copied from the Codat Portal's client selection dropdown", () => {
    expect(help('codatClientId')).toMatch(
      /\[Codat Portal\]\(https:\/\/app\.codat\.io\).*client selection dropdown.*Client ID/,
    );
  });

  it("shows a Blue company's address as app.blue.cc/company/{id-or-slug}/...", () => {
    expect(help('blueCompanyId')).toContain('app.blue.cc/company/acme/');
    expect(help('blueCompanyId')).not.toContain('/org/');
  });
});

describe('auth test: Codat API Key', () => {
  const API = 'https://api.codat.io';
  const KEY = 'c0dat4p1k3y0000000000000000000000000000a';
  const B64 = Buffer.from(KEY).toString('base64');
  const page = {
    results: [],
    pageNumber: 1,
    pageSize: 1,
    totalResults: 7,
    _links: { self: { href: '/companies' }, current: { href: '/companies?page=1&pageSize=1' } },
  };

  it('checks the key with one GET /companies?page=1&pageSize=1; the label stays "Codat <client id>"', async () => {
    const svix = nock(SVIX).get('/api/v1/app/client-1/endpoint').query(true).reply(200, { data: [] });
    const codat = nock(API)
      .get('/companies')
      .query({ page: '1', pageSize: '1' })
      .matchHeader('authorization', `Basic ${B64}`)
      .reply(200, page);
    const result = await testAuth({ ...codatAuth, codatApiKey: KEY });
    svix.done();
    codat.done();
    expect(result).toEqual({ codat: { clientId: 'client-1' }, codatApi: { totalCompanies: 7 } });
    await expect(label(result)).resolves.toBe('Codat client-1');
  });

  it('accepts a connection with only the API key (actions without triggers); its label shows no key', async () => {
    nock(API).get('/companies').query(true).reply(200, page);
    const result = await testAuth({ codatApiKey: `Basic ${B64}` });
    expect(result).toEqual({ codatApi: { totalCompanies: 7 } });
    const text = await label(result);
    expect(text).toBe('Codat (API key)');
    expect(String(text) + JSON.stringify(result)).not.toContain(B64);
  });

  it('accepts the key when Codat lists no companies with a 404 (the spec lists one for GET /companies)', async () => {
    const scope = nock(API).get('/companies').query({ page: '1', pageSize: '1' }).reply(404, {
      statusCode: 404,
      service: 'ClientsApi',
      error: 'No companies found',
      correlationId: 'x',
      canBeRetried: 'Unknown',
      detailedErrorCode: 0,
    });
    await expect(testAuth({ codatApiKey: KEY })).resolves.toEqual({ codatApi: { totalCompanies: 0 } });
    scope.done();
  });

  it('without the key, sends no Platform request (triggers keep working)', async () => {
    nock(SVIX).get('/api/v1/app/client-1/endpoint').query(true).reply(200, { data: [] });
    await expect(testAuth(codatAuth)).resolves.toEqual({ codat: { clientId: 'client-1' } });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a rejected key is an ExpiredAuthError naming the field, without the key', async () => {
    nock(API).get('/companies').query(true).reply(401, {
      statusCode: 401,
      service: 'PublicApi',
      error: 'Unauthorized',
      correlationId: 'x',
      canBeRetried: 'Unknown',
      detailedErrorCode: 0,
    });
    const err = await caught(testAuth({ codatApiKey: KEY }));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(/Codat rejected the Codat API Key/);
    expect(err.raw).not.toContain(KEY);
    expect(err.raw).not.toContain(B64);
  });

  it('an unusable key is refused before any request, without quoting it', async () => {
    const err = await caught(testAuth({ codatApiKey: 'two words' }));
    expect(err.code).toBe('codat_api_key_invalid');
    expect(err.raw).not.toContain('two words');
  });

  it('names the API key among the fields when nothing is filled', async () => {
    const err = await caught(testAuth({}));
    expect(err.message).toMatch(/"Codat API Key" for actions/);
  });

  it('the field is an optional password with help on where to find it', () => {
    const field = (
      auth.fields as { key: string; type?: string; required?: boolean; label?: string; helpText?: string }[]
    ).find((f) => f.key === 'codatApiKey');
    expect(field).toMatchObject({ label: 'Codat API Key', type: 'password', required: false });
    expect(field?.helpText).toMatch(/Developers > API keys/);
    expect(field?.helpText).toMatch(/Authorization header/);
  });
});
