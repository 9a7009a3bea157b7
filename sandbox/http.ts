// Small node:http helpers shared by the sandbox servers (loopback only, bounded bodies, clean close).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** 10 MB: Zapier's own hook payload limit, and far more than any sandbox request needs. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export class BodyTooLarge extends Error {}

export async function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > limit) throw new BodyTooLarge(`body larger than ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204) {
    res.writeHead(204, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(text)),
      ...headers,
    })
    .end(text);
}

export interface Listening {
  server: http.Server;
  /** http://127.0.0.1:PORT (no trailing slash). */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** Binds 127.0.0.1 only (port 0 = a free port) and returns a close() that ends keep-alive sockets too. */
export async function listen(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>,
  port = 0,
): Promise<Listening> {
  const server = http.createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        const tooLarge = err instanceof BodyTooLarge;
        sendJson(res, tooLarge ? 413 : 500, {
          code: tooLarge ? 'payload_too_large' : 'internal_error',
          detail: err instanceof Error ? err.message : String(err),
        });
      } else {
        res.end();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closed = false;
  return {
    server,
    port: address.port,
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** True for URLs the sandbox may deliver to: it never sends anything off this machine. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === '127.0.0.1' || host === 'localhost' || host === '::1';
  } catch {
    return false;
  }
}

export interface DeliveryAttempt {
  at: string;
  status?: number;
  error?: string;
  durationMs: number;
}

export interface RetryPolicy {
  /** Total attempts, first one included (bounded). */
  attempts: number;
  /** Wait before retry n (ms); the last value repeats. */
  backoffMs: readonly number[];
  /** Per-attempt answer deadline (Codat/Svix: 15 s). */
  timeoutMs: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * POSTs `body` to a loopback URL, retrying on network errors and non-2xx answers, at most
 * `policy.attempts` times. `headersFor(attempt)` lets the caller re-sign each attempt.
 */
export async function deliver(
  url: string,
  body: string,
  headersFor: (attempt: number) => Record<string, string>,
  policy: RetryPolicy,
): Promise<{ ok: boolean; attempts: DeliveryAttempt[] }> {
  const attempts: DeliveryAttempt[] = [];
  if (!isLoopbackUrl(url)) {
    attempts.push({
      at: new Date().toISOString(),
      error: 'the sandbox only delivers to 127.0.0.1/localhost',
      durationMs: 0,
    });
    return { ok: false, attempts };
  }
  const total = Math.max(1, Math.min(policy.attempts, 20));
  for (let n = 0; n < total; n++) {
    if (n > 0) {
      const wait = policy.backoffMs[Math.min(n - 1, policy.backoffMs.length - 1)] ?? 0;
      await sleep(wait);
    }
    const started = Date.now();
    try {
      const resp = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headersFor(n) },
        body,
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      await resp.arrayBuffer().catch(() => undefined);
      attempts.push({ at: new Date(started).toISOString(), status: resp.status, durationMs: Date.now() - started });
      if (resp.status >= 200 && resp.status < 300) return { ok: true, attempts };
    } catch (err) {
      attempts.push({
        at: new Date(started).toISOString(),
        error: err instanceof Error ? err.message : String(err),
        durationMs: Date.now() - started,
      });
    }
  }
  return { ok: false, attempts };
}

/** Tracks in-flight background work so callers (tests, the transcript) can wait for it. */
export class Pending {
  private readonly set = new Set<Promise<unknown>>();
  add<T>(p: Promise<T>): Promise<T> {
    this.set.add(p);
    p.finally(() => this.set.delete(p)).catch(() => undefined);
    return p;
  }
  async settled(): Promise<void> {
    // New work can start while we wait (a retry, a cascade): loop, bounded.
    for (let i = 0; i < 100 && this.set.size; i++) await Promise.allSettled([...this.set]);
  }
}
