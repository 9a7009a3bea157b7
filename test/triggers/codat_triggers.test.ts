// The purpose-built Codat triggers and the company filter every Codat trigger has: exact subscribe
// requests, filter matches and misses on Codat's documented bodies, Test trigger and samples.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import nock from 'nock';
import { Webhook } from 'standardwebhooks';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { exampleOutput } from '../../codat/envelope.js';
import { WRITE_DATA_TYPES, findEventType } from '../../codat/events.js';
import { codatRestHook, fixedEventTypes } from '../../codat/webhooks.js';
import { caught } from '../support/errors.js';
import { fixedInputFields } from '../support/fields.js';

const appTester = zapier.createAppTester(App);
type Op = {
  perform: unknown;
  performList: unknown;
  performSubscribe: unknown;
  performUnsubscribe: unknown;
  sample: Record<string, unknown>;
  outputFields: unknown[];
  inputFields: unknown[];
};
type Trigger = {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: Op;
};
const triggers = App.triggers as unknown as Record<string, Trigger>;
const CODAT_HOOKS = [
  'codat_event',
  'codat_new_company',
  'codat_connection_status_changed',
  'codat_data_sync_completed',
  'codat_write_failed',
];

const CLIENT_ID = 'client-1';
const KEY = 'sk_integ_abc.us';
const US = 'https://api.us.svix.com';
const ENDPOINT_PATH = `/api/v1/app/${CLIENT_ID}/endpoint`;
const MSG_PATH = `/api/v1/app/${CLIENT_ID}/msg`;
const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/123/abcdef/';
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const authData = { codatClientId: CLIENT_ID, codatZapierKey: KEY };

const run = (fn: unknown, bundle: Record<string, unknown>) => appTester<unknown, Bundle>(fn as never, bundle as never);

