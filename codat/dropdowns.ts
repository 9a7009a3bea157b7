// The dynamic dropdowns of the Codat triggers: the event types this key's webhook service reports
// (merged with the built-in catalog's labels and groups) and the companies seen in recent events.
// One request per dropdown load each.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { codatRequest } from './client.js';
import { parseEnvelope, toEventOutput } from './envelope.js';
import {
  CODAT_EVENT_TYPES,
  EVENT_GROUP_LABELS,
  eventTypeChoices,
  findEventType,
  retiredReplacement,
  type EventGroup,
} from './events.js';

export interface DropdownItem {
  id: string;
  label: string;
}

const eventTypePage = zod.lazy(() =>
  zod.looseObject({
    data: zod.array(
      zod.looseObject({
        name: zod.string().check(zod.minLength(1)),
        description: zod.nullish(zod.string()),
        archived: zod.nullish(zod.boolean()),
        deprecated: zod.nullish(zod.boolean()),
        groupName: zod.nullish(zod.string()),
      }),
    ),
    done: zod.optional(zod.boolean()),
  }),
);
type SvixEventType = zod.infer<typeof eventTypePage>['data'][number];

/** Svix's page limit: every Codat type fits in one page. */
const EVENT_TYPE_LIMIT = 250;
const GROUP_ORDER = Object.keys(EVENT_GROUP_LABELS) as EventGroup[];

/** The built-in catalog as dropdown items ("All Event Types" first). */
export function catalogItems(): DropdownItem[] {
  return eventTypeChoices().map((c) => ({ id: c.value, label: c.label }));
}

function firstSentence(text: string, max = 70): string {
  const sentence = text.trim().split(/(?<=[.!?])\s/)[0] ?? '';
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}

/** A type Codat reports that the catalog lacks (e.g. a product's `lending.read.completed`). */
function unknownItem(t: SvixEventType): DropdownItem {
  const group = t.groupName ? t.groupName.replace(/^./, (c) => c.toUpperCase()) : 'Other';
  const about = t.description ? ` (${firstSentence(t.description)})` : '';
  return { id: t.name, label: `${group}: ${t.name}${about}${t.deprecated ? ' [deprecated]' : ''}` };
}

/** Codat's listing, in the catalog's groups and labels, retired and archived types left out. */
export function mergeEventTypes(listed: readonly SvixEventType[], complete: boolean): DropdownItem[] {
  const known: { group: number; order: number; item: DropdownItem }[] = [];
  const unknown: DropdownItem[] = [];
  const seen = new Set<string>();
  for (const t of listed) {
    if (t.archived || retiredReplacement(t.name) || seen.has(t.name)) continue;
    seen.add(t.name);
    const entry = findEventType(t.name);
    if (!entry) {
      unknown.push(unknownItem(t));
      continue;
    }
    const label = `${EVENT_GROUP_LABELS[entry.group]}: ${entry.label}${t.deprecated ? ' [deprecated]' : ''}`;
    known.push({
      group: GROUP_ORDER.indexOf(entry.group),
      order: CODAT_EVENT_TYPES.indexOf(entry),
      item: { id: t.name, label },
    });
  }
  // Only one page is read: if Codat has more, the catalog's types are offered too.
  if (!complete) {
    for (const entry of CODAT_EVENT_TYPES) {
      if (seen.has(entry.key)) continue;
      known.push({
        group: GROUP_ORDER.indexOf(entry.group),
        order: CODAT_EVENT_TYPES.indexOf(entry),
        item: { id: entry.key, label: `${EVENT_GROUP_LABELS[entry.group]}: ${entry.label}` },
      });
    }
  }
  known.sort((a, b) => a.group - b.group || a.order - b.order);
  return [catalogItems()[0]!, ...known.map((k) => k.item), ...unknown];
}

/**
 * The "Event Types" dropdown. Nothing public says an integration key may list event types, so any
 * refusal or failure (401, 403, 404, 5xx, a timeout, an odd body) quietly offers the built-in catalog.
 */
export async function listEventTypes(z: ZObject, bundle: Bundle): Promise<DropdownItem[]> {
  if (Number(bundle.meta?.page ?? 0) > 0) return [];
  try {
    const { data } = await codatRequest(z, bundle, {
      method: 'GET',
      path: '/event-type',
      global: true,
      params: { limit: EVENT_TYPE_LIMIT },
      action: 'list the Codat event types',
      notFound: 'the event types of this key',
      schema: eventTypePage,
    });
    const items = data?.data.length ? mergeEventTypes(data.data, data.done !== false) : [];
    // An empty listing says nothing about what Codat sends: the catalog is the better list.
    if (items.length > 1) return items;
  } catch (err) {
    z.console.log(
      `Codat's event type listing was not available (${err instanceof Error ? err.name : 'error'}); showing the built-in list.`,
    );
  }
  return catalogItems();
}

const messagePage = zod.lazy(() =>
  zod.looseObject({
    data: zod.array(
      zod.looseObject({ id: zod.string(), eventType: zod.string(), payload: zod.unknown(), timestamp: zod.string() }),
    ),
  }),
);

/** How many recent messages the company dropdown reads (one request). */
const COMPANY_SCAN_LIMIT = 100;

/**
 * The "Company IDs" dropdown: the companies of recent events (Codat's webhook key cannot list
 * companies). A key that may not list messages (403, 404) gets an empty list, where a Company ID can
 * still be typed in.
 */
export async function listCompanies(z: ZObject, bundle: Bundle): Promise<{ id: string; name: string }[]> {
  if (Number(bundle.meta?.page ?? 0) > 0) return [];
  const { data } = await codatRequest(z, bundle, {
    method: 'GET',
    path: '/msg',
    params: { with_content: true, limit: COMPANY_SCAN_LIMIT },
    action: 'list the companies of recent Codat events',
    notFound: 'the webhook application of this Client ID',
    schema: messagePage,
    tolerate: [403, 404],
  });
  const companies = new Map<string, string>();
  for (const msg of data?.data ?? []) {
    const envelope = parseEnvelope(msg.payload);
    if (!envelope) continue;
    const item = toEventOutput(envelope, { fallbackId: msg.id, fallbackDate: msg.timestamp, eventType: msg.eventType });
    if (item.companyId && !companies.has(item.companyId))
      companies.set(item.companyId, item.companyName ?? item.companyId);
  }
  return [...companies].map(([id, name]) => ({ id, name }));
}
