// Zapier's integration checks that can be judged offline, enforced on the whole app definition so a
// bad label or sample fails `npm test` instead of a publishing review.
import { describe, expect, it } from '@jest/globals';
import App from '../../index.js';
import { onDemandFields } from '../../common/lean-definition.js';

type Field = {
  key: string;
  label?: string;
  helpText?: string;
  dynamic?: string;
  choices?: unknown;
  type?: string;
  list?: boolean;
  children?: Field[];
};
type Operation = {
  type?: string;
  sample?: Record<string, unknown>;
  outputFields?: unknown[];
  inputFields?: unknown[];
  performList?: unknown;
  perform?: unknown;
};
type Action = {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean; helpText?: string };
  operation: Operation;
};

const triggers = Object.values((App.triggers ?? {}) as Record<string, Action>);
const creates = Object.values((App.creates ?? {}) as Record<string, Action>);
const visibleTriggers = triggers.filter((t) => !t.display.hidden);
const visibleCreates = creates.filter((c) => !c.display.hidden);
const searches = Object.values((App.searches ?? {}) as Record<string, Action>);
const visibleSearches = searches.filter((s) => !s.display.hidden);
const searchOrCreates = Object.entries(
  (App.searchOrCreates ?? {}) as Record<
    string,
    { key: string; display: { label: string; description: string }; search: string; create: string }
  >,
);
const authFields = (App.authentication?.fields ?? []) as Field[];

const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'for',
  'to',
  'in',
  'on',
  'by',
  'with',
  'at',
  'from',
  'per',
  'as',
  'vs',
]);

/** D018: every word capitalised except short connecting words (not first); tokens like "ID", "URL", "e.g." pass. */
function isTitleCase(label: string): boolean {
  const words = label.split(/[\s/]+/).filter(Boolean);
  return words.every((word, i) => {
    const bare = word.replace(/^[("'[]+|[)"'\]:,.?]+$/g, '');
    if (!bare || !/^[a-z]/i.test(bare)) return true;
    if (i > 0 && SMALL_WORDS.has(bare)) return true;
    return /^[A-Z0-9]/.test(bare);
  });
}

/**
 * Fixed input fields of an operation: the static ones and those index.ts hands over on demand
 * (common/lean-definition.ts); other functions build dynamic fields at run time.
 */
function staticInputFields(op: Operation): Field[] {
  return (op.inputFields ?? []).flatMap((f) =>
    typeof f === 'object' && f !== null ? [f as Field] : ((onDemandFields(f) ?? []) as Field[]),
  );
}

function staticOutputFields(op: Operation): Field[] {
  return (op.outputFields ?? []).filter((f): f is Field => typeof f === 'object' && f !== null);
}

/** Output fields an operation gives through functions (called as the Zap editor would, without a request). */
async function functionOutputFields(op: Operation): Promise<Field[]> {
  const fns = (op.outputFields ?? []).filter((f): f is () => Promise<Field[]> => typeof f === 'function');
  return (await Promise.all(fns.map((f) => f()))).flat();
}

/** Zapier's output field keys for a sample's leaves: "a__b" for nested values, "list[]key" for list items. */
function samplePaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value))
    return value.length && value[0] && typeof value[0] === 'object'
      ? samplePaths(value[0], `${prefix}[]`)
      : [prefix.replace(/\[\]$/, '')];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      samplePaths(v, prefix ? (prefix.endsWith('[]') ? `${prefix}${k}` : `${prefix}__${k}`) : k),
    );
  }
  return [prefix];
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function* dateLikeValues(value: unknown, path = ''): Generator<[string, string]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* dateLikeValues(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (typeof v === 'string' && /(date|At|Time|timestamp)$/i.test(k) && v !== '') yield [p, v];
      else yield* dateLikeValues(v, p);
    }
  }
}

