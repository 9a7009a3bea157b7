// The sandbox's Codat (Svix) server over real loopback HTTP: auth, validation, idempotency,
// message listing, and signed delivery with retries (verified with the standardwebhooks package).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { CodatServer, codatEnvelope, newSigningSecret } from '../../sandbox/codat-server.js';

const APP = 'sandbox-app';
const KEY = 'sk_integ_test_key.us';

let server: CodatServer;

beforeEach(async () => {
  server = await new CodatServer({ appId: APP, apiKey: KEY, retry: { backoffMs: [1, 1, 1], timeoutMs: 2000 } }).start();
});
afterEach(async () => {
  await server.close();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const resp = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await resp.text();
  return { status: resp.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** A one-off receiver that answers the given statuses in turn and records what it got. */
async function receiver(statuses: number[]) {
  const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const srv = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(statuses[Math.min(got.length - 1, statuses.length - 1)] ?? 200).end();
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`;
  return { got, url, close: () => new Promise<void>((r) => srv.close(() => r())) };
}

describe('auth and routing', () => {
  it('answers 401 with Svix error shape for a missing or wrong key', async () => {
    const none = await fetch(`${server.url}/api/v1/app/${APP}/endpoint`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ code: 'authentication_failed', detail: expect.any(String) });
    const wrong = await call('GET', `/api/v1/app/${APP}/endpoint`, undefined, { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
  });

  it('answers 404 for another application id', async () => {
    const r = await call('GET', '/api/v1/app/other-app/endpoint');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ code: 'not_found', detail: 'Application not found' });
  });

  it('validates limit as Svix does', async () => {
    expect((await call('GET', `/api/v1/app/${APP}/endpoint?limit=0`)).status).toBe(422);
    expect((await call('GET', `/api/v1/app/${APP}/endpoint?limit=1`)).body).toEqual({
      data: [],
      iterator: null,
      prevIterator: null,
      done: true,
    });
  });
});

describe('endpoints', () => {
  const secret = newSigningSecret();

  it('creates, lists and deletes an endpoint; 404 once gone', async () => {
    const created = await call('POST', `/api/v1/app/${APP}/endpoint`, {
      url: 'http://127.0.0.1:1/hook',
      description: 'Zapier: company.created',
      filterTypes: ['company.created'],
      secret,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: 'http://127.0.0.1:1/hook',
      filterTypes: ['company.created'],
      description: 'Zapier: company.created',
    });
    expect(String(created.body?.id)).toMatch(/^ep_[A-Za-z0-9]{27}$/);
    expect(created.body).not.toHaveProperty('secret');
    expect(server.endpoints.get(String(created.body?.id))?.secret).toBe(secret);

    const list = await call('GET', `/api/v1/app/${APP}/endpoint?limit=10`);
    expect((list.body?.data as unknown[]).length).toBe(1);

    expect((await call('DELETE', `/api/v1/app/${APP}/endpoint/${String(created.body?.id)}`)).status).toBe(204);
    expect((await call('DELETE', `/api/v1/app/${APP}/endpoint/${String(created.body?.id)}`)).status).toBe(404);
    expect(server.endpoints.size).toBe(0);
  });

  it('returns the same endpoint for a repeated idempotency-key', async () => {
    const body = { url: 'http://127.0.0.1:1/hook', filterTypes: ['company.created'], secret };
    const a = await call('POST', `/api/v1/app/${APP}/endpoint`, body, { 'idempotency-key': 'k1' });
    const b = await call('POST', `/api/v1/app/${APP}/endpoint`, body, { 'idempotency-key': 'k1' });
    expect(b.body?.id).toBe(a.body?.id);
    expect(server.endpoints.size).toBe(1);
    const c = await call('POST', `/api/v1/app/${APP}/endpoint`, body, { 'idempotency-key': 'k2' });
    expect(c.body?.id).not.toBe(a.body?.id);
  });

  it.each([
    [{ filterTypes: ['company.created'] }, 'url'],
    [{ url: 'not a url' }, 'url'],
    [{ url: 'http://127.0.0.1/h', filterTypes: ['company.exploded'] }, 'filterTypes'],
    [{ url: 'http://127.0.0.1/h', filterTypes: [] }, 'filterTypes'],
    [{ url: 'http://127.0.0.1/h', filterTypes: ['company.created'], eventTypes: ['company.created'] }, 'filterTypes'],
    [{ url: 'http://127.0.0.1/h', secret: 'whsec_short' }, 'secret'],
    [{ url: 'http://127.0.0.1/h', uid: 'bad uid!' }, 'uid'],
  ])('rejects %j with 422 on %s', async (body, field) => {
    const r = await call('POST', `/api/v1/app/${APP}/endpoint`, body);
    expect(r.status).toBe(422);
    expect(r.body?.detail).toEqual(expect.arrayContaining([expect.objectContaining({ loc: ['body', field] })]));
    expect(server.endpoints.size).toBe(0);
  });

  it('answers 409 for a duplicate uid', async () => {
    await call('POST', `/api/v1/app/${APP}/endpoint`, { url: 'http://127.0.0.1/h', uid: 'zap-1' });
    const r = await call('POST', `/api/v1/app/${APP}/endpoint`, { url: 'http://127.0.0.1/h', uid: 'zap-1' });
    expect(r.status).toBe(409);
  });
});

describe('messages and delivery', () => {
  it('lists stored messages filtered by event type, with or without content', async () => {
    server.emit('company.created', codatEnvelope('company.created', { id: 'c1' }));
    server.emit('company.deleted', codatEnvelope('company.deleted', { id: 'c2' }));
    const r = await call('GET', `/api/v1/app/${APP}/msg?event_types=company.created&limit=5&with_content=true`);
    const data = r.body?.data as { eventType: string; payload: { payload: { id: string } } }[];
    expect(data).toHaveLength(1);
    expect(data[0]?.eventType).toBe('company.created');
    expect(data[0]?.payload.payload.id).toBe('c1');
    const bare = await call('GET', `/api/v1/app/${APP}/msg?with_content=false`);
    expect((bare.body?.data as { payload: unknown }[]).map((m) => m.payload)).toEqual([{}, {}]);
  });

  it('delivers a signed message to matching endpoints only, retrying after a failure', async () => {
    const rx = await receiver([503, 200]);
    try {
      const secret = newSigningSecret();
      await call('POST', `/api/v1/app/${APP}/endpoint`, { url: rx.url, filterTypes: ['company.created'], secret });
      await call('POST', `/api/v1/app/${APP}/endpoint`, {
        url: rx.url,
        filterTypes: ['company.deleted'],
        secret: newSigningSecret(),
      });
      const envelope = codatEnvelope('company.created', { id: 'c1', name: 'Bank of Dave' });
      const { message, delivered } = server.emit('company.created', envelope);
      const [delivery] = await delivered;
      expect(delivery?.ok).toBe(true);
      expect(delivery?.attempts.map((a) => a.status)).toEqual([503, 200]);
      expect(rx.got).toHaveLength(2);
      // Same message id on the retry; each attempt verifies with the endpoint's secret.
      for (const got of rx.got) {
        expect(got.headers['webhook-id']).toBe(message.id);
        expect(got.headers['svix-id']).toBe(message.id);
        const verified = new Webhook(secret).verify(got.body, {
          'webhook-id': String(got.headers['webhook-id']),
          'webhook-timestamp': String(got.headers['webhook-timestamp']),
          'webhook-signature': String(got.headers['webhook-signature']),
        });
        expect(verified).toEqual(envelope);
      }
      expect(() =>
        new Webhook(newSigningSecret()).verify(rx.got[0]!.body, {
          'webhook-id': String(rx.got[0]!.headers['webhook-id']),
          'webhook-timestamp': String(rx.got[0]!.headers['webhook-timestamp']),
          'webhook-signature': String(rx.got[0]!.headers['webhook-signature']),
        }),
      ).toThrow();
    } finally {
      await rx.close();
    }
  });

  it('gives up after the bounded number of attempts', async () => {
    const rx = await receiver([500]);
    try {
      await call('POST', `/api/v1/app/${APP}/endpoint`, { url: rx.url });
      const [delivery] = await server.emit('company.created', codatEnvelope('company.created', {})).delivered;
      expect(delivery?.ok).toBe(false);
      expect(delivery?.attempts).toHaveLength(4);
    } finally {
      await rx.close();
    }
  });

  it('never delivers off the machine', async () => {
    await call('POST', `/api/v1/app/${APP}/endpoint`, { url: 'https://example.com/hook' });
    const [delivery] = await server.emit('company.created', codatEnvelope('company.created', {})).delivered;
    expect(delivery?.ok).toBe(false);
    expect(delivery?.attempts[0]?.error).toMatch(/only delivers to 127\.0\.0\.1/);
  });

  it('accepts POST /msg (Codat emitting through the API) with 202', async () => {
    const r = await call('POST', `/api/v1/app/${APP}/msg`, { eventType: 'company.created', payload: { id: 'x' } });
    expect(r.status).toBe(202);
    expect(String(r.body?.id)).toMatch(/^msg_[A-Za-z0-9]{27}$/);
    expect(server.messages).toHaveLength(1);
  });
});

describe('event types and company tags', () => {
  it('lists its event types as Svix EventTypeOut pages (GET /api/v1/event-type), behind the same key', async () => {
    const page = await call('GET', '/api/v1/event-type?limit=2');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ done: false, iterator: expect.any(String) });
    expect(page.body?.data).toEqual([
      expect.objectContaining({
        name: 'company.created',
        description: expect.any(String),
        archived: false,
        deprecated: false,
        groupName: 'company',
      }),
      expect.objectContaining({ name: 'company.deleted' }),
    ]);
    const all = await call('GET', '/api/v1/event-type?limit=250');
    const names = (all.body?.data as { name: string }[]).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['read.completed.successful.initial', 'AccountCategoriesUpdated']));
    expect(names).not.toContain('NewCompanySynchronized');
    expect(all.body?.done).toBe(true);
    expect((await call('GET', '/api/v1/event-type', undefined, { Authorization: 'Bearer nope' })).status).toBe(401);
  });

  it("tags each message with its company's tags as channels and delivers only to endpoints sharing one", async () => {
    const rx = await receiver([200]);
    try {
      const uk = await call('POST', `/api/v1/app/${APP}/endpoint`, { url: rx.url, channels: ['region:uk'] });
      const fr = await call('POST', `/api/v1/app/${APP}/endpoint`, {
        url: rx.url,
        channels: ['region:fr', 'tier:gold'],
      });
      const any = await call('POST', `/api/v1/app/${APP}/endpoint`, { url: rx.url });
      expect(uk.body?.channels).toEqual(['region:uk']);
      const read = codatEnvelope('read.completed', {
        referenceCompany: { id: 'c1', name: 'Toft', tags: { region: 'uk', tier: 'gold' } },
      });
      const { message, delivered } = server.emit('read.completed', read);
      expect(message.channels).toEqual(['region:uk', 'tier:gold']);
      expect((await delivered).map((d) => d.endpointId).sort()).toEqual(
        [uk.body?.id, fr.body?.id, any.body?.id].sort(),
      );
      // A company event carries the company itself, tags included.
      const created = server.emit(
        'company.created',
        codatEnvelope('company.created', { id: 'c2', tags: { region: 'fr' } }),
      );
      expect((await created.delivered).map((d) => d.endpointId).sort()).toEqual([fr.body?.id, any.body?.id].sort());
      // No company, no channels: only the endpoint without channels.
      const quota = server.emit(
        'client.rateLimit.reached',
        codatEnvelope('client.rateLimit.reached', { dailyQuota: 1 }),
      );
      expect(quota.message.channels).toBeNull();
      expect((await quota.delivered).map((d) => d.endpointId)).toEqual([any.body?.id]);
    } finally {
      await rx.close();
    }
  });

  it('refuses channels Svix would refuse (a space, more than 10)', async () => {
    const spaced = await call('POST', `/api/v1/app/${APP}/endpoint`, {
      url: 'http://127.0.0.1/h',
      channels: ['region:north america'],
    });
    expect(spaced.status).toBe(422);
    const many = await call('POST', `/api/v1/app/${APP}/endpoint`, {
      url: 'http://127.0.0.1/h',
      channels: Array.from({ length: 11 }, (_, i) => `k:${i}`),
    });
    expect(many.status).toBe(422);
  });

  it('refuses a retired rule type in filterTypes with 422, as Svix does for unknown types', async () => {
    const r = await call('POST', `/api/v1/app/${APP}/endpoint`, {
      url: 'http://127.0.0.1/h',
      filterTypes: ['NewCompanySynchronized'],
    });
    expect(r.status).toBe(422);
  });
});
