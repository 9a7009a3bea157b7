// `npm start`'s entry point as a user runs it: a separate process (tsx, Node 22), real loopback
// HTTP, exit code 0 and a transcript with every step and its timing.
import { spawn } from 'node:child_process';
import path from 'node:path';

function runStart(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const tsx = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawn(process.execPath, [tsx, 'sandbox/run.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

it('prints the 10 steps with timings and exits 0', async () => {
  const { code, out } = await runStart();
  expect(out).toMatch(/All 10 steps passed/);
  for (let i = 1; i <= 10; i++) expect(out).toMatch(new RegExp(`^ok   ${i}/10 .+ \\(\\d+ ms\\)$`, 'm'));
  // core's per-run memory lines would drown the transcript.
  expect(out).not.toMatch(/RSSMEM/);
  expect(out).toMatch(/Link URL: https:\/\/link\.codat\.io\/company\/[0-9a-f-]{36}$/m);
  expect(code).toBe(0);
}, 60_000);
