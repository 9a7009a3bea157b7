// One delivery in a fresh process, for its peak memory: loads the built app and core, builds a
// signed payload of the given size, runs one perform (or none, for the baseline) and prints
// process.resourceUsage().maxRSS. Run by bench/memory.ts through tsx.
process.env.NODE_ENV = 'test'; // no per-run memory lines from core, as under `zapier-platform test`
const { pathToFileURL } = await import('node:url');
const { default: zapier } = await import('zapier-platform-core');
const { AppRunner } = await import('../sandbox/app-runner.js');
const { HOOKS, signedDelivery, trivialApp } = await import('./payloads.js');

const [mode, service, bytesArg, appPath] = process.argv.slice(2);
const bytes = Number(bytesArg);
if (
  !['baseline', 'trivial', 'perform'].includes(mode ?? '') ||
  (service !== 'codat' && service !== 'blue') ||
  !Number.isFinite(bytes) ||
  !appPath
) {
  console.error('usage: memory-child.ts <baseline|trivial|perform> <codat|blue> <bytes> <dist/index.js path>');
  process.exit(2);
}
const { default: app } = (await import(pathToFileURL(appPath).href)) as {
  default: import('../sandbox/app-runner.js').AppLike;
};
const delivery = signedDelivery(service, bytes);
let items = -1;
if (mode !== 'baseline') {
  const runner = mode === 'trivial' ? new AppRunner(trivialApp(zapier.version)) : new AppRunner(app);
  const fn =
    mode === 'trivial'
      ? runner.fn('triggers', 'trivial', 'perform')
      : runner.fn('triggers', HOOKS[service].triggerKey, 'perform');
  const result = await runner.run<unknown[]>(fn, delivery.bundle);
  items = Array.isArray(result) ? result.length : -1;
  if (items !== 1) throw new Error(`${mode} perform returned ${items} items instead of 1`);
}
process.stdout.write(
  `${JSON.stringify({ mode, service, bytes: delivery.bytes, items, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
);
