// Building blocks of the fault matrices: one failure = how the service answers (or doesn't) and
// what the Zap user must be told. Each service's table combines its operations with its failures.
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
  /** Request timeout for this case (APP_HTTP_TIMEOUT_MS), for timeouts. */
  timeoutMs?: number;
}

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
  return (i: nock.Interceptor) => i.reply(() => [code, `<html><body>${value(text)}</body></html>`, { 'content-type': 'text/html' }]);
}

/** No answer before the app's timeout (the reply comes far too late and is aborted). */
export const TIMEOUT_MS = 50;
export function late() {
  return (i: nock.Interceptor) => i.delay(5_000).reply(200, '{}', json);
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
  if (expected.code !== undefined && err.code !== expected.code) problems.push(`code ${err.code}, expected ${expected.code}`);
  if (expected.delay !== undefined && (err.delay ?? null) !== expected.delay) problems.push(`delay ${err.delay}, expected ${expected.delay}`);
  if (problems.length) throw new Error(`${problems.join('; ')}\nmessage: ${err.message}`);
}
