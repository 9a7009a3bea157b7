// The live "Event Types" dropdown (Svix's event-type listing merged with the catalog, catalog on any
// failure) and the "Company IDs" dropdown (companies of recent events).
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { catalogItems } from '../../codat/dropdowns.js';
import { CODAT_EVENT_TYPES, findEventType } from '../../codat/events.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
const triggers = App.triggers as unknown as Record<string, { operation: { perform: unknown } }>;
const run = (key: string, bundle: Record<string, unknown>) =>
  appTester<unknown, Bundle>(triggers[key]!.operation.perform as never, bundle as never);

const KEY = 'sk_integ_abc.eu';
const EU = 'https://api.eu.svix.com';
const authData = { codatClientId: 'client-1', codatZapierKey: KEY };
const bundle = (page = 0) => ({ authData, inputData: {}, meta: { isFillingDynamicDropdown: true, page } });

/** An EventTypeOut as Svix's spec documents it. */
const svixType = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  description: `Codat's ${name} event.`,
  archived: false,
  deprecated: false,
  schemas: null,
  createdAt: '2024-10-04T00:00:00Z',
  updatedAt: '2024-10-04T00:00:00Z',
  groupName: null,
  ...extra,
});

beforeAll(() => {
  delete process.env.CODAT_WEBHOOKS_API_URL;
  nock.disableNetConnect();
});
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});

describe('Event Types dropdown (codat_event_type_list)', () => {
  it("lists the key's event types in one request, labelled and grouped by the catalog, retired and archived ones left out", async () => {
    const scope = nock(EU)
      .get('/api/v1/event-type')
      .query({ limit: '250' })
      .matchHeader('authorization', `Bearer ${KEY}`)
      .reply(200, {
        data: [
          svixType('read.completed.successful'),
          svixType('company.created'),
          svixType('NewCompanySynchronized', { deprecated: true }),
          svixType('connection.deleted', { archived: true }),
          svixType('lending.read.completed', {
            groupName: 'lending',
            description: 'A read for the Lending product completed. More text.',
          }),
          svixType('bills.write.unsuccessful', { deprecated: true }),
        ],
        iterator: null,
        prevIterator: null,
        done: true,
      });
    const items = await run('codat_event_type_list', bundle());
    scope.done();
    expect(items).toEqual([
      { id: 'all', label: 'All Event Types' },
      { id: 'company.created', label: 'Companies: Company Created' },
      { id: 'read.completed.successful', label: 'Reads: Read Completed Successfully' },
      { id: 'bills.write.unsuccessful', label: 'Writes: Bills Write Unsuccessful [deprecated]' },
      {
        id: 'lending.read.completed',
        label: 'Lending: lending.read.completed (A read for the Lending product completed.)',
      },
    ]);
  });

  it('adds the catalog types when Codat has more than one page (still one request)', async () => {
    nock(EU)
      .get('/api/v1/event-type')
      .query(true)
      .reply(200, { data: [svixType('company.created')], iterator: 'x', done: false });
    const items = (await run('codat_event_type_list', bundle())) as { id: string }[];
    expect(items.map((i) => i.id)).toEqual(['all', ...CODAT_EVENT_TYPES.map((e) => e.key)].sort(order));
  });

  // The catalog order: "all", then by group as the catalog lists them.
  const catalogOrder = catalogItems().map((i) => i.id);
  function order(a: string, b: string): number {
    return catalogOrder.indexOf(a) - catalogOrder.indexOf(b);
  }

  it.each([
    ['401', (i: nock.Interceptor) => i.reply(401, { code: 'authentication_failed', detail: 'Invalid token' })],
    ['403', (i: nock.Interceptor) => i.reply(403, { code: 'forbidden', detail: 'Insufficient access' })],
    ['404', (i: nock.Interceptor) => i.reply(404, { code: 'not_found', detail: 'Entity not found' })],
    ['500', (i: nock.Interceptor) => i.reply(500, { code: 'server_error', detail: 'oops' })],
    ['503 HTML', (i: nock.Interceptor) => i.reply(503, '<html>down</html>', { 'content-type': 'text/html' })],
    [
      'connection reset',
      (i: nock.Interceptor) => i.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
    ],
    ['an unexpected body', (i: nock.Interceptor) => i.reply(200, { items: [] })],
    ['an empty listing', (i: nock.Interceptor) => i.reply(200, { data: [], iterator: null, done: true })],
  ])('offers the built-in catalog, without an error, on %s', async (_name, reply) => {
    const scope = reply(nock(EU).get('/api/v1/event-type').query(true));
    const items = await run('codat_event_type_list', bundle());
    expect(scope.isDone()).toBe(true);
    expect(items).toEqual(catalogItems());
  });

  it('the built-in catalog is "All Event Types" and every current type, labelled with its group', () => {
    const items = catalogItems();
    expect(items[0]).toEqual({ id: 'all', label: 'All Event Types' });
    expect(
      items
        .slice(1)
        .map((i) => i.id)
        .sort(),
    ).toEqual(CODAT_EVENT_TYPES.map((e) => e.key).sort());
    expect(items.find((i) => i.id === 'read.completed.successful.initial')?.label).toBe(
      `Reads: ${findEventType('read.completed.successful.initial')!.label}`,
    );
  });

  it('makes no request for a second page', async () => {
    await expect(run('codat_event_type_list', bundle(1))).resolves.toEqual([]);
  });
});

