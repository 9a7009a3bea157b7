// Reads the bodies Codat delivers (current `{id, eventType|type, generatedDate, payload}` envelopes,
// and the rule envelope `{RuleType, CompanyId, Data, ...}` that AccountCategoriesUpdated still uses)
// and turns them into the one item shape the trigger outputs, for live deliveries and "Test trigger" alike.
import * as zod from '../common/zod.js';
import { eventLabel, eventTypeForRuleType, EXAMPLE_DATE, WRITE_DATA_TYPES, type CodatEventType } from './events.js';

export interface CodatEventOutput {
  id: string;
  eventType: string;
  eventLabel: string;
  generatedDate: string;
  companyId?: string;
  companyName?: string;
  connectionId?: string;
  dataType?: string;
  status?: string;
  /** Rule envelopes only: Codat's human-readable message. */
  message?: string;
  /** The event's payload as Codat sent it (the whole body for rule envelopes). */
  payload: unknown;
}

// An id or date of an unexpected type is dropped (the trigger falls back to the delivery's own),
// never a reason to lose the event.
const scalar = zod.lazy(() =>
  zod.catch(
    zod.pipe(
      zod.nullish(zod.union([zod.string(), zod.number()])),
      zod.transform((v: string | number | null | undefined) =>
        v === null || v === undefined || v === '' ? undefined : String(v),
      ),
    ),
    undefined,
  ),
);
const optionalText = zod.lazy(() => zod.catch(zod.nullish(zod.string()), undefined));

// Loose objects: Codat adds fields over time and they must reach the Zap untouched.
const currentSchema = zod.lazy(() =>
  zod.looseObject({
    id: scalar,
    eventType: optionalText,
    type: optionalText,
    generatedDate: scalar,
    // Optional: zod 4 treats a bare unknown() as required, which dropped envelopes without a payload.
    payload: zod.optional(zod.unknown()),
  }),
);

const ruleSchema = zod.lazy(() =>
  zod.looseObject({
    RuleType: zod.string().check(zod.minLength(1)),
    AlertId: scalar,
    CompanyId: scalar,
    DataConnectionId: scalar,
    Message: scalar,
    Data: zod.catch(zod.nullish(zod.record(zod.string(), zod.unknown())), undefined),
  }),
);

export type Envelope =
  | { kind: 'current'; id?: string; eventType: string; generatedDate?: string; payload: unknown }
  | { kind: 'rule'; id?: string; eventType?: string; ruleType: string; body: Record<string, unknown> };

/** The envelope of a parsed body, or undefined when the body has none. */
export function parseEnvelope(body: unknown): Envelope | undefined {
  const cur = currentSchema.safeParse(body);
  if (cur.success) {
    const eventType = cur.data.eventType || cur.data.type;
    if (eventType) {
      return {
        kind: 'current',
        eventType,
        payload: cur.data.payload ?? {},
        ...(cur.data.id ? { id: cur.data.id } : {}),
        ...(cur.data.generatedDate ? { generatedDate: cur.data.generatedDate } : {}),
      };
    }
  }
  const rule = ruleSchema.safeParse(body);
  if (rule.success) {
    const known = eventTypeForRuleType(rule.data.RuleType);
    return {
      kind: 'rule',
      ruleType: rule.data.RuleType,
      body: body as Record<string, unknown>,
      ...(rule.data.AlertId ? { id: rule.data.AlertId } : {}),
      ...(known ? { eventType: known.key } : {}),
    };
  }
  return undefined;
}

export type DeliveryParse =
  { ok: true; envelope: Envelope } | { ok: false; reason: 'not_json' | 'no_envelope'; detail: string };

/** Parses a raw delivery body. Never echoes the body back (it may hold customer data). */
export function parseDelivery(content: string): DeliveryParse {
  let body: unknown;
  try {
    body = JSON.parse(content);
  } catch {
    return { ok: false, reason: 'not_json', detail: `the body is not JSON (${content.length} characters)` };
  }
  const envelope = parseEnvelope(body);
  if (!envelope) {
    const shape = Array.isArray(body) ? 'a JSON array' : body === null ? 'JSON null' : `a JSON ${typeof body}`;
    const keys =
      body && typeof body === 'object' && !Array.isArray(body)
        ? ` with keys ${Object.keys(body).slice(0, 8).join(', ') || '(none)'}`
        : '';
    return {
      ok: false,
      reason: 'no_envelope',
      detail: `the body is ${shape}${keys}, without an eventType, type or RuleType field`,
    };
  }
  return { ok: true, envelope };
}

