// The sandbox's Codat Platform routes over real loopback HTTP: Basic auth, the spec's shapes
// (validated against the spec when present), paging, `query`/`tags`, validation, refreshes; and
// the app's Codat actions and dropdowns run against them.
import nock from 'nock';
import App from '../../index.js';
import { AppRunner } from '../../sandbox/app-runner.js';
import { CodatServer } from '../../sandbox/codat-server.js';
import { DEMO, demoPlatformCompanies } from '../../sandbox/seed.js';
import { platformSpec } from '../support/codat-spec.js';

const KEY = DEMO.codat.apiKey;
const AUTH = `Basic ${Buffer.from(KEY).toString('base64')}`;
const spec = platformSpec();
const seeded = demoPlatformCompanies()[0]!;
let server: CodatServer;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});
beforeEach(async () => {
  server = await new CodatServer({
    appId: 'app',
    apiKey: 'sk_integ_x.us',
    platform: { apiKey: KEY, companies: demoPlatformCompanies() },
  }).start();
});
afterEach(async () => {
  await server.close();
});

async function call(method: string, path: string, body?: unknown, auth = AUTH) {
  const resp = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await resp.text();
  return { status: resp.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** Validates against the spec when present; the shape the project relies on otherwise. */
function expectShape(schema: string, value: unknown, required: string[]) {
  if (spec) expect(spec.errors(`/components/schemas/${schema}`, value)).toEqual([]);
  for (const key of required) expect(value).toHaveProperty(key);
}

describe('sandbox Codat Platform API', () => {
  it('answers 401 in ErrorMessage shape without the Base64 key (a raw key is not enough)', async () => {
    for (const auth of ['', `Basic ${KEY}`, 'Bearer x']) {
      const r = await call('GET', '/companies', undefined, auth);
      expect(r.status).toBe(401);
      expectShape('ErrorMessage', r.body, ['statusCode', 'error', 'correlationId']);
    }
  });

  it('creates a company as the spec describes: forbidden characters dropped, Link URL in redirect', async () => {
    const r = await call('POST', '/companies', {
      name: 'Company (Codat[1])',
      description: 'x',
      tags: { region: 'uk' },
    });
    expect(r.status).toBe(200);
    expectShape('Company', r.body, ['id', 'name', 'redirect']);
    expect(r.body).toMatchObject({
      name: 'Company Codat1',
      description: 'x',
      tags: { region: 'uk' },
      redirect: `https://link.codat.io/company/${String(r.body!.id)}`,
    });
  });

  it.each([
    ['no name', { description: 'x' }],
    ['11 tags', { name: 'A', tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])) }],
    ['a long tag key', { name: 'A', tags: { ['k'.repeat(28)]: 'v' } }],
    ['not JSON', '{nope'],
  ])('refuses a create with %s (400, ErrorMessage)', async (_n, body) => {
    const r = await call('POST', '/companies', body);
    expect(r.status).toBe(400);
    expectShape('ErrorMessage', r.body, ['statusCode', 'error']);
  });

  it('lists companies in pages (PagingInfo, _links) and filters by query and tags', async () => {
    await call('POST', '/companies', { name: 'Second', tags: { region: 'uk' } });
    const all = await call('GET', '/companies?page=1&pageSize=1');
    expectShape('Companies', all.body, ['results', 'pageNumber', 'pageSize', 'totalResults', '_links']);
    expect(all.body).toMatchObject({
      pageNumber: 1,
      pageSize: 1,
      totalResults: 2,
      _links: { next: { href: '/companies?page=2&pageSize=1' } },
    });
    const byName = await call('GET', `/companies?query=${encodeURIComponent('name=bank of dave')}`);
    expect((byName.body!.results as { id: string }[]).map((c) => c.id)).toEqual([seeded.id]);
    const byTag = await call('GET', `/companies?tags=${encodeURIComponent('region=uk')}`);
    expect((byTag.body!.results as { name: string }[]).map((c) => c.name)).toEqual(['Second']);
    expect((await call('GET', `/companies?query=${encodeURIComponent('lastSync=x')}`)).status).toBe(400);
    expect((await call('GET', '/companies?pageSize=5001')).status).toBe(400);
  });

  it('gets a company, 404s an unknown one like Codat', async () => {
    const r = await call('GET', `/companies/${seeded.id}`);
    expectShape('Company', r.body, ['id', 'name', 'redirect']);
    const missing = await call('GET', '/companies/846ed55c-974b-4392-a1f1-87b6fdbf3c5e');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: 'No company was found with ID 846ed55c-974b-4392-a1f1-87b6fdbf3c5e' });
  });

  it('lists connections and queues refreshes (204 for all, a PullOperation for one)', async () => {
    const conns = await call('GET', `/companies/${seeded.id}/connections?page=1&pageSize=100`);
    expectShape('Connections', conns.body, ['results', 'totalResults']);
    const all = await call('POST', `/companies/${seeded.id}/data/all`);
    expect(all).toEqual({ status: 204, body: undefined });
    expect(server.platform!.pullOperations.length).toBeGreaterThan(0);
    const one = await call(
      'POST',
      `/companies/${seeded.id}/data/queue/invoices?connectionId=${seeded.dataConnections[0]!.id}`,
    );
    expect(one.status).toBe(200);
    expectShape('PullOperation', one.body, [
      'id',
      'companyId',
      'connectionId',
      'dataType',
      'status',
      'requested',
      'progress',
      'isCompleted',
      'isErrored',
    ]);
    expect((await call('POST', `/companies/${seeded.id}/data/queue/invoice`)).status).toBe(400);
    expect(
      (
        await call(
          'POST',
          `/companies/${seeded.id}/data/queue/invoices?connectionId=a22dd66b-564a-4832-9b37-7b3ce4aeb7de`,
        )
      ).status,
    ).toBe(404);
  });
});

