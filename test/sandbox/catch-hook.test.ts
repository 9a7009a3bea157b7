// The catch hook must hand perform exactly what Zapier would: Http- prefixed, Camel-Cased headers
// (Content-Type/Content-Length unprefixed), the raw body string, the query string, and the parsed body.
import zapier from 'zapier-platform-core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { AppRunner } from '../../sandbox/app-runner.js';
import { CatchHook, toCleanedRequest, toRawRequest, zapierHeaderName } from '../../sandbox/catch-hook.js';

describe('zapierHeaderName', () => {
  it.each([
    ['webhook-signature', 'Http-Webhook-Signature'],
    ['x-signature', 'Http-X-Signature'],
    ['SVIX-ID', 'Http-Svix-Id'],
    ['content-type', 'Content-Type'],
    ['content-length', 'Content-Length'],
    ['host', 'Http-Host'],
  ])('%s -> %s', (name, expected) => {
    expect(zapierHeaderName(name)).toBe(expected);
  });
});

describe('toRawRequest / toCleanedRequest', () => {
  it('keeps the raw body and query string, and parses JSON', () => {
    const raw = toRawRequest(
      'POST',
      '/hooks/catch/x/?a=1&b=2',
      { 'content-type': 'application/json', 'x-signature': 'abc' },
      '{"n": 1}',
    );
    expect(raw).toEqual({
      method: 'POST',
      querystring: 'a=1&b=2',
      headers: { 'Content-Type': 'application/json', 'Http-X-Signature': 'abc' },
      content: '{"n": 1}',
    });
    expect(toCleanedRequest(raw)).toEqual({ n: 1 });
  });

  it('turns a form body and the query string into fields', () => {
    const raw = toRawRequest('POST', '/h?a=1', { 'content-type': 'application/x-www-form-urlencoded' }, 'b=2');
    expect(toCleanedRequest(raw)).toEqual({ a: '1', b: '2' });
  });
});

describe('CatchHook over HTTP', () => {
  const seen: Bundle[] = [];
  const app = {
    version: '1.0.0',
    platformVersion: zapier.version,
    triggers: {
      echo: {
        key: 'echo',
        noun: 'Echo',
        display: { label: 'Echo', description: 'Triggers when an echo arrives.' },
        operation: {
          type: 'hook',
          perform: (_z: ZObject, bundle: Bundle) => {
            seen.push(bundle);
            if ((bundle.cleanedRequest as { fail?: boolean }).fail) throw new Error('refused');
            return [{ id: 'e1' }];
          },
          sample: { id: 'e1' },
        },
      },
    },
  };
  let hooks: CatchHook;

  beforeEach(async () => {
    seen.length = 0;
    hooks = await new CatchHook(new AppRunner(app)).start();
  });
  afterEach(async () => {
    await hooks.close();
  });

  it('runs perform with the bundle Zapier builds and records the result', async () => {
    const { hookId, url } = hooks.create({ triggerKey: 'echo', authData: { k: 'v' }, inputData: { i: 1 } });
    hooks.setSubscribeData(hookId, { id: 'sub-1' });
    const resp = await fetch(`${url}?x=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Webhook-Id': 'msg_1' },
      body: '{"a":1}',
    });
    expect(resp.status).toBe(200);
    expect(hooks.runs).toHaveLength(1);
    expect(hooks.runs[0]?.result).toEqual([{ id: 'e1' }]);
    const bundle = seen[0]!;
    expect(bundle.rawRequest?.content).toBe('{"a":1}');
    expect(bundle.rawRequest?.querystring).toBe('x=1');
    expect(bundle.rawRequest?.headers?.['Http-Webhook-Id']).toBe('msg_1');
    expect(bundle.cleanedRequest).toEqual({ a: 1 });
    expect(bundle.subscribeData).toEqual({ id: 'sub-1' });
    expect(bundle.authData).toEqual({ k: 'v' });
    expect(bundle.inputData).toEqual({ i: 1 });
  });

  it('records perform errors and still answers 200, like Zapier', async () => {
    const { hookId, url } = hooks.create({ triggerKey: 'echo', authData: {} });
    const resp = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"fail":true}',
    });
    expect(resp.status).toBe(200);
    expect(hooks.runsFor(hookId)[0]?.error?.message).toMatch(/refused/);
  });

  it('answers 503 while failNext lasts, without running perform', async () => {
    const { url } = hooks.create({ triggerKey: 'echo', authData: {} });
    hooks.failNext = 1;
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(503);
    expect(seen).toHaveLength(0);
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(200);
  });

  it('answers 410 for an unknown or removed hook, so senders stop', async () => {
    const { hookId, url } = hooks.create({ triggerKey: 'echo', authData: {} });
    hooks.remove(hookId);
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(410);
  });

  it('records a clear "not implemented yet" for a trigger the app does not have', async () => {
    const { hookId, url } = hooks.create({ triggerKey: 'missing', authData: {} });
    await fetch(url, { method: 'POST', body: '{}' });
    expect(hooks.runsFor(hookId)[0]?.error?.message).toMatch(
      /triggers\.missing\.operation\.perform: not implemented yet/,
    );
  });

  it('waitForRuns rejects after its bound when nothing arrives', async () => {
    const { hookId } = hooks.create({ triggerKey: 'echo', authData: {} });
    await expect(hooks.waitForRuns(hookId, 1, 20)).rejects.toThrow(/no delivery reached the catch hook/);
  });
});
