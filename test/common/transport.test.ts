// The transport every service call goes through (common/http.ts send), run through core's real
// z.request: redirects, one deadline per step, bodies that stall or drop, unsendable header values,
// and redaction of secrets that a cut would otherwise split (issue 13.2, 13.3, 13.5, 13.7).
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../index.js';
import { correlationSuffix, describeBody, redact, send, type ServiceResponse } from '../../common/http.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
const API = 'https://api.example.com';
const SECRET = 'tok-SECRET-0123456789abcdefghij';
const ctx = {
  service: 'Blue',
  action: 'do the thing',
  secrets: [SECRET],
  headerFields: { 'x-token': 'Blue Token Secret' },
};

/** Runs `fn` as an operation of the app, with core's z (its z.request and middlewares). */
function step<T>(fn: (z: ZObject, bundle: Bundle) => Promise<T>, budgetMs?: number): Promise<T> {
  const before = process.env.APP_HTTP_TIMEOUT_MS;
  if (budgetMs !== undefined) process.env.APP_HTTP_TIMEOUT_MS = String(budgetMs);
  return appTester<T, Bundle>(fn as never, { authData: {} } as never).finally(() => {
    if (before === undefined) delete process.env.APP_HTTP_TIMEOUT_MS;
    else process.env.APP_HTTP_TIMEOUT_MS = before;
  });
}

const get = (z: ZObject, url = `${API}/x`, headers: Record<string, string> = { 'X-Token': SECRET }) =>
  send(z, { url, method: 'GET', headers }, ctx);

function response(content: string, headers: Record<string, string> = {}): ServiceResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { status: 400, content, getHeader: (name) => lower[name.toLowerCase()] };
}

afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});

describe('redaction', () => {
  it('redacts a secret straddling the 120-character cut of a body excerpt, not only whole ones', () => {
    for (let at = 90; at <= 125; at++) {
      const body = `${'x'.repeat(at)}${SECRET} and more`;
      const text = describeBody(response(body, { 'content-type': 'text/plain' }), [SECRET]);
      for (let i = 0; i + 8 <= SECRET.length; i++) expect(text).not.toContain(SECRET.slice(i, i + 8));
    }
  });

  it('redacts a secret straddling the 100-character cut of a request id', () => {
    for (let at = 80; at <= 100; at++) {
      const text = correlationSuffix(response('', { 'x-request-id': `${'r'.repeat(at)}${SECRET}` }), [SECRET]);
      for (let i = 0; i + 8 <= SECRET.length; i++) expect(text).not.toContain(SECRET.slice(i, i + 8));
    }
  });

  it('a cut through the redaction marker shows the marker whole', () => {
    for (let at = 88; at <= 100; at++) {
      const text = correlationSuffix(response('', { 'x-request-id': `${'r'.repeat(at)}${SECRET}` }), [SECRET]);
      expect(text).toMatch(/r(\[redacted\])?\)$/);
      expect(text).not.toMatch(/\[r?e?d?a?c?t?e?\)$/);
    }
  });

  it('treats any run of 8 or more characters of a secret as the secret, and keeps the rest of the text', () => {
    expect(redact(`a ${SECRET.slice(3, 11)} b`, [SECRET])).toBe('a [redacted] b');
    expect(redact(`a ${SECRET.slice(0, -1)}`, [SECRET])).toBe('a [redacted]');
    expect(redact(`a ${SECRET.slice(5, 12)} b`, [SECRET])).toBe(`a ${SECRET.slice(5, 12)} b`);
    expect(redact(`x${encodeURIComponent('sk/+=secret-value')}y`, ['sk/+=secret-value'])).toBe('x[redacted]y');
    expect(redact('key abcd!', ['abcd'])).toBe('key [redacted]!');
    expect(redact(`${SECRET}${SECRET}`, [SECRET])).toBe('[redacted]');
  });
});

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'never follows a %i to another host: an error names that host, nothing reaches it',
    async (code) => {
      const api = nock(API).get('/x').reply(code, '', { Location: 'https://collector.evil.example/steal?x=1' });
      const evil = nock('https://collector.evil.example').get(/.*/).reply(200, '{}');
      const err = await caught(step((z) => get(z)));
      expect(err.name).toBe('AppError');
      expect(err.code).toBe('unexpected_redirect');
      expect(err.message).toMatch(
        new RegExp(
          `Blue answered with a redirect \\(HTTP ${code}\\) to collector\\.evil\\.example while trying to do the thing`,
        ),
      );
      expect(err.message).toMatch(/credentials went only to api\.example\.com/);
      expect(api.isDone()).toBe(true);
      expect(evil.isDone()).toBe(false);
    },
  );

  it('refuses a redirect on the same host too (nothing is done twice or elsewhere)', async () => {
    nock(API).post('/x').reply(307, '', { Location: '/y' });
    const err = await caught(step((z) => send(z, { url: `${API}/x`, method: 'POST', body: '{}' }, ctx)));
    expect(err.message).toMatch(/redirect \(HTTP 307\) to another address on api\.example\.com/);
  });
});

