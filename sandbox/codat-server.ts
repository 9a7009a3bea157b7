// A local stand-in for Codat's webhook service (Svix API): the routes this app uses, Svix's status
// codes and error bodies, and signed delivery (Standard Webhooks) with bounded retries.
import { randomBytes, randomUUID } from 'node:crypto';
import type http from 'node:http';
import { Webhook } from 'standardwebhooks';
import { CODAT_EVENT_TYPES } from './codat-event-types.js';
import { CodatPlatform, type CodatPlatformOptions } from './codat-platform.js';
import {
  deliver,
  listen,
  Pending,
  readBody,
  sendJson,
  type DeliveryAttempt,
  type Listening,
  type RetryPolicy,
} from './http.js';

export interface CodatServerOptions {
  /** Svix application id/uid (= the Codat Client ID). */
  appId: string;
  /** The Zapier integration key accepted as Bearer token. */
  apiKey: string;
  port?: number;
  eventTypes?: readonly string[];
  retry?: Partial<RetryPolicy>;
  /** Which header family to sign with; Svix sends svix-*, Standard Webhooks names webhook-*. */
  signatureHeaders?: 'svix' | 'webhook' | 'both';
  /** Called with one line per request and delivery (npm run sandbox prints them). */
  log?: (line: string) => void;
  /** Also serve Codat's Platform API (/companies...) with this API key (codat-platform.ts). */
  platform?: CodatPlatformOptions;
}

export interface SvixEndpoint {
  id: string;
  uid: string | null;
  url: string;
  description: string;
  filterTypes: string[] | null;
  /** Svix channels: Codat's company tags (`key:value`); null receives every company's events. */
  channels: string[] | null;
  disabled: boolean;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** Not part of EndpointOut; kept server-side, like Svix. */
  secret: string;
}

export interface SvixMessage {
  id: string;
  eventId: string | null;
  eventType: string;
  payload: Record<string, unknown>;
  /** The company's tags as `key:value`, as Codat tags its messages (see companyChannels). */
  channels: string[] | null;
  timestamp: string;
}

export interface CodatDelivery {
  messageId: string;
  endpointId: string;
  url: string;
  eventType: string;
  body: string;
  ok: boolean;
  attempts: DeliveryAttempt[];
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Svix ids: prefix + 27 alphanumerics (ep_..., msg_...). */
export function svixId(prefix: string): string {
  const bytes = randomBytes(27);
  let out = '';
  for (const b of bytes) out += ID_ALPHABET[b % ID_ALPHABET.length];
  return `${prefix}_${out}`;
}

/** `whsec_` + base64 of 24 random bytes: what Svix generates and what the app may send. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

const ID_PATTERN = /^[a-zA-Z0-9\-_.]+$/;
// EndpointIn.secret in Svix's spec; asymmetric (whsk_/whpk_) keys are not simulated.
const SECRET_PATTERN = /^(whsec_)?[a-zA-Z0-9+/=]{32,100}$/;

interface ValidationIssue {
  loc: string[];
  msg: string;
  type: string;
}

class SvixHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

const httpError = (status: number, code: string, detail: string) => new SvixHttpError(status, { code, detail });
const validationError = (issues: ValidationIssue[]) => new SvixHttpError(422, { detail: issues });

function endpointOut(ep: SvixEndpoint): Record<string, unknown> {
  return {
    id: ep.id,
    uid: ep.uid,
    url: ep.url,
    description: ep.description,
    filterTypes: ep.filterTypes,
    // Svix echoes the newer name too.
    eventTypes: ep.filterTypes,
    channels: ep.channels,
    disabled: ep.disabled,
    throttleRate: null,
    metadata: ep.metadata,
    createdAt: ep.createdAt,
    updatedAt: ep.updatedAt,
  };
}

export class CodatServer {
  readonly endpoints = new Map<string, SvixEndpoint>();
  readonly messages: SvixMessage[] = [];
  readonly deliveries: CodatDelivery[] = [];
  /** Every request the server answered (method, path, status), for transcripts and tests. */
  readonly requests: {
    method: string;
    path: string;
    status: number;
    headers: http.IncomingHttpHeaders;
    body: string;
  }[] = [];
  private readonly idempotent = new Map<string, { status: number; body: unknown }>();
  private readonly pending = new Pending();
  private readonly eventTypes: ReadonlySet<string>;
  private readonly retry: RetryPolicy;
  private listening?: Listening;
  readonly platform: CodatPlatform | undefined;

