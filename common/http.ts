// Transport helpers shared by the Codat and Blue clients. Service-specific error wording lives in
// codat/errors.ts and blue/errors.ts; this module only sends requests and reads responses safely.
import { createRequire } from 'node:module';
import type { Agent as HttpAgent, ClientRequest, IncomingMessage } from 'node:http';
import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';

// `require`, not `import ... from 'node:http'`: an ES import of node:http builds the module's whole
// namespace, which reads its lazy WebSocket getters and so loads undici, about 10 ms of every cold
// start (Node 22; `npm run bench`). require hands over the module object and loads nothing more.
const requireBuiltin = createRequire(import.meta.url);

/**
 * Zapier stops a step at 30 s. Every call of one step (and the reading of its body) shares one
 * deadline this long after the step's first call, leaving time to report a clear error.
 * APP_HTTP_TIMEOUT_MS overrides it (tests inject short budgets).
 */
export const DEFAULT_TIMEOUT_MS = 28_000;

export interface ServiceContext {
  /** Human name of the service, used in messages ("Codat", "Blue"). */
  service: string;
  /** What the app was doing, phrased to follow "while trying to" (e.g. "create the webhook"). */
  action: string;
  /** Values that must never appear in a message (keys, token secrets, webhook secrets). */
  secrets: readonly (string | undefined)[];
  /** Request header (lower case) -> the connection field its value comes from, for messages. */
  headerFields?: Readonly<Record<string, string>>;
  /** For a call not safe to repeat: replaces "try again" after a transport failure (it may have taken effect). */
  unsafeToRepeat?: string;
}

export type SendOptions = Omit<HttpRequestOptions, 'raw' | 'redirect' | 'timeout' | 'agent'> & {
  url: string;
};

/** What the clients read of a response: the body is read by send, within the step's deadline. */
export interface ServiceResponse {
  status: number;
  content: string;
  getHeader(name: string): string | undefined;
}

const ZAPIER_ERROR_NAMES = new Set([
  'AppError',
  'HaltedError',
  'ExpiredAuthError',
  'RefreshAuthError',
  'ThrottledError',
  'ResponseError',
  'CheckError',
]);

export function isZapierError(err: unknown): boolean {
  return err instanceof Error && ZAPIER_ERROR_NAMES.has(err.name);
}

/** A run of this many characters of a secret is treated as the secret (a cut secret is still one). */
export const MIN_SECRET_FRAGMENT = 8;
const REDACTED = '[redacted]';

function secretForms(secrets: readonly (string | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
  }
  return [...forms];
}

/**
 * Replaces every secret (and its URL-encoded form) with "[redacted]", and with it any run of
 * MIN_SECRET_FRAGMENT or more characters of one: a secret cut by an excerpt, or echoed in part,
 * must not show either.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  const ranges: [number, number][] = [];
  for (const form of secretForms(secrets)) {
    if (form.length < MIN_SECRET_FRAGMENT) {
      for (let i = text.indexOf(form); i !== -1; i = text.indexOf(form, i + form.length))
        ranges.push([i, i + form.length]);
      continue;
    }
    const grams = new Set<string>();
    for (let i = 0; i + MIN_SECRET_FRAGMENT <= form.length; i++) grams.add(form.slice(i, i + MIN_SECRET_FRAGMENT));
    for (let i = 0; i + MIN_SECRET_FRAGMENT <= text.length; i++) {
      if (!grams.has(text.slice(i, i + MIN_SECRET_FRAGMENT))) continue;
      let end = i + MIN_SECRET_FRAGMENT;
      while (end < text.length && form.includes(text.slice(i, end + 1))) end++;
      ranges.push([i, end]);
    }
  }
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  let open: [number, number] | undefined;
  for (const range of ranges) {
    if (open && range[0] <= open[1]) {
      open[1] = Math.max(open[1], range[1]);
      continue;
    }
    if (open) {
      out += REDACTED;
      pos = open[1];
    }
    out += text.slice(pos, range[0]);
    open = [range[0], range[1]];
  }
  if (open) {
    out += REDACTED;
    pos = open[1];
  }
  return out + text.slice(pos);
}

/** Redacts first, then cuts: a secret straddling the cut is redacted whole, never shown in part. */
export function excerpt(text: string, secrets: readonly (string | undefined)[], max: number): string {
  // Only the start can show; its window is wide enough that whitespace collapsing cannot pull in unredacted text.
  const window = text.length > max * 16 ? text.slice(0, max * 16) : text;
  const cut = redact(window, secrets).replace(/\s+/g, ' ').trim().slice(0, max);
  // A cut through the marker ("[redac") would read like text of the service's: show it whole.
  const open = cut.lastIndexOf('[');
  return open !== -1 && open > cut.length - REDACTED.length && REDACTED.startsWith(cut.slice(open))
    ? cut.slice(0, open) + REDACTED
    : cut;
}

