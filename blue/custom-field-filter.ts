// "Custom Field Changed" filter: which custom field changed, and to which value. Blue delivers the
// stored record with its values as join rows (`todoCustomFields: [{customFieldId, value, ...}]`,
// maybe with the `customField` or the option expanded, maybe an option by id only); queries and
// our output give `customFields: [{id, name, value}]`; a delivery may also carry one value
// (customFieldId / customField). Rows are read by record.ts (readCustomFieldRow), so the filter
// sees what the output shows. Where the delivery lacks what the filter needs (a field's name, an
// option's title), the record is fetched once, the same fetch the output would make.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { text } from './inputs.js';
import { isObj, str, type Obj } from './read.js';
import {
  fetchDeliveredRecord,
  isAuthError,
  lookupFrom,
  readCustomFieldRow,
  type CustomFieldRow,
  type RecordLookup,
} from './record.js';
import type { BlueDelivery, BlueRecord } from './webhooks.js';

/** The custom field values a record carries (each with its readable forms), in Blue's order. */
export function customFieldValues(record: BlueRecord | null, lookup?: RecordLookup): CustomFieldRow[] {
  if (!record) return [];
  if (typeof record.customFieldId === 'string' || isObj(record.customField)) {
    const single = readCustomFieldRow(record, lookup, true);
    return single ? [single] : [];
  }
  const read = (rows: unknown, joinRow: boolean) =>
    (Array.isArray(rows) ? rows : []).flatMap((row) => {
      const value = isObj(row) ? readCustomFieldRow(row, lookup, joinRow) : null;
      return value ? [value] : [];
    });
  return [...read(record.todoCustomFields, true), ...read(record.customFields, false)];
}

/** Whether the record says anything about its custom fields (Blue's minimal `{id, title, done}` does not). */
function carriesFields(record: BlueRecord | null): boolean {
  return (
    !!record &&
    (Array.isArray(record.todoCustomFields) ||
      Array.isArray(record.customFields) ||
      typeof record.customFieldId === 'string' ||
      isObj(record.customField))
  );
}

/** The trigger's filter from its inputs (empty inputs filter nothing). */
export function filterFromInput(input: Record<string, unknown>): CustomFieldFilter {
  const customFieldId = text(input.customFieldId);
  const value = text(input.customFieldValue);
  return { ...(customFieldId ? { customFieldId } : {}), ...(value ? { value } : {}) };
}

const normalize = (s: string) => s.trim().toLowerCase();

export interface CustomFieldFilter {
  /** A field id (the dropdown) or, typed by hand, its name. */
  customFieldId?: string;
  value?: string;
}

interface Verdict {
  matched: boolean;
  /** A field's name or an option's title the record lacks could change the verdict. */
  needsLookup: boolean;
}

function judge(
  filter: CustomFieldFilter,
  current: BlueRecord | null,
  previous: BlueRecord | null,
  lookup?: RecordLookup,
): Verdict {
  const fieldRef = filter.customFieldId?.trim();
  const wanted = filter.value?.trim();
  if (!fieldRef && !wanted) return { matched: true, needsLookup: false };
  if (!carriesFields(current)) return { matched: false, needsLookup: true };
  // Whether a value changed is judged on what Blue sent (ids as sent), before any names are added.
  const key = (f: CustomFieldRow) => f.tokens.map(normalize).sort().join('\u0000');
  const before = new Map(customFieldValues(previous).map((f) => [f.id, key(f)]));
  const sent = customFieldValues(current);
  const read = lookup ? customFieldValues(current, lookup) : sent;
  // A field without a value before (or not listed) and without one now did not change.
  const changed = read.filter((_f, i) => (before.get(sent[i]!.id) ?? '') !== key(sent[i]!));
  // A field cleared since the previous value is a change too (only when the current record lists its fields).
  const now = new Set(sent.map((f) => f.id));
  const cleared = customFieldValues(previous, lookup)
    .filter((f) => !now.has(f.id) && f.tokens.length > 0)
    .map((f): CustomFieldRow => ({ ...f, value: null, tokens: [], untitled: [] }));
  const all = [...changed, ...cleared];
  const named = (f: CustomFieldRow) =>
    f.id === fieldRef || (f.name !== null && normalize(f.name) === normalize(fieldRef!));
  const candidates = fieldRef ? all.filter(named) : all;
  const hasValue = (f: CustomFieldRow) => !wanted || f.tokens.some((t) => normalize(t) === normalize(wanted));
  if (candidates.some(hasValue)) return { matched: true, needsLookup: false };
  // A changed field without a name may be the one the filter names; an option without its title may be the value.
  const unnamed = fieldRef ? all.filter((f) => f.id !== fieldRef && f.name === null) : [];
  const needsLookup =
    unnamed.length > 0 || (!!wanted && [...candidates, ...unnamed].some((f) => f.untitled.length > 0));
  return { matched: false, needsLookup };
}

/**
 * True when the change matches: among the fields whose value changed (all of them when Blue sends
 * no previous value), the chosen field (by id or name) is there, and one of its readable values
 * (text, option title or option id) equals the chosen value, ignoring case. Unchanged fields never
 * match, so editing another field of a record that already has the value does not start the Zap
 * again. `lookup` supplies names and option titles the record lacks.
 */
export function matchesCustomFieldFilter(
  filter: CustomFieldFilter,
  currentValue: BlueRecord | null,
  previousValue: BlueRecord | null,
  lookup?: RecordLookup,
): boolean {
  return judge(filter, currentValue, previousValue, lookup).matched;
}

/**
 * The filter on a delivery. It decides from the delivery when it can (no request); otherwise it
 * loads the record once, the same fetch the output then reuses, and decides with its field names
 * and option titles. If that load fails the change cannot be judged: the run fails with a message
 * (so it shows in the Zap history and can be replayed) rather than firing or dropping it blindly.
 */
export async function acceptCustomFieldChange(
  z: ZObject,
  bundle: Bundle,
  filter: CustomFieldFilter,
  delivery: BlueDelivery,
): Promise<boolean> {
  const first = judge(filter, delivery.currentValue, delivery.previousValue);
  if (first.matched || !first.needsLookup) return first.matched;
  const projectId = str((bundle.subscribeData as Obj | undefined)?.projectId) ?? undefined;
  const pending = fetchDeliveredRecord(z, bundle, delivery.record, projectId);
  if (!pending) return false;
  const result = await pending;
  if (!result.ok) {
    if (isAuthError(result.error)) throw result.error;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new z.errors.Error(
      `Could not check this Blue change against the trigger's Custom Field filter: the delivery names the field or ` +
        `its option by id only, and loading record ${str(delivery.record.id)} from Blue failed (${reason}). ` +
        'Replay this run from the Zap history once Blue answers again.',
      'blue_filter_lookup_failed',
      502,
    );
  }
  const current = carriesFields(delivery.currentValue) ? delivery.currentValue : result.record;
  return matchesCustomFieldFilter(filter, current, delivery.previousValue, lookupFrom(result.record));
}
