import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import zapier, { type ZObject } from 'zapier-platform-core';
import { signatureHeaders, verifyDelivery } from '../../codat/signature.js';

const z = { errors: zapier.errors } as unknown as ZObject;
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const BODY = JSON.stringify({
  id: 'evt-1',
  eventType: 'company.created',
  generatedDate: '2024-08-08T17:10:34.015Z',
  payload: {},
});
const MSG_ID = 'msg_2aBcDeFgHiJkLmNoPqRsTuVwXyZ';

/** Headers as Zapier hands them over: `Http-` prefixed, Camel-Cased. */
function zapierHeaders(opts: { secret?: string; body?: string; at?: Date; prefix?: 'Webhook' | 'Svix' } = {}) {
  const at = opts.at ?? new Date();
  const prefix = opts.prefix ?? 'Webhook';
  return {
    'Content-Type': 'application/json',
    [`Http-${prefix}-Id`]: MSG_ID,
    [`Http-${prefix}-Timestamp`]: String(Math.floor(at.getTime() / 1000)),
    [`Http-${prefix}-Signature`]: new Webhook(opts.secret ?? SECRET).sign(MSG_ID, at, opts.body ?? BODY),
  };
}

function failure(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

describe('signatureHeaders', () => {
  it('reads webhook-* and svix-* names in any case, with or without the Http- prefix', () => {
    expect(
      signatureHeaders({ 'Http-Webhook-Id': 'a', 'HTTP-WEBHOOK-TIMESTAMP': '1', 'webhook-signature': 'v1,x' }),
    ).toEqual({
      id: 'a',
      timestamp: '1',
      signature: 'v1,x',
    });
    expect(signatureHeaders({ 'Http-Svix-Id': 'b', 'svix-timestamp': '2', 'SVIX-SIGNATURE': 'v1,y' })).toEqual({
      id: 'b',
      timestamp: '2',
      signature: 'v1,y',
    });
    expect(signatureHeaders({ 'Http-X-Signature': 'v1,z', 'Content-Type': 'application/json' })).toEqual({});
    expect(signatureHeaders(undefined)).toEqual({});
  });
});

describe('verifyDelivery', () => {
  it('accepts a delivery signed with the secret, returning its webhook-id and timestamp', () => {
    const at = new Date(Date.now() - 30_000);
    const result = verifyDelivery(z, { headers: zapierHeaders({ at }), content: BODY }, SECRET);
    expect(result.id).toBe(MSG_ID);
    expect(result.timestamp.getTime()).toBe(Math.floor(at.getTime() / 1000) * 1000);
  });

  it('accepts svix-* header names', () => {
    expect(verifyDelivery(z, { headers: zapierHeaders({ prefix: 'Svix' }), content: BODY }, SECRET).id).toBe(MSG_ID);
  });

  it('accepts a signature list where one of several entries matches (secret rotation)', () => {
    const headers = zapierHeaders();
    headers['Http-Webhook-Signature'] = `v1,bm90LXRoZS1zaWduYXR1cmU= ${headers['Http-Webhook-Signature']}`;
    expect(verifyDelivery(z, { headers, content: BODY }, SECRET).id).toBe(MSG_ID);
  });

  const cases: Array<[string, () => unknown, RegExp]> = [
    [
      'a tampered body',
      () => verifyDelivery(z, { headers: zapierHeaders(), content: BODY.replace('evt-1', 'evt-2') }, SECRET),
      /signature does not match/,
    ],
    [
      'a wrong secret',
      () =>
        verifyDelivery(
          z,
          { headers: zapierHeaders({ secret: `whsec_${randomBytes(32).toString('base64')}` }), content: BODY },
          SECRET,
        ),
      /signature does not match/,
    ],
    [
      'a stale timestamp',
      () =>
        verifyDelivery(z, { headers: zapierHeaders({ at: new Date(Date.now() - 6 * 60_000) }), content: BODY }, SECRET),
      /more than 5 minutes/,
    ],
    [
      'a timestamp in the future',
      () =>
        verifyDelivery(z, { headers: zapierHeaders({ at: new Date(Date.now() + 6 * 60_000) }), content: BODY }, SECRET),
      /more than 5 minutes/,
    ],
    [
      'missing headers',
      () => verifyDelivery(z, { headers: { 'Content-Type': 'application/json' }, content: BODY }, SECRET),
      /no webhook-id, webhook-timestamp, webhook-signature header/,
    ],
    // Every missing header's svix- twin, not only the first one's.
    [
      'all headers missing, naming their svix- twins',
      () => verifyDelivery(z, { headers: {}, content: BODY }, SECRET),
      /\(nor svix-id, svix-timestamp, svix-signature\)/,
    ],
    [
      'a missing signature header only',
      () => {
        const { ['Http-Webhook-Signature']: _drop, ...headers } = zapierHeaders();
        return verifyDelivery(z, { headers, content: BODY }, SECRET);
      },
      /no webhook-signature header \(nor svix-signature\)/,
    ],
    [
      'a non-numeric timestamp',
      () =>
        verifyDelivery(
          z,
          { headers: { ...zapierHeaders(), 'Http-Webhook-Timestamp': 'yesterday' }, content: BODY },
          SECRET,
        ),
      /not a Unix timestamp/,
    ],
    ['no raw body', () => verifyDelivery(z, { headers: zapierHeaders() }, SECRET), /raw request body is missing/],
    [
      'an unusable stored secret',
      () => verifyDelivery(z, { headers: zapierHeaders(), content: BODY }, 'whsec_'),
      /secret saved for this Zap is unusable/,
    ],
    // Beyond what a Date holds: formatting them in the refusal used to throw a RangeError (issue 13.1).
    ...['99999999999999', '-99999999999999', '8640000000001', '1e20', '12abc', ' 17e8'].map(
      (ts): [string, () => unknown, RegExp] => [
        `an unusable timestamp ${JSON.stringify(ts)}`,
        () =>
          verifyDelivery(z, { headers: { ...zapierHeaders(), 'Http-Webhook-Timestamp': ts }, content: BODY }, SECRET),
        /webhook-timestamp header is not a Unix timestamp/,
      ],
    ),
  ];

  it.each(cases)('halts on %s, naming the reason and never the secret', (_name, run, reason) => {
    const err = failure(run);
    expect(err.name).toBe('HaltedError');
    expect(err.message).toMatch(/^Codat webhook not accepted, so the Zap did not run: /);
    expect(err.message).toMatch(reason);
    expect(err.message).not.toContain(SECRET);
    expect(err.message).not.toContain(SECRET.slice('whsec_'.length));
  });
});

describe('a body starting with a UTF-8 byte order mark', () => {
  const withBom = `\uFEFF${BODY}`;

  it('is verified on the bytes as sent, BOM included, and handed on without it', () => {
    const result = verifyDelivery(z, { headers: zapierHeaders({ body: withBom }), content: withBom }, SECRET);
    expect(result.body).toBe(BODY);
    expect(JSON.parse(result.body)).toMatchObject({ id: 'evt-1' });
  });

  it('does not verify when the BOM was added after signing', () => {
    const err = failure(() => verifyDelivery(z, { headers: zapierHeaders({ body: BODY }), content: withBom }, SECRET));
    expect(err.name).toBe('HaltedError');
    expect(err.message).toMatch(/signature does not match/);
  });
});