/** Secrets a hook bundle carries beyond authData: the webhook signing secret in subscribeData. */
export function bundleSecrets(bundle: { subscribeData?: unknown }): string[] {
  const secret = (bundle.subscribeData as { secret?: unknown } | undefined)?.secret;
  return typeof secret === 'string' && secret ? [secret] : [];
}

function stepBudgetMs(): number {
  const fromEnv = Number(process.env.APP_HTTP_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_TIMEOUT_MS;
}

function formatMs(ms: number): string {
  // Sub-second budgets (tests) would otherwise read "within 0 seconds".
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} seconds`;
}

/** One z per invocation: the step's deadline, fixed at its first call. */
const deadlines = new WeakMap<object, { at: number; budget: number }>();

export function stepDeadline(z: ZObject): { at: number; budget: number } {
  let deadline = deadlines.get(z);
  if (!deadline) {
    const budget = stepBudgetMs();
    deadline = { at: Date.now() + budget, budget };
    deadlines.set(z, deadline);
  }
  return deadline;
}

type Interruption = 'deadline' | 'drop';

/**
 * node-fetch waits for the rest of a body that stopped coming until a timeout, even after the
 * connection closed. This agent reports a response whose connection closed before it was complete.
 */
function watchingAgent(url: string, onDrop: () => void): HttpAgent {
  const { Agent } = url.startsWith('https:')
    ? (requireBuiltin('node:https') as typeof import('node:https'))
    : (requireBuiltin('node:http') as typeof import('node:http'));
  const agent: HttpAgent = new Agent();
  const internals = agent as unknown as { addRequest: (req: ClientRequest, options: unknown) => void };
  const addRequest = internals.addRequest.bind(agent);
  internals.addRequest = (req, options) => {
    req.once('response', (res: IncomingMessage) => {
      res.once('close', () => {
        if (!res.complete) onDrop();
      });
    });
    addRequest(req, options);
  };
  return agent;
}

/** Node's rule for header values: no control characters but tab, nothing beyond Latin-1. */
const INVALID_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/** True if an HTTP header cannot carry `value` (node would refuse to send it). */
export function unsendableInHeader(value: unknown): boolean {
  return typeof value === 'string' && INVALID_HEADER_VALUE.test(value);
}

/** The error for a connection field (or header) whose value an HTTP header cannot carry. */
export function unsendableError(
  z: ZObject,
  what: { service: string; action: string; field?: string; header?: string },
): Error {
  return new z.errors.Error(
    `${what.field ? `The connection's "${what.field}"` : `The ${what.header} header`} holds a character that cannot be sent to ` +
      `${what.service} (a line break, another control character, or a character outside Latin-1 such as an emoji ` +
      `or a curly quote), so nothing was sent while trying to ${what.action}. ` +
      (what.field ? `Copy the value again from ${what.service} and reconnect the account.` : 'Check the value.'),
    'invalid_credential',
    400,
  );
}

function checkHeaders(z: ZObject, headers: Record<string, string> | undefined, ctx: ServiceContext): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!unsendableInHeader(value)) continue;
    const field = ctx.headerFields?.[name.toLowerCase()];
    throw unsendableError(z, { service: ctx.service, action: ctx.action, ...(field ? { field } : { header: name }) });
  }
}

function describeNetworkFailure(err: unknown, interruption: Interruption | undefined, budget: number): string {
  if (interruption === 'deadline') {
    return `no answer within ${formatMs(budget)}, the time this step allows for its calls to finish before Zapier's 30-second limit`;
  }
  if (interruption === 'drop') return 'the connection dropped before the whole answer arrived';
  const e = err as { type?: string; code?: string; errno?: string; message?: string };
  const code = e.code ?? e.errno;
  switch (code) {
    case 'ECONNRESET':
      return 'the connection was reset';
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its host name could not be resolved';
    default:
      return code ? `network error ${code}` : 'a network error';
  }
}

function hostOf(url: string | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).host;
  } catch {
    return undefined;
  }
}

/**
 * Sends one request through z.request without core's generic status handling: callers map
 * statuses themselves. The body is read here, within the step's single deadline; a connection
 * that drops mid-body fails at once. Redirects are never followed, so credentials and secrets
 * only reach the configured host; a 3xx is an error naming where it pointed. Network failures
 * and timeouts become a z.errors.Error that says what happened.
 *
 * `raw: true` keeps the body away from core: core logs (and quotes in "What happened") every
 * response body it reads, scrubbing only the connection's stored values, and a response may carry
 * other secrets (a webhook signing secret) or echo a secret in part.
 */
