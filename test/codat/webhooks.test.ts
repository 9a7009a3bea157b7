import { describe, expect, it } from '@jest/globals';
import { consumerDescription, generateSecret, idempotencyKey, readSelection } from '../../codat/webhooks.js';
import { parseDelivery, parseEnvelope, toEventOutput } from '../../codat/envelope.js';

describe('readSelection', () => {
  it('reads lists and comma-separated custom values, trimming and de-duplicating', () => {
    expect(readSelection(['company.created', ' read.completed ', 'company.created', ''])).toEqual({
      all: false,
      types: ['company.created', 'read.completed'],
    });
    expect(readSelection('company.created, bills.write.successful')).toEqual({
      all: false,
      types: ['company.created', 'bills.write.successful'],
    });
  });

  it('treats "all" anywhere in the list as every event type', () => {
    expect(readSelection(['company.created', 'all'])).toEqual({ all: true, types: [] });
  });

  it('yields an empty selection for missing input', () => {
    expect(readSelection(undefined)).toEqual({ all: false, types: [] });
    expect(readSelection(42)).toEqual({ all: false, types: [] });
  });
});

describe('consumer settings', () => {
  it('generates distinct secrets Svix accepts, from 32 random bytes', () => {
    const a = generateSecret();
    const b = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/=]{32,100}$/);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
  });

  it('derives a sha256 idempotency key from the target URL', () => {
    expect(idempotencyKey('https://hooks.zapier.com/a')).toBe(idempotencyKey('https://hooks.zapier.com/a'));
    expect(idempotencyKey('https://hooks.zapier.com/a')).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyKey('https://hooks.zapier.com/a')).not.toBe(idempotencyKey('https://hooks.zapier.com/b'));
  });

  it('keeps long type lists readable in the description', () => {
    const types = Array.from({ length: 25 }, (_, i) => `t${i}.write.successful`);
    const text = consumerDescription('abc123', { all: false, types });
    expect(text).toMatch(/^Zapier "New Codat Event" trigger, Zap subscription abc123: t0\.write\.successful, /);
    expect(text).toMatch(/t19\.write\.successful and 5 more$/);
    expect(text).not.toContain('t20.');
  });
});

describe('envelopes', () => {
  it('reports non-JSON and envelope-less bodies without echoing them', () => {
    expect(parseDelivery('secret-customer-data')).toEqual({
      ok: false,
      reason: 'not_json',
      detail: 'the body is not JSON (20 characters)',
    });
    const noEnvelope = parseDelivery(JSON.stringify({ customer: 'Jane' }));
    expect(noEnvelope).toMatchObject({ ok: false, reason: 'no_envelope' });
    expect(JSON.stringify(noEnvelope)).not.toContain('Jane');
    expect(parseDelivery('"text"')).toMatchObject({ ok: false, detail: expect.stringContaining('a JSON string') });
    expect(parseDelivery('null')).toMatchObject({ ok: false, detail: expect.stringContaining('JSON null') });
  });

  it('keeps an unknown RuleType as the event type rather than dropping the event', () => {
    const env = parseEnvelope({
      RuleType: 'Something New',
      AlertId: 'a-1',
      CompanyId: 'co-1',
      Message: 'Hello',
      Data: { status: 'Done' },
    });
    expect(toEventOutput(env!, { fallbackId: 'x', fallbackDate: '2024-01-01T00:00:00.000Z' })).toEqual({
      id: 'a-1',
      eventType: 'Something New',
      eventLabel: 'Something New',
      generatedDate: '2024-01-01T00:00:00.000Z',
      companyId: 'co-1',
      message: 'Hello',
      payload: {
        RuleType: 'Something New',
        AlertId: 'a-1',
        CompanyId: 'co-1',
        Message: 'Hello',
        Data: { status: 'Done' },
      },
    });
  });

  it('summarises read.completed data types and connections across entries', () => {
    const env = parseEnvelope({
      id: 'e1',
      eventType: 'read.completed',
      generatedDate: '2024-01-01T00:00:00Z',
      payload: {
        referenceCompany: { id: 'co', name: 'Co' },
        dataTypes: [
          { connectionId: 'c1', dataType: 'invoices', status: 'Complete' },
          { connectionId: 'c1', dataType: 'bills', status: 'FetchError' },
        ],
      },
    });
    expect(toEventOutput(env!, { fallbackId: 'x', fallbackDate: 'y' })).toMatchObject({
      companyId: 'co',
      connectionId: 'c1',
      dataType: 'invoices, bills',
      status: 'Complete, FetchError',
    });
  });
});
