import { describe, expect, it } from '@jest/globals';
import { checkSignature, computeSignature, signatureHeader } from '../../blue/signature.js';
import { sign } from './fixtures.js';

const secret = 'whsec-test-abcdef';
const body = '{"event":"TODO_CREATED","currentValue":{"id":"t1"}}';

describe('Blue X-Signature', () => {
  it('is the hex HMAC-SHA256 of the raw body', () => {
    expect(computeSignature(secret, body)).toBe(sign(body, secret));
    expect(computeSignature(secret, body)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts the right signature, also upper-case or sha256= prefixed', () => {
    const sig = sign(body, secret);
    expect(checkSignature(secret, body, sig)).toEqual({ ok: true });
    expect(checkSignature(secret, body, sig.toUpperCase())).toEqual({ ok: true });
    expect(checkSignature(secret, body, `sha256=${sig}`)).toEqual({ ok: true });
  });

  it('rejects a changed body, another secret, a missing or malformed header', () => {
    const sig = sign(body, secret);
    expect(checkSignature(secret, body + ' ', sig)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/does not match/),
    });
    expect(checkSignature('other-secret', body, sig).ok).toBe(false);
    expect(checkSignature(secret, body, undefined)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/missing/),
    });
    expect(checkSignature(secret, body, sig.slice(0, 10))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a hex/),
    });
    expect(checkSignature(secret, body, 'z'.repeat(64)).ok).toBe(false);
  });

  it('never puts the secret in a reason', () => {
    const result = checkSignature(secret, body, sign('x', secret));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain(secret);
  });

  it("finds the header whatever its case, with or without Zapier's Http- prefix", () => {
    expect(signatureHeader({ 'Http-X-Signature': 'a' })).toBe('a');
    expect(signatureHeader({ 'HTTP-X-SIGNATURE': 'b' })).toBe('b');
    expect(signatureHeader({ 'x-signature': ' c ' })).toBe('c');
    expect(signatureHeader({ 'Http-X-Other': 'd' })).toBeUndefined();
    expect(signatureHeader(undefined)).toBeUndefined();
  });
});
