// One cold start, in a fresh process: imports the module named on the command line and prints how
// long the import took (performance.now() around the dynamic import), as one JSON line.
// Plain JavaScript on purpose: a TypeScript loader would slow the very import being measured.
import { pathToFileURL } from 'node:url';

const target = process.argv[2];
if (!target) {
  console.error('usage: cold-child.mjs <path to an ES module | package name>');
  process.exit(2);
}
const specifier = target.startsWith('/') ? pathToFileURL(target).href : target;
const started = performance.now();
const mod = await import(specifier);
const importMs = performance.now() - started;
if (!mod.default) throw new Error(`${target} has no default export`);
process.stdout.write(`${JSON.stringify({ importMs, sinceStartMs: performance.now() })}\n`);
