import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { CREATE_WEBHOOK, DELETE_WEBHOOK } from '../../blue/webhooks.js';
import { caught } from '../support/errors.js';
import {
  AUTH,
  TODO,
  TODO_ENTITY,
  WEBHOOK_SECRET,
  delivery,
  replyOnce,
  sign,
  type CapturedCall,
  useNock,
} from './fixtures.js';

const appTester = zapier.createAppTester(App);
useNock();
const newTodo = App.triggers.new_todo.operation;
const blueEvent = App.triggers.blue_event.operation;

type Op = { performSubscribe: never; performUnsubscribe: never; perform: never; performList: never };
const op = (o: unknown) => o as Op;

describe('Blue REST hooks: subscribe', () => {
  it('creates the webhook with the exact variables and X-Bloo headers, and keeps id + secret', async () => {
    const calls: CapturedCall[] = [];
    const scope = replyOnce(calls, 200, {
      data: {
        createWebhook: {
          id: 'wh-9',
          secret: WEBHOOK_SECRET,
          events: ['TODO_CREATED'],
          projectIds: ['cprojdefault0000000000001'],
          enabled: true,
        },
      },
    });
    const result = await appTester(op(newTodo).performSubscribe, {
      authData: AUTH,
      inputData: {},
      targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc/',
      meta: { zap: { id: '777' } },
    } as never);
    scope.done();
    expect(result).toEqual({
      id: 'wh-9',
      secret: WEBHOOK_SECRET,
      projectId: 'cprojdefault0000000000001',
      events: ['TODO_CREATED'],
    });
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.query).toBe(CREATE_WEBHOOK);
    expect(call.variables).toEqual({
      input: {
        name: 'Zapier: New Record (Zap 777)',
        url: 'https://hooks.zapier.com/hooks/standard/1/abc/',
        events: ['TODO_CREATED'],
        projectIds: ['cprojdefault0000000000001'],
      },
    });
    expect(call.headers['x-bloo-token-id']).toBe('tok-id-1');
    expect(call.headers['x-bloo-token-secret']).toBe('tok-secret-xyz');
    expect(call.headers['x-bloo-company-id']).toBe(AUTH.blueCompanyId);
    expect(call.headers['x-bloo-project-id']).toBe('cprojdefault0000000000001');
  });

  it("uses the project picked in the trigger over the connection's, and the chosen events", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { createWebhook: { id: 'wh-10', secret: WEBHOOK_SECRET } } });
    const result = await appTester(op(blueEvent).performSubscribe, {
      authData: AUTH,
      inputData: {
        projectId: 'cprojother000000000000001',
        events: ['COMMENT_CREATED', 'TAG_DELETED', 'COMMENT_CREATED'],
      },
      targetUrl: 'https://hooks.zapier.com/hooks/standard/1/def/',
    } as never);
    expect(result).toMatchObject({
      id: 'wh-10',
      projectId: 'cprojother000000000000001',
      events: ['COMMENT_CREATED', 'TAG_DELETED'],
    });
    expect(calls[0]!.variables).toEqual({
      input: {
        name: 'Zapier: New Blue Event',
        url: 'https://hooks.zapier.com/hooks/standard/1/def/',
        events: ['COMMENT_CREATED', 'TAG_DELETED'],
        projectIds: ['cprojother000000000000001'],
      },
    });
    expect(calls[0]!.headers['x-bloo-project-id']).toBe('cprojother000000000000001');
  });

  it('refuses to subscribe with no events (Blue would send every event)', async () => {
    const err = await caught(
      appTester(op(blueEvent).performSubscribe, {
        authData: AUTH,
        inputData: { events: [] },
        targetUrl: 'https://hooks.zapier.com/x',
      } as never),
    );
    expect(err.message).toMatch(/at least one Blue event/);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('reports GraphQL errors inside an HTTP 200 with their meaning', async () => {
    replyOnce([], 200, {
      data: null,
      errors: [{ message: 'Webhook limit reached', extensions: { code: 'PLAN_LIMIT_REACHED' } }],
    });
    const err = await caught(
      appTester(op(newTodo).performSubscribe, {
        authData: AUTH,
        inputData: {},
        targetUrl: 'https://hooks.zapier.com/x',
      } as never),
    );
    expect(err.code).toBe('blue_plan_limit');
    expect(err.message).toMatch(/plan's limit was reached while trying to create the Blue webhook/);
    expect(err.message).not.toContain(AUTH.blueTokenSecret);
  });

  it('turns HTTP 429 into a ThrottledError honouring Retry-After', async () => {
    replyOnce([], 429, { error: 'RATE_LIMITED', retryAfter: 12 }, { 'Retry-After': '30' });
    const err = await caught(
      appTester(op(newTodo).performSubscribe, {
        authData: AUTH,
        inputData: {},
        targetUrl: 'https://hooks.zapier.com/x',
      } as never),
    );
    expect(err.name).toBe('ThrottledError');
    expect(err.delay).toBe(30);
    expect(err.message).toMatch(/rate limit/);
  });

  it('deletes the webhook again when Blue returns no secret', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { createWebhook: { id: 'wh-11', secret: null } } });
    replyOnce(calls, 200, { data: { deleteWebhook: { success: true } } });
    const err = await caught(
      appTester(op(newTodo).performSubscribe, {
        authData: AUTH,
        inputData: {},
        targetUrl: 'https://hooks.zapier.com/x',
      } as never),
    );
    expect(err.code).toBe('blue_webhook_no_secret');
    expect(calls.map((c) => c.query)).toEqual([CREATE_WEBHOOK, DELETE_WEBHOOK]);
    expect(calls[1]!.variables).toEqual({ input: { webhookId: 'wh-11' } });
  });
});

