// `npm run jest`: the whole suite in two jest processes, with one closing line for both.
// test/app/built-attack.test.ts switches nock off (the drop detection needs real sockets), and
// nock's interceptor is process-wide: a file that shared its worker could reach the network or
// see nock half-restored. So it runs in a process of its own, after the rest.
// With arguments (`npm run jest -- test/blue`), jest runs once with them, as usual.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ISOLATED = ['test/app/built-attack.test.ts'];
const JEST = [
  '--no-warnings=ExperimentalWarning',
  '--experimental-vm-modules',
  'node_modules/jest/bin/jest.js',
  '--maxWorkers=2',
];

function jest(args, env = {}) {
  const result = spawnSync(process.execPath, [...JEST, ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const args = process.argv.slice(2);
if (args.length) process.exit(jest(args));

const dir = mkdtempSync(join(tmpdir(), 'jest-summary-'));
const parts = [
  { file: join(dir, 'main.json'), args: ['--testPathIgnorePatterns', ...ISOLATED] },
  { file: join(dir, 'isolated.json'), args: ['--runTestsByPath', ...ISOLATED], env: { SUMMARY_QUIET_REFERENCE: '1' } },
];
let status = 0;
const total = { passed: 0, failed: 0, skipped: 0 };
for (const part of parts) {
  const code = jest(part.args, { SUMMARY_FILE: part.file, ...part.env });
  if (code !== 0) status = 1;
  try {
    const counts = JSON.parse(readFileSync(part.file, 'utf8'));
    for (const k of Object.keys(total)) total[k] += counts[k];
  } catch {
    // jest ended before its reporters ran: count the part as one failure.
    total.failed += 1;
    status = 1;
  }
}
rmSync(dir, { recursive: true, force: true });
if (status !== 0 && total.failed === 0) total.failed = 1;
process.stdout.write(
  `Summary: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}\n`,
);
process.exit(status);
