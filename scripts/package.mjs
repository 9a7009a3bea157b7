// Produces build/build.zip (and build/source.zip) with production dependencies only.
//
// `zapier-platform build` copies the whole project, node_modules included, into a temp dir before
// installing production deps; with the CLI itself in devDependencies that copy hits EMFILE on
// machines with a 20k open-file limit. So we stage only what the app needs
// (the bundled dist/index.js, package.json, lockfile, .zapierapprc), install production deps there,
// and let the CLI zip and smoke-test that directory with --skip-dep-install.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { bundle } from './bundle.mjs';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'node_modules', 'zapier-platform-cli', 'src', 'bin', 'run');
const extraArgs = process.argv.slice(2);

function run(cmd, args, cwd) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: process.env });
}

// The same two steps as `npm run build`: type-check, then bundle dist/index.js (scripts/bundle.mjs).
run(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit'],
  root,
);
rmSync(join(root, 'dist'), { recursive: true, force: true });
await bundle();

// Files the stage already holds in the form Zapier needs (package.json without scripts, the bundle).
const STAGED = new Set(['package.json', 'package-lock.json', '.zapierapprc']);
// Used when git is not there to list the project's files (e.g. a copy without .git).
const SOURCE_ROOTS = [
  'index.ts',
  'authentication.ts',
  'common',
  'codat',
  'blue',
  'triggers',
  'creates',
  'searches',
  'test',
  'sandbox',
  'bench',
  'scripts',
  '.ci',
  'tsconfig.json',
  'tsconfig.test.json',
  'jest.config.js',
  'eslint.config.js',
  '.prettierrc.json',
  '.prettierignore',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  '.gitignore',
];

/**
 * The CLI zips source.zip from the directory it builds in, minus what its .gitignore names. Without
 * the project's sources and .gitignore there, source.zip held node_modules and no TypeScript, which
 * is not what Zapier's reviewers need to read. Only build.zip's dependency walk decides what ships.
 */
function copySources(stage) {
  let files;
  try {
    files = execFileSync('git', ['ls-files', '-z'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\0')
      .filter(Boolean);
  } catch {
    files = null;
  }
  if (files) {
    for (const file of files) {
      if (STAGED.has(file) || !existsSync(join(root, file))) continue;
      mkdirSync(dirname(join(stage, file)), { recursive: true });
      copyFileSync(join(root, file), join(stage, file));
    }
    return;
  }
  for (const path of SOURCE_ROOTS) {
    if (existsSync(join(root, path))) cpSync(join(root, path), join(stage, path), { recursive: true });
  }
}

const stage = mkdtempSync(join(tmpdir(), 'zapier-package-'));
try {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // The staged copy is already compiled: the CLI must not try to run tsc there.
  delete pkg.scripts;
  delete pkg.devDependencies;
  delete pkg.allowScripts;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(pkg, null, 2));
  copyFileSync(join(root, 'package-lock.json'), join(stage, 'package-lock.json'));
  copyFileSync(join(root, '.zapierapprc'), join(stage, '.zapierapprc'));
  cpSync(join(root, 'dist'), join(stage, 'dist'), { recursive: true });
  copySources(stage);

  const npmCli = process.env.npm_execpath;
  const npm = npmCli && existsSync(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  run(npm[0], [...npm[1], 'ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], stage);

  run(process.execPath, [cli, 'build', '--skip-dep-install', '--skip-validation', ...extraArgs], stage);

  mkdirSync(join(root, 'build'), { recursive: true });
  for (const name of ['build.zip', 'source.zip']) {
    copyFileSync(join(stage, 'build', name), join(root, 'build', name));
  }
  console.log(`\nWrote build/build.zip and build/source.zip (production dependencies only).`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
