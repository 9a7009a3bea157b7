// Which connection fields make up each service's credentials, and the message when some are missing.
import type { ZObject } from 'zapier-platform-core';

export interface FieldSet<K extends string> {
  service: string;
  /** Field key -> label shown in Zapier's connection form. */
  fields: Record<K, string>;
}

export type FieldSetState<K extends string> =
  { state: 'complete'; values: Record<K, string> } | { state: 'empty' } | { state: 'partial'; missing: string[] };

export function readFieldSet<K extends string>(set: FieldSet<K>, authData: Record<string, unknown>): FieldSetState<K> {
  const values = {} as Record<K, string>;
  const missing: string[] = [];
  for (const key of Object.keys(set.fields) as K[]) {
    const raw = authData[key];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value) values[key] = value;
    else missing.push(set.fields[key]);
  }
  if (missing.length === 0) return { state: 'complete', values };
  if (missing.length === Object.keys(set.fields).length) return { state: 'empty' };
  return { state: 'partial', missing };
}

export function listLabels(labels: readonly string[]): string {
  const quoted = labels.map((l) => `"${l}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** Labels of the fields (key -> label) whose stored value has spaces or line breaks around it. */
export function paddedFields(authData: Record<string, unknown>, fields: Readonly<Record<string, string>>): string[] {
  return Object.entries(fields)
    .filter(([key]) => {
      const value = authData[key];
      return typeof value === 'string' && value.trim() !== '' && value !== value.trim();
    })
    .map(([, label]) => label);
}

/**
 * Refuses padded values before any call: the app would send the trimmed value, but core scrubs
 * the stored (padded) one from its logs, so an echo of what was sent would be logged in clear.
 */
export function refusePadded(
  z: ZObject,
  authData: Record<string, unknown>,
  fields: Readonly<Record<string, string>>,
): void {
  const padded = paddedFields(authData, fields);
  if (!padded.length) return;
  throw new z.errors.Error(
    `Remove the spaces or line breaks before or after the value of ${listLabels(padded)}, then save the connection again.`,
    'auth_fields_padded',
    400,
  );
}