beforeAll(() => {
  delete process.env.CODAT_WEBHOOKS_API_URL;
  nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

/** Subscribes `key` with `inputData`; returns the body sent to Svix. */
async function subscribeBody(key: string, inputData: Record<string, unknown>): Promise<Record<string, unknown>> {
  let sent: Record<string, unknown> = {};
  const scope = nock(US)
    .post(ENDPOINT_PATH, (b: Record<string, unknown>) => {
      sent = b;
      return true;
    })
    .matchHeader('authorization', `Bearer ${KEY}`)
    .reply(201, (_uri, b) => ({ ...(b as object), id: 'ep_1', createdAt: new Date().toISOString() }));
  await run(triggers[key]!.operation.performSubscribe, { authData, inputData, targetUrl: TARGET_URL });
  scope.done();
  return sent;
}

// Codat's documented bodies (its Webhooks spec), with the tags Codat adds to
// referenceCompany and a company payload's own tags.
const COMPANY_CREATED = {
  id: 'ba29118f-5406-4e59-b05c-ba307ca38d01',
  type: 'company.created',
  generatedDate: '2024-08-08T17:10:34.015Z',
  payload: {
    id: '0498e921-9b53-4396-a412-4f2f5983b0a2',
    name: 'Bank of Dave',
    description: 'Requested a loan for refurb.',
    redirect: 'https://link.codat.io/company/0498e921-9b53-4396-a412-4f2f5983b0a2',
    lastSync: '2022-01-01T12:00:00.000Z',
    created: '2022-01-01T12:00:00.000Z',
    tags: { customerRegion: 'us', uid: '335a086e-8563-4b03-94e3-39544225ecb6' },
  },
};
const READ_UNSUCCESSFUL = {
  id: '743ec94a-8aa4-44bb-8bd4-e1855ee0e74b',
  eventType: 'read.completed.unsuccessful',
  generatedDate: '2022-10-23T00:00:00.000Z',
  payload: {
    referenceCompany: {
      id: '0498E921-9B53-4396-A412-4F2F5983B0A2',
      name: 'Toft stores',
      description: 'Requested early access to the new financing scheme.',
      links: { portal: 'https://app.codat.io/companies/0498e921-9b53-4396-a412-4f2f5983b0a2/summary' },
      tags: { region: 'uk', segment: 'smb' },
    },
    modifiedFromDate: '2022-10-23T00:00:00.000Z',
    dataTypes: [
      {
        connectionId: '2e9d2c44-f675-40ba-8049-353bfcb5e171',
        dataType: 'invoices',
        recordsModified: false,
        status: 'FetchError',
      },
    ],
  },
};
const RATE_LIMIT = {
  id: 'a9367074-b5c3-42c4-9be4-be129f43577e',
  eventType: 'client.rateLimit.reached',
  generatedDate: '2024-08-24T14:15:27Z',
  payload: { dailyQuota: 1000, expiryDate: '2023-05-03T00:00:00Z', quotaRemaining: 1000 },
};

function delivery(body: unknown, inputData: Record<string, unknown>, eventTypes: string[]) {
  const content = JSON.stringify(body);
  const at = new Date();
  return {
    authData,
    inputData,
    subscribeData: { id: 'ep_1', secret: SECRET, eventTypes },
    rawRequest: {
      headers: {
        'Http-Webhook-Id': 'msg_1',
        'Http-Webhook-Timestamp': String(Math.floor(at.getTime() / 1000)),
        'Http-Webhook-Signature': new Webhook(SECRET).sign('msg_1', at, content),
      },
      content,
    },
  };
}

describe('Codat trigger definitions', () => {
  it.each(CODAT_HOOKS)(
    '%s is a REST hook with a "Triggers when" description, the company filter and its catalog sample',
    (key) => {
      const t = triggers[key]!;
      expect(t.display.description).toMatch(/^Triggers when .+\.$/);
      expect(t.operation).toMatchObject({ type: 'hook' });
      const inputKeys = fixedInputFields<{ key: string }>(t.operation.inputFields).map((f) => f.key);
      expect(inputKeys).toEqual(expect.arrayContaining(['companyIds', 'companyTags']));
      expect(t.operation.sample).toEqual(exampleOutput(findEventType(String(t.operation.sample.eventType))!));
    },
  );

  it('shares one company filter definition and one Company IDs dropdown across the triggers', () => {
    const fields = CODAT_HOOKS.map((k) =>
      fixedInputFields<{ key: string }>(triggers[k]!.operation.inputFields).find((f) => f.key === 'companyIds'),
    );
    expect(new Set(fields).size).toBe(1);
    expect(fields[0]).toMatchObject({ dynamic: 'codat_company_list.id.label', list: true });
    expect((fields[0] as { required?: boolean }).required).toBeFalsy();
    // The dropdown lists the account's companies when the connection has the API Key (codat_company_list).
    expect((fields[0] as { helpText?: string }).helpText).toMatch(/Codat API Key.*companies of recent events/);
  });

  it('New Codat Event takes its types from the live catalog dropdown, not a 60-item static list', () => {
    const field = fixedInputFields<{ key: string; choices?: unknown; dynamic?: string }>(
      triggers.codat_event!.operation.inputFields,
    )[0]!;
    expect(field).toMatchObject({ key: 'eventTypes', dynamic: 'codat_event_type_list.id.label' });
    expect(field.choices).toBeUndefined();
  });

  it.each([
    ['codat_new_company', 'company.created', ['payload__redirect', 'payload__created']],
    [
      'codat_connection_status_changed',
      'connection.connected',
      ['payload__connection__platformName', 'status', 'connectionId'],
    ],
    ['codat_data_sync_completed', 'read.completed', ['payload__dataTypes[]dataType', 'dataType', 'status']],
    ['codat_write_failed', 'invoices.write.unsuccessful', ['payload__id', 'dataType', 'status']],
  ])('%s outputs fields of %s that its sample carries', async (key, type, expected) => {
    const op = triggers[key]!.operation;
    expect(op.sample).toEqual(exampleOutput(findEventType(type)!));
    // Given on request (a lean definition): one function resolving to the fixed list.
    const [fieldsFn, ...rest] = op.outputFields as (() => Promise<{ key: string }[]>)[];
    expect(rest).toEqual([]);
    const keys = (await fieldsFn!()).map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['id', 'eventType', 'companyId', 'companyName', ...expected]));
    // Nothing the sample lacks (D024): a failed write has no record, a company event no connection.
    if (key === 'codat_write_failed') expect(keys).not.toContain('payload__record__id');
    if (key === 'codat_new_company') expect(keys).not.toContain('connectionId');
  });
});

