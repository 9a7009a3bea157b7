// Create Todo's custom fields: one Zapier input field per Blue custom field, and the conversion of
// what the user entered into the string formats createTodo accepts (schema doc of
// CreateTodoInputCustomField). The field's type and id are encoded in the input key so that the
// action can serialise values at run time without asking Blue for the field list again.
import type { PlainInputField, ZObject } from 'zapier-platform-core';
import type { BlueCustomField } from './custom-fields.js';

/** Types a user can set when creating a todo. Blue computes the others (formula, lookup, ids...). */
export const SETTABLE_TYPES = [
  'TEXT_SINGLE',
  'TEXT_MULTI',
  'EMAIL',
  'URL',
  'PHONE',
  'NUMBER',
  'PERCENT',
  'RATING',
  'CURRENCY',
  'CHECKBOX',
  'DATE',
  'SELECT_SINGLE',
  'SELECT_MULTI',
  'COUNTRY',
  'LOCATION',
] as const;
export type SettableType = (typeof SETTABLE_TYPES)[number];

// Longest first so that a type is never matched by a shorter one that prefixes it.
const TYPES_BY_LENGTH = [...SETTABLE_TYPES].sort((a, b) => b.length - a.length);

export function isSettableType(type: string): type is SettableType {
  return (SETTABLE_TYPES as readonly string[]).includes(type);
}

/** Which part of a custom field an input holds: the value, a date range's end, a currency code. */
export type KeyRole = 'value' | 'end' | 'currency';
const ROLE_PREFIX: Record<KeyRole, string> = { value: 'cf', end: 'cfend', currency: 'cfcur' };

export function customFieldKey(role: KeyRole, type: SettableType, id: string): string {
  return `${ROLE_PREFIX[role]}_${type}_${id}`;
}

export interface ParsedKey {
  role: KeyRole;
  type: SettableType;
  id: string;
}

export function parseCustomFieldKey(key: string): ParsedKey | undefined {
  for (const role of Object.keys(ROLE_PREFIX) as KeyRole[]) {
    const prefix = `${ROLE_PREFIX[role]}_`;
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const type = TYPES_BY_LENGTH.find((t) => rest.startsWith(`${t}_`) && rest.length > t.length + 1);
    if (type) return { role, type, id: rest.slice(type.length + 1) };
  }
  return undefined;
}

function numberHelp(field: BlueCustomField): string {
  switch (field.type) {
    case 'PERCENT':
      return 'A number, e.g. 42.5 for 42.5% (a trailing % is accepted).';
    case 'RATING':
      return 'A number, e.g. 4.';
    default:
      return 'A number, e.g. 1250.75.';
  }
}

/** Zapier input fields for the project's settable custom fields, in Blue's order. */
export function customFieldInputFields(fields: readonly BlueCustomField[]): PlainInputField[] {
  const out: PlainInputField[] = [];
  for (const field of fields) {
    if (!isSettableType(field.type)) continue;
    const type = field.type;
    const key = customFieldKey('value', type, field.id);
    const label = field.name.trim() || `Custom Field ${field.id}`;
    const base = { key, label, required: false };
    switch (type) {
      case 'TEXT_SINGLE':
        out.push({ ...base, type: 'string' });
        break;
      case 'TEXT_MULTI':
        out.push({ ...base, type: 'text' });
        break;
      case 'EMAIL':
        out.push({ ...base, type: 'string', helpText: 'An email address, e.g. jane@example.com.' });
        break;
      case 'URL':
        out.push({ ...base, type: 'string', helpText: 'A web address starting with https:// or http://.' });
        break;
      case 'PHONE':
        out.push({
          ...base,
          type: 'string',
          helpText: 'Include the country code, e.g. +1 234 567 8900: Blue rejects national formats.',
        });
        break;
      case 'NUMBER':
      case 'PERCENT':
      case 'RATING':
        out.push({ ...base, type: 'number', helpText: numberHelp(field) });
        break;
      case 'CURRENCY':
        out.push({ ...base, type: 'number', helpText: 'The amount, e.g. 100.50.' });
        out.push({
          key: customFieldKey('currency', type, field.id),
          label: `${label} Currency Code`,
          type: 'string',
          required: false,
          ...(field.currency ? { default: field.currency } : {}),
          helpText: `Three-letter ISO 4217 code sent with the amount, e.g. USD or EUR. Leave empty to use the field's own currency.`,
        });
        break;
      case 'CHECKBOX':
        out.push({ ...base, type: 'boolean' });
        break;
      case 'DATE':
        out.push({ ...base, type: 'datetime', helpText: 'The date, or the start of a date range.' });
        out.push({
          key: customFieldKey('end', type, field.id),
          label: `${label} End Date`,
          type: 'datetime',
          required: false,
          helpText: 'Only for a date range: its end. Needs the start as well.',
        });
        break;
      case 'SELECT_SINGLE':
        out.push({ ...base, type: 'string', choices: optionChoices(field) });
        break;
      case 'SELECT_MULTI':
        out.push({ ...base, type: 'string', list: true, choices: optionChoices(field) });
        break;
      case 'COUNTRY':
        out.push({ ...base, type: 'string', helpText: 'A country name (United States) or its ISO alpha-2 code (US).' });
        break;
      case 'LOCATION':
        out.push({ ...base, type: 'string', helpText: 'Coordinates as "latitude,longitude", e.g. 48.8584,2.2945.' });
        break;
    }
  }
  return out;
}