describe('Blue REST hooks: unsubscribe', () => {
  const bundle = {
    authData: AUTH,
    inputData: {},
    subscribeData: { id: 'wh-1', secret: WEBHOOK_SECRET, projectId: 'cprojother000000000000001' },
  };

  it("deletes the webhook by id with the subscription's project header", async () => {
    const calls: CapturedCall[] = [];
    const scope = replyOnce(calls, 200, { data: { deleteWebhook: { success: true } } });
    const result = await appTester(op(newTodo).performUnsubscribe, bundle as never);
    scope.done();
    expect(result).toEqual({ id: 'wh-1', deleted: true });
    expect(calls[0]!.query).toBe(DELETE_WEBHOOK);
    expect(calls[0]!.variables).toEqual({ input: { webhookId: 'wh-1' } });
    expect(calls[0]!.headers['x-bloo-project-id']).toBe('cprojother000000000000001');
    expect(calls[0]!.headers['x-bloo-token-id']).toBe('tok-id-1');
  });

  it('counts WEBHOOK_NOT_FOUND as success (already deleted in Blue)', async () => {
    replyOnce([], 200, {
      data: null,
      errors: [{ message: 'Webhook not found', extensions: { code: 'WEBHOOK_NOT_FOUND' } }],
    });
    const result = await appTester(op(newTodo).performUnsubscribe, bundle as never);
    expect(result).toEqual({ id: 'wh-1', deleted: false });
  });

  it('fails clearly on other errors', async () => {
    replyOnce([], 200, { data: null, errors: [{ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } }] });
    const err = await caught(appTester(op(newTodo).performUnsubscribe, bundle as never));
    expect(err.code).toBe('blue_forbidden');
    expect(err.message).toMatch(/delete the Blue webhook/);
  });

  it('fails clearly on an unconfirmed deletion', async () => {
    replyOnce([], 200, { data: { deleteWebhook: { success: false } } });
    const err = await caught(appTester(op(newTodo).performUnsubscribe, bundle as never));
    expect(err.code).toBe('blue_webhook_not_deleted');
  });

  it('maps an expired token to ExpiredAuthError', async () => {
    replyOnce([], 401, { message: 'Unauthorized' });
    const err = await caught(appTester(op(newTodo).performUnsubscribe, bundle as never));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).not.toContain(AUTH.blueTokenSecret);
    expect(err.message).not.toContain(WEBHOOK_SECRET);
  });

  it('explains when no subscription data exists', async () => {
    const err = await caught(appTester(op(newTodo).performUnsubscribe, { authData: AUTH, inputData: {} } as never));
    expect(err.code).toBe('blue_webhook_unknown');
  });
});