  constructor(readonly options: CodatServerOptions) {
    this.platform = options.platform ? new CodatPlatform(options.platform) : undefined;
    this.eventTypes = new Set(options.eventTypes ?? CODAT_EVENT_TYPES);
    // Svix retries after 5 s, 5 min, 30 min...; the sandbox keeps the shape with short waits.
    this.retry = { attempts: 4, backoffMs: [50, 100, 200], timeoutMs: 15_000, ...options.retry };
  }

  async start(): Promise<this> {
    this.listening = await listen((req, res) => this.handle(req, res), this.options.port ?? 0);
    return this;
  }

  /** Base URL for CODAT_WEBHOOKS_API_URL. */
  get url(): string {
    if (!this.listening) throw new Error('Codat sandbox server not started');
    return this.listening.origin;
  }

  async close(): Promise<void> {
    await this.pending.settled();
    await this.listening?.close();
  }

  /** Waits for every delivery in flight (retries included). */
  settled(): Promise<void> {
    return this.pending.settled();
  }

  /**
   * Codat emitting an event: stores the message (as POST /msg does) and delivers it to each enabled
   * endpoint whose filter matches. Resolves with the message and, once done, its deliveries.
   */
  emit(
    eventType: string,
    payload: Record<string, unknown>,
    eventId?: string,
  ): { message: SvixMessage; delivered: Promise<CodatDelivery[]> } {
    const message: SvixMessage = {
      id: svixId('msg'),
      eventId: eventId ?? null,
      eventType,
      payload,
      channels: companyChannels(eventType, payload),
      timestamp: new Date().toISOString(),
    };
    this.messages.push(message);
    const targets = [...this.endpoints.values()].filter(
      (ep) =>
        !ep.disabled &&
        (ep.filterTypes === null || ep.filterTypes.includes(eventType)) &&
        // Svix: an endpoint with channels gets only messages sharing one of them.
        (ep.channels === null || (message.channels ?? []).some((c) => ep.channels!.includes(c))),
    );
    const delivered = this.pending.add(Promise.all(targets.map((ep) => this.deliverTo(ep, message))));
    return { message, delivered };
  }

