// Generators shared by the delivery fuzzers: hostile bodies, header spellings and the outcome
// checks every delivery must satisfy whatever it carries.
import fc from 'fast-check';
import { readError } from '../support/errors.js';

/** Fixed by default so a failure replays; FUZZ_SEED=<n> explores other cases. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261123);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** The errors core knows how to report to a Zap user (z.errors.*). */
export const ZAPIER_ERRORS = new Set([
  'AppError',
  'HaltedError',
  'ExpiredAuthError',
  'ThrottledError',
  'RefreshAuthError',
]);

/** Strings that break naive code: unicode, controls, JSON look-alikes, huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\uFEFF{}',
      '\uD800',
      'null',
      'undefined',
      '[object Object]',
      '{"__proto__":{"polluted":1}}',
      '💥'.repeat(50),
      'é'.normalize('NFD'),
      '\r\n\r\n',
      '<script>alert(1)</script>',
    ),
  },
);

/** Up to 50 kB (the 10 MB case has its own test): big enough to cross buffer boundaries. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1_000, max: 50_000 }), fc.constantFrom('x', 'é', '💥', '\\"'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

/** Values of every JSON type (and nesting), for fields that expect a string. */
export const wrongTyped: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

/** JSON text nested `depth` levels deep (arrays or objects). */
export function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

export const deeplyNested: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 50, max: 1_000 }), fc.constantFrom('array' as const, 'object' as const))
  .map(([d, k]) => nested(d, k));

/** Raw bodies that are not what a service delivers. */
export const junkBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 1, arbitrary: hugeString },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 1, arbitrary: deeplyNested },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', '{', '{"a":1', '[]', '{}', '"just a string"', '1e999', 'true', '\u0000\u0000'),
  },
);

/** A header name spelled the way Zapier, a proxy or a test client might: case and `Http-` prefix. */
export function headerSpelling(name: string): fc.Arbitrary<string> {
  const camel = name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
  return fc
    .tuple(fc.constantFrom('', 'Http-', 'http-', 'HTTP-'), fc.constantFrom(name, name.toUpperCase(), camel))
    .map(([prefix, n]) => prefix + n);
}

export interface Outcome {
  items?: unknown[];
  error?: { name: string; message: string };
}

/** Runs a delivery, turning a throw into data, and checks the error is a clear z.errors.*. */
export async function outcome(run: () => Promise<unknown>, messages: string[]): Promise<Outcome> {
  try {
    const result = await run();
    if (!Array.isArray(result)) throw new Error(`perform returned ${typeof result}, not an array`);
    return { items: result };
  } catch (err) {
    const e = readError(err);
    messages.push(e.message);
    return { error: { name: e.name, message: e.message } };
  }
}

/** A message a Zap user can act on: says what happened, no internals. */
export function isClearMessage(message: string): boolean {
  return (
    message.length >= 30 &&
    message.length <= 1_000 &&
    // "received undefined" is zod's wording for a missing field, quoted in validation summaries.
    !/(?<!received )\bundefined\b|\[object Object\]|\bNaN\b|What happened| {4}at /.test(message)
  );
}

/** A plain assertion: jest's expect is too slow to call 10 times in each of 10,000 cases. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/**
 * What holds for every delivery: errors are z.errors.* with a clear message holding no secret;
 * every item has a non-empty string id and an event type the Zap subscribed to.
 */
export function checkOutcome(
  out: Outcome,
  secrets: readonly string[],
  typeKey: string,
  subscribed: (type: string) => boolean,
): void {
  if (out.error) {
    check(ZAPIER_ERRORS.has(out.error.name), `threw ${out.error.name}: ${out.error.message}`);
    check(isClearMessage(out.error.message), `unclear message: ${out.error.message.slice(0, 300)}`);
    for (const s of secrets) check(!out.error.message.includes(s), 'a secret is in the message');
  }
  for (const item of (out.items ?? []) as Record<string, unknown>[]) {
    check(typeof item.id === 'string' && item.id !== '', `item without id: ${JSON.stringify(item).slice(0, 200)}`);
    const type = item[typeKey];
    check(typeof type === 'string' && subscribed(type), `item of unsubscribed type ${String(type)}`);
  }
}