describe('Blue REST hooks: perform', () => {
  const created = { event: 'TODO_CREATED', webhook: { id: 'wh-1' }, previousValue: null, currentValue: TODO_ENTITY };

  it('outputs the record with event, previous value and a delivery id for a valid signature', async () => {
    const result = await appTester<Record<string, unknown>[], Bundle>(op(newTodo).perform, delivery(created) as never);
    expect(result).toHaveLength(1);
    const out = result[0]!;
    expect(out).toMatchObject({ title: 'Order #1042', recordId: 'todo-1', event: 'TODO_CREATED', previousValue: null });
    expect(out.id).toMatch(/^[0-9a-f]{32}$/);
    expect(out.id).not.toBe('todo-1');
  });

  it('gives the same id to a retried delivery and a different id to a later change', async () => {
    const [a] = await appTester<{ id: string }[], Bundle>(op(newTodo).perform, delivery(created) as never);
    const [b] = await appTester<{ id: string }[], Bundle>(op(newTodo).perform, delivery(created) as never);
    const later = { ...created, currentValue: { ...TODO_ENTITY, updatedAt: '2026-01-10T10:00:00.000Z' } };
    const [c] = await appTester<{ id: string }[], Bundle>(op(newTodo).perform, delivery(later) as never);
    expect(a!.id).toBe(b!.id);
    expect(c!.id).not.toBe(a!.id);
  });

  it('accepts the signature header in any case', async () => {
    const result = await appTester(op(newTodo).perform, delivery(created, { headerName: 'x-signature' }) as never);
    expect(result).toHaveLength(1);
  });

  it('halts on a bad signature without revealing the secret', async () => {
    const err = await caught(
      appTester(op(newTodo).perform, delivery(created, { signature: sign('other body') }) as never),
    );
    expect(err.name).toBe('HaltedError');
    expect(err.message).toMatch(/does not match/);
    // Core would append the bundle (with subscribeData.secret) to a HaltedError's message; it must not.
    expect(err.message).not.toContain(WEBHOOK_SECRET);
    expect(err.message).not.toMatch(/What happened/);
  });

  it('halts on a signature made with another secret', async () => {
    const body = JSON.stringify(created);
    const err = await caught(
      appTester(op(newTodo).perform, delivery(body, { signature: sign(body, 'not-the-secret') }) as never),
    );
    expect(err.name).toBe('HaltedError');
  });

  it('halts on a missing or malformed signature', async () => {
    const missing = await caught(appTester(op(newTodo).perform, delivery(created, { signature: null }) as never));
    expect(missing.name).toBe('HaltedError');
    expect(missing.message).not.toContain(WEBHOOK_SECRET);
    expect(missing.message).toMatch(/X-Signature header is missing/);
    const malformed = await caught(appTester(op(newTodo).perform, delivery(created, { signature: 'abc' }) as never));
    expect(malformed.message).toMatch(/not a hex SHA-256/);
  });

  it('halts when the Zap has no stored secret', async () => {
    const err = await caught(
      appTester(op(newTodo).perform, delivery(created, { subscribeData: { id: 'wh-1' } }) as never),
    );
    expect(err.name).toBe('HaltedError');
    expect(err.message).toMatch(/no Blue signing secret/);
  });

  it('returns nothing for the health check', async () => {
    const result = await appTester(
      op(newTodo).perform,
      delivery({ event: 'WEBHOOK_HEALTH_CHECK', webhook: { id: 'wh-1' } }) as never,
    );
    expect(result).toEqual([]);
  });

  it('returns nothing for events the trigger did not ask for', async () => {
    const moved = { ...created, event: 'TODO_MOVED', previousValue: TODO_ENTITY };
    expect(await appTester(op(newTodo).perform, delivery(moved) as never)).toEqual([]);
    const unknown = { ...created, event: 'SOMETHING_NEW' };
    expect(await appTester(op(newTodo).perform, delivery(unknown) as never)).toEqual([]);
  });

  it('outputs the previous value as the record for deletions', async () => {
    const deleted = { event: 'TODO_DELETED', webhook: { id: 'wh-1' }, previousValue: TODO_ENTITY, currentValue: null };
    const bundle = delivery(deleted, {
      inputData: { events: ['TODO_DELETED'] },
      subscribeData: { id: 'wh-1', secret: WEBHOOK_SECRET, events: ['TODO_DELETED'] },
    });
    const [out] = await appTester<Record<string, unknown>[], Bundle>(op(blueEvent).perform, bundle as never);
    expect(out).toMatchObject({
      event: 'TODO_DELETED',
      recordId: 'todo-1',
      title: 'Order #1042',
      previousValue: { id: 'todo-1', title: 'Order #1042' },
    });
  });

  it('halts on a signed body that is not a Blue payload', async () => {
    const err = await caught(appTester(op(newTodo).perform, delivery({ hello: 'world' }) as never));
    expect(err.name).toBe('HaltedError');
    expect(err.message).toMatch(/unexpected body \(event: no "event" name, which every Blue webhook call carries\)/);
    const notJson = await caught(appTester(op(newTodo).perform, delivery('not json') as never));
    expect(notJson.message).toMatch(/not JSON/);
  });
});