  /** Sends an arbitrary body with arbitrary headers to a URL (used to replay a tampered delivery). */
  async deliverRaw(
    url: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<{ ok: boolean; attempts: DeliveryAttempt[] }> {
    return deliver(url, body, () => headers, { ...this.retry, attempts: 1 });
  }

  /** The headers Svix would send for one attempt at delivering `body` signed with `secret`. */
  signedHeaders(secret: string, messageId: string, body: string, at = new Date()): Record<string, string> {
    const signature = new Webhook(secret).sign(messageId, at, body);
    const timestamp = String(Math.floor(at.getTime() / 1000));
    const family = this.options.signatureHeaders ?? 'both';
    const headers: Record<string, string> = {};
    for (const prefix of family === 'both' ? ['svix', 'webhook'] : [family]) {
      headers[`${prefix}-id`] = messageId;
      headers[`${prefix}-timestamp`] = timestamp;
      headers[`${prefix}-signature`] = signature;
    }
    return headers;
  }

  private async deliverTo(ep: SvixEndpoint, message: SvixMessage): Promise<CodatDelivery> {
    const body = JSON.stringify(message.payload);
    // Same message id on every attempt (at-least-once), fresh timestamp and signature each time.
    const result = await deliver(ep.url, body, () => this.signedHeaders(ep.secret, message.id, body), this.retry);
    const record: CodatDelivery = {
      messageId: message.id,
      endpointId: ep.id,
      url: ep.url,
      eventType: message.eventType,
      body,
      ok: result.ok,
      attempts: result.attempts,
    };
    this.deliveries.push(record);
    this.options.log?.(
      `delivered ${message.eventType} ${message.id} to ${ep.url}: ${result.attempts.map((a) => a.status ?? a.error).join(' -> ')}`,
    );
    return record;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    let status = 500;
    try {
      const out = this.route(method, url, req.headers, body);
      status = out.status;
      sendJson(res, out.status, out.body, { 'svix-req-id': String(Math.floor(Math.random() * 1e9)) });
    } catch (err) {
      if (!(err instanceof SvixHttpError)) throw err;
      status = err.status;
      sendJson(res, err.status, err.body);
    } finally {
      this.requests.push({ method, path: url.pathname + url.search, status, headers: req.headers, body });
      this.options.log?.(`${method} ${url.pathname}${url.search} -> ${status}`);
    }
  }

  private route(
    method: string,
    url: URL,
    headers: http.IncomingHttpHeaders,
    rawBody: string,
  ): { status: number; body: unknown } {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    // /api/v1/event-type: the environment's event types (not under an application).
    if (parts[0] === 'api' && parts[1] === 'v1' && parts[2] === 'event-type' && parts.length === 3) {
      this.authenticate(headers);
      if (method === 'GET') return { status: 200, body: this.listEventTypes(url) };
      throw httpError(405, 'method_not_allowed', 'Method not allowed');
    }
    if (parts[0] === 'companies' && this.platform) return this.platform.route(method, url, headers, rawBody);
    // /api/v1/app/{app}/...
    if (parts[0] !== 'api' || parts[1] !== 'v1' || parts[2] !== 'app' || !parts[3]) {
      throw httpError(404, 'not_found', 'Entity not found');
    }
    this.authenticate(headers);
    const [, , , appId, collection, itemId, sub, ...rest] = parts;
    if (appId !== this.options.appId) throw httpError(404, 'not_found', 'Application not found');
    if (rest.length) throw httpError(404, 'not_found', 'Entity not found');

    if (collection === 'endpoint') {
      if (!itemId) {
        if (method === 'GET') return { status: 200, body: this.listEndpoints(url) };
        if (method === 'POST') return this.createEndpoint(headers, rawBody);
      } else if (!sub) {
        const ep = this.findEndpoint(itemId);
        if (method === 'GET') return { status: 200, body: endpointOut(ep) };
        if (method === 'DELETE') {
          this.endpoints.delete(ep.id);
          return { status: 204, body: undefined };
        }
      } else if (sub === 'secret' && method === 'GET') {
        return { status: 200, body: { key: this.findEndpoint(itemId).secret } };
      }
    } else if (collection === 'msg' && !itemId) {
      if (method === 'GET') return { status: 200, body: this.listMessages(url) };
      if (method === 'POST') return this.createMessage(rawBody);
    }
    throw httpError(
      method === 'GET' || method === 'POST' || method === 'DELETE' ? 404 : 405,
      'not_found',
      'Entity not found',
    );
  }

  private authenticate(headers: http.IncomingHttpHeaders): void {
    const auth = headers.authorization;
    if (!auth) throw httpError(401, 'authentication_failed', 'Missing Authorization header');
    const match = /^Bearer (.+)$/.exec(auth);
    if (!match || match[1] !== this.options.apiKey) throw httpError(401, 'authentication_failed', 'Invalid token');
  }

  private findEndpoint(idOrUid: string): SvixEndpoint {
    const ep = this.endpoints.get(idOrUid) ?? [...this.endpoints.values()].find((e) => e.uid === idOrUid);
    if (!ep) throw httpError(404, 'not_found', 'Endpoint not found');
    return ep;
  }

  private limit(url: URL): number {
    const raw = url.searchParams.get('limit');
    if (raw === null) return 50;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 250) {
      throw validationError([
        { loc: ['query', 'limit'], msg: 'limit must be an integer between 1 and 250', type: 'value_error' },
      ]);
    }
    return n;
  }

  private listEndpoints(url: URL): unknown {
    const limit = this.limit(url);
    const all = [...this.endpoints.values()];
    const iterator = url.searchParams.get('iterator');
    const start = iterator ? all.findIndex((e) => e.id === iterator) + 1 : 0;
    const page = all.slice(start, start + limit);
    const done = start + limit >= all.length;
    return { data: page.map(endpointOut), iterator: page.at(-1)?.id ?? null, prevIterator: null, done };
  }

  private parseJson(rawBody: string): Record<string, unknown> {
    let value: unknown;
    try {
      value = JSON.parse(rawBody);
    } catch {
      throw httpError(400, 'invalid_json', 'The request body is not valid JSON');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw validationError([{ loc: ['body'], msg: 'expected an object', type: 'type_error' }]);
    }
    return value as Record<string, unknown>;
  }

