// The Node 22 guard every npm script starts with: silent on Node 22, and otherwise a message that
// names the one command that fixes the situation.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { node22Problem } from '../../scripts/require-node22.mjs';

const root = '/project';
const has =
  (...present: string[]) =>
  (path: string) =>
    present.some((p) => path === join(root, p));

describe('Node 22 guard', () => {
  it('lets Node 22 through, and the script itself exits 0 on it', () => {
    expect(node22Problem({ version: 'v22.23.3', root, script: 'test', exists: has() })).toBeUndefined();
    const run = spawnSync(process.execPath, [join(process.cwd(), 'scripts', 'require-node22.mjs')], {
      encoding: 'utf8',
    });
    expect(process.versions.node.split('.')[0]).toBe('22');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('after `npm ci --ignore-scripts` (no Node 22 in node_modules) says to run `npm rebuild node`, then the same script', () => {
    const message = node22Problem({ version: 'v20.20.2', root, script: 'test', exists: has('node_modules') });
    expect(message).toBe(
      "This project runs on Node 22, Zapier's runtime (found v20.20.2). Node 22 is missing from node_modules: " +
        'the "node" package\'s install script did not run (npm ci --ignore-scripts, or an npm that blocked it). ' +
        'Run: npm rebuild node, then npm test.',
    );
    expect(node22Problem({ version: 'v20.20.2', root, script: 'package', exists: has('node_modules') })).toMatch(
      /Run: npm rebuild node, then npm run package\.$/,
    );
  });

  it('before any install says to run `npm ci`', () => {
    expect(node22Problem({ version: 'v18.19.0', root, script: 'start', exists: has() })).toBe(
      "This project runs on Node 22, Zapier's runtime (found v18.19.0). Install first: npm ci, then npm start.",
    );
  });

  it('with Node 22 installed but bypassed (a script run with the system node) says to go through npm', () => {
    const message = node22Problem({
      version: 'v24.1.0',
      root,
      script: undefined,
      exists: has('node_modules', 'node_modules/node/bin/node'),
    });
    expect(message).toContain('(found v24.1.0)');
    expect(message).toContain(
      "run the project's commands through npm (npm test) or npx, or call node_modules/.bin/node directly.",
    );
  });
});
