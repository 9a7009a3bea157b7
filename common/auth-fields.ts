// Which connection fields make up each service's credentials, and the message when some are missing.

export interface FieldSet<K extends string> {
  service: string;
  /** Field key -> label shown in Zapier's connection form. */
  fields: Record<K, string>;
}

export type FieldSetState<K extends string> =
  | { state: 'complete'; values: Record<K, string> }
  | { state: 'empty' }
  | { state: 'partial'; missing: string[] };

export function readFieldSet<K extends string>(
  set: FieldSet<K>,
  authData: Record<string, unknown>,
): FieldSetState<K> {
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
