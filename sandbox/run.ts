// `npm start`: the whole Zap, offline, as a step-by-step transcript. Exits 1 naming the failed step.

// zapier-platform-core's developer mode, as under `zapier-platform test`: its output checks throw
// instead of logging, and it prints no per-run memory lines. Must be set before core loads.
process.env.NODE_ENV = 'test';
const { default: App } = await import('../index.js');
const { runRoundTrip, startSandbox, STEPS } = await import('./round-trip.js');
type StepResult = import('./round-trip.js').StepResult;

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);

function print(result: StepResult): void {
  const mark = result.ok ? paint('32', 'ok  ') : paint('31', 'FAIL');
  console.log(`${mark} ${result.index}/${STEPS.length} ${result.title} ${paint('2', `(${Math.round(result.ms)} ms)`)}`);
  for (const line of result.lines) console.log(`       ${line}`);
  if (result.error) console.log(`       ${paint('31', result.error)}`);
}

async function main(): Promise<number> {
  const started = performance.now();
  console.log('Codat + Blue for Zapier: local round trip (sandbox servers on 127.0.0.1, no network, no credentials)\n');
  const sb = await startSandbox(App);
  console.log(paint('2', `Codat webhooks API ${sb.codat.url}   Blue GraphQL ${sb.blue.url}\n`));
  let results: StepResult[];
  try {
    results = await runRoundTrip(sb, print);
  } finally {
    await sb.stop();
  }
  const failed = results.find((r) => !r.ok);
  const total = Math.round(performance.now() - started);
  console.log('');
  if (failed) {
    console.log(paint('31', `Round trip failed at step ${failed.index} (${failed.title}): ${failed.error ?? ''}`));
    return 1;
  }
  console.log(paint('32', `All ${results.length} steps passed in ${total} ms.`));
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error('The sandbox could not start:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
