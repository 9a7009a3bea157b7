// The one home for reading what a Zap step's form sends: Zapier gives strings, numbers, booleans
// or arrays depending on the field and on what was mapped, so every action and trigger filter
// reads its inputs through these. Custom field values have their own typed conversion
// (custom-field-values.ts); dates share its parser so both accept the same formats.
import type { ZObject } from 'zapier-platform-core';
import { asIsoDate } from './custom-field-values.js';

/** Trimmed text, or undefined when empty; numbers and booleans become their text. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/**
 * A list input: Zapier sends arrays, but a mapped value may arrive as one string. With
 * `splitCommas` (ids) items are split on commas and de-duplicated; otherwise (titles, names)
 * they are kept as entered.
 */
export function list(v: unknown, splitCommas: boolean): string[] {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  const out: string[] = [];
  for (const item of items) {
    const t = text(item);
    if (!t) continue;
    out.push(
      ...(splitCommas
        ? t
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [t]),
    );
  }
  return splitCommas ? [...new Set(out)] : out;
}

// Same words as a checkbox custom field accepts (custom-field-values.ts).
const YES = ['true', 'yes', '1', 'checked', 'on'];
const NO = ['false', 'no', '0', 'unchecked', 'off'];

/** A yes/no input (a boolean, or words like yes/no, on/off, 1/0); undefined when empty. */
export function bool(z: ZObject, v: unknown, label: string): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const t = text(v)?.toLowerCase();
  if (t === undefined) return undefined;
  if (YES.includes(t)) return true;
  if (NO.includes(t)) return false;
  throw new z.errors.Error(`${label} must be true or false, not "${t}".`, 'invalid_input', 400);
}

/** A date input as ISO-8601 UTC; undefined when empty, a clear error when it is not a date. */
export function date(z: ZObject, v: unknown, label: string): string | undefined {
  if (text(v) === undefined) return undefined;
  try {
    return asIsoDate(v);
  } catch {
    throw new z.errors.Error(
      `${label} "${text(v)}" is not a date: use ISO-8601 (e.g. 2026-03-01T09:00:00Z) or map a date from an earlier step.`,
      'invalid_input',
      400,
    );
  }
}

/** A required text input: a clear error naming the field when it is empty. */
export function requiredText(z: ZObject, v: unknown, label: string, hint: string): string {
  const t = text(v);
  if (!t) throw new z.errors.Error(`${label} is empty: ${hint}`, 'invalid_input', 400);
  return t;
}
