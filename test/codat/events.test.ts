import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  ALL_EVENT_TYPES,
  BASE_OUTPUT_FIELDS,
  CODAT_EVENT_TYPES,
  RETIRED_EVENT_TYPES,
  SHAPE_OUTPUT_FIELDS,
  WRITE_DATA_TYPES,
  eventTypeChoices,
  eventTypeForRuleType,
  findEventType,
  outputFieldsFor,
  retiredReplacement,
} from '../../codat/events.js';
import { exampleEnvelope, exampleOutput, parseEnvelope, toEventOutput } from '../../codat/envelope.js';
import { CODAT_EVENT_TYPES as SANDBOX_EVENT_TYPES } from '../../sandbox/codat-event-types.js';
import { describeReference } from '../support/reference.js';

type Operation = {
  deprecated?: boolean;
  requestBody?: { content?: { 'application/json'?: { examples?: Record<string, { value: unknown }> } } };
};
function referenceWebhooks(file: string): Record<string, { post: Operation }> {
  return (JSON.parse(readFileSync(file, 'utf8')) as { webhooks: Record<string, { post: Operation }> }).webhooks;
}

const EXTRA_TYPES = [
  'company.product.added',
  'company.product.removed',
  'reports.creditModel.generate.successful',
  'reports.creditModel.generate.unsuccessful',
  'reports.spendAnalysis.generate.successful',
  'reports.spendAnalysis.generate.unsuccessful',
];

// The three read outcomes Codat added after Webhooks.json (codat-docs multiple-use-cases.md).
const READ_OUTCOMES = ['read.completed.successful', 'read.completed.unsuccessful', 'read.completed.successful.initial'];

// Codat's deprecation notice (codat-docs blog/241004-deprecation-legacy-webhook-event-types.md): twelve
// rule types stopped on 2025-01-10, two of which Webhooks.json does not flag as deprecated.
const RETIRED = [
  'ClientRateLimitReached',
  'ClientRateLimitReset',
  'DataConnectionStatusChanged',
  'DataSyncCompleted',
  'DataSyncStatusChangedToError',
  'DatasetDataChanged',
  'NewCompanySynchronized',
  'PushOperationStatusChanged',
  'PushOperationTimedOut',
  'SyncCompleted',
  'SyncFailed',
  'SyncConnectionDeleted',
];

/** Catalog keys a replacement names (`{dataType}` expands to the 18 data types). */
function expand(replacement: string): string[] {
  return replacement.includes('{dataType}')
    ? Object.keys(WRITE_DATA_TYPES).map((d) => replacement.replace('{dataType}', d))
    : [replacement];
}

