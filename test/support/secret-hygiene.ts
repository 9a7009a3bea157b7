// Secret hygiene: no message, log line or result a user (or Zapier's logs) can see may hold a key,
// a token secret or a webhook signing secret, in clear or URL-encoded.
import { expect } from '@jest/globals';

/** Every text in `texts` that contains one of `secrets` (or its URL-encoded form). */
export function leaks(texts: readonly string[], secrets: readonly string[]): { secret: string; text: string }[] {
  const forms = secrets.filter((s) => s.length >= 8).flatMap((s) => [...new Set([s, encodeURIComponent(s)])].map((f) => ({ secret: s, form: f })));
  const out: { secret: string; text: string }[] = [];
  for (const text of texts) {
    for (const { secret, form } of forms) {
      if (text.includes(form)) out.push({ secret: `${secret.slice(0, 6)}…`, text: text.slice(0, 300) });
    }
  }
  return out;
}

export function expectNoSecrets(texts: readonly string[], secrets: readonly string[]): void {
  expect(texts.length).toBeGreaterThan(0);
  expect(leaks(texts, secrets)).toEqual([]);
}

/** Every form of a Codat API key a leak could take: the key, its Base64 and the header sent. */
export function codatApiKeyForms(key: string): string[] {
  const base64 = Buffer.from(key, 'utf8').toString('base64');
  return [key, base64, `Basic ${base64}`];
}