describe('one deadline per step', () => {
  it('ends a body that trickles in past the deadline, though its headers came at once', async () => {
    nock(API).get('/x').delayBody(2_000).reply(200, '{"ok":true}');
    const started = Date.now();
    const err = await caught(step((z) => get(z), 150));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(err.message).toMatch(
      /Blue could not be reached in time while trying to do the thing \(no answer within 150 ms/,
    );
  });

  it('shares one deadline across sequential calls of the step', async () => {
    nock(API).get('/x').times(3).delay(100).reply(200, '{}');
    const started = Date.now();
    const err = await caught(
      step(async (z) => {
        await get(z);
        await get(z);
        return get(z);
      }, 250),
    );
    // Each call alone fits in 250 ms; their sum does not. The step ends at the deadline.
    expect(Date.now() - started).toBeLessThan(800);
    expect(err.message).toMatch(/no answer within 250 ms/);
  });

  it('sends nothing once the deadline has passed', async () => {
    const first = nock(API).get('/x').reply(200, '{}');
    const second = nock(API).get('/y').reply(200, '{}');
    const err = await caught(
      step(async (z) => {
        await get(z);
        await new Promise((r) => setTimeout(r, 250));
        return get(z, `${API}/y`);
      }, 200),
    );
    expect(err.message).toMatch(/no answer within 200 ms/);
    expect(first.isDone()).toBe(true);
    expect(second.isDone()).toBe(false);
  });

  it('gives a fast step its full answer', async () => {
    nock(API).get('/x').reply(200, '{"ok":true}', { 'content-type': 'application/json' });
    const resp = await step((z) => get(z), 2_000);
    expect(resp.status).toBe(200);
    expect(resp.content).toBe('{"ok":true}');
    expect(resp.getHeader('content-type')).toBe('application/json');
  });
});

describe('a connection that drops mid-body', () => {
  // A real server on loopback: the drop is the socket closing under a half-sent body.
  let server: Server;
  let base = '';
  beforeAll(async () => {
    // nock's interceptor stands between node-fetch and the socket; production has none.
    nock.restore();
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '10000' });
      res.write('{"data":[');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    nock.activate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('fails at the drop, not at the deadline', async () => {
    const started = Date.now();
    const err = await caught(step((z) => get(z, `${base}/x`), 10_000));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(err.code).toBe('network_error');
    expect(err.message).toMatch(
      /Blue could not be reached while trying to do the thing \(the connection dropped before the whole answer arrived\)/,
    );
  });
});

describe('header values HTTP cannot carry', () => {
  it.each([
    ['a line break', `${SECRET}\r\nX-Injected: 1`],
    ['a line feed', `${SECRET}\n`],
    ['a NUL', `${SECRET}\u0000`],
    ['a character beyond Latin-1', `${SECRET}€`],
    ['an emoji', `💥${SECRET}`],
  ])('names the connection field holding %s, sends nothing, and never quotes the value', async (_name, value) => {
    const scope = nock(API).get('/x').reply(200, '{}');
    const err = await caught(step((z) => get(z, `${API}/x`, { 'X-Token': value })));
    expect(err.code).toBe('invalid_credential');
    expect(err.message).toMatch(/The connection's "Blue Token Secret" holds a character that cannot be sent to Blue/);
    expect(err.message).toMatch(/reconnect/);
    expect(err.message).not.toMatch(/network error|usually temporary/);
    expect(err.message).not.toContain(SECRET.slice(0, 8));
    expect(scope.isDone()).toBe(false);
  });
});
