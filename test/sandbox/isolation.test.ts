// The sandbox is development tooling: nothing the app ships may import it (the bundle in dist/ holds
// what index.ts imports; test/scripts/bundle.test.ts checks its inputs), and the build's type check
// (tsconfig.json) must not compile it.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const APP_ENTRIES = ['index.ts', 'authentication.ts'];
const APP_DIRS = ['common', 'codat', 'blue', 'triggers', 'creates'];

function tsFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

const SANDBOX_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"][^'"]*\bsandbox\//;

it('no app source file imports sandbox/', () => {
  const files = [...APP_ENTRIES, ...APP_DIRS.flatMap(tsFiles)];
  expect(files.length).toBeGreaterThan(5);
  const offenders = files.filter((f) => SANDBOX_IMPORT.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
  expect(offenders).toEqual([]);
});

it('the import check recognises a sandbox import (it can fail)', () => {
  expect(SANDBOX_IMPORT.test("import { x } from '../sandbox/seed.js';")).toBe(true);
  expect(SANDBOX_IMPORT.test("const m = await import('./sandbox/run.js');")).toBe(true);
  expect(SANDBOX_IMPORT.test("import { x } from './blue/client.js';")).toBe(false);
});

it('the build tsconfig does not compile sandbox/', () => {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { include?: string[] };
  expect(config.include?.some((p) => p.startsWith('sandbox'))).toBe(false);
});
