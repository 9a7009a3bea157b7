// Zapier's side of a REST hook: receives deliveries on a subscription's targetUrl, builds the
// bundle.rawRequest / bundle.cleanedRequest Zapier would, and runs the trigger's perform through
// zapier-platform-core's runtime. It answers 200 once the run is over and records each run.
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AppRunner } from './app-runner.js';
import { listen, readBody, sendJson, type Listening } from './http.js';

export interface RawRequest {
  method: string;
  querystring: string;
  headers: Record<string, string>;
  content: string;
}

export interface HookRun {
  hookId: string;
  triggerKey: string;
  rawRequest: RawRequest;
  cleanedRequest: unknown;
  /** perform's output when it returned. */
  result?: unknown[];
  /** perform's error (name + message) when it threw. */
  error?: { name: string; message: string };
  durationMs: number;
}

export interface HookConfig {
  triggerKey: string;
  authData: Record<string, unknown>;
  inputData?: Record<string, unknown>;
  /** Set after performSubscribe returns (bundle.subscribeData). */
  subscribeData?: Record<string, unknown>;
}

/** "webhook-signature" -> "Http-Webhook-Signature"; Content-Type/Content-Length keep their name. */
export function zapierHeaderName(name: string): string {
  const camel = name
    .toLowerCase()
    .split('-')
    .map((part) => (part ? part[0]!.toUpperCase() + part.slice(1) : part))
    .join('-');
  return camel === 'Content-Type' || camel === 'Content-Length' ? camel : `Http-${camel}`;
}

export function toRawRequest(
  method: string,
  url: string,
  headers: http.IncomingHttpHeaders,
  content: string,
): RawRequest {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[zapierHeaderName(name)] = Array.isArray(value) ? value.join(', ') : value;
  }
  const q = url.indexOf('?');
  return { method, querystring: q >= 0 ? url.slice(q + 1) : '', headers: out, content };
}

/** Zapier parses a JSON body; a form or empty body becomes the (query + form) fields. */
export function toCleanedRequest(raw: RawRequest): unknown {
  const type = (raw.headers['Content-Type'] ?? '').toLowerCase();
  if (raw.content.trim() && (type.includes('json') || /^[[{]/.test(raw.content.trim()))) {
    try {
      return JSON.parse(raw.content) as unknown;
    } catch {
      // fall through: not JSON after all
    }
  }
  const fields: Record<string, string> = Object.fromEntries(new URLSearchParams(raw.querystring));
  if (type.includes('x-www-form-urlencoded'))
    Object.assign(fields, Object.fromEntries(new URLSearchParams(raw.content)));
  return fields;
}

export class CatchHook {
  readonly runs: HookRun[] = [];
  private readonly hooks = new Map<string, HookConfig>();
  private readonly waiters: { hookId: string; count: number; resolve: () => void }[] = [];
  private listening?: Listening;
  /** Answer 503 to this many next requests before running perform (to exercise sender retries). */
  failNext = 0;

  constructor(readonly runner: AppRunner) {}

  async start(port = 0): Promise<this> {
    this.listening = await listen((req, res) => this.handle(req, res), port);
    return this;
  }

  async close(): Promise<void> {
    for (const w of this.waiters.splice(0)) w.resolve();
    await this.listening?.close();
  }

  /** A new targetUrl for one subscription of `triggerKey`. */
  create(config: HookConfig): { hookId: string; url: string } {
    if (!this.listening) throw new Error('catch hook not started');
    const hookId = randomUUID();
    this.hooks.set(hookId, { ...config });
    return { hookId, url: `${this.listening.origin}/hooks/catch/${hookId}/` };
  }

  setSubscribeData(hookId: string, subscribeData: Record<string, unknown>): void {
    const hook = this.hooks.get(hookId);
    if (!hook) throw new Error(`unknown hook ${hookId}`);
    hook.subscribeData = subscribeData;
  }

  remove(hookId: string): void {
    this.hooks.delete(hookId);
  }

  runsFor(hookId: string): HookRun[] {
    return this.runs.filter((r) => r.hookId === hookId);
  }

  /** Resolves once `hookId` has at least `count` runs, or rejects after `timeoutMs`. */
  waitForRuns(hookId: string, count: number, timeoutMs = 10_000): Promise<HookRun[]> {
    if (this.runsFor(hookId).length >= count) return Promise.resolve(this.runsFor(hookId));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(
          new Error(
            `no delivery reached the catch hook within ${timeoutMs} ms (${this.runsFor(hookId).length}/${count} runs)`,
          ),
        );
      }, timeoutMs);
      const waiter = {
        hookId,
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.runsFor(hookId));
        },
      };
      this.waiters.push(waiter);
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const content = await readBody(req);
    const url = req.url ?? '/';
    const match = /^\/hooks\/catch\/([^/?]+)\/?(?:\?.*)?$/.exec(url);
    const hook = match ? this.hooks.get(match[1]!) : undefined;
    // Zapier answers 410 Gone for a hook that no longer exists, which makes senders stop.
    if (!match || !hook) return sendJson(res, 410, { status: 'error', message: 'hook not found' });
    if (this.failNext > 0) {
      this.failNext--;
      return sendJson(res, 503, { status: 'error', message: 'simulated outage' });
    }
    const hookId = match[1]!;
    const rawRequest = toRawRequest(req.method ?? 'POST', url, req.headers, content);
    const cleanedRequest = toCleanedRequest(rawRequest);
    const started = Date.now();
    const run: HookRun = { hookId, triggerKey: hook.triggerKey, rawRequest, cleanedRequest, durationMs: 0 };
    try {
      const perform = this.runner.fn('triggers', hook.triggerKey, 'perform');
      const bundle: Record<string, unknown> = {
        authData: hook.authData,
        inputData: hook.inputData ?? {},
        subscribeData: hook.subscribeData ?? {},
        targetUrl: `${this.listening?.origin ?? ''}/hooks/catch/${hookId}/`,
        rawRequest,
        cleanedRequest,
        meta: {
          isLoadingSample: false,
          isFillingDynamicDropdown: false,
          isTestingAuth: false,
          isPopulatingDedupe: false,
          limit: -1,
          page: 0,
          isBulkRead: false,
          timezone: null,
        },
      };
      const result = await this.runner.run<unknown>(perform, bundle);
      run.result = Array.isArray(result) ? result : [result];
    } catch (err) {
      run.error = {
        name: err instanceof Error ? err.name : 'Error',
        message: err instanceof Error ? err.message : String(err),
      };
    }
    run.durationMs = Date.now() - started;
    this.runs.push(run);
    for (const w of [...this.waiters]) {
      if (w.hookId === hookId && this.runsFor(hookId).length >= w.count) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
    // Zapier accepts the delivery whatever perform did.
    sendJson(res, 200, { status: 'success', id: randomUUID() });
  }
}