describe('subscribe: event types per trigger', () => {
  it('New Company subscribes to company.created, the description naming the trigger', async () => {
    const sent = await subscribeBody('codat_new_company', {});
    expect(sent.filterTypes).toEqual(['company.created']);
    expect(sent.description).toMatch(/^Zapier "New Company" trigger, Zap subscription [0-9a-f]{12}: company\.created$/);
    expect(sent).not.toHaveProperty('channels');
  });

  it('Connection Status Changed subscribes to every connection.* type by default, or to the chosen ones', async () => {
    expect((await subscribeBody('codat_connection_status_changed', {})).filterTypes).toEqual([
      'connection.created',
      'connection.connected',
      'connection.failed',
      'connection.disconnected',
      'connection.reconnected',
      'connection.deleted',
    ]);
    const chosen = await subscribeBody('codat_connection_status_changed', {
      connectionEvents: ['connection.disconnected', 'connection.deleted'],
    });
    expect(chosen.filterTypes).toEqual(['connection.disconnected', 'connection.deleted']);
    expect(chosen.description).toMatch(/^Zapier "Connection Status Changed" trigger/);
  });

  it.each([
    [undefined, 'read.completed'],
    ['any', 'read.completed'],
    ['successful', 'read.completed.successful'],
    ['unsuccessful', 'read.completed.unsuccessful'],
    ['initial', 'read.completed.initial'],
    ['initialSuccessful', 'read.completed.successful.initial'],
  ])('Data Sync Completed with outcome %s subscribes to %s only', async (outcome, type) => {
    const sent = await subscribeBody('codat_data_sync_completed', outcome ? { outcome } : {});
    expect(sent.filterTypes).toEqual([type]);
  });

  it('Write Failed subscribes to all 18 *.write.unsuccessful types, or the chosen data types', async () => {
    const all = await subscribeBody('codat_write_failed', {});
    expect(all.filterTypes).toEqual(Object.keys(WRITE_DATA_TYPES).map((d) => `${d}.write.unsuccessful`));
    expect(all.description).toMatch(
      /^Zapier "Write Failed" trigger, .*: bankAccounts\.write\.unsuccessful, .*, transfers\.write\.unsuccessful$/,
    );
    const chosen = await subscribeBody('codat_write_failed', { dataTypes: 'bills, invoices' });
    expect(chosen.filterTypes).toEqual(['bills.write.unsuccessful', 'invoices.write.unsuccessful']);
  });

  it.each([
    [
      'codat_data_sync_completed',
      { outcome: 'sometimes' },
      /"Outcome" does not offer "sometimes": pick from any, successful/,
    ],
    ['codat_write_failed', { dataTypes: ['invoices', 'widgets'] }, /"Data Types" does not offer "widgets"/],
    [
      'codat_connection_status_changed',
      { connectionEvents: ['connection.linked'] },
      /"Changes" does not offer "connection\.linked"/,
    ],
  ])('%s refuses a value outside its choices before calling Codat', async (key, inputData, message) => {
    const err = await caught(
      run(triggers[key]!.operation.performSubscribe, { authData, inputData, targetUrl: TARGET_URL }),
    );
    expect(err.code).toBe('codat_choice_invalid');
    expect(err.message).toMatch(message);
  });
});

describe('subscribe: company filter', () => {
  it('sends the company tags as Svix channels and names the filter in the description', async () => {
    const sent = await subscribeBody('codat_new_company', {
      companyTags: ['region:uk', 'segment:smb'],
      companyIds: ['0498E921-9B53-4396-A412-4F2F5983B0A2'],
    });
    expect(sent.channels).toEqual(['region:uk', 'segment:smb']);
    expect(sent.description).toMatch(
      /: company\.created; only companies 0498e921-9b53-4396-a412-4f2f5983b0a2 and companies tagged region:uk or segment:smb$/,
    );
  });

  it('sends no channels for Company IDs alone (Svix cannot filter by company id)', async () => {
    const sent = await subscribeBody('codat_write_failed', { companyIds: ['co-1'] });
    expect(sent).not.toHaveProperty('channels');
  });

  it('leaves filtering to perform when a tag cannot be a Svix channel (a space) or there are more than 10', async () => {
    expect(
      await subscribeBody('codat_event', { eventTypes: ['all'], companyTags: ['region:north america'] }),
    ).not.toHaveProperty('channels');
    const many = Array.from({ length: 11 }, (_, i) => `k${i}:v`);
    expect(await subscribeBody('codat_event', { eventTypes: ['all'], companyTags: many })).not.toHaveProperty(
      'channels',
    );
  });

  it('refuses a tag that is not key:value before calling Codat', async () => {
    const err = await caught(
      run(triggers.codat_new_company!.operation.performSubscribe, {
        authData,
        inputData: { companyTags: ['uk'] },
        targetUrl: TARGET_URL,
      }),
    );
    expect(err.code).toBe('codat_company_tag_invalid');
    expect(err.message).toMatch(/key:value.*fix "uk" in "Company Tags"/);
  });
});