describe("the app's Codat actions against the sandbox", () => {
  const authData = { codatApiKey: KEY };
  let runner: AppRunner;
  beforeEach(() => {
    process.env.CODAT_API_URL = server.url;
    runner = new AppRunner(App);
  });
  afterEach(() => {
    delete process.env.CODAT_API_URL;
  });

  it('company dropdown, connection dropdown, then a refresh of one data type on that connection', async () => {
    const companies = await runner.run<{ id: string; label: string }[]>(
      runner.fn('triggers', 'codat_company_list', 'perform'),
      { authData, meta: { page: 0 } },
    );
    expect(companies).toEqual([{ id: seeded.id, name: 'Bank of Dave', label: 'Bank of Dave (created 2026-01-05)' }]);
    const connections = await runner.run<{ id: string; label: string }[]>(
      runner.fn('triggers', 'codat_connection_list', 'perform'),
      {
        authData,
        inputData: { companyId: seeded.id },
        meta: { page: 0 },
      },
    );
    expect(connections).toEqual([
      { id: seeded.dataConnections[0]!.id, platformName: 'Xero', label: 'Xero (Accounting, Linked)' },
    ]);
    const refreshed = await runner.run<Record<string, unknown>>(
      runner.fn('creates', 'codat_refresh_company_data', 'perform'),
      {
        authData,
        inputData: { companyId: seeded.id, dataType: 'invoices', connectionId: connections[0]!.id },
      },
    );
    expect(refreshed).toMatchObject({
      companyId: seeded.id,
      dataType: 'invoices',
      connectionId: connections[0]!.id,
      status: 'Queued',
    });
    expect(server.platform!.pullOperations.map((o) => o.id)).toEqual([refreshed.id]);
  });

  it('Find Company by tag and by ID; refresh all', async () => {
    const find = runner.fn('searches', 'codat_find_company', 'perform');
    await expect(runner.run(find, { authData, inputData: { tagFilter: 'customerRegion=us' } })).resolves.toEqual([
      expect.objectContaining({ id: seeded.id }),
    ]);
    await expect(runner.run(find, { authData, inputData: { companyId: seeded.id } })).resolves.toEqual([
      expect.objectContaining({ name: 'Bank of Dave' }),
    ]);
    await expect(
      runner.run(find, { authData, inputData: { companyId: '846ed55c-974b-4392-a1f1-87b6fdbf3c5e' } }),
    ).resolves.toEqual([]);
    const all = await runner.run(runner.fn('creates', 'codat_refresh_company_data', 'perform'), {
      authData,
      inputData: { companyId: seeded.id },
    });
    expect(all).toMatchObject({ dataType: 'all', status: 'Queued' });
  });
});
