// Lenient readers for what Blue delivers. A delivery carries Blue's stored entity, whose exact
// shape Blue does not document field by field, so the resource modules read each value they
// promise with these: a wrong-typed or missing value becomes null, and unknown keys are ignored,
// so no delivery fails to parse.
export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown): Obj | undefined {
  return isObj(v) ? v : undefined;
}

/** A non-empty string (numbers become text, e.g. an id sent as a number); else null. */
export function str(v: unknown): string | null {
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** A number; Blue's entity sends some as strings (position "32767.5"). */
export function num(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

export function bool(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null;
}

/** The first of `keys` that holds an array, or undefined when none does. */
export function arrayAt(record: Obj, ...keys: string[]): unknown[] | undefined {
  for (const key of keys) {
    const v = record[key];
    if (Array.isArray(v)) return v as unknown[];
  }
  return undefined;
}

/** The first non-null string among the values. */
export function firstStr(...values: unknown[]): string | null {
  for (const v of values) {
    const s = str(v);
    if (s !== null) return s;
  }
  return null;
}