describe('Blue REST hooks: performList', () => {
  it('lists recent records newest first, shaped like perform', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todoQueries: { todos: { items: [TODO] } } } });
    const list = await appTester<Record<string, unknown>[], Bundle>(op(newTodo).performList, {
      authData: AUTH,
      inputData: {},
      meta: {},
    } as never);
    expect(calls[0]!.variables).toEqual({
      companyId: AUTH.blueCompanyId,
      projectId: 'cprojdefault0000000000001',
      limit: 10,
    });
    expect(calls[0]!.query).toMatch(/sort: \[createdAt_DESC\]/);
    const [hooked] = await appTester<Record<string, unknown>[], Bundle>(
      op(newTodo).perform,
      delivery({ event: 'TODO_CREATED', previousValue: null, currentValue: TODO_ENTITY }) as never,
    );
    expect(list).toHaveLength(1);
    expect(Object.keys(list[0]!).sort()).toEqual(Object.keys(hooked!).sort());
    expect(list[0]).toEqual(hooked);
  });

  it('falls back to a typed example when the project is empty', async () => {
    replyOnce([], 200, { data: { todoQueries: { todos: { items: [] } } } });
    const list = await appTester<Record<string, unknown>[], Bundle>(op(newTodo).performList, {
      authData: AUTH,
      inputData: {},
      meta: {},
    } as never);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ event: 'TODO_CREATED', previousValue: null });
    expect(String(list[0]!.title)).toMatch(/Example record/);
  });

  it('reports GraphQL errors in an HTTP 200', async () => {
    replyOnce([], 200, {
      data: null,
      errors: [{ message: 'No such project', extensions: { code: 'PROJECT_NOT_FOUND' } }],
    });
    const err = await caught(appTester(op(newTodo).performList, { authData: AUTH, inputData: {}, meta: {} } as never));
    expect(err.code).toBe('blue_not_found');
    expect(err.message).toMatch(/cprojdefault0000000000001/);
  });

  it('turns HTTP 429 into a ThrottledError', async () => {
    replyOnce([], 429, { error: 'RATE_LIMITED', retryAfter: 7 });
    const err = await caught(appTester(op(newTodo).performList, { authData: AUTH, inputData: {}, meta: {} } as never));
    expect(err.name).toBe('ThrottledError');
    expect(err.delay).toBe(7);
  });

  it('honours Retry-After on a RATE_LIMITED error inside an HTTP 200', async () => {
    replyOnce(
      [],
      200,
      { data: null, errors: [{ message: 'Slow down', extensions: { code: 'RATE_LIMITED' } }] },
      { 'Retry-After': '15' },
    );
    const err = await caught(appTester(op(newTodo).performList, { authData: AUTH, inputData: {}, meta: {} } as never));
    expect(err.name).toBe('ThrottledError');
    expect(err.delay).toBe(15);
    expect(err.message).toMatch(/retry in 15 seconds/);
  });

  it('rejects a response of the wrong shape', async () => {
    replyOnce([], 200, { data: { todoQueries: { todos: { items: [{ id: 1 }] } } } });
    const err = await caught(appTester(op(newTodo).performList, { authData: AUTH, inputData: {}, meta: {} } as never));
    expect(err.code).toBe('blue_invalid_response');
  });
});