  private createEndpoint(headers: http.IncomingHttpHeaders, rawBody: string): { status: number; body: unknown } {
    const key = headers['idempotency-key'];
    const idemKey = typeof key === 'string' && key ? `${this.options.appId}:${key}` : undefined;
    const cached = idemKey ? this.idempotent.get(idemKey) : undefined;
    if (cached) return cached;

    const input = this.parseJson(rawBody);
    const issues: ValidationIssue[] = [];
    const issue = (field: string, msg: string, type = 'value_error') =>
      issues.push({ loc: ['body', field], msg, type });

    const url = input.url;
    if (typeof url !== 'string' || url.length < 1) issue('url', 'field required', 'value_error.missing');
    else {
      try {
        const parsed = new URL(url);
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
          issue('url', 'URL scheme must be http or https');
      } catch {
        issue('url', 'invalid or missing URL scheme', 'value_error.url');
      }
    }
    if ('filterTypes' in input && 'eventTypes' in input) {
      issue('filterTypes', 'duplicate field: send either eventTypes or filterTypes');
    }
    const types = input.eventTypes ?? input.filterTypes;
    const typesField = 'eventTypes' in input ? 'eventTypes' : 'filterTypes';
    let filterTypes: string[] | null = null;
    if (types !== undefined && types !== null) {
      if (!Array.isArray(types) || types.some((t) => typeof t !== 'string')) {
        issue(typesField, 'expected an array of event type names', 'type_error');
      } else if (types.length === 0) {
        issue(typesField, 'ensure this value has at least 1 items', 'value_error.list.min_items');
      } else if (new Set(types).size !== types.length) {
        issue(typesField, 'the list has duplicated items', 'value_error.list.unique_items');
      } else {
        const unknown = (types as string[]).filter((t) => !this.eventTypes.has(t));
        if (unknown.length) issue(typesField, `Unknown event types: ${unknown.join(', ')}`);
        filterTypes = types as string[];
      }
    }
    const channelsIn = input.channels ?? null;
    if (
      channelsIn !== null &&
      (!Array.isArray(channelsIn) ||
        channelsIn.length < 1 ||
        channelsIn.length > 10 ||
        new Set(channelsIn).size !== channelsIn.length ||
        channelsIn.some((c) => typeof c !== 'string' || !CHANNEL_PATTERN.test(c)))
    ) {
      issue('channels', 'expected 1 to 10 unique channels matching "^[a-zA-Z0-9\\-_.:+]{1,128}$"');
    }
    const secret = input.secret;
    if (secret !== undefined && secret !== null && (typeof secret !== 'string' || !SECRET_PATTERN.test(secret))) {
      issue('secret', 'string does not match regex "^(whsec_)?[a-zA-Z0-9+/=]{32,100}$"', 'value_error.str.regex');
    }
    const description = input.description ?? '';
    if (typeof description !== 'string') issue('description', 'str type expected', 'type_error.str');
    const uid = input.uid ?? null;
    if (uid !== null && (typeof uid !== 'string' || !ID_PATTERN.test(uid) || uid.length > 256)) {
      issue('uid', 'string does not match regex "^[a-zA-Z0-9\\-_.]+$"', 'value_error.str.regex');
    }
    const metadata = input.metadata ?? {};
    if (
      typeof metadata !== 'object' ||
      metadata === null ||
      Array.isArray(metadata) ||
      Object.values(metadata).some((v) => typeof v !== 'string')
    ) {
      issue('metadata', 'expected an object of strings', 'type_error.dict');
    }
    const disabled = input.disabled ?? false;
    if (typeof disabled !== 'boolean') issue('disabled', 'value could not be parsed to a boolean', 'type_error.bool');
    if (issues.length) throw validationError(issues);

    if (uid !== null && [...this.endpoints.values()].some((e) => e.uid === uid)) {
      throw httpError(409, 'conflict', 'An endpoint with this uid already exists');
    }
    const now = new Date().toISOString();
    const ep: SvixEndpoint = {
      id: svixId('ep'),
      uid: uid as string | null,
      url: url as string,
      description: description as string,
      filterTypes,
      channels: channelsIn as string[] | null,
      disabled: disabled as boolean,
      metadata: { ...(metadata as Record<string, string>) },
      createdAt: now,
      updatedAt: now,
      secret: (secret as string | undefined) ?? newSigningSecret(),
    };
    this.endpoints.set(ep.id, ep);
    const out = { status: 201, body: endpointOut(ep) };
    if (idemKey) this.idempotent.set(idemKey, out);
    return out;
  }