function optionChoices(field: BlueCustomField): { value: string; label: string; sample: string }[] {
  return (field.customFieldOptions ?? []).map((o) => ({ value: o.id, label: o.title, sample: o.id }));
}

export interface CustomFieldValue {
  customFieldId: string;
  value: string;
}

/** What one custom field's inputs hold, gathered by id. */
interface Gathered {
  type: SettableType;
  value?: unknown;
  end?: unknown;
  currency?: unknown;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.every(isEmpty);
  return false;
}

class ConversionError extends Error {}

function fail(reason: string): never {
  throw new ConversionError(reason);
}

function asText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return fail('expected text');
}

const NUMBER_RE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const PLAIN_DECIMAL_RE = /^([-+]?)(\d*)(\.\d*)?$/;

/** Never exponent notation (String(1e21) is "1e+21"), which Blue may not parse. */
function plainNumber(n: number): string {
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function asNumber(v: unknown, allowPercent = false): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail(`${v} is not a finite number (use digits and a dot for decimals, e.g. 1250.75)`);
    return plainNumber(v);
  }
  let text = asText(v).replace(/\s+/g, '');
  if (allowPercent) text = text.replace(/%$/, '');
  if (!NUMBER_RE.test(text)) fail(`"${asText(v)}" is not a number (use digits and a dot for decimals, e.g. 1250.75)`);
  // 1e309 or 400 digits: beyond what Blue (or any double) holds; it would go out as "∞".
  if (!Number.isFinite(Number(text)))
    fail(`"${asText(v)}" is too large to be a number (use digits and a dot for decimals, e.g. 1250.75)`);
  // Plain decimals keep every digit (String(Number()) rounds past 15); exponents are expanded.
  const plain = PLAIN_DECIMAL_RE.exec(text);
  if (!plain) return plainNumber(Number(text));
  const [, sign, int = '', frac = ''] = plain;
  const whole = int.replace(/^0+(?=\d)/, '') || '0';
  const fraction = frac.replace(/0+$/, '').replace(/^\.$/, '');
  const value = `${whole}${fraction}`;
  return sign === '-' && /[1-9]/.test(value) ? `-${value}` : value;
}

function asBoolean(v: unknown): string {
  if (typeof v === 'boolean') return String(v);
  const text = asText(v).toLowerCase();
  if (['true', 'yes', '1', 'checked', 'on'].includes(text)) return 'true';
  if (['false', 'no', '0', 'unchecked', 'off'].includes(text)) return 'false';
  return fail(`"${asText(v)}" is not a yes/no value (use true or false)`);
}

const DATE_FORMS =
  'use YYYY-MM-DD, optionally with a time (e.g. 2026-03-01 or 2026-03-01T09:00:00Z), MM/DD/YYYY, ' +
  'a date with the month in words (1 March 2026, Mar 1, 2026) or a Unix timestamp';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = new Set([
  ...MONTHS,
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'sept',
  'september',
  'october',
  'november',
  'december',
]);

