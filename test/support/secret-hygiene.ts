// Secret hygiene: no message, log line or result a user (or Zapier's logs) can see may hold a key,
// a token secret or a webhook signing secret, in clear or URL-encoded, whole or in part.
import { expect } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Every text in `texts` that contains one of `secrets` (or its URL-encoded form). With
 * `minFragment`, any run of that many characters of a secret counts too (a secret cut by an
 * excerpt still leaks); use it with random-looking secrets only.
 */
export function leaks(
  texts: readonly string[],
  secrets: readonly string[],
  minFragment?: number,
): { secret: string; text: string }[] {
  const forms = secrets
    .filter((s) => s.length >= 8)
    .flatMap((s) => [...new Set([s, encodeURIComponent(s)])].map((f) => ({ secret: s, form: f })));
  const out: { secret: string; text: string }[] = [];
  for (const text of texts) {
    for (const { secret, form } of forms) {
      let hit = text.includes(form);
      if (!hit && minFragment) {
        for (let i = 0; !hit && i + minFragment <= form.length; i++)
          hit = text.includes(form.slice(i, i + minFragment));
      }
      if (hit) out.push({ secret: `${secret.slice(0, 6)}…`, text: text.slice(0, 300) });
    }
  }
  return out;
}

export function expectNoSecrets(texts: readonly string[], secrets: readonly string[], minFragment?: number): void {
  expect(texts.length).toBeGreaterThan(0);
  expect(leaks(texts, secrets, minFragment)).toEqual([]);
}

// ---- core's Lambda handler, as Zapier runs an invocation ---------------------------------------

const require = createRequire(import.meta.url);
type Handler = (event: Record<string, unknown>) => Promise<{ results: unknown }>;

const core = require('zapier-platform-core') as { createAppHandler: (app: unknown) => Handler };

export interface LambdaOutcome {
  result?: unknown;
  error?: Error;
}

export interface LambdaHarness {
  /** Runs `method` (e.g. "triggers.codat_event.operation.perform") through createAppHandler. */
  invoke: (method: string, bundle: Record<string, unknown>) => Promise<LambdaOutcome>;
  /** Every log record core streamed to the log endpoint (JSON lines, response bodies included). */
  shipped: () => string[];
  /** z.cache keys the simulated RPC holds. */
  cacheKeys: () => string[];
  /** How the RPC answers from now on: normally, with HTTP 500 (core retries, then throws), or never. */
  rpcMode: (mode: 'ok' | 'error' | 'hang') => void;
  close: () => Promise<void>;
}

/**
 * One server on 127.0.0.1 stands in for Zapier's log endpoint (LOGGING_ENDPOINT, which core
 * streams every log record to when the invocation has a token) and for its RPC (rpc_base: z.cache,
 * with set-if-absent). Everything core would ship for an invocation arrives here.
 */
export async function lambdaHarness(app: unknown): Promise<LambdaHarness> {
  const shipped: string[] = [];
  const cache = new Map<string, string>();
  let mode: 'ok' | 'error' | 'hang' = 'ok';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url === '/rpc') {
        if (mode === 'hang') return;
        if (mode === 'error') {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('rpc down');
          return;
        }
        const { id, method, params } = JSON.parse(body) as { id: string; method: string; params: unknown[] };
        const [key, value, , , nx] = params as [string, string, number, unknown, boolean];
        let result: unknown = null;
        if (method === 'zcache_set') {
          result = !(nx && cache.has(key));
          if (result) cache.set(key, value);
        } else if (method === 'zcache_get') {
          result = cache.get(key) ?? null;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id, result }));
        return;
      }
      shipped.push(...body.split('\n').filter(Boolean));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handler = core.createAppHandler(app);
  // A full collection every 25 invocations. Core's memory check counts this whole jest process
  // (RSS over 450 MB after 250 runs exits it), and V8 let the heap of a 2,000-invocation run grow
  // to 280 MB of garbage between its own collections. A Lambda has the app alone; here a test
  // runner and every recorded run share the process.
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  let invocations = 0;

  const invoke = async (method: string, bundle: Record<string, unknown>): Promise<LambdaOutcome> => {
    const before = process.env.LOGGING_ENDPOINT;
    process.env.LOGGING_ENDPOINT = `${base}/logs`;
    try {
      const out = await handler({
        command: 'execute',
        method,
        bundle,
        token: 'hygiene-invocation-token',
        rpc_base: `${base}/rpc`,
      });
      return { result: out.results };
    } catch (err) {
      return { error: err as Error };
    } finally {
      if (before === undefined) delete process.env.LOGGING_ENDPOINT;
      else process.env.LOGGING_ENDPOINT = before;
      // Back to the event loop between invocations, as Zapier's separate events are: core runs each
      // one in a Node domain whose references V8 only drops when the job ends, so back-to-back
      // awaits keep every result alive, and core's memory check (after 250 runs, 450 MB RSS) then
      // kills the process.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (++invocations % 25 === 0) collect();
    }
  };
  return {
    invoke,
    shipped: () => [...shipped],
    cacheKeys: () => [...cache.keys()],
    rpcMode: (m) => {
      mode = m;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Every form of a Codat API key a leak could take: the key, its Base64 and the header sent. */
export function codatApiKeyForms(key: string): string[] {
  const base64 = Buffer.from(key, 'utf8').toString('base64');
  return [key, base64, `Basic ${base64}`];
}
