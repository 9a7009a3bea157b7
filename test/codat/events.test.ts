import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  ALL_EVENT_TYPES,
  BASE_OUTPUT_FIELDS,
  CODAT_EVENT_TYPES,
  SHAPE_OUTPUT_FIELDS,
  WRITE_DATA_TYPES,
  eventTypeChoices,
  eventTypeForRuleType,
  findEventType,
  outputFieldsFor,
} from '../../codat/events.js';
import { exampleOutput, parseEnvelope, toEventOutput } from '../../codat/envelope.js';
import { CODAT_EVENT_TYPES as SANDBOX_EVENT_TYPES, CODAT_DEPRECATED_EVENT_TYPES } from '../../sandbox/codat-event-types.js';
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

describe('Codat event catalog', () => {
  it('holds 73 distinct event types: writes for all 18 data types and the six product/report extras', () => {
    const keys = CODAT_EVENT_TYPES.map((e) => e.key);
    expect(keys).toHaveLength(73);
    expect(new Set(keys).size).toBe(73);
    expect(Object.keys(WRITE_DATA_TYPES)).toHaveLength(18);
    for (const dataType of Object.keys(WRITE_DATA_TYPES)) {
      expect(keys).toEqual(expect.arrayContaining([`${dataType}.write.successful`, `${dataType}.write.unsuccessful`]));
    }
    expect(keys).toEqual(expect.arrayContaining(EXTRA_TYPES));
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

  it('marks exactly the deprecated legacy types deprecated, each naming its replacement', () => {
    const deprecated = CODAT_EVENT_TYPES.filter((e) => e.deprecated);
    expect(deprecated.map((e) => e.key).sort()).toEqual([...CODAT_DEPRECATED_EVENT_TYPES].sort());
    for (const entry of deprecated) {
      expect(entry.group).toBe('legacy');
      expect(entry.deprecated!.replacement).toMatch(/\w+\.\w+/);
    }
  });

  it('every example normalises to its type with an ISO-8601 date and the fields its shape promises', () => {
    for (const entry of CODAT_EVENT_TYPES) {
      const out = exampleOutput(entry);
      expect(out.eventType).toBe(entry.key);
      expect(out.eventLabel).toBe(entry.label);
      expect(out.generatedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      if (entry.shape === 'write') {
        expect(out).toMatchObject({ dataType: entry.key.split('.')[0], companyId: expect.any(String), connectionId: expect.any(String) });
        expect(out.status).toBe(entry.key.endsWith('.unsuccessful') ? 'Failed' : 'Success');
      }
      if (entry.shape === 'connection') expect(out).toMatchObject({ companyName: 'Toft Stores', status: expect.any(String) });
      if (entry.shape === 'legacy') expect(out.message).toEqual(expect.any(String));
    }
  });

  it('maps legacy RuleType values back to their event type', () => {
    expect(eventTypeForRuleType('Data sync completed')?.key).toBe('DataSyncCompleted');
    expect(eventTypeForRuleType('Push Operation Status Changed()')?.key).toBe('PushOperationStatusChanged');
    expect(eventTypeForRuleType('Rate Limit Reached')?.key).toBe('ClientRateLimitReached');
    expect(eventTypeForRuleType('DataConnectionStatusChanged')?.key).toBe('DataConnectionStatusChanged');
    expect(eventTypeForRuleType('company.created')).toBeUndefined();
    for (const entry of CODAT_EVENT_TYPES.filter((e) => e.shape === 'legacy')) {
      expect(eventTypeForRuleType(String(entry.example.RuleType))?.key).toBe(entry.key);
    }
  });

  it('offers "All Event Types" first, then every type once, grouped, deprecated ones naming their replacement', () => {
    const choices = eventTypeChoices();
    expect(choices[0]).toEqual({ value: ALL_EVENT_TYPES, label: 'All Event Types', sample: ALL_EVENT_TYPES });
    expect(choices.slice(1).map((c) => c.value).sort()).toEqual(CODAT_EVENT_TYPES.map((e) => e.key).sort());
    expect(choices.find((c) => c.value === 'SyncFailed')?.label).toBe(
      'Legacy (Deprecated): Expense Sync Failed (use expenses.sync.unsuccessful instead)',
    );
    expect(choices.find((c) => c.value === 'bills.write.unsuccessful')?.label).toBe('Writes: Bills Write Unsuccessful');
    const groups = choices.slice(1).map((c) => c.label.split(':')[0]);
    // Grouped: once a group ends it never comes back.
    const runs = groups.filter((g, i) => g !== groups[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
  });

  it('output fields follow the chosen types, without duplicates, and never repeat the base fields', () => {
    const writeKeys = outputFieldsFor(['bills.write.successful']).map((f) => f.key);
    expect(writeKeys).toEqual(SHAPE_OUTPUT_FIELDS.write.map((f) => f.key));
    expect(outputFieldsFor(['client.rateLimit.reached']).map((f) => f.key)).toEqual(['payload__dailyQuota', 'payload__quotaRemaining', 'payload__expiryDate']);
    const all = outputFieldsFor([ALL_EVENT_TYPES]).map((f) => f.key);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(['payload__connection__platformName', 'message', 'payload__record__id']));
    expect(all.filter((k) => BASE_OUTPUT_FIELDS.some((b) => b.key === k))).toEqual([]);
    expect(outputFieldsFor(['not.a.type'])).toEqual([]);
  });
});

describeReference("Codat event catalog against Codat's Webhooks spec", 'codat/Webhooks.json', (file) => {
  it("the project's event list is Webhooks.json's 67 event types plus the six extras", () => {
    const reference = Object.keys(referenceWebhooks(file));
    expect(reference).toHaveLength(67);
    expect([...SANDBOX_EVENT_TYPES].sort()).toEqual([...reference, ...EXTRA_TYPES].sort());
  });

  it("the project's deprecated list is exactly the types Webhooks.json deprecates", () => {
    const deprecated = Object.entries(referenceWebhooks(file)).filter(([, { post }]) => post.deprecated).map(([key]) => key);
    expect([...CODAT_DEPRECATED_EVENT_TYPES].sort()).toEqual(deprecated.sort());
  });

  it("normalises every reference example body to its own event type (both 'eventType' and 'type' keys)", () => {
    let checked = 0;
    for (const [key, { post }] of Object.entries(referenceWebhooks(file))) {
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
    expect(checked).toBeGreaterThan(50);
  });

  it('normalises the legacy reference examples (RuleType envelopes) to their event type', () => {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      webhooks: Record<string, { post: { requestBody: { content: { 'application/json': { schema: { $ref?: string } } } } } }>;
      components: { schemas: Record<string, { examples?: unknown[] }> };
    };
    let checked = 0;
    for (const [key, { post }] of Object.entries(doc.webhooks)) {
      const ref = post.requestBody.content['application/json'].schema.$ref?.split('/').pop();
      for (const example of (ref && doc.components.schemas[ref]?.examples) || []) {
        if (!(example && typeof example === 'object' && 'RuleType' in example)) continue;
        const envelope = parseEnvelope(example);
        const out = toEventOutput(envelope!, { fallbackId: 'delivery-1', fallbackDate: '2024-01-01T00:00:00.000Z' });
        expect({ key, eventType: out.eventType }).toEqual({ key, eventType: key });
        expect(out.id).toBe((example as unknown as { AlertId: string }).AlertId);
        expect(out.generatedDate).toBe('2024-01-01T00:00:00.000Z');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(13);
  });
});