describe('Codat event catalog', () => {
  it('holds 64 distinct current event types: writes for all 18 data types, the product/report extras and the read outcomes', () => {
    const keys = CODAT_EVENT_TYPES.map((e) => e.key);
    expect(keys).toHaveLength(64);
    expect(new Set(keys).size).toBe(64);
    expect(Object.keys(WRITE_DATA_TYPES)).toHaveLength(18);
    for (const dataType of Object.keys(WRITE_DATA_TYPES)) {
      expect(keys).toEqual(expect.arrayContaining([`${dataType}.write.successful`, `${dataType}.write.unsuccessful`]));
    }
    expect(keys).toEqual(expect.arrayContaining([...EXTRA_TYPES, ...READ_OUTCOMES]));
  });

  it.each(CODAT_EVENT_TYPES.map((e) => [e.key, e] as const))(
    '%s: the sample reads its example as a delivery would (exampleEnvelope equals parseEnvelope)',
    (_key, entry) => {
      const parsed = parseEnvelope(entry.example);
      expect(parsed).toBeDefined();
      expect(exampleEnvelope(entry)).toEqual(parsed);
    },
  );

  it('gives every example a distinct uuid-looking id', () => {
    const ids = CODAT_EVENT_TYPES.map((e) => exampleOutput(e).id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('offers none of the twelve retired rule types, and maps each to replacements the catalog has', () => {
    expect(Object.keys(RETIRED_EVENT_TYPES).sort()).toEqual([...RETIRED].sort());
    const offered = new Set(eventTypeChoices().map((c) => c.value));
    for (const key of RETIRED) {
      expect({ key, inCatalog: Boolean(findEventType(key)), offered: offered.has(key) }).toEqual({
        key,
        inCatalog: false,
        offered: false,
      });
      const replacement = retiredReplacement(key)!;
      expect(replacement.length).toBeGreaterThan(0);
      for (const target of replacement.flatMap(expand))
        expect({ key, target, known: Boolean(findEventType(target)) }).toEqual({ key, target, known: true });
    }
    // Two of them, as Codat's migration guide maps them.
    expect(retiredReplacement('NewCompanySynchronized')).toEqual(['read.completed.initial']);
    expect(retiredReplacement('SyncConnectionDeleted')).toEqual(['connection.deleted']);
    expect(retiredReplacement('company.created')).toBeUndefined();
    expect(retiredReplacement('toString')).toBeUndefined();
  });

  it('recognises a retired type written as words or in another case, never a current type', () => {
    expect(retiredReplacement('New company synchronized')).toEqual(['read.completed.initial']);
    expect(retiredReplacement(' sync_connection_deleted ')).toEqual(['connection.deleted']);
    expect(retiredReplacement('client rate limit reached')).toEqual(['client.rateLimit.reached']);
    for (const e of CODAT_EVENT_TYPES)
      expect({ key: e.key, retired: retiredReplacement(e.key) }).toEqual({ key: e.key, retired: undefined });
  });

  it('gives each new read outcome a label, an example of its outcome and the read output fields', () => {
    const readFields = SHAPE_OUTPUT_FIELDS.read.map((f) => f.key);
    for (const key of READ_OUTCOMES) {
      const entry = findEventType(key)!;
      expect(entry).toMatchObject({ group: 'reads', shape: 'read' });
      expect(entry.label).toMatch(/^(Initial )?Read Completed (Successfully|Unsuccessfully)$/);
      expect(outputFieldsFor([key]).map((f) => f.key)).toEqual(readFields);
      const out = exampleOutput(entry);
      expect(out).toMatchObject({
        eventType: key,
        eventLabel: entry.label,
        companyId: expect.any(String),
        connectionId: expect.any(String),
      });
      expect(out.status).toBe(key === 'read.completed.unsuccessful' ? 'Complete, FetchError' : 'Complete');
    }
  });

  it("has exactly the event types the project's Codat server knows (sandbox/codat-event-types.ts)", () => {
    expect(CODAT_EVENT_TYPES.map((e) => e.key).sort()).toEqual([...SANDBOX_EVENT_TYPES].sort());
  });

  it('has a choice, a label and an example for every event type', () => {
    const choices = new Map(eventTypeChoices().map((c) => [c.value, c.label]));
    for (const key of SANDBOX_EVENT_TYPES) {
      const entry = findEventType(key);
      expect({ key, inCatalog: Boolean(entry) }).toEqual({ key, inCatalog: true });
      expect(entry!.label.length).toBeGreaterThan(3);
      expect(choices.get(key)).toContain(entry!.label);
      expect(exampleOutput(entry!).eventType).toBe(key);
    }
  });

  it('every example normalises to its type with an ISO-8601 date and the fields its shape promises', () => {
    for (const entry of CODAT_EVENT_TYPES) {
      const out = exampleOutput(entry);
      expect(out.eventType).toBe(entry.key);
      expect(out.eventLabel).toBe(entry.label);
      expect(out.generatedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      if (entry.shape === 'write') {
        expect(out).toMatchObject({
          dataType: entry.key.split('.')[0],
          companyId: expect.any(String),
          connectionId: expect.any(String),
        });
        expect(out.status).toBe(entry.key.endsWith('.unsuccessful') ? 'Failed' : 'Success');
      }
      if (entry.shape === 'connection')
        expect(out).toMatchObject({ companyName: 'Toft Stores', status: expect.any(String) });
      if (entry.shape === 'rule') expect(out.message).toEqual(expect.any(String));
    }
  });

  it('maps the RuleType of the one rule-envelope type back to it, and no retired one', () => {
    expect(eventTypeForRuleType('Account Categories Updated')?.key).toBe('AccountCategoriesUpdated');
    expect(eventTypeForRuleType('AccountCategoriesUpdated')?.key).toBe('AccountCategoriesUpdated');
    expect(eventTypeForRuleType('Data sync completed')).toBeUndefined();
    expect(eventTypeForRuleType('Push Operation Status Changed()')).toBeUndefined();
    expect(eventTypeForRuleType('company.created')).toBeUndefined();
    expect(CODAT_EVENT_TYPES.filter((e) => e.shape === 'rule').map((e) => e.key)).toEqual(['AccountCategoriesUpdated']);
  });

  it('offers "All Event Types" first, then every type once, grouped', () => {
    const choices = eventTypeChoices();
    expect(choices[0]).toEqual({ value: ALL_EVENT_TYPES, label: 'All Event Types', sample: ALL_EVENT_TYPES });
    expect(
      choices
        .slice(1)
        .map((c) => c.value)
        .sort(),
    ).toEqual(CODAT_EVENT_TYPES.map((e) => e.key).sort());
    expect(choices.find((c) => c.value === 'bills.write.unsuccessful')?.label).toBe('Writes: Bills Write Unsuccessful');
    expect(choices.find((c) => c.value === 'read.completed.unsuccessful')?.label).toBe(
      'Reads: Read Completed Unsuccessfully',
    );
    expect(choices.some((c) => /legacy|deprecated/i.test(c.label))).toBe(false);
    const groups = choices.slice(1).map((c) => c.label.split(':')[0]);
    // Grouped: once a group ends it never comes back.
    const runs = groups.filter((g, i) => g !== groups[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
  });

  it('output fields follow the chosen types, without duplicates, and never repeat the base fields', () => {
    const writeKeys = outputFieldsFor(['bills.write.successful']).map((f) => f.key);
    expect(writeKeys).toEqual(SHAPE_OUTPUT_FIELDS.write.map((f) => f.key));
    expect(outputFieldsFor(['client.rateLimit.reached']).map((f) => f.key)).toEqual([
      'payload__dailyQuota',
      'payload__quotaRemaining',
      'payload__expiryDate',
    ]);
    const all = outputFieldsFor([ALL_EVENT_TYPES]).map((f) => f.key);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(
      expect.arrayContaining(['payload__connection__platformName', 'message', 'payload__record__id']),
    );
    expect(all.filter((k) => BASE_OUTPUT_FIELDS.some((b) => b.key === k))).toEqual([]);
    expect(outputFieldsFor(['not.a.type'])).toEqual([]);
  });
});

describeReference("Codat event catalog against Codat's Webhooks spec", 'codat/Webhooks.json', (file) => {
  it("the project's event list is Webhooks.json's current types plus the extras and the read outcomes", () => {
    const reference = referenceWebhooks(file);
    expect(Object.keys(reference)).toHaveLength(67);
    const current = Object.keys(reference).filter((key) => !RETIRED.includes(key));
    expect(current).toHaveLength(67 - RETIRED.length);
    expect([...SANDBOX_EVENT_TYPES].sort()).toEqual([...current, ...EXTRA_TYPES, ...READ_OUTCOMES].sort());
  });

  it('retires every type Webhooks.json deprecates', () => {
    for (const [key, { post }] of Object.entries(referenceWebhooks(file))) {
      if (post.deprecated) expect({ key, retired: Boolean(retiredReplacement(key)) }).toEqual({ key, retired: true });
    }
  });

  it("normalises every current reference example body to its own event type (both 'eventType' and 'type' keys)", () => {
    let checked = 0;
    for (const [key, { post }] of Object.entries(referenceWebhooks(file))) {
      if (RETIRED.includes(key)) continue;
      const examples = post.requestBody?.content?.['application/json']?.examples ?? {};
      for (const { value } of Object.values(examples)) {
        const envelope = parseEnvelope(value);
        expect({ key, parsed: Boolean(envelope) }).toEqual({ key, parsed: true });
        const out = toEventOutput(envelope!, { fallbackId: 'x', fallbackDate: '2024-01-01T00:00:00Z' });
        expect(out.eventType).toBe(key);
        expect(out.payload).toEqual((value as { payload: unknown }).payload);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(45);
  });

  it("normalises Codat's AccountCategoriesUpdated example (the rule envelope still in use) to its event type", () => {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      webhooks: Record<
        string,
        { post: { requestBody: { content: { 'application/json': { schema: { $ref?: string } } } } } }
      >;
      components: { schemas: Record<string, { examples?: unknown[] }> };
    };
    const post = doc.webhooks.AccountCategoriesUpdated!.post;
    const ref = post.requestBody.content['application/json'].schema.$ref?.split('/').pop();
    const examples = ((ref && doc.components.schemas[ref]?.examples) || []).filter(
      (example): example is Record<string, unknown> =>
        Boolean(example && typeof example === 'object' && 'RuleType' in example),
    );
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const out = toEventOutput(parseEnvelope(example)!, {
        fallbackId: 'delivery-1',
        fallbackDate: '2024-01-01T00:00:00.000Z',
      });
      expect(out).toMatchObject({
        id: example.AlertId,
        eventType: 'AccountCategoriesUpdated',
        eventLabel: 'Account Categories Updated',
        generatedDate: '2024-01-01T00:00:00.000Z',
        companyId: example.CompanyId,
        message: example.Message,
        payload: example,
      });
    }
  });
});
