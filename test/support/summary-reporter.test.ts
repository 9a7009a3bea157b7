// The closing line is what CI reads: it must count a test file that fails to load as a failure.
// Runs jest itself on a throwaway project (plain CommonJS files, no transform) with the reporter.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const root = process.cwd();
const dir = mkdtempSync(path.join(tmpdir(), 'summary-reporter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runJest(files: Record<string, string>): { status: number | null; closing: string | undefined } {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const config = {
    rootDir: dir,
    testMatch: ['**/*.test.js'],
    transform: {},
    reporters: [path.join(root, 'test', 'support', 'summary-reporter.cjs')],
  };
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--config',
      JSON.stringify(config),
      '--no-watchman',
      '--ci',
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      // Not the SUMMARY_FILE of the run this test is part of (scripts/run-jest.mjs).
      env: { ...process.env, REFERENCE_DIR: dir, SUMMARY_FILE: '', SUMMARY_QUIET_REFERENCE: '' },
    },
  );
  const lines = result.stdout.split('\n').filter(Boolean);
  return { status: result.status, closing: lines.at(-1) };
}

describe('summary reporter', () => {
  it('counts a test file that fails to load as a failure, next to failed and skipped test cases', () => {
    const { status, closing } = runJest({
      'ok.test.js': "test('passes', () => {}); test.skip('skipped', () => {});",
      'fails.test.js': "test('fails', () => { throw new Error('no'); });",
      'broken.test.js': "require('./does-not-exist'); test('never runs', () => {});",
    });
    expect(status).toBe(1);
    expect(closing).toBe('Summary: 1 passed, 2 failed, 1 skipped');
  }, 60_000);

  it('reads "0 failed" only when every file ran and passed', () => {
    rmSync(path.join(dir, 'fails.test.js'));
    rmSync(path.join(dir, 'broken.test.js'));
    const { status, closing } = runJest({ 'ok.test.js': "test('passes', () => {}); test('passes too', () => {});" });
    expect(status).toBe(0);
    expect(closing).toBe('Summary: 2 passed, 0 failed');
  }, 60_000);
});