export interface OutputContext {
  /** Used when the body carries no id (the webhook-id / Svix message id). */
  fallbackId: string;
  /** Used when the body carries no date (rule envelopes): delivery or message timestamp. */
  fallbackDate: string;
  /** The event type Svix recorded for the message, when known (performList). */
  eventType?: string;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Distinct non-empty values of `field` across an array of objects, comma-joined. */
function joined(items: unknown, field: string): string | undefined {
  if (!Array.isArray(items)) return undefined;
  const values = [...new Set(items.map((i) => text(record(i)?.[field])).filter((v): v is string => !!v))];
  return values.length ? values.join(', ') : undefined;
}

function writeDataType(eventType: string): string | undefined {
  const m = /^([A-Za-z]+)\.write\./.exec(eventType);
  return m?.[1] && m[1] in WRITE_DATA_TYPES ? m[1] : undefined;
}

function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

function currentFields(eventType: string, payload: unknown) {
  const p = record(payload) ?? {};
  // company.* events carry the company itself as the payload; others reference it.
  const company = record(p.referenceCompany) ?? (eventType.startsWith('company.') ? p : undefined);
  const connection = record(p.connection);
  return {
    companyId: text(company?.id) ?? text(p.companyId),
    companyName: text(company?.name),
    connectionId: text(p.connectionId) ?? text(connection?.id) ?? joined(p.dataTypes, 'connectionId'),
    dataType: writeDataType(eventType) ?? text(p.dataType) ?? joined(p.dataTypes, 'dataType'),
    status:
      text(p.status) ??
      text(connection?.status) ??
      text(record(p.sourceAccount)?.status) ??
      joined(p.dataTypes, 'status'),
  };
}

function ruleFields(body: Record<string, unknown>) {
  return {
    companyId: text(body.CompanyId),
    connectionId: text(body.DataConnectionId),
    message: text(body.Message),
  };
}

export function toEventOutput(envelope: Envelope, ctx: OutputContext): CodatEventOutput {
  if (envelope.kind === 'current') {
    return compact({
      id: envelope.id ?? ctx.fallbackId,
      eventType: envelope.eventType,
      eventLabel: eventLabel(envelope.eventType),
      generatedDate: envelope.generatedDate ?? ctx.fallbackDate,
      ...currentFields(envelope.eventType, envelope.payload),
      payload: envelope.payload,
    });
  }
  // Svix knows the real event type; otherwise map the RuleType, or keep it as is if unknown.
  const eventType = ctx.eventType ?? envelope.eventType ?? envelope.ruleType;
  return compact({
    id: envelope.id ?? ctx.fallbackId,
    eventType,
    eventLabel: eventLabel(eventType),
    generatedDate: ctx.fallbackDate,
    ...ruleFields(envelope.body),
    payload: envelope.body,
  });
}

/**
 * The envelope of a catalog example, read from the shape the catalog built it in rather than
 * through the delivery schemas: samples are built at load, where running zod would cost cold
 * start. test/codat/events.test.ts checks it equals parseEnvelope for every catalog type.
 */
export function exampleEnvelope(event: CodatEventType): Envelope {
  const ex = event.example;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  if (event.shape === 'rule') {
    const id = str(ex.AlertId);
    return { kind: 'rule', ruleType: String(ex.RuleType), body: ex, ...(id ? { id } : {}), eventType: event.key };
  }
  const id = str(ex.id);
  const generatedDate = str(ex.generatedDate);
  return {
    kind: 'current',
    eventType: String(ex.eventType),
    payload: ex.payload ?? {},
    ...(id ? { id } : {}),
    ...(generatedDate ? { generatedDate } : {}),
  };
}

/** The catalog example of an event type, shaped like a live delivery. */
export function exampleOutput(event: CodatEventType): CodatEventOutput {
  const ctx = { fallbackId: event.key, fallbackDate: EXAMPLE_DATE, eventType: event.key };
  return toEventOutput(exampleEnvelope(event), ctx);
}
