// Runs an app method through zapier-platform-core's real pipeline (createApp: stashed bundle, app
// context, the z object, output checks, z.request middlewares) without the per-call cost of
// createAppTester, which rebuilds and re-validates the whole app on every call (~3 ms). Built once
// per test file, it runs thousands of deliveries per second, which fuzzing needs.
// It also records what Zapier would log for the run: core's own logger (which censors authData)
// is used with a customLogger hook, the way `zapier invoke` captures logs.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Logger = ((message: string, data: Record<string, unknown>) => Promise<unknown>) & { end: () => Promise<unknown> };
type CoreApp = (input: unknown) => Promise<{ results: unknown }>;

const createApp = require('zapier-platform-core/src/create-app') as (appRaw: unknown) => CoreApp;
const createInput = require('zapier-platform-core/src/tools/create-input') as (
  app: unknown,
  event: unknown,
  logger: Logger,
  logBuffer: unknown[],
  rpc: unknown,
) => unknown;
const createLogger = require('zapier-platform-core/src/tools/create-logger') as (
  event: unknown,
  options: unknown,
) => Logger;
const schemaTools = require('zapier-platform-core/src/tools/schema') as { prepareApp: (appRaw: unknown) => unknown };
const resolveMethodPath = require('zapier-platform-core/src/tools/resolve-method-path') as (
  app: unknown,
  fn: unknown,
) => string;
const cleaner = require('zapier-platform-core/src/tools/cleaner') as {
  maskOutput: (o: unknown) => { results: unknown };
};

/** core's RPC client: `rpc(method, ...params)` (z.cache, cursors); see test/support/simulated-rpc.ts. */
export type Rpc = (method: string, ...params: unknown[]) => Promise<unknown>;

export interface CoreRunner {
  /** Runs `fn` (a function of the app definition) with `bundle`, like appTester; with `rpc`, z.cache works. */
  run: (fn: unknown, bundle: Record<string, unknown>, options?: { rpc?: Rpc }) => Promise<unknown>;
  /**
   * Every log line core produced (console and HTTP logs, already censored by core), as text,
   * without the response body and headers: those are the service's words, logged verbatim by
   * core for the developer, and beyond the app's control.
   */
  logs: string[];
}

export function coreRunner(appRaw: unknown): CoreRunner {
  const app = createApp(appRaw);
  const compiled = schemaTools.prepareApp(appRaw);
  const logs: string[] = [];
  const methods = new Map<unknown, string>();
  const methodOf = (fn: unknown) => {
    let m = methods.get(fn);
    if (!m) {
      m = resolveMethodPath(appRaw, fn);
      methods.set(fn, m);
    }
    return m;
  };

  const run = async (fn: unknown, bundle: Record<string, unknown>, options: { rpc?: Rpc } = {}) => {
    const event = {
      command: 'execute',
      method: methodOf(fn),
      bundle,
      customLogger: (message: string, data: Record<string, unknown>) => {
        const { response_content: _content, response_headers: _headers, ...rest } = data;
        logs.push(`${message} ${JSON.stringify(rest)}`);
      },
    };
    // No token: nothing is streamed anywhere; customLogger receives the censored lines.
    const logger = createLogger(event, { token: undefined, logBuffer: [] });
    try {
      // Without rpc, z.cache throws "rpc is not available", as under a local run without Zapier's RPC.
      const output = await app(createInput(compiled, event, logger, [], options.rpc));
      return cleaner.maskOutput(output).results;
    } finally {
      await logger.end();
    }
  };
  return { run, logs };
}