/** Year, month (1-12) and day of a date exist in the calendar (no 31 February). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const TIME = String.raw`(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?`;
const ISO_RE = new RegExp(String.raw`^(\d{4})(?:-(\d{2})(?:-(\d{2})${TIME}(?:Z|[+-]\d{2}:?\d{2})?)?)?$`, 'i');
const US_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const WORDS_TAIL = String.raw`(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*[ap]m)?(?:\s+(?:GMT|UTC|Z|[+-]\d{4}))?)?$`;
const DAY_MONTH_RE = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})${WORDS_TAIL}`,
  'i',
);
const MONTH_DAY_RE = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})${WORDS_TAIL}`,
  'i',
);

function isClockTime(hour?: string, minute?: string, second?: string): boolean {
  return (
    (hour === undefined || Number(hour) <= 23) &&
    (minute === undefined || Number(minute) <= 59) &&
    (second === undefined || Number(second) <= 59)
  );
}

/** The calendar day the text names is checked here: Date.parse rolls 2026-02-31 over to 3 March. */
function calendarCheck(text: string): 'ok' | 'impossible' | 'unknown' {
  let m = ISO_RE.exec(text);
  if (m) {
    const [, y, mo = '01', d = '01', hh, mi, ss] = m;
    return isCalendarDay(Number(y), Number(mo), Number(d)) && isClockTime(hh, mi, ss) ? 'ok' : 'impossible';
  }
  m = US_RE.exec(text);
  if (m) {
    const [, mo, d, y, hh, mi, ss] = m;
    return isCalendarDay(Number(y), Number(mo), Number(d)) && isClockTime(hh, mi, ss) ? 'ok' : 'impossible';
  }
  for (const [re, dayAt, monthAt] of [
    [DAY_MONTH_RE, 1, 2],
    [MONTH_DAY_RE, 2, 1],
  ] as const) {
    m = re.exec(text);
    if (!m || !MONTH_NAMES.has(m[monthAt]!.toLowerCase())) continue;
    const month = MONTHS.indexOf(m[monthAt]!.slice(0, 3).toLowerCase()) + 1;
    return isCalendarDay(Number(m[3]), month, Number(m[dayAt])) && isClockTime(m[4], m[5], m[6]) ? 'ok' : 'impossible';
  }
  return 'unknown';
}

/**
 * A date/time as ISO-8601 UTC; a bare date stays midnight UTC of that day. Only the forms in
 * DATE_FORMS are read, and only days that exist: JavaScript's Date.parse takes "0" for 2000-01-01,
 * "12" for 2001-12-01 and 2026-02-31 for 3 March. Digits alone are a year (4 digits), epoch
 * seconds (9-10) or epoch milliseconds (11-13): "20260301" and "12" are refused as ambiguous.
 */
export function asIsoDate(v: unknown): string {
  const text = asText(v);
  let ms: number;
  if (/^\d+$/.test(text) && !/^\d{4}$/.test(text)) {
    if (!/^\d{9,13}$/.test(text)) return fail(`"${text}" is not a date: a bare number is ambiguous (${DATE_FORMS})`);
    ms = Number(text) * (text.length <= 10 ? 1000 : 1);
  } else {
    const check = calendarCheck(text);
    if (check === 'impossible')
      return fail(`"${text}" is not a date: no such day or time in the calendar (${DATE_FORMS})`);
    ms = check === 'ok' ? Date.parse(text) : Number.NaN;
  }
  if (!Number.isFinite(ms) || Number.isNaN(new Date(ms).getTime()))
    return fail(`"${text}" is not a date (${DATE_FORMS})`);
  return new Date(ms).toISOString();
}

function asList(v: unknown): string[] {
  const items = Array.isArray(v) ? v : [v];
  return items
    .flatMap((item) => (isEmpty(item) ? [] : asText(item).split(',')))
    .map((s) => s.trim())
    .filter(Boolean);
}

function asEmail(v: unknown): string {
  const text = asText(v);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) fail(`"${text}" is not an email address`);
  return text;
}

function asUrl(v: unknown): string {
  const text = asText(v);
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    fail(`"${text}" is not a web address (start it with https://)`);
  }
  return text;
}

function asPhone(v: unknown): string {
  const text = asText(v);
  const digits = text.replace(/\D/g, '');
  if (!/^\+[\d\s().-]+$/.test(text) || digits.length < 7 || digits.length > 15) {
    fail(`"${text}" is not a phone number with its country code (e.g. +1 234 567 8900)`);
  }
  return text;
}

