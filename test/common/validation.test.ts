// zod/mini carries no messages unless a locale is configured (common/zod.ts configures English):
// without it every summary would read "Invalid input", which tells a Zap user nothing.
import { describe, expect, it } from '@jest/globals';
import * as zod from '../../common/zod.js';
import { summarizeIssues } from '../../common/validation.js';

describe('summarizeIssues', () => {
  const schema = zod.object({ id: zod.string(), items: zod.array(zod.object({ n: zod.number() })) });

  it('names each path and says what was expected and received, in English', () => {
    const r = schema.safeParse({ id: 7, items: [{ n: 'x' }] });
    expect(r.success).toBe(false);
    expect(summarizeIssues(r.error!)).toBe(
      'id: Invalid input: expected string, received number; items.0.n: Invalid input: expected number, received string',
    );
  });

  it('stops after the first few issues and counts the rest', () => {
    const r = zod.object({ a: zod.string(), b: zod.string(), c: zod.string(), d: zod.string() }).safeParse({});
    expect(summarizeIssues(r.error!, 2)).toBe(
      'a: Invalid input: expected string, received undefined; b: Invalid input: expected string, received undefined (and 2 more)',
    );
  });

  it('calls a failure at the top level "body"', () => {
    expect(summarizeIssues(schema.safeParse('text').error!)).toBe(
      'body: Invalid input: expected object, received string',
    );
  });
});
