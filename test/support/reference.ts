// The services' published specs (Blue's full GraphQL schema, Codat's webhook spec) are not part of
// the repository. The project keeps its own copies of what it relies on (the sandbox's Blue SDL, the
// sandbox's Codat event names) and tests the app against those; these helpers add the tests that
// pin the project's copies against the published specs, wherever a reference directory holds them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from '@jest/globals';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Where the published specs are looked for: REFERENCE_DIR, else `shared/reference` beside the
 * repository. test/support/summary-reporter.cjs uses the same rule.
 */
export const REFERENCE_DIR = path.resolve(
  process.env.REFERENCE_DIR || path.join(repoRoot, '..', 'shared', 'reference'),
);

/** CI always has the specs beside the clone: there a missing one is a failure, never a skip. */
const REQUIRED = process.env.CI === 'true';

/**
 * Declares the tests in `body` against one reference file (relative to REFERENCE_DIR). Present: they
 * run. Missing under CI=true: one failing test names the file. Missing elsewhere: nothing is
 * declared (so nothing shows as skipped) and the summary reporter says the comparisons did not run.
 */
export function describeReference(title: string, file: string, body: (filePath: string) => void): void {
  const filePath = path.join(REFERENCE_DIR, file);
  if (existsSync(filePath)) {
    describe(title, () => body(filePath));
  } else if (REQUIRED) {
    describe(title, () => {
      it(`finds ${file}`, () => {
        throw new Error(
          `CI=true requires the reference file ${filePath}; set REFERENCE_DIR to the directory holding ${file}.`,
        );
      });
    });
  }
}
