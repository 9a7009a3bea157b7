// Building blocks of the fault matrices: one failure = how the service answers (or doesn't) and
// what the Zap user must be told. Each service's table combines its operations with its failures.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { readError, type CaughtError } from './errors.js';

export interface Expected {
  /** Zapier error class: AppError is z.errors.Error. */
  name: 'AppError' | 'ExpiredAuthError' | 'ThrottledError';
  /** What the message must say: the cause, in words a user understands. */
  message: RegExp;
  code?: string;
  delay?: number | null;
}

export interface Failure {
  name: string;
  /** Makes the interceptor fail this way. */
  reply: (interceptor: nock.Interceptor) => nock.Scope;
  expected: Expected;
  /** The step's deadline for this case (APP_HTTP_TIMEOUT_MS), for timeouts. */
  timeoutMs?: number;
  /** The reply points elsewhere: nothing may reach OTHER_HOST. */
  otherHost?: boolean;
  /** Served by a real server on 127.0.0.1 instead of nock (a socket closing mid-body). */
  loopback?: 'drop';
}

/**
 * Wall-clock bound of every cell: a step ends within its deadline plus this. Far below the 5 s
 * that late() and slowBody() replies take, so a cell that waited for them fails; with Zapier's
 * deadline (28 s) the same bound keeps a step under 30 s.
 */
export const BOUND_SLACK_MS = 2_000;

const json = { 'content-type': 'application/json' };

/** Built when the request arrives, so a reply can echo what the request carried. */
type Lazy<T> = T | (() => T);
const value = <T>(v: Lazy<T>): T => (typeof v === 'function' ? (v as () => T)() : v);

/** An HTTP status with a JSON body. */
export function status(code: number, body: Lazy<unknown>, headers: Lazy<Record<string, string>> = {}) {
  return (i: nock.Interceptor) => i.reply(() => [code, JSON.stringify(value(body)), { ...json, ...value(headers) }]);
}

/** A body that is not JSON (an HTML error page from a proxy). */
export function html(code: number, text: Lazy<string>) {
  return (i: nock.Interceptor) =>
    i.reply(() => [code, `<html><body>${value(text)}</body></html>`, { 'content-type': 'text/html' }]);
}

/** No answer before the app's timeout (the reply comes far too late and is aborted). */
export const TIMEOUT_MS = 50;
export function late() {
  return (i: nock.Interceptor) => i.delay(5_000).reply(200, '{}', json);
}

/** Headers at once, then a body that would take 5 s: the step's deadline must cover the body too. */
export function slowBody() {
  return (i: nock.Interceptor) => i.delayBody(5_000).reply(200, '{}', json);
}

/**
 * Headers after 60% of the deadline, the body 60% later: each wait alone fits a per-read timeout,
 * their sum does not fit the step. A timeout that restarts when headers arrive lets this through.
 */
export function slowHeadersThenBody(deadlineMs: number) {
  return (i: nock.Interceptor) => i.delay({ head: deadlineMs * 0.6, body: deadlineMs * 0.6 }).reply(200, '{}', json);
}

/** Where redirects point in the matrices; a guard records any request that reaches it. */
export const OTHER_HOST = 'https://collector.evil.example';
export function redirect(code: number) {
  return (i: nock.Interceptor) => i.reply(code, '', { Location: `${OTHER_HOST}/collect?via=matrix` });
}
export function guardOtherHost(): nock.Scope {
  return nock(OTHER_HOST).get(/.*/).reply(200, '{}').post(/.*/).reply(200, '{}').delete(/.*/).reply(204);
}

/**
 * A server on 127.0.0.1 that answers every request with headers and the start of a body, then
 * closes the socket: what a dropped connection looks like (nock cannot close a real socket).
 */
export interface Loopback {
  base: string;
  requests: () => number;
  close: () => Promise<void>;
}
export async function dropServer(): Promise<Loopback> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    count++;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
    res.write('{"data":[');
    setTimeout(() => res.socket?.destroy(), 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs `fn` with nock's interceptor lifted (so requests reach a loopback server), then restores it. */
export async function withoutNock<T>(fn: () => Promise<T>): Promise<T> {
  nock.restore();
  try {
    return await fn();
  } finally {
    nock.activate();
  }
}

/** Runs `fn`, returning its result or error and how long it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await fn();
  return { value, ms: Date.now() - started };
}

/** The connection drops mid-request. */
export function reset() {
  return (i: nock.Interceptor) => i.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
}

/** Runs a call that must fail; returns its error, recording the message. */
export async function failure(run: () => Promise<unknown>, messages: string[]): Promise<CaughtError> {
  let result: unknown;
  try {
    result = await run();
  } catch (err) {
    const e = readError(err);
    messages.push(e.message, e.raw);
    return e;
  }
  throw new Error(`Expected the call to fail, but it returned ${JSON.stringify(result)?.slice(0, 300)}`);
}

/** Runs `fn` with APP_HTTP_TIMEOUT_MS set (when given), restoring it after. */
export async function withTimeout<T>(timeoutMs: number | undefined, fn: () => Promise<T>): Promise<T> {
  const before = process.env.APP_HTTP_TIMEOUT_MS;
  if (timeoutMs !== undefined) process.env.APP_HTTP_TIMEOUT_MS = String(timeoutMs);
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.APP_HTTP_TIMEOUT_MS;
    else process.env.APP_HTTP_TIMEOUT_MS = before;
  }
}

export function assertExpected(err: CaughtError, expected: Expected): void {
  const problems: string[] = [];
  if (err.name !== expected.name) problems.push(`class ${err.name}, expected ${expected.name}`);
  if (!expected.message.test(err.message)) problems.push(`message does not match ${expected.message}`);
  if (expected.code !== undefined && err.code !== expected.code)
    problems.push(`code ${err.code}, expected ${expected.code}`);
  if (expected.delay !== undefined && (err.delay ?? null) !== expected.delay)
    problems.push(`delay ${err.delay}, expected ${expected.delay}`);
  if (problems.length) throw new Error(`${problems.join('; ')}\nmessage: ${err.message}`);
}