describe('perform: company filter', () => {
  const perform = (key: string, body: unknown, inputData: Record<string, unknown>, types: string[]) =>
    run(triggers[key]!.operation.perform, delivery(body, inputData, types)) as Promise<Array<Record<string, unknown>>>;

  it('passes an event of a chosen company (id compared case-insensitively), quietly drops another', async () => {
    const ids = { companyIds: ['0498e921-9b53-4396-a412-4f2f5983b0a2'] };
    await expect(
      perform('codat_data_sync_completed', READ_UNSUCCESSFUL, { ...ids, outcome: 'unsuccessful' }, [
        'read.completed.unsuccessful',
      ]),
    ).resolves.toEqual([
      expect.objectContaining({
        id: READ_UNSUCCESSFUL.id,
        companyId: '0498E921-9B53-4396-A412-4F2F5983B0A2',
        status: 'FetchError',
      }),
    ]);
    await expect(
      perform('codat_data_sync_completed', READ_UNSUCCESSFUL, { companyIds: ['other-co'] }, [
        'read.completed.unsuccessful',
      ]),
    ).resolves.toEqual([]);
  });

  it('matches tags in payload.referenceCompany.tags (one of several is enough), case-sensitively', async () => {
    const types = ['read.completed.unsuccessful'];
    await expect(
      perform('codat_event', READ_UNSUCCESSFUL, { companyTags: ['region:us', 'segment:smb'] }, types),
    ).resolves.toHaveLength(1);
    await expect(perform('codat_event', READ_UNSUCCESSFUL, { companyTags: ['region:UK'] }, types)).resolves.toEqual([]);
    await expect(perform('codat_event', READ_UNSUCCESSFUL, { companyTags: 'region:uk' }, types)).resolves.toHaveLength(
      1,
    );
  });

  it("matches a company event's own tags (company.created carries the company as its payload)", async () => {
    await expect(
      perform('codat_new_company', COMPANY_CREATED, { companyTags: ['customerRegion:us'] }, ['company.created']),
    ).resolves.toEqual([
      expect.objectContaining({ companyId: COMPANY_CREATED.payload.id, companyName: 'Bank of Dave' }),
    ]);
    await expect(
      perform('codat_new_company', COMPANY_CREATED, { companyTags: ['customerRegion:uk'] }, ['company.created']),
    ).resolves.toEqual([]);
  });

  it('needs both the company id and a tag when both are set', async () => {
    const types = ['read.completed.unsuccessful'];
    const id = '0498e921-9b53-4396-a412-4f2f5983b0a2';
    await expect(
      perform('codat_event', READ_UNSUCCESSFUL, { companyIds: [id], companyTags: ['region:uk'] }, types),
    ).resolves.toHaveLength(1);
    await expect(
      perform('codat_event', READ_UNSUCCESSFUL, { companyIds: [id], companyTags: ['region:fr'] }, types),
    ).resolves.toEqual([]);
    await expect(
      perform('codat_event', READ_UNSUCCESSFUL, { companyIds: ['x'], companyTags: ['region:uk'] }, types),
    ).resolves.toEqual([]);
  });

  it('drops an event about no company (rate limits) once a company filter is set, passes it without one', async () => {
    const types = ['client.rateLimit.reached'];
    await expect(perform('codat_event', RATE_LIMIT, { companyTags: ['region:uk'] }, types)).resolves.toEqual([]);
    await expect(perform('codat_event', RATE_LIMIT, {}, types)).resolves.toHaveLength(1);
  });

  it('still drops a type the consumer was not subscribed to, whatever the company', async () => {
    await expect(perform('codat_new_company', READ_UNSUCCESSFUL, {}, ['company.created'])).resolves.toEqual([]);
  });
});