describe('Company IDs dropdown (codat_company_list)', () => {
  const MSG = '/api/v1/app/client-1/msg';

  it('lists each company of recent events once, from company and referenceCompany payloads, in one request', async () => {
    const scope = nock(EU)
      .get(MSG)
      .query({ with_content: 'true', limit: '100' })
      .reply(200, {
        data: [
          {
            id: 'm1',
            eventType: 'company.created',
            payload: findEventType('company.created')!.example,
            timestamp: '2024-01-01T00:00:00Z',
          },
          {
            id: 'm2',
            eventType: 'read.completed',
            payload: findEventType('read.completed')!.example,
            timestamp: '2024-01-01T00:00:00Z',
          },
          {
            id: 'm3',
            eventType: 'connection.connected',
            payload: {
              id: 'e3',
              eventType: 'connection.connected',
              payload: { referenceCompany: { id: 'co-2', name: 'Bank of Dave' } },
            },
            timestamp: '2024-01-01T00:00:00Z',
          },
          {
            id: 'm4',
            eventType: 'client.rateLimit.reached',
            payload: findEventType('client.rateLimit.reached')!.example,
            timestamp: '2024-01-01T00:00:00Z',
          },
          { id: 'm5', eventType: 'x', payload: { not: 'an envelope' }, timestamp: '2024-01-01T00:00:00Z' },
        ],
        done: true,
      });
    const items = await run('codat_company_list', bundle());
    scope.done();
    expect(items).toEqual([
      {
        id: '0498e921-9b53-4396-a412-4f2f5983b0a2',
        name: 'Toft Stores',
        label: 'Toft Stores (0498e921-9b53-4396-a412-4f2f5983b0a2)',
      },
      { id: 'co-2', name: 'Bank of Dave', label: 'Bank of Dave (co-2)' },
    ]);
  });

  it.each([403, 404])(
    'is empty (a Company ID can still be typed) when the key may not list messages (HTTP %i)',
    async (code) => {
      nock(EU).get(MSG).query(true).reply(code, { code: 'forbidden', detail: 'no' });
      await expect(run('codat_company_list', bundle())).resolves.toEqual([]);
    },
  );

  it('keeps a 401 an auth error', async () => {
    nock(EU).get(MSG).query(true).reply(401, { code: 'authentication_failed', detail: 'Invalid token' });
    const err = await caught(run('codat_company_list', bundle()));
    expect(err.name).toBe('ExpiredAuthError');
  });
});
