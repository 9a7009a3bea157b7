// Cold start: fresh Node processes importing the built app vs zapier-platform-core alone. Each
// child times its own dynamic import (bench/cold-child.mjs); the parent times the whole process.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { median, ratio } from './stats.js';

const run = promisify(execFile);

export interface ColdStartResult {
  runs: number;
  app: { importMs: number; wallMs: number };
  core: { importMs: number; wallMs: number };
  /** zod alone: the app's one big dependency besides core, to attribute the difference. */
  zod: { importMs: number; wallMs: number };
  importRatio: number | null;
  /**
   * Median of app/core over the runs taken back to back (run i of each): machine-wide drift hits
   * both halves of a pair, so this moves less than the ratio of the two medians.
   */
  pairedImportRatio: number | null;
  wallRatio: number | null;
  /** Every run's import time (ms), in the order taken: the spread behind the medians. */
  samples: { app: number[]; core: number[] };
}

async function once(root: string, target: string): Promise<{ importMs: number; wallMs: number }> {
  const started = performance.now();
  const { stdout } = await run(process.execPath, [join(root, 'bench', 'cold-child.mjs'), target], {
    cwd: root,
    env: process.env,
  });
  const wallMs = performance.now() - started;
  const { importMs } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { importMs: number };
  if (typeof importMs !== 'number')
    throw new Error(`cold-child printed no timing for ${target}: ${stdout.slice(0, 200)}`);
  return { importMs, wallMs };
}

/** `runs` processes per target, alternating targets so both see the same machine state. */
export async function benchColdStart(root: string, appPath: string, runs: number): Promise<ColdStartResult> {
  const app: { importMs: number; wallMs: number }[] = [];
  const core: { importMs: number; wallMs: number }[] = [];
  const zod: { importMs: number; wallMs: number }[] = [];
  // One unmeasured run of each warms the OS file cache, as on a Zapier worker that has the code.
  await once(root, appPath);
  await once(root, 'zapier-platform-core');
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      core.push(await once(root, 'zapier-platform-core'));
      app.push(await once(root, appPath));
    } else {
      app.push(await once(root, appPath));
      core.push(await once(root, 'zapier-platform-core'));
    }
    zod.push(await once(root, 'zod'));
  }
  const m = (xs: { importMs: number; wallMs: number }[]) => ({
    importMs: median(xs.map((x) => x.importMs)),
    wallMs: median(xs.map((x) => x.wallMs)),
  });
  const a = m(app);
  const c = m(core);
  return {
    runs,
    app: a,
    core: c,
    zod: m(zod),
    importRatio: ratio(a.importMs, c.importMs),
    pairedImportRatio: app.length ? median(app.map((x, i) => x.importMs / core[i]!.importMs)) : null,
    wallRatio: ratio(a.wallMs, c.wallMs),
    samples: {
      app: app.map((x) => Math.round(x.importMs * 10) / 10),
      core: core.map((x) => Math.round(x.importMs * 10) / 10),
    },
  };
}