export async function send(z: ZObject, options: SendOptions, ctx: ServiceContext): Promise<ServiceResponse> {
  checkHeaders(z, options.headers, ctx);
  const deadline = stepDeadline(z);
  let interruption: Interruption | undefined;
  const controller = new AbortController();
  const interrupt = (why: Interruption) => {
    interruption ??= why;
    controller.abort();
  };
  const networkError = (err: unknown) =>
    new z.errors.Error(
      redact(
        `${ctx.service} could not be reached${interruption === 'deadline' ? ' in time' : ''} while trying to ${ctx.action} ` +
          `(${describeNetworkFailure(err, interruption, deadline.budget)}). ` +
          (ctx.unsafeToRepeat ?? `This is usually temporary: try again in a few minutes.`),
        ctx.secrets,
      ),
      'network_error',
      503,
    );
  const remaining = deadline.at - Date.now();
  if (remaining <= 0) {
    interruption = 'deadline';
    throw networkError(undefined);
  }
  const timer = setTimeout(() => interrupt('deadline'), remaining);
  try {
    const resp = await z.request({
      ...options,
      raw: true,
      redirect: 'manual',
      agent: watchingAgent(options.url, () => interrupt('drop')),
      signal: controller.signal,
      skipThrowForStatus: true,
      throwForThrottlingEarly: false,
    } as SendOptions & { raw: true });
    // A deadline or a drop during the body aborts this read (node-fetch rejects it).
    const content = await resp.text();
    const out: ServiceResponse = { status: resp.status, content, getHeader: (name) => resp.getHeader(name) };
    if (resp.status >= 300 && resp.status < 400) throw redirectError(z, out, options.url, ctx);
    return out;
  } catch (err) {
    if (isZapierError(err)) throw err;
    if (err instanceof TypeError && /header/i.test(err.message)) {
      // node-fetch quotes the offending value; never pass its message on.
      throw new z.errors.Error(
        `A request header holds a character that cannot be sent to ${ctx.service}, so nothing was sent while trying to ${ctx.action}. ` +
          'Check the connection fields for line breaks or unusual characters, then reconnect the account.',
        'invalid_credential',
        400,
      );
    }
    throw networkError(err);
  } finally {
    clearTimeout(timer);
  }
}

function redirectError(z: ZObject, resp: ServiceResponse, requestUrl: string, ctx: ServiceContext): Error {
  const target = hostOf(resp.getHeader('location'), requestUrl);
  const own = hostOf(requestUrl, requestUrl) ?? 'its API';
  return new z.errors.Error(
    redact(
      `${ctx.service} answered with a redirect (HTTP ${resp.status}) ` +
        `${target ? `to ${target === own ? `another address on ${target}` : target}` : 'without a target'} while trying to ${ctx.action}. ` +
        `The app does not follow redirects: the request was not repeated there, and the connection's credentials went only to ${own}. ` +
        `If this persists, check the service's API address or contact ${ctx.service} support.`,
      ctx.secrets,
    ),
    'unexpected_redirect',
    502,
  );
}

const CORRELATION_HEADERS = ['x-request-id', 'svix-req-id', 'x-correlation-id', 'request-id', 'cf-ray'];

/** The service's own id for a failed request, to quote to its support. */
export function correlationId(resp: ServiceResponse, secrets: readonly (string | undefined)[]): string | undefined {
  for (const name of CORRELATION_HEADERS) {
    const value = resp.getHeader(name);
    if (value) return excerpt(value, secrets, 100);
  }
  return undefined;
}

export function correlationSuffix(resp: ServiceResponse, secrets: readonly (string | undefined)[]): string {
  const id = correlationId(resp, secrets);
  return id ? ` (request id ${id})` : '';
}

/** Seconds to wait from a Retry-After header (seconds or HTTP date), or the given fallback. */
export function retryAfterSeconds(resp: ServiceResponse, fallback?: unknown): number | undefined {
  const header = resp.getHeader('retry-after');
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  const n = typeof fallback === 'string' ? Number(fallback) : fallback;
  if (typeof n === 'number' && Number.isFinite(n) && n >= 0) return Math.ceil(n);
  return undefined;
}

const BOM = '\uFEFF';

/**
 * A body without its leading UTF-8 byte order mark, which JSON.parse refuses. Webhook signatures
 * cover the bytes as sent, BOM included: strip it only after verifying.
 */
export function withoutBom(body: string): string {
  return body.startsWith(BOM) ? body.slice(BOM.length) : body;
}

export type JsonResult = { ok: true; value: unknown } | { ok: false };

/** Parses the body as JSON without throwing; an empty body is not JSON. */
export function parseJsonBody(resp: ServiceResponse): JsonResult {
  const text = resp.content;
  if (typeof text !== 'string' || text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(withoutBom(text)) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A short, redacted, single-line description of a body, for messages about odd responses. */
export function describeBody(resp: ServiceResponse, secrets: readonly (string | undefined)[]): string {
  const type = excerpt(resp.getHeader('content-type') ?? 'no content type', secrets, 100);
  const text = typeof resp.content === 'string' ? resp.content : '';
  if (text.trim() === '') return `an empty body (${type})`;
  return `a ${type} body starting "${excerpt(text, secrets, 120)}"`;
}
