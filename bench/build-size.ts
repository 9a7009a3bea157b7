// Build size: build/build.zip from `npm run package` (production dependencies only), split into
// files outside node_modules (dist/index.js, the CLI's definition.json and wrapper) and dependencies,
// read from the zip's central directory. dist/index.js is a bundle (scripts/bundle.mjs) with zod and
// standardwebhooks inlined, so its own make-up comes from esbuild's metafile.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Metafile } from 'esbuild';
import { bundle } from '../scripts/bundle.mjs';
import { dependencyOf, readCentralDirectory, splitByOwner } from './zip.js';

const run = promisify(execFile);

export type BuildSizeResult =
  | {
      ok: true;
      zipBytes: number;
      files: number;
      own: { files: number; compressed: number; uncompressed: number };
      deps: { files: number; compressed: number; uncompressed: number };
      /** Share of the zip's compressed bytes that is our code. */
      ownShare: number;
      topDependencies: { name: string; files: number; compressed: number }[];
      /** What dist/index.js is made of (uncompressed bytes), or null if it could not be rebuilt. */
      bundle: BundleComposition | null;
    }
  | { ok: false; reason: string };

export interface BundleComposition {
  bytes: number;
  /** Bytes that come from our own sources. */
  own: number;
  /** Bytes inlined from each dependency, largest first. */
  dependencies: { name: string; bytes: number }[];
}

/** Splits a one-output esbuild metafile into our code and each inlined dependency. */
export function bundleComposition(meta: Metafile): BundleComposition {
  const outputs = Object.values(meta.outputs);
  if (outputs.length !== 1) throw new Error(`expected one bundle output, got ${outputs.length}`);
  const out = outputs[0]!;
  let own = 0;
  const deps = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(out.inputs)) {
    const dep = dependencyOf(path);
    if (dep === null) own += bytesInOutput;
    else deps.set(dep, (deps.get(dep) ?? 0) + bytesInOutput);
  }
  return {
    bytes: out.bytes,
    own,
    dependencies: [...deps].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
  };
}

/** Rebuilds the bundle into a scratch file (same inputs as dist/index.js) to read its metafile. */
async function composition(root: string): Promise<BundleComposition | null> {
  const scratch = mkdtempSync(join(root, 'build', '.bundle-'));
  try {
    return bundleComposition(await bundle({ outfile: join(scratch, 'index.js') }));
  } catch {
    return null;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The npm CLI that runs this script (npm sets npm_execpath), else `npm` on PATH. */
export function npmCommand(): [string, string[]] {
  const cli = process.env.npm_execpath;
  return cli && existsSync(cli) && /\.c?js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
}

export async function npmRun(
  root: string,
  script: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const [cmd, pre] = npmCommand();
  try {
    await run(cmd, [...pre, 'run', script], { cwd: root, env, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 });
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string; killed?: boolean };
    const tail = failureSummary(e.stderr ?? '', e.stdout ?? '', root);
    throw new Error(
      `npm run ${script} ${e.killed ? `timed out after ${timeoutMs / 1000} s` : 'failed'}${tail ? `: ${tail}` : ''}`,
      { cause: err },
    );
  }
}

/** The error lines of a failed npm run (else its last lines), without local paths or log pointers. */
export function failureSummary(stderr: string, stdout: string, root: string): string {
  const lines = `${stderr}\n${stdout}`
    .split('\n')
    .map((l) => l.split(root).join('.').trim())
    .filter((l) => l && !/^npm warn|complete log of this run/i.test(l));
  // npm's own error lines say what happened (e.g. the registry unreachable); stack frames don't.
  const npmErrors = lines.filter((l) => /^npm (error|ERR!)/.test(l) && !/^npm (error|ERR!)\s*$/.test(l));
  if (npmErrors.length) return npmErrors.slice(0, 4).join(' | ').slice(0, 600);
  const errors = lines.filter((l) => /error|EAI_AGAIN|ECONNREFUSED|ENOTFOUND|ETIMEDOUT/i.test(l) && !/^at /.test(l));
  return (errors.length ? errors : lines).slice(-4).join(' | ').slice(0, 600);
}

export function measureZip(zipPath: string, bundleMakeUp: BundleComposition | null = null): BuildSizeResult {
  const zip = readFileSync(zipPath);
  const entries = readCentralDirectory(zip);
  const { own, deps, byDependency } = splitByOwner(entries);
  const total = own.compressed + deps.compressed;
  return {
    ok: true,
    zipBytes: statSync(zipPath).size,
    files: own.files + deps.files,
    own,
    deps,
    ownShare: total > 0 ? own.compressed / total : 0,
    topDependencies: [...byDependency]
      .map(([name, s]) => ({ name, files: s.files, compressed: s.compressed }))
      .sort((a, b) => b.compressed - a.compressed)
      .slice(0, 6),
    bundle: bundleMakeUp,
  };
}

export async function benchBuildSize(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 120_000,
): Promise<BuildSizeResult> {
  try {
    await npmRun(root, 'package', timeoutMs, env);
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  const zipPath = join(root, 'build', 'build.zip');
  if (!existsSync(zipPath)) return { ok: false, reason: 'npm run package finished but build/build.zip is missing' };
  try {
    return measureZip(zipPath, await composition(root));
  } catch (err) {
    return {
      ok: false,
      reason: `build/build.zip could not be read: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