function asCountry(v: unknown): string {
  const text = asText(v);
  if (/^[a-z]{2}$/i.test(text)) return text.toUpperCase();
  if (!/^[\p{L}][\p{L} .,'()-]*$/u.test(text)) fail(`"${text}" is not a country name or ISO alpha-2 code`);
  return text;
}

function asLocation(v: unknown): string {
  const text = asText(v);
  const parts = text.split(',').map((p) => p.trim());
  const [lat, lng] = parts.map(Number);
  const valid =
    parts.length === 2 &&
    parts.every((p) => NUMBER_RE.test(p)) &&
    lat !== undefined &&
    lng !== undefined &&
    Math.abs(lat) <= 90 &&
    Math.abs(lng) <= 180;
  if (!valid) fail(`"${text}" is not "latitude,longitude" (e.g. 48.8584,2.2945)`);
  return `${lat},${lng}`;
}

function asCurrencyCode(v: unknown): string {
  const text = asText(v).toUpperCase();
  if (!/^[A-Z]{3}$/.test(text)) fail(`currency code "${asText(v)}" is not a three-letter ISO 4217 code (e.g. USD)`);
  return text;
}

function serialise(g: Gathered): string | undefined {
  if (g.type === 'DATE') {
    if (isEmpty(g.value)) {
      if (!isEmpty(g.end)) fail('a date range needs its start as well as its end');
      return undefined;
    }
    const start = asIsoDate(g.value);
    if (isEmpty(g.end)) return start;
    const end = asIsoDate(g.end);
    if (Date.parse(end) < Date.parse(start)) fail('the end of the date range is before its start');
    return `${start},${end}`;
  }
  if (isEmpty(g.value)) return undefined;
  const v = g.value;
  switch (g.type) {
    case 'TEXT_SINGLE':
    case 'TEXT_MULTI':
      return typeof v === 'string' ? v : asText(v);
    case 'EMAIL':
      return asEmail(v);
    case 'URL':
      return asUrl(v);
    case 'PHONE':
      return asPhone(v);
    case 'NUMBER':
    case 'RATING':
      return asNumber(v);
    case 'PERCENT':
      return asNumber(v, true);
    case 'CURRENCY': {
      const amount = asNumber(v);
      return isEmpty(g.currency) ? amount : `${amount} ${asCurrencyCode(g.currency)}`;
    }
    case 'CHECKBOX':
      return asBoolean(v);
    case 'SELECT_SINGLE': {
      const ids = asList(v);
      if (ids.length !== 1) fail('pick exactly one option');
      return ids[0];
    }
    case 'SELECT_MULTI':
      return asList(v).join(',');
    case 'COUNTRY':
      return asCountry(v);
    case 'LOCATION':
      return asLocation(v);
  }
}

/**
 * The createTodo `customFields` list from the action's inputs (keys made by customFieldInputFields).
 * Empty inputs are left out. A value that cannot be converted throws a z.errors.Error naming the
 * field, so the action fails before sending anything.
 */
export function customFieldValues(z: ZObject, inputData: Readonly<Record<string, unknown>>): CustomFieldValue[] {
  const byId = new Map<string, Gathered>();
  for (const [key, raw] of Object.entries(inputData)) {
    const parsed = parseCustomFieldKey(key);
    if (!parsed) continue;
    const g = byId.get(parsed.id) ?? { type: parsed.type };
    g[parsed.role] = raw;
    byId.set(parsed.id, g);
  }
  const out: CustomFieldValue[] = [];
  for (const [id, g] of byId) {
    let value: string | undefined;
    try {
      value = serialise(g);
    } catch (err) {
      if (!(err instanceof ConversionError)) throw err;
      // The run only knows the field's type and id (from the input key), not its current name.
      throw new z.errors.Error(
        `The value for the Blue ${typeLabel(g.type)} custom field (id ${id}) cannot be used: ${err.message}. ` +
          `Fix the value mapped to that field in this step; nothing was sent to Blue.`,
        'blue_custom_field_invalid',
        400,
      );
    }
    if (value !== undefined) out.push({ customFieldId: id, value });
  }
  return out;
}

function typeLabel(type: SettableType): string {
  return type.toLowerCase().replace(/_/g, ' ');
}
