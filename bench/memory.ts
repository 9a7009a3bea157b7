// Peak memory (maxRSS) of single deliveries, each in a fresh child process, minus a baseline
// child that does everything but perform (loads the app, builds the same signed payload).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { HOOKS } from './payloads.js';
import { median } from './stats.js';

const run = promisify(execFile);

export interface MemoryCase {
  label: string;
  service: 'codat' | 'blue';
  triggerKey: string;
  bytes: number;
  /** maxRSS of the child that loads everything and builds the payload but runs no perform. */
  baselineBytes: number;
  /** maxRSS minus the baseline: the app's perform, and the trivial hook on the same payload. */
  performDeltaBytes: number;
  trivialDeltaBytes: number;
}

async function child(
  root: string,
  mode: string,
  service: string,
  bytes: number,
  appPath: string,
): Promise<{ bytes: number; maxRssBytes: number }> {
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs');
  const { stdout } = await run(
    process.execPath,
    ['--import', tsx, join(root, 'bench', 'memory-child.ts'), mode, service, String(bytes), appPath],
    {
      cwd: root,
      maxBuffer: 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'test' },
    },
  );
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as { bytes: number; maxRssBytes: number };
}

/** `repeat` children per variant (median), one after another so they don't compete for memory. */
export async function benchMemory(
  root: string,
  appPath: string,
  sizes: readonly { label: string; bytes: number }[],
  repeat = 1,
): Promise<MemoryCase[]> {
  const out: MemoryCase[] = [];
  for (const size of sizes) {
    for (const service of ['codat', 'blue'] as const) {
      const peaks: Record<'baseline' | 'trivial' | 'perform', number[]> = { baseline: [], trivial: [], perform: [] };
      let bytes = size.bytes;
      for (let i = 0; i < repeat; i++) {
        for (const mode of ['baseline', 'trivial', 'perform'] as const) {
          const r = await child(root, mode, service, size.bytes, appPath);
          peaks[mode].push(r.maxRssBytes);
          bytes = r.bytes;
        }
      }
      const base = median(peaks.baseline);
      out.push({
        label: size.label,
        service,
        triggerKey: HOOKS[service].triggerKey,
        bytes,
        baselineBytes: base,
        performDeltaBytes: median(peaks.perform) - base,
        trivialDeltaBytes: median(peaks.trivial) - base,
      });
    }
  }
  return out;
}
