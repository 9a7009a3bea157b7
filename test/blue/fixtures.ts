// Shared Blue test fixtures: a connection, a nock scope for the GraphQL endpoint that records
// each request, and signed webhook deliveries.
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import nock from 'nock';

/**
 * Nock for one test file: active and offline during it, restored afterwards, so files that share
 * a jest worker do not inherit each other's interceptor.
 */
export function useNock(): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.abortPendingRequests();
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}

export const BLUE_URL = 'https://api.blue.cc';

export const AUTH = {
  blueTokenId: 'tok-id-1',
  blueTokenSecret: 'tok-secret-xyz',
  blueCompanyId: 'acme',
  blueProjectId: 'cprojdefault0000000000001',
};

export interface CapturedCall {
  query: string;
  variables: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/** Replies to one GraphQL POST and records its body and headers into `calls`. */
export function replyOnce(
  calls: CapturedCall[],
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): nock.Scope {
  return nock(BLUE_URL)
    .post('/graphql')
    .reply(function (_uri, reqBody) {
      const parsed = (typeof reqBody === 'string' ? JSON.parse(reqBody) : reqBody) as { query: string; variables: Record<string, unknown> };
      calls.push({ query: parsed.query, variables: parsed.variables, headers: this.req.headers });
      return [status, typeof body === 'string' ? body : JSON.stringify(body), { 'content-type': 'application/json', ...headers }];
    });
}

export const WEBHOOK_SECRET = 'whsec-blue-0123456789';

export function sign(body: string, secret = WEBHOOK_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** A hook bundle as Zapier builds it for a Blue delivery (header names as Zapier rewrites them). */
export function delivery(
  payload: unknown,
  options: { signature?: string | null; headerName?: string; inputData?: Record<string, unknown>; subscribeData?: Record<string, unknown> } = {},
) {
  const content = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature = options.signature === undefined ? sign(content) : options.signature;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (signature !== null) headers[options.headerName ?? 'Http-X-Signature'] = signature;
  return {
    authData: AUTH,
    inputData: options.inputData ?? {},
    subscribeData: options.subscribeData ?? { id: 'wh-1', secret: WEBHOOK_SECRET, projectId: 'cprojdefault0000000000001', events: ['TODO_CREATED'] },
    rawRequest: { method: 'POST', headers, content, querystring: '' },
    cleanedRequest: typeof payload === 'string' ? {} : payload,
  };
}

export const TODO = {
  id: 'todo-1',
  uid: 'u-1',
  title: 'Order #1042',
  text: 'ACME order',
  html: '<p>ACME order</p>',
  position: 1,
  done: false,
  archived: false,
  startedAt: null,
  duedAt: '2026-02-01T00:00:00.000Z',
  createdAt: '2026-01-10T08:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
  commentCount: 0,
  todoList: { id: 'list-1', title: 'Orders' },
  users: [],
  tags: [],
  customFields: [{ id: 'cf-status', name: 'Status', type: 'SELECT_SINGLE', value: 'Pending' }],
};
