// Builds the app Zapier runs: one ES module, dist/index.js, from index.ts and everything it
// imports, zod and standardwebhooks included; zapier-platform-core stays a package import because
// Zapier's runtime loads the app through it.
//
// Why a bundle rather than tsc's one file per module: on a cold start Node resolves, reads and
// compiles every module separately, and zod 4's package entry loads all 64 of its locales. The
// bundle keeps only what the app uses (zod's English messages, no locales; see `npm run bench`).
// Type checking stays with tsc (`npm run typecheck`, and `tsc --noEmit` in `npm run build`).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Not import.meta.dirname: jest's ES module support (which loads this file in tests) lacks it.
const root = fileURLToPath(new URL('..', import.meta.url));

/** Packages left as imports: core must be the very instance Zapier's runtime loaded. */
export const EXTERNAL = ['zapier-platform-core'];

/**
 * Writes dist/index.js. Returns esbuild's metafile (which input files went into the bundle, and how
 * many bytes of it each), which the bench uses to tell our code from our dependencies.
 */
export async function bundle({ outfile = resolve(root, 'dist', 'index.js') } = {}) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [resolve(root, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: EXTERNAL,
    // Readable stack traces in Zapier's logs: names and layout kept, nothing minified.
    minify: false,
    keepNames: false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    tsconfig: resolve(root, 'tsconfig.json'),
  });
  return result.metafile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `npm run build`: a fresh dist/ (nothing stale for Zapier's CLI to pick up); build/ (the zips
  // from `npm run package`) is left alone.
  rmSync(resolve(root, 'dist'), { recursive: true, force: true });
  const meta = await bundle();
  const [out] = Object.values(meta.outputs);
  const inputs = Object.keys(out?.inputs ?? {});
  const deps = new Set(
    inputs.filter((p) => p.includes('node_modules/')).map((p) => p.split('node_modules/')[1]?.split('/')[0]),
  );
  console.log(
    `dist/index.js: ${out?.bytes ?? 0} bytes from ${inputs.length} modules (dependencies inlined: ${[...deps].sort().join(', ')})`,
  );
}
