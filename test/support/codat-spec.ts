// Codat's Platform spec (../shared/reference/codat/Codat-Platform.json) when this checkout sits
// beside it: request bodies and fixtures are validated against its schemas. Without it the tests
// still assert the project's own pinned expectations, and say so in their names.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

// CODAT_PLATFORM_SPEC=/nowhere runs the suite as on a machine without the reference files.
export const SPEC_PATH = path.resolve(
  process.cwd(),
  process.env.CODAT_PLATFORM_SPEC ?? '../shared/reference/codat/Codat-Platform.json',
);
const BASE = 'https://codat-platform.spec/openapi.json';

type Validator = {
  addSchema(schema: unknown, uri: string): void;
  validate(value: unknown, schema: unknown): { errors: { stack: string }[] };
};

export interface PlatformSpec {
  doc: Record<string, unknown>;
  /** Validation errors of `value` against the schema at `pointer` (e.g. "/components/schemas/Company"). */
  errors(pointer: string, value: unknown): string[];
  /** The JSON at a pointer, e.g. an example. */
  at(pointer: string): unknown;
}

let cached: PlatformSpec | null | undefined;

export function platformSpec(): PlatformSpec | null {
  if (cached !== undefined) return cached;
  if (!existsSync(SPEC_PATH)) return (cached = null);
  const doc = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Record<string, unknown>;
  // jsonschema ships with zapier-platform-core (via zapier-platform-schema).
  const { Validator: V } = require('jsonschema') as { Validator: new () => Validator };
  const validator = new V();
  validator.addSchema(doc, BASE);
  const at = (pointer: string) =>
    pointer
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
  return (cached = {
    doc,
    at,
    errors: (pointer, value) => validator.validate(value, { $ref: `${BASE}#${pointer}` }).errors.map((e) => e.stack),
  });
}

/** JSON pointer of a documented example of an operation's response. */
export function examplePointer(pathKey: string, method: string, status: string, name: string): string {
  const p = pathKey.replace(/~/g, '~0').replace(/\//g, '~1');
  return `/paths/${p}/${method}/responses/${status}/content/application~1json/examples/${name}/value`;
}
