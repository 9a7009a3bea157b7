// Checks Blue's X-Signature: hex HMAC-SHA256 of the raw body, keyed by the webhook's secret.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { withoutBom } from '../common/http.js';

/** Zapier prefixes incoming headers with "Http-" (X-Signature arrives as Http-X-Signature). */
const SIGNATURE_HEADERS = ['http-x-signature', 'x-signature'];

export function signatureHeader(headers: Record<string, unknown> | undefined): string | undefined {
  if (!headers) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (SIGNATURE_HEADERS.includes(name.toLowerCase())) {
      const text: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
      if (typeof text === 'string' && text.trim()) return text.trim();
    }
  }
  return undefined;
}

export function computeSignature(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Constant-time comparison; tolerates a "sha256=" prefix and upper-case hex. */
export function checkSignature(secret: string, rawBody: string, received: string | undefined): SignatureCheck {
  if (!received) return { ok: false, reason: 'the X-Signature header is missing' };
  const hex = received.replace(/^sha256=/i, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex))
    return { ok: false, reason: 'the X-Signature header is not a hex SHA-256 signature' };
  const expected = Buffer.from(computeSignature(secret, rawBody), 'hex');
  const given = Buffer.from(hex, 'hex');
  if (!timingSafeEqual(expected, given)) {
    return { ok: false, reason: "the X-Signature header does not match the body signed with this webhook's secret" };
  }
  return { ok: true };
}

/**
 * Verifies a delivery and returns its body, without a leading BOM (the signature covers the bytes as sent). Any failure is a HaltedError: the run stops
 * without starting the Zap and without turning it off (a forged call must not disable the Zap).
 */
export function verifyBlueDelivery(z: ZObject, bundle: Bundle, secret: string | undefined): string {
  if (!secret) {
    throw new z.errors.HaltedError(
      'Ignored a Blue webhook call: this Zap has no Blue signing secret stored, so the call cannot be verified. ' +
        'Turn the Zap off and on again to create a new Blue webhook.',
    );
  }
  const raw = bundle.rawRequest?.content;
  if (typeof raw !== 'string') {
    throw new z.errors.HaltedError(
      'Ignored a Blue webhook call: its raw body is missing, so its signature cannot be verified.',
    );
  }
  const check = checkSignature(secret, raw, signatureHeader(bundle.rawRequest?.headers));
  if (!check.ok) {
    throw new z.errors.HaltedError(
      `Ignored a webhook call that could not be verified as coming from Blue: ${check.reason}. ` +
        'If this keeps happening for genuine Blue events, turn the Zap off and on again to renew the webhook.',
    );
  }
  return withoutBom(raw);
}
