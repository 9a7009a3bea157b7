// The one REST-hook mechanism behind every Blue trigger: turning a Zap on creates a Blue webhook,
// turning it off deletes it, and each delivery is verified, filtered and shaped the same way.
import { createHash } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { isFirstDelivery } from '../common/dedupe.js';
import { withoutBundleInErrors } from '../common/errors.js';
import * as zod from '../common/zod.js';
import { summarizeIssues } from '../common/validation.js';
import { blueQuery, blueRequest } from './client.js';
import { requireBlueCredentials } from './config.js';
import { deliveryOutputs } from './event-output.js';
import { HEALTH_CHECK_EVENT, isBlueWebhookEvent, isDeleteEvent, type BlueWebhookEvent } from './events.js';
import { gql } from './gql.js';
import { blueProjectId } from './project-ref.js';
import { verifyBlueDelivery } from './signature.js';

export const CREATE_WEBHOOK = gql`
  mutation ZapierCreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) { id secret events projectIds enabled }
  }
`;

export const DELETE_WEBHOOK = gql`
  mutation ZapierDeleteWebhook($input: DeleteWebhookInput!) {
    deleteWebhook(input: $input) { success }
  }
`;

export type BlueRecord = Record<string, unknown>;

/**
 * What every Blue trigger outputs, from a delivery (perform) or from recent data (performList):
 * the resource's output shape (record.ts, comment.ts, event-items.ts) plus the event's envelope.
 */
export type BlueEventOutput<T extends object = BlueRecord> = Omit<T, 'id'> & {
  /** Unique to the delivery; stable across Blue's retries of it. */
  id: string;
  /** Blue's id of the record (todo, comment, tag...) the event is about. */
  recordId: string | null;
  event: string;
  previousValue: T | null;
};

export interface BlueDelivery {
  event: BlueWebhookEvent;
  record: BlueRecord;
  previousValue: BlueRecord | null;
  currentValue: BlueRecord | null;
}

export interface ListContext {
  /** The project's workspace id (a slug is resolved before listing). */
  projectId: string;
  events: readonly BlueWebhookEvent[];
}

/**
 * A filter judged twice: `early` on the record as delivered (false drops the delivery before any
 * request), `late` on the output built for it, which may have been completed by a fetch.
 */
export interface BlueHookFilter {
  early?: (record: BlueRecord, inputData: Record<string, unknown>) => boolean;
  late: (
    z: ZObject,
    bundle: Bundle,
    output: object,
    inputData: Record<string, unknown>,
    projectId: string | undefined,
    record: BlueRecord,
  ) => boolean | Promise<boolean>;
  /** True when the output's enrichment should also load what `late` reads (New Comment: one request). */
  enrichFor?: (inputData: Record<string, unknown>) => boolean;
}

export interface BlueHookConfig {
  /** Names the webhook in Blue's settings, e.g. "New Record". */
  label: string;
  /** Events to subscribe to (non-empty: Blue treats an empty list as "every event"). */
  events: (inputData: Record<string, unknown>) => BlueWebhookEvent[];
  /** Extra filter on deliveries of subscribed events (e.g. only records now done); may load what it lacks. */
  accept?: (
    delivery: BlueDelivery,
    inputData: Record<string, unknown>,
    z: ZObject,
    bundle: Bundle,
  ) => boolean | Promise<boolean>;
  /** The Zap's own filters (list, tag, assignee: trigger-filters.ts). */
  filter?: BlueHookFilter;
  /** Recent real data, shaped like perform's output. */
  list: (z: ZObject, bundle: Bundle, ctx: ListContext) => Promise<BlueEventOutput[]>;
  /** Typed example when the project has no data yet. */
  example: (events: readonly BlueWebhookEvent[]) => BlueEventOutput;
}

const subscribeDataSchema = zod.lazy(() =>
  zod.object({
    id: zod.string().check(zod.minLength(1)),
    secret: zod.optional(zod.string()),
    projectId: zod.optional(zod.string()),
    events: zod.optional(zod.array(zod.string())),
  }),
);
export type BlueSubscribeData = zod.infer<typeof subscribeDataSchema>;

const createResponse = zod.lazy(() =>
  zod.object({
    createWebhook: zod.looseObject({ id: zod.string(), secret: zod.nullish(zod.string()) }),
  }),
);
const deleteResponse = zod.lazy(() => zod.object({ deleteWebhook: zod.object({ success: zod.boolean() }) }));

