// "Custom Field Changed" filter: which custom field changed, and to which value. Blue delivers the
// stored record with its values as join rows (`todoCustomFields: [{customFieldId, value, ...}]`,
// maybe with the `customField` expanded); queries and our output give `customFields: [{id, value}]`;
// a delivery may also carry one value (customFieldId / customField). All of these are read.
import { text } from './inputs.js';
import type { BlueRecord } from './webhooks.js';

interface FieldValue {
  id: string;
  values: string[];
}

function isRecord(value: unknown): value is BlueRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every readable form of a value: text, number, "true"/"false", option ids and titles. */
function valueStrings(value: unknown, out: string[] = [], depth = 0): string[] {
  if (value === null || value === undefined || depth > 3) return out;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.push(String(value));
  } else if (Array.isArray(value)) {
    for (const item of value) valueStrings(item, out, depth + 1);
  } else if (isRecord(value)) {
    for (const key of ['id', 'title', 'name', 'value', 'text', 'customFieldOption']) valueStrings(value[key], out, depth + 1);
  }
  return out;
}

function entryValues(entry: BlueRecord): string[] {
  const out: string[] = [];
  // Blue's TodoCustomField row keeps the value in typed columns and the picked options in relations.
  const keys = ['value', 'text', 'number', 'checked', 'selectedOption', 'selectedOptions', 'customFieldOption', 'todoCustomFieldOptions'];
  for (const key of keys) {
    valueStrings(entry[key], out);
  }
  return out;
}

/** The custom field values a record carries, by custom field id. */
export function customFieldValues(record: BlueRecord | null): FieldValue[] {
  if (!record) return [];
  const single = typeof record.customFieldId === 'string' ? record.customFieldId : isRecord(record.customField) ? record.customField.id : undefined;
  if (typeof single === 'string') {
    const nested = isRecord(record.customField) ? entryValues(record.customField) : [];
    return [{ id: single, values: [...entryValues(record), ...nested] }];
  }
  const rows = Array.isArray(record.todoCustomFields) ? record.todoCustomFields : [];
  const fromRows = rows.flatMap((row): FieldValue[] => {
    if (!isRecord(row)) return [];
    const field = isRecord(row.customField) ? row.customField : undefined;
    const id = typeof row.customFieldId === 'string' ? row.customFieldId : field?.id;
    return typeof id === 'string' ? [{ id, values: [...entryValues(row), ...(field ? entryValues(field) : [])] }] : [];
  });
  const list = Array.isArray(record.customFields) ? record.customFields : [];
  const fromList = list.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [{ id: item.id, values: entryValues(item) }] : []));
  return [...fromRows, ...fromList];
}

/** The trigger's filter from its inputs (empty inputs filter nothing). */
export function filterFromInput(input: Record<string, unknown>): CustomFieldFilter {
  const customFieldId = text(input.customFieldId);
  const value = text(input.customFieldValue);
  return { ...(customFieldId ? { customFieldId } : {}), ...(value ? { value } : {}) };
}

const normalize = (s: string) => s.trim().toLowerCase();

export interface CustomFieldFilter {
  customFieldId?: string;
  value?: string;
}

/**
 * True when the change matches: among the fields whose value changed (all of them when Blue sends
 * no previous value), the chosen field is there, and one of its readable values equals the
 * chosen value. Unchanged fields never match, so editing another field of a record that already
 * has the value does not start the Zap again.
 */
export function matchesCustomFieldFilter(
  filter: CustomFieldFilter,
  currentValue: BlueRecord | null,
  previousValue: BlueRecord | null,
): boolean {
  const fieldId = filter.customFieldId?.trim();
  const wanted = filter.value?.trim();
  if (!fieldId && !wanted) return true;
  const key = (f: FieldValue) => f.values.map(normalize).join('\u0000');
  const before = new Map(customFieldValues(previousValue).map((f) => [f.id, key(f)]));
  const changed = customFieldValues(currentValue).filter((f) => before.get(f.id) !== key(f));
  const fields = fieldId ? changed.filter((f) => f.id === fieldId) : changed;
  if (fields.length === 0) return false;
  if (!wanted) return true;
  return fields.some((f) => f.values.some((v) => normalize(v) === normalize(wanted)));
}