/** Zapier's outputField keys address nested values with "__" and list items with "list[]field". */
function lookup(sample: unknown, key: string): unknown {
  let current: unknown = sample;
  for (const name of key.split(/__|\[\]/).filter(Boolean)) {
    if (Array.isArray(current)) current = current[0];
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

function matchesType(value: unknown, type: string | undefined): boolean {
  if (value === null || value === undefined || !type) return true;
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
    case 'string':
      return typeof value === 'string';
    default:
      return true;
  }
}

describe('Zapier publishing checks (offline)', () => {
  it('the app has triggers, creates and searches to check', () => {
    expect(visibleTriggers.length).toBeGreaterThan(0);
    expect(visibleCreates.map((c) => c.key)).toEqual(
      expect.arrayContaining(['codat_create_company', 'codat_refresh_company_data']),
    );
    expect(visibleSearches.map((s) => s.key).sort()).toEqual(['codat_find_company', 'find_todo', 'find_user']);
  });

  it('D002: every auth field help text links to where the value is found', () => {
    for (const field of authFields) {
      expect({ key: field.key, ok: /\]\(https:\/\/[^)]+\)/.test(field.helpText ?? '') }).toEqual({
        key: field.key,
        ok: true,
      });
    }
  });

  it('D003: the connection has a label', () => {
    expect(App.authentication?.connectionLabel).toBeDefined();
  });

  it('D004: inputs that take an ID are dynamic dropdowns (or fixed choices)', () => {
    for (const action of [...triggers, ...creates, ...searches]) {
      for (const field of staticInputFields(action.operation)) {
        const looksLikeId = /(^|_)id$|Id$|Ids$/.test(field.key) || /\bIDs?\b/.test(field.label ?? '');
        if (!looksLikeId) continue;
        expect({ where: `${action.key}.${field.key}`, dropdown: Boolean(field.dynamic || field.choices) }).toEqual({
          where: `${action.key}.${field.key}`,
          dropdown: true,
        });
      }
    }
  });

  it('D006: every hook trigger has a performList', () => {
    for (const t of triggers.filter((x) => x.operation.type === 'hook')) {
      expect({ key: t.key, performList: typeof t.operation.performList }).toEqual({
        key: t.key,
        performList: 'function',
      });
    }
  });

  it('D007: every link in help texts and descriptions uses HTTPS', () => {
    const texts: string[] = [
      ...authFields.map((f) => f.helpText ?? ''),
      ...[...triggers, ...creates, ...searches].flatMap((a) => [
        a.display.description,
        ...staticInputFields(a.operation).map((f) => f.helpText ?? ''),
      ]),
    ];
    for (const text of texts) {
      for (const url of text.match(/\bhttps?:\/\/[^\s)]+/g) ?? []) expect(url).toMatch(/^https:\/\//);
    }
  });

  it('D011: help text is not a restatement of the label', () => {
    const fields = [
      ...authFields,
      ...[...triggers, ...creates, ...searches].flatMap((a) => staticInputFields(a.operation)),
    ];
    for (const field of fields.filter((f) => f.helpText)) {
      const help = field
        .helpText!.toLowerCase()
        .replace(/[^a-z0-9 ]/g, '')
        .trim();
      const label = (field.label ?? field.key)
        .toLowerCase()
        .replace(/[^a-z0-9 ]/g, '')
        .trim();
      expect({ key: field.key, redundant: help === label || help.length < label.length + 10 }).toEqual({
        key: field.key,
        redundant: false,
      });
    }
  });

  it('D012: every visible trigger and create has a static sample', () => {
    for (const a of [...visibleTriggers, ...visibleCreates, ...visibleSearches]) {
      expect({ key: a.key, sample: typeof a.operation.sample }).toEqual({ key: a.key, sample: 'object' });
    }
  });

  it('D018: labels are in Title Case', () => {
    const labels: [string, string][] = [
      ...authFields.map((f): [string, string] => [`auth.${f.key}`, f.label ?? '']),
      ...[...triggers, ...creates, ...searches].flatMap((a) => [
        [a.key, a.display.label] as [string, string],
        ...staticInputFields(a.operation).map((f): [string, string] => [`${a.key}.${f.key}`, f.label ?? f.key]),
        ...staticOutputFields(a.operation)
          .filter((f) => f.label)
          .map((f): [string, string] => [`${a.key}.out.${f.key}`, f.label!]),
      ]),
    ];
    const bad = labels.filter(([, label]) => !isTitleCase(label));
    expect(bad).toEqual([]);
  });

  it('D021: trigger descriptions start with "Triggers when " and end with "."', () => {
    for (const t of visibleTriggers) {
      expect({ key: t.key, description: t.display.description }).toEqual({
        key: t.key,
        description: expect.stringMatching(/^Triggers when .+\.$/),
      });
    }
  });

  it('action descriptions start with a verb ("Creates ...") and end with "."', () => {
    for (const c of visibleCreates) {
      expect(c.display.description).toMatch(
        /^(Creates|Adds|Updates|Sends|Posts|Finds|Deletes|Refreshes|Moves|Marks|Removes) .+\.$/,
      );
    }
  });

  it('every action has a sample and output fields (so later steps can map its result)', async () => {
    for (const c of visibleCreates) {
      const fields = [...staticOutputFields(c.operation), ...(await functionOutputFields(c.operation))];
      expect({ key: c.key, sample: typeof c.operation.sample, outputFields: fields.length > 0 }).toEqual({
        key: c.key,
        sample: 'object',
        outputFields: true,
      });
    }
  });

  it("output fields from functions (the record actions' fixed lists): Title Case labels, unique keys, and every sample value has its field, with its type", async () => {
    const withFunctions = visibleCreates.filter((c) =>
      (c.operation.outputFields ?? []).some((f) => typeof f === 'function'),
    );
    expect(withFunctions.length).toBeGreaterThan(0);
    for (const c of withFunctions) {
      const fields = await functionOutputFields(c.operation);
      const byKey = new Map(fields.map((f) => [f.key, f]));
      expect({
        key: c.key,
        unique: byKey.size === fields.length,
        badLabels: fields.filter((f) => !isTitleCase(f.label ?? '')).map((f) => f.key),
      }).toEqual({
        key: c.key,
        unique: true,
        badLabels: [],
      });
      // Keys the user's own data names (a Blue record's customFieldsByName__Priority, a Codat
      // company's tags__region) have no fixed field; the test data shows them.
      const userNamed = (p: string) => p.startsWith('customFieldsByName__') || p.startsWith('tags__');
      for (const path of samplePaths(c.operation.sample).filter((p) => !userNamed(p))) {
        const field = byKey.get(path);
        expect({
          where: `${c.key}.${path}`,
          field: Boolean(field),
          typed: matchesType(lookup(c.operation.sample, path), field?.type),
        }).toEqual({
          where: `${c.key}.${path}`,
          field: true,
          typed: true,
        });
      }
    }
  });

  it('every dynamic dropdown names a trigger of the app whose sample has its value and label keys', () => {
    const byKey = new Map(triggers.map((t) => [t.key, t]));
    for (const action of [...triggers, ...creates]) {
      for (const field of staticInputFields(action.operation).filter((f) => f.dynamic)) {
        const [key = '', value = '', label = ''] = field.dynamic!.split('.');
        const sample = byKey.get(key)?.operation.sample ?? {};
        expect({
          where: `${action.key}.${field.key}`,
          trigger: byKey.has(key),
          value: value in sample,
          label: label in sample,
        }).toEqual({
          where: `${action.key}.${field.key}`,
          trigger: true,
          value: true,
          label: true,
        });
      }
    }
  });

  it('input field keys are unique within each operation (the schema cannot see fields given on demand)', () => {
    for (const a of [...triggers, ...creates, ...searches]) {
      const keys = staticInputFields(a.operation).map((f) => f.key);
      expect({ key: a.key, duplicates: keys.filter((k, i) => keys.indexOf(k) !== i) }).toEqual({
        key: a.key,
        duplicates: [],
      });
    }
  });

  it('search descriptions start with "Finds " and end with "."', () => {
    for (const s of visibleSearches) expect(s.display.description).toMatch(/^Finds .+\.$/);
  });

  it("search-or-creates pair an existing search and create under the search's key, with a Title Case label", () => {
    expect(searchOrCreates.length).toBeGreaterThan(0);
    for (const [key, soc] of searchOrCreates) {
      expect({ key, socKey: soc.key, search: soc.search }).toEqual({ key, socKey: key, search: key });
      expect(searches.map((s) => s.key)).toContain(soc.search);
      expect(creates.map((c) => c.key)).toContain(soc.create);
      expect({ key, titleCase: isTitleCase(soc.display.label) }).toEqual({ key, titleCase: true });
      expect(soc.display.description).toMatch(/^Finds .+\.$/);
    }
  });

  it('nouns are singular', () => {
    for (const a of [...triggers, ...creates, ...searches]) {
      expect({ key: a.key, noun: a.noun }).toEqual({ key: a.key, noun: expect.not.stringMatching(/[^s]s$/) });
    }
  });

  it('D023: sample dates are ISO-8601', () => {
    for (const a of [...triggers, ...creates, ...searches]) {
      for (const [path, value] of dateLikeValues(a.operation.sample ?? {})) {
        expect({ where: `${a.key}.${path}`, iso: ISO_8601.test(value) }).toEqual({
          where: `${a.key}.${path}`,
          iso: true,
        });
      }
    }
  });

  it('D024: samples hold every static output field, with its type', () => {
    for (const a of [...visibleTriggers, ...visibleCreates, ...visibleSearches]) {
      const sample = a.operation.sample;
      for (const field of staticOutputFields(a.operation)) {
        const value = lookup(sample, field.key);
        expect({
          where: `${a.key}.${field.key}`,
          present: value !== undefined,
          typed: matchesType(value, field.type),
        }).toEqual({
          where: `${a.key}.${field.key}`,
          present: true,
          typed: true,
        });
      }
    }
  });
});