const payloadSchema = zod.lazy(() =>
  zod.looseObject({
    event: zod
      .string({ error: 'no "event" name, which every Blue webhook call carries' })
      .check(zod.minLength(1, 'the "event" name is empty')),
    webhook: zod.nullish(zod.looseObject({})),
    previousValue: zod.nullish(zod.looseObject({}, { error: '"previousValue" is not a record' })),
    currentValue: zod.nullish(zod.looseObject({}, { error: '"currentValue" is not a record' })),
  }),
);

/** The trigger's project dropdown wins over the connection's Blue Project ID. */
export function resolveProjectId(z: ZObject, bundle: Bundle): string {
  const picked = bundle.inputData.projectId;
  if (typeof picked === 'string' && picked.trim()) return picked.trim();
  return requireBlueCredentials(z, bundle.authData).projectId;
}

function hash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}

function stringField(record: object | null | undefined, key: string): string | undefined {
  const value = (record as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Output for one event about one record. The id hashes event, record id and the record's
 * updatedAt (or, lacking one, the raw body), so Blue's retries of a delivery keep the same id.
 */
export function eventOutput<T extends object>(
  event: string,
  record: T,
  previousValue: T | null,
  rawBody?: string,
): BlueEventOutput<T> {
  const recordId = stringField(record, 'id') ?? null;
  const stamp = stringField(record, 'updatedAt') ?? (rawBody !== undefined ? `body:${hash(rawBody)}` : '');
  return {
    ...record,
    id: hash(`${event}|${recordId ?? ''}|${stamp}`),
    recordId,
    event,
    previousValue,
  };
}

function subscribedEvents(config: BlueHookConfig, bundle: Bundle): BlueWebhookEvent[] {
  return [...new Set(config.events(bundle.inputData))];
}

function webhookName(config: BlueHookConfig, bundle: Bundle): string {
  // Helps users recognise (and clean up) the webhook in Blue's Profile > Webhooks.
  const zapId = bundle.meta?.zap?.id;
  return `Zapier: ${config.label}${zapId ? ` (Zap ${zapId})` : ''}`;
}

export interface BlueRestHook {
  performSubscribe: (z: ZObject, bundle: Bundle) => Promise<BlueSubscribeData>;
  performUnsubscribe: (z: ZObject, bundle: Bundle) => Promise<{ id: string; deleted: boolean }>;
  perform: (z: ZObject, bundle: Bundle) => Promise<BlueEventOutput[]>;
  performList: (z: ZObject, bundle: Bundle) => Promise<BlueEventOutput[]>;
}

export function blueRestHook(config: BlueHookConfig): BlueRestHook {
  const performSubscribe = async (z: ZObject, bundle: Bundle): Promise<BlueSubscribeData> => {
    const events = subscribedEvents(config, bundle);
    if (events.length === 0) {
      throw new z.errors.Error('Pick at least one Blue event for this trigger.', 'blue_events_missing', 400);
    }
    if (!bundle.targetUrl) {
      throw new z.errors.Error(
        'Zapier gave no webhook address to register with Blue. Turn the Zap on again.',
        'missing_target_url',
        400,
      );
    }
    // projectIds takes workspace ids only: a slug there is FORBIDDEN (or a webhook that never fires).
    const projectId = await blueProjectId(z, bundle, resolveProjectId(z, bundle));
    const data = await blueQuery(z, bundle, {
      query: CREATE_WEBHOOK,
      variables: {
        input: { name: webhookName(config, bundle), url: bundle.targetUrl, events, projectIds: [projectId] },
      },
      projectId,
      action: 'create the Blue webhook for this Zap',
      schema: createResponse,
    });
    const { id, secret } = data.createWebhook;
    if (!secret) {
      // Without the secret no delivery could be verified: remove the webhook rather than leave it behind.
      await deleteWebhook(z, bundle, id, projectId).catch(() => undefined);
      throw new z.errors.Error(
        'Blue created the webhook but returned no signing secret, so its calls could not be verified. Try turning the Zap on again.',
        'blue_webhook_no_secret',
        502,
      );
    }
    return { id, secret, projectId, events };
  };

  const performUnsubscribe = async (z: ZObject, bundle: Bundle) => {
    const parsed = subscribeDataSchema.safeParse(bundle.subscribeData);
    if (!parsed.success) {
      throw new z.errors.Error(
        'This Zap has no record of the Blue webhook it created, so it cannot delete it. ' +
          'If one named "Zapier: ..." remains, delete it in Blue under Profile > Webhooks.',
        'blue_webhook_unknown',
        400,
      );
    }
    const deleted = await deleteWebhook(z, bundle, parsed.data.id, parsed.data.projectId);
    return { id: parsed.data.id, deleted };
  };

  const perform = async (z: ZObject, bundle: Bundle): Promise<BlueEventOutput[]> => {
    const sub = subscribeDataSchema.safeParse(bundle.subscribeData);
    const raw = verifyBlueDelivery(z, bundle, sub.success ? sub.data.secret : undefined);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new z.errors.HaltedError('Ignored a Blue webhook call whose body is not JSON.');
    }
    const payload = payloadSchema.safeParse(json);
    if (!payload.success) {
      throw new z.errors.HaltedError(
        `Ignored a Blue webhook call with an unexpected body (${summarizeIssues(payload.error)}).`,
      );
    }
    const { event } = payload.data;
    if (event === HEALTH_CHECK_EVENT || !isBlueWebhookEvent(event)) return [];
    const wanted = sub.success && sub.data.events?.length ? sub.data.events : subscribedEvents(config, bundle);
    if (!wanted.includes(event)) return [];

    const previousValue = payload.data.previousValue ?? null;
    const currentValue = payload.data.currentValue ?? null;
    const record = (isDeleteEvent(event) ? (previousValue ?? currentValue) : (currentValue ?? previousValue)) ?? null;
    if (!record) {
      throw new z.errors.HaltedError(
        `Ignored a Blue ${event} webhook call that carries no record (previousValue and currentValue are both empty).`,
      );
    }
    const delivery: BlueDelivery = { event, record, previousValue, currentValue };
    // The Zap's filters first: a mismatch the delivery carries costs no request.
    if (config.filter?.early && !config.filter.early(record, bundle.inputData)) return [];
    if (config.accept && !(await config.accept(delivery, bundle.inputData, z, bundle))) return [];
    // The resource's one output shape; a record lacking names is fetched once (record.ts).
    const projectId = sub.success ? sub.data.projectId : undefined;
    const shaped = await deliveryOutputs(z, bundle, {
      event,
      record,
      previousValue,
      ...(projectId ? { projectId } : {}),
      ...(config.filter?.enrichFor?.(bundle.inputData) ? { recordFilter: true } : {}),
    });
    if (config.filter && !(await config.filter.late(z, bundle, shaped.current, bundle.inputData, projectId, record)))
      return [];
    const output = eventOutput(event, shaped.current, shaped.previous, raw) as BlueEventOutput;
    // The id comes from what Blue delivered, not from a fetch: a retried delivery keeps its id
    // even if the record changed in between (a fetched updatedAt would make it a new run).
    output.id = eventOutput(event, record, null, raw).id;
    // Blue retries (and anyone can replay) a delivery with the same body: the Zap starts once per
    // body. Checked last, so a delivery that failed before this point is not marked as seen.
    const deliveryId = createHash('sha256').update(raw, 'utf8').digest('hex');
    if (!(await isFirstDelivery(z, { service: 'blue', subscription: sub.success ? sub.data.id : '', deliveryId })))
      return [];
    return [output];
  };

  const performList = async (z: ZObject, bundle: Bundle): Promise<BlueEventOutput[]> => {
    const events = subscribedEvents(config, bundle);
    // The listers filter by project, which takes an id: resolve a slug once for all of them.
    const projectId = await blueProjectId(z, bundle, resolveProjectId(z, bundle));
    const items = await config.list(z, bundle, { projectId, events });
    return items.length ? items : [config.example(events)];
  };

  return {
    performSubscribe,
    performUnsubscribe: withoutBundleInErrors(performUnsubscribe),
    perform: withoutBundleInErrors(perform),
    performList,
  };
}

/** Deletes a webhook; true if deleted, false if Blue no longer had it (already gone is fine). */
export async function deleteWebhook(
  z: ZObject,
  bundle: Bundle,
  webhookId: string,
  projectId?: string,
): Promise<boolean> {
  const result = await blueRequest(z, bundle, {
    query: DELETE_WEBHOOK,
    variables: { input: { webhookId } },
    ...(projectId ? { projectId } : {}),
    action: 'delete the Blue webhook of this Zap',
    schema: deleteResponse,
    tolerate: ['WEBHOOK_NOT_FOUND'],
  });
  if (!result.ok) return false;
  if (!result.data.deleteWebhook.success) {
    throw new z.errors.Error(
      `Blue did not confirm deleting webhook ${webhookId}. Check Profile > Webhooks in Blue and delete it there if it remains.`,
      'blue_webhook_not_deleted',
      502,
    );
  }
  return true;
}