  private createMessage(rawBody: string): { status: number; body: unknown } {
    const input = this.parseJson(rawBody);
    const { eventType, payload, eventId } = input;
    const issues: ValidationIssue[] = [];
    if (typeof eventType !== 'string' || !ID_PATTERN.test(eventType)) {
      issues.push({ loc: ['body', 'eventType'], msg: 'field required', type: 'value_error.missing' });
    }
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
      issues.push({ loc: ['body', 'payload'], msg: 'expected an object', type: 'type_error' });
    }
    if (issues.length) throw validationError(issues);
    const { message } = this.emit(
      eventType as string,
      payload as Record<string, unknown>,
      typeof eventId === 'string' ? eventId : undefined,
    );
    return { status: 202, body: message };
  }

  /** EventTypeOut list (Svix's spec): names this server knows, in pages of `limit`. */
  private listEventTypes(url: URL): unknown {
    const limit = this.limit(url);
    const all = [...this.eventTypes];
    const iterator = url.searchParams.get('iterator');
    const start = iterator ? all.indexOf(iterator) + 1 : 0;
    const page = all.slice(start, start + limit);
    const created = '2024-10-04T00:00:00.000Z';
    return {
      data: page.map((name) => ({
        name,
        description: `Codat sends ${name} events.`,
        archived: false,
        deprecated: false,
        schemas: null,
        createdAt: created,
        updatedAt: created,
        groupName: name.includes('.') ? name.split('.')[0] : null,
        featureFlags: null,
      })),
      iterator: page.at(-1) ?? null,
      prevIterator: null,
      done: start + limit >= all.length,
    };
  }

  private listMessages(url: URL): unknown {
    const limit = this.limit(url);
    // Svix takes repeated `event_types=`; accept the comma-separated form too.
    const wanted = url.searchParams
      .getAll('event_types')
      .flatMap((v) => v.split(','))
      .filter(Boolean);
    const withContent = url.searchParams.get('with_content') !== 'false';
    const newestFirst = [...this.messages].reverse().filter((m) => !wanted.length || wanted.includes(m.eventType));
    const iterator = url.searchParams.get('iterator');
    const start = iterator ? newestFirst.findIndex((m) => m.id === iterator) + 1 : 0;
    const page = newestFirst.slice(start, start + limit);
    return {
      data: page.map((m) => ({ ...m, payload: withContent ? m.payload : {}, tags: null })),
      iterator: page.at(-1)?.id ?? null,
      prevIterator: null,
      done: start + limit >= newestFirst.length,
    };
  }
}

/** EndpointIn.channels / MessageIn.channels in Svix's spec. */
const CHANNEL_PATTERN = /^[a-zA-Z0-9\-_.:+]{1,128}$/;

/**
 * The channels Codat's messages carry, as this sandbox imitates them: the company's tags as
 * `key:value` (Codat's consumers filter by company tags with Svix's channel limits; inferred).
 */
export function companyChannels(eventType: string, payload: Record<string, unknown>): string[] | null {
  const body = payload.payload;
  const inner = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const ref =
    inner.referenceCompany && typeof inner.referenceCompany === 'object'
      ? (inner.referenceCompany as Record<string, unknown>)
      : undefined;
  const tags = ref ? ref.tags : eventType.startsWith('company.') ? inner.tags : undefined;
  if (!tags || typeof tags !== 'object') return null;
  const channels = Object.entries(tags as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'string')
    .map(([k, v]) => `${k}:${String(v)}`)
    .filter((c) => CHANNEL_PATTERN.test(c))
    .slice(0, 10);
  return channels.length ? channels : null;
}

export async function startCodatServer(options: CodatServerOptions): Promise<CodatServer> {
  return new CodatServer(options).start();
}

/** A Codat envelope as delivered for current event types: `{id, eventType, generatedDate, payload}`. */
export function codatEnvelope(eventType: string, payload: Record<string, unknown>): Record<string, unknown> {
  return { id: randomUUID(), eventType, generatedDate: new Date().toISOString(), payload };
}
