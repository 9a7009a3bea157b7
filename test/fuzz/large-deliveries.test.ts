// Zapier accepts hook payloads up to 10 MB: a delivery of that size is verified and returned whole,
// and the same delivery with one byte changed is refused. Runs through createAppTester (the full path).
import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
const TEN_MB = 10 * 1024 * 1024;
type Op = { operation: { perform: never } };
const triggers = App.triggers as unknown as Record<string, Op>;

/** Text of `bytes` UTF-8 bytes mixing 1-, 2-, 3- and 4-byte characters. */
function filler(bytes: number): string {
  const unit = 'aé€💥'; // 1 + 2 + 3 + 4 = 10 bytes
  return unit.repeat(Math.floor(bytes / 10)) + 'a'.repeat(bytes % 10);
}

/** A JSON body of exactly 10 MB (UTF-8) built around `make(text)`. */
function tenMegabytes(make: (text: string) => unknown): string {
  const overhead = Buffer.byteLength(JSON.stringify(make('')));
  const body = JSON.stringify(make(filler(TEN_MB - overhead)));
  expect(Buffer.byteLength(body)).toBe(TEN_MB);
  return body;
}

/** The same body with one character changed in the middle (same length). */
const altered = (body: string) => {
  const i = body.indexOf('a', body.length / 2);
  return body.slice(0, i) + 'b' + body.slice(i + 1);
};

describe('10 MB deliveries', () => {
  it('Codat: verifies and returns the whole event, refuses it altered', async () => {
    const secretBytes = Buffer.from('large-payload-signing-secret-0123456789');
    const secret = `whsec_${secretBytes.toString('base64')}`;
    const body = tenMegabytes((text) => ({
      id: 'evt-large',
      eventType: 'company.created',
      generatedDate: '2026-01-01T00:00:00.000Z',
      payload: { id: 'co-1', name: 'Large Co', description: text },
    }));
    const timestamp = Math.floor(Date.now() / 1000);
    const sign = (content: string) =>
      `v1,${createHmac('sha256', secretBytes).update(`msg_large.${timestamp}.${content}`).digest('base64')}`;
    const bundle = (content: string, signature: string) => ({
      authData: { codatClientId: 'client-large', codatZapierKey: 'sk_integ_large.us' },
      inputData: { eventTypes: ['company.created'] },
      subscribeData: { id: 'ep_large', secret, eventTypes: ['company.created'] },
      rawRequest: {
        method: 'POST',
        querystring: '',
        headers: {
          'Http-Webhook-Id': 'msg_large',
          'Http-Webhook-Timestamp': String(timestamp),
          'Http-Webhook-Signature': signature,
        },
        content,
      },
      cleanedRequest: {},
    });

    const items = await appTester<Record<string, unknown>[], Bundle>(
      triggers.codat_event!.operation.perform,
      bundle(body, sign(body)) as never,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: 'evt-large',
      eventType: 'company.created',
      companyId: 'co-1',
      companyName: 'Large Co',
    });
    expect(items[0]!.payload).toEqual((JSON.parse(body) as { payload: unknown }).payload);

    const err = await caught(
      appTester(triggers.codat_event!.operation.perform, bundle(altered(body), sign(body)) as never),
    );
    expect(err.name).toBe('HaltedError');
    expect(err.message).toMatch(/webhook-signature does not match/);
  });

  it('Blue: verifies and returns the whole record, refuses it altered', async () => {
    const secret = 'large-payload-blue-webhook-secret';
    const body = tenMegabytes((text) => ({
      event: 'TODO_CREATED',
      webhook: { id: 'wh-large' },
      previousValue: null,
      // Blue's entity shape with everything the output promises, so perform makes no request.
      currentValue: {
        id: 'todo-large',
        title: 'Large',
        text,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        todoListId: 'list-1',
        todoList: { id: 'list-1', title: 'Inbox', projectId: 'p', project: { id: 'p', name: 'Project' } },
        todoUsers: [],
        todoTags: [],
        todoCustomFields: [],
      },
    }));
    const sign = (content: string) => createHmac('sha256', secret).update(content, 'utf8').digest('hex');
    const bundle = (content: string, signature: string) => ({
      authData: { blueTokenId: 't', blueTokenSecret: 's-large', blueCompanyId: 'acme', blueProjectId: 'p' },
      inputData: { events: ['TODO_CREATED'] },
      subscribeData: { id: 'wh-large', secret, projectId: 'p', events: ['TODO_CREATED'] },
      rawRequest: { method: 'POST', querystring: '', headers: { 'Http-X-Signature': signature }, content },
      cleanedRequest: {},
    });

    const items = await appTester<Record<string, unknown>[], Bundle>(
      triggers.blue_event!.operation.perform,
      bundle(body, sign(body)) as never,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ recordId: 'todo-large', event: 'TODO_CREATED', title: 'Large' });
    expect(items[0]!.text).toBe((JSON.parse(body) as { currentValue: { text: string } }).currentValue.text);

    const err = await caught(
      appTester(triggers.blue_event!.operation.perform, bundle(altered(body), sign(body)) as never),
    );
    expect(err.name).toBe('HaltedError');
    expect(err.message).toMatch(/does not match the body/);
  });
});