describe('codatRestHook: extra filter', () => {
  it("applies a trigger's accept after the company filter, in perform and performList alike", async () => {
    const hook = codatRestHook({
      label: 'Big Quota',
      eventTypes: fixedEventTypes('client.rateLimit.reached'),
      accept: (item) => Number((item.payload as { dailyQuota?: number }).dailyQuota) > 5000,
    });
    await expect(run(hook.perform, delivery(RATE_LIMIT, {}, ['client.rateLimit.reached']))).resolves.toEqual([]);
    const big = { ...RATE_LIMIT, payload: { ...RATE_LIMIT.payload, dailyQuota: 12000 } };
    await expect(run(hook.perform, delivery(big, {}, ['client.rateLimit.reached']))).resolves.toHaveLength(1);

    const scope = nock(US)
      .get(MSG_PATH)
      .query({ event_types: 'client.rateLimit.reached', with_content: 'true', limit: '100' })
      .reply(200, {
        data: [
          {
            id: 'msg_s',
            eventType: 'client.rateLimit.reached',
            payload: RATE_LIMIT,
            timestamp: '2024-01-01T00:00:00Z',
          },
          { id: 'msg_b', eventType: 'client.rateLimit.reached', payload: big, timestamp: '2024-01-01T00:00:00Z' },
        ],
      });
    const listed = (await run(hook.performList, { authData, inputData: {} })) as Array<Record<string, unknown>>;
    scope.done();
    expect(listed.map((i) => i.id)).toEqual([big.id]);
  });
});

describe('performList: company filter', () => {
  const message = (id: string, body: { eventType?: string; type?: string }) => ({
    id,
    eventType: body.eventType ?? body.type,
    payload: body,
    timestamp: '2024-01-01T00:00:00Z',
  });

  it('reads further back (one request of 100) and keeps only the chosen companies', async () => {
    const other = {
      ...READ_UNSUCCESSFUL,
      id: 'other',
      payload: {
        ...READ_UNSUCCESSFUL.payload,
        referenceCompany: { id: 'co-9', name: 'Other', tags: { region: 'fr' } },
      },
    };
    const scope = nock(US)
      .get(MSG_PATH)
      .query({ event_types: 'read.completed.unsuccessful', with_content: 'true', limit: '100' })
      .reply(200, { data: [message('msg_o', other), message('msg_r', READ_UNSUCCESSFUL)] });
    const items = (await run(triggers.codat_data_sync_completed!.operation.performList, {
      authData,
      inputData: { outcome: 'unsuccessful', companyTags: ['region:uk'] },
    })) as Array<Record<string, unknown>>;
    scope.done();
    expect(items.map((i) => i.id)).toEqual([READ_UNSUCCESSFUL.id]);
  });

  it("falls back to the trigger's catalog example when no recent event is about the chosen companies", async () => {
    nock(US)
      .get(MSG_PATH)
      .query(true)
      .reply(200, { data: [message('msg_c', COMPANY_CREATED)] });
    const items = await run(triggers.codat_new_company!.operation.performList, {
      authData,
      inputData: { companyIds: ['someone-else'] },
    });
    expect(items).toEqual([exampleOutput(findEventType('company.created')!)]);
  });

  it('asks for 10 messages when nothing filters', async () => {
    const scope = nock(US)
      .get(MSG_PATH)
      .query({ event_types: 'company.created', with_content: 'true', limit: '10' })
      .reply(200, { data: [message('msg_c', COMPANY_CREATED)] });
    const items = (await run(triggers.codat_new_company!.operation.performList, {
      authData,
      inputData: {},
    })) as unknown[];
    scope.done();
    expect(items).toEqual([expect.objectContaining({ id: COMPANY_CREATED.id, eventType: 'company.created' })]);
  });

  it('shows every chosen write type example for Write Failed when Codat has no message yet', async () => {
    nock(US).get(MSG_PATH).query(true).reply(200, { data: [] });
    const items = (await run(triggers.codat_write_failed!.operation.performList, {
      authData,
      inputData: { dataTypes: ['bills'] },
    })) as Array<Record<string, unknown>>;
    expect(items).toEqual([exampleOutput(findEventType('bills.write.unsuccessful')!)]);
  });
});
