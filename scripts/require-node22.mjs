// Zapier runs core 19 apps on Node 22 and its CLI refuses older Node: fail early, say why and say
// exactly what to run. The project brings Node 22 itself: the `node` package's install script (allowed
// in package.json's "allowScripts") puts it in node_modules/.bin, which npm scripts put first on PATH.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Why this process cannot go on, or undefined on Node 22. `script` is the npm script being run
 * (npm_lifecycle_event), so the message can name the command to repeat.
 */
export function node22Problem({ version, root, script, exists = existsSync }) {
  if (Number(version.replace(/^v/, '').split('.')[0]) === 22) return undefined;
  const again = !script ? 'npm test' : script === 'test' || script === 'start' ? `npm ${script}` : `npm run ${script}`;
  const found = `This project runs on Node 22, Zapier's runtime (found ${version}).`;
  if (!exists(join(root, 'node_modules'))) return `${found} Install first: npm ci, then ${again}.`;
  if (!exists(join(root, 'node_modules', 'node', 'bin', 'node'))) {
    return (
      `${found} Node 22 is missing from node_modules: the "node" package's install script did not run ` +
      `(npm ci --ignore-scripts, or an npm that blocked it). Run: npm rebuild node, then ${again}.`
    );
  }
  return (
    `${found} Node 22 is installed in node_modules/.bin but this command did not use it: ` +
    `run the project's commands through npm (${again}) or npx, or call node_modules/.bin/node directly.`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problem = node22Problem({
    version: process.version,
    root: resolve(fileURLToPath(new URL('..', import.meta.url))),
    script: process.env.npm_lifecycle_event,
  });
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
