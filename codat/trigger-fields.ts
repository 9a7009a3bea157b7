// What the Codat triggers share: the "Event Types" dropdown, samples and static output fields from
// the catalog, built once at load so each trigger stays a thin declaration.
import { defineInputFields, type ZObject } from 'zapier-platform-core';
import { exampleOutput, type CodatEventOutput } from './envelope.js';
import {
  BASE_OUTPUT_FIELDS,
  CODAT_EVENT_TYPES,
  WRITE_DATA_TYPES,
  findEventType,
  outputFieldsFor,
  type EventGroup,
  type OutputFieldSpec,
} from './events.js';
import { COMPANY_FILTER_FIELDS } from './company-filter.js';
import { readSelection, type EventSelection } from './webhooks.js';

/** The catalog example of a type, as the trigger outputs it. */
export function sampleFor(key: string): CodatEventOutput {
  const entry = findEventType(key);
  if (!entry) throw new Error(`no catalog entry for ${key}`); // test/codat/triggers.test.ts covers every trigger
  return exampleOutput(entry);
}

/** Zapier's output field keys address nested values with "__" and list items with "list[]field". */
function lookup(sample: unknown, key: string): unknown {
  let current: unknown = sample;
  for (const name of key.split(/__|\[\]/).filter(Boolean)) {
    if (Array.isArray(current)) current = current[0];
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

/** The base and payload fields of these types that the trigger's sample carries (so the sample shows each one). */
export function outputFieldsOf(types: readonly string[], sample: CodatEventOutput): OutputFieldSpec[] {
  return [...BASE_OUTPUT_FIELDS, ...outputFieldsFor(types)].filter((f) => lookup(sample, f.key) !== undefined);
}

/** "New Codat Event"'s type picker: the live catalog (codat_event_type_list), then the company filter. */
export const EVENT_TYPE_INPUT_FIELDS = defineInputFields([
  {
    key: 'eventTypes',
    label: 'Event Types',
    required: true,
    list: true,
    dynamic: 'codat_event_type_list.id.label',
    helpText:
      "The types Codat's webhook service offers this connection, each starting with its group. Codat's legacy " +
      'rule types (retired in 2025) are not offered: see [Codat event types](https://docs.codat.io/using-the-api/webhooks/event-types) ' +
      'for their replacements.',
  },
  ...COMPANY_FILTER_FIELDS,
]);

/**
 * Event types from a multi-choice input of a purpose-built trigger: every offered type when empty;
 * a value outside the choices (a custom value) is refused before anything is sent.
 */
export function typesFromChoices(
  z: ZObject,
  value: unknown,
  choices: Readonly<Record<string, string>>,
  fieldLabel: string,
): EventSelection {
  const picked = readSelection(value).types;
  const unknown = picked.filter((v) => !Object.hasOwn(choices, v));
  if (unknown.length) {
    throw new z.errors.Error(
      `"${fieldLabel}" does not offer ${unknown.map((v) => `"${v}"`).join(', ')}: pick from ${Object.keys(choices).join(', ')} ` +
        '(or leave it empty for all).',
      'codat_choice_invalid',
      400,
    );
  }
  const values = picked.length ? picked : Object.keys(choices);
  return { all: false, types: [...new Set(values.map((v) => choices[v]!))] };
}

const byGroup = (group: EventGroup) => CODAT_EVENT_TYPES.filter((e) => e.group === group);

/** Connection Status Changed: each `connection.*` type of the catalog, choice value = type. */
export const CONNECTION_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  byGroup('connections').map((e) => [e.key, e.key]),
);
export const CONNECTION_CHOICES: Readonly<Record<string, string>> = Object.fromEntries(
  byGroup('connections').map((e) => [e.key, e.label]),
);

/**
 * Data Sync Completed: one type per outcome. Codat sends `read.completed` for every read and the
 * specific types besides, so subscribing to one of them avoids two Zap runs for one read.
 */
export const READ_OUTCOMES: Readonly<Record<string, { type: string; label: string }>> = {
  any: { type: 'read.completed', label: 'Any outcome' },
  successful: { type: 'read.completed.successful', label: 'Successful (every data type read)' },
  unsuccessful: { type: 'read.completed.unsuccessful', label: 'Unsuccessful (some data types failed)' },
  initial: { type: 'read.completed.initial', label: "A company's first read, any outcome" },
  initialSuccessful: { type: 'read.completed.successful.initial', label: "A company's first read, successful" },
};
export const READ_OUTCOME_TYPES = Object.fromEntries(Object.entries(READ_OUTCOMES).map(([k, v]) => [k, v.type]));
export const READ_OUTCOME_CHOICES = Object.fromEntries(Object.entries(READ_OUTCOMES).map(([k, v]) => [k, v.label]));

/** Write Failed: `{dataType}.write.unsuccessful` per data type, choice value = data type. */
export const WRITE_FAILED_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(WRITE_DATA_TYPES).map((d) => [d, `${d}.write.unsuccessful`]),
);
