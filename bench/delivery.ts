// Per-delivery cost: each hook perform of the app through zapier-platform-core's runtime
// (createAppTester, as the sandbox's catch hook runs it) vs the same runtime running a trivial hook
// on the same bundle. Variants are interleaved so drift (GC, CPU frequency) hits them alike.
import zapier from 'zapier-platform-core';
import { AppRunner, type AppFunction, type AppLike } from '../sandbox/app-runner.js';
import { HOOKS, signedDelivery, trivialApp, type Service } from './payloads.js';
import { median, ratio } from './stats.js';

export interface DeliveryCase {
  service: Service;
  triggerKey: string;
  label: string;
  bytes: number;
  iterations: number;
  performMs: number;
  /** The trivial hook in a one-trigger app (the target's baseline). */
  trivialMs: number;
  /**
   * The same trivial hook added to our app's definition: core recompiles (deep-clones and
   * freezes) the whole definition on every invocation, so this isolates what the definition's
   * size costs from what perform itself costs.
   */
  trivialInAppMs: number;
  /**
   * The parse floor: a one-trigger app whose hook returns `JSON.parse(rawRequest.content)`. Any hook
   * that checks a signature and then uses the signed bytes (not Zapier's cleaned copy) pays this.
   */
  parseFloorMs: number;
  /** JSON.parse of the body alone, outside core. */
  parseOnlyMs: number;
  ratio: number | null;
  /** perform vs the parse floor: what the app adds beyond reading the body it verified. */
  ratioToParseFloor: number | null;
}

interface Variant {
  name: string;
  runner: AppRunner;
  fn: AppFunction;
  bundle: Record<string, unknown>;
  samples: number[];
}

async function runOnce(v: Variant): Promise<number> {
  const started = performance.now();
  const result = await v.runner.run<unknown>(v.fn, v.bundle);
  const ms = performance.now() - started;
  // Back to the event loop between invocations, as on Zapier where each arrives as its own event.
  // A loop of awaits alone never ends V8's job, so the WeakRefs Node's domain module holds (core
  // runs each invocation in a domain) stay alive with every result they reach: a 1 MB run kept
  // 1 MB per invocation until core's memory check killed the bench (zapier-platform-core 19.1.0).
  await new Promise((resolve) => setImmediate(resolve));
  // A perform that refused the delivery would be fast for the wrong reason.
  if (!Array.isArray(result) || result.length !== 1) {
    throw new Error(`${v.name}: perform returned ${JSON.stringify(result)?.slice(0, 200)} instead of one item`);
  }
  return ms;
}

export async function benchDeliveries(
  app: AppLike,
  sizes: readonly { label: string; bytes: number; iterations: number }[],
): Promise<DeliveryCase[]> {
  const appRunner = new AppRunner(app);
  const trivialRunner = new AppRunner(trivialApp(zapier.version));
  const trivialFn = trivialRunner.fn('triggers', 'trivial', 'perform');
  const trivialTrigger = trivialApp(zapier.version).triggers.trivial;
  const appPlusTrivial = new AppRunner({ ...app, triggers: { ...app.triggers, bench_trivial: trivialTrigger } });
  const appTrivialFn = appPlusTrivial.fn('triggers', 'bench_trivial', 'perform');
  const parseRunner = new AppRunner(trivialApp(zapier.version, { parseRaw: true }));
  const parseFn = parseRunner.fn('triggers', 'trivial', 'perform');
  const cases: DeliveryCase[] = [];
  for (const size of sizes) {
    for (const service of ['codat', 'blue'] as const) {
      const { triggerKey } = HOOKS[service];
      const delivery = signedDelivery(service, size.bytes);
      const variants: Variant[] = [
        {
          name: `${triggerKey} perform`,
          runner: appRunner,
          fn: appRunner.fn('triggers', triggerKey, 'perform'),
          bundle: delivery.bundle,
          samples: [],
        },
        { name: 'trivial perform', runner: trivialRunner, fn: trivialFn, bundle: delivery.bundle, samples: [] },
        {
          name: 'trivial perform in our app',
          runner: appPlusTrivial,
          fn: appTrivialFn,
          bundle: delivery.bundle,
          samples: [],
        },
        { name: 'parse-floor perform', runner: parseRunner, fn: parseFn, bundle: delivery.bundle, samples: [] },
      ];
      const content = (delivery.bundle.rawRequest as { content: string }).content;
      const parseOnly: number[] = [];
      const warmup = Math.max(2, Math.min(10, Math.floor(size.iterations / 5)));
      for (let i = 0; i < warmup; i++) for (const v of variants) await runOnce(v);
      for (let i = 0; i < size.iterations; i++) {
        // Rotate which variant goes first.
        const order = [...variants.slice(i % variants.length), ...variants.slice(0, i % variants.length)];
        for (const v of order) v.samples.push(await runOnce(v));
        const started = performance.now();
        JSON.parse(content);
        parseOnly.push(performance.now() - started);
      }
      const performMs = median(variants[0]!.samples);
      const trivialMs = median(variants[1]!.samples);
      const parseFloorMs = median(variants[3]!.samples);
      cases.push({
        service,
        triggerKey,
        label: size.label,
        bytes: delivery.bytes,
        iterations: size.iterations,
        performMs,
        trivialMs,
        trivialInAppMs: median(variants[2]!.samples),
        parseFloorMs,
        parseOnlyMs: median(parseOnly),
        ratio: ratio(performMs, trivialMs),
        ratioToParseFloor: ratio(performMs, parseFloorMs),
      });
    }
  }
  return cases;
}
