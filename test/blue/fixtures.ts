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
  // Ids, as filters need: a slug here costs a resolve request (tested where that matters).
  blueCompanyId: 'ccompdefault0000000000001',
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
      const parsed = (typeof reqBody === 'string' ? JSON.parse(reqBody) : reqBody) as {
        query: string;
        variables: Record<string, unknown>;
      };
      calls.push({ query: parsed.query, variables: parsed.variables, headers: this.req.headers });
      return [
        status,
        typeof body === 'string' ? body : JSON.stringify(body),
        { 'content-type': 'application/json', ...headers },
      ];
    });
}

export const WEBHOOK_SECRET = 'whsec-blue-0123456789';

export function sign(body: string, secret = WEBHOOK_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** A hook bundle as Zapier builds it for a Blue delivery (header names as Zapier rewrites them). */
export function delivery(
  payload: unknown,
  options: {
    signature?: string | null;
    headerName?: string;
    inputData?: Record<string, unknown>;
    subscribeData?: Record<string, unknown>;
  } = {},
) {
  const content = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature = options.signature === undefined ? sign(content) : options.signature;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (signature !== null) headers[options.headerName ?? 'Http-X-Signature'] = signature;
  return {
    authData: AUTH,
    inputData: options.inputData ?? {},
    subscribeData: options.subscribeData ?? {
      id: 'wh-1',
      secret: WEBHOOK_SECRET,
      projectId: 'cprojdefault0000000000001',
      events: ['TODO_CREATED'],
    },
    rawRequest: { method: 'POST', headers, content, querystring: '' },
    cleanedRequest: typeof payload === 'string' ? {} : payload,
  };
}

/** A record in GraphQL form (RECORD_SELECTION), as queries and mutations return it. */
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
  createdBy: { id: 'user-1' },
  todoList: { id: 'list-1', title: 'Orders', project: { id: 'proj-default', name: 'Sales' } },
  users: [{ id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' }],
  tags: [{ id: 'tag-1', title: 'VIP', color: '#ff0000' }],
  customFields: [
    { id: 'cf-status', name: 'Status', type: 'SELECT_SINGLE', value: 'Pending' },
    { id: 'cf-notes', name: 'Notes', type: 'TEXT_SINGLE', value: null },
  ],
};

/**
 * The same record as Blue's webhooks deliver it: the stored entity (position as a string,
 * todoListId, createdById, todoList with project and company), with join rows that expand their
 * related row, one of the plausible forms (Blue documents no element shape).
 */
export const TODO_ENTITY = {
  id: 'todo-1',
  uid: 'u-1',
  title: 'Order #1042',
  html: '<p>ACME order</p>',
  text: 'ACME order',
  position: '1',
  archived: false,
  done: false,
  startedAt: null,
  duedAt: '2026-02-01T00:00:00.000Z',
  timezone: null,
  createdAt: '2026-01-10T08:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
  createdById: 'user-1',
  todoListId: 'list-1',
  todoCustomFields: [
    {
      id: 'tcf-1',
      customFieldId: 'cf-status',
      value: 'Pending',
      customField: { id: 'cf-status', name: 'Status', type: 'SELECT_SINGLE' },
    },
  ],
  todoUsers: [
    { id: 'tu-1', userId: 'user-1', user: { id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' } },
  ],
  todoTags: [{ id: 'tt-1', tagId: 'tag-1', tag: { id: 'tag-1', title: 'VIP', color: '#ff0000' } }],
  todoList: {
    id: 'list-1',
    uid: 'lu-1',
    title: 'Orders',
    position: 65535,
    projectId: 'proj-default',
    project: {
      id: 'proj-default',
      uid: 'pu-1',
      slug: 'sales',
      name: 'Sales',
      companyId: 'acme-id',
      company: { id: 'acme-id', slug: 'acme', name: 'ACME' },
    },
  },
};

/**
 * Blue's documented TODO_CREATED delivery (heyblueteam/website,
 * content/en/docs/9.integrations/2.webhooks.md, "Example Webhook response"), as published.
 */
export const DOCUMENTED_TODO_CREATED = {
  event: 'TODO_CREATED',
  webhook: {
    id: 'clb4qaopy0000vt24mlp28v03',
    uid: 'edb5b5d51dc9461a952160dbe72153b4',
    name: 'Testing webhook',
    url: 'https://httpdump.app/dumps/7cc66eda-8e83-4039-ba49-4c36db14d508',
    secret: '',
    status: 'HEALTHY',
    enabled: true,
    metadata: {
      events: [
        'TODO_CREATED',
        'TODO_DELETED',
        'TODO_MOVED',
        'TODO_NAME_CHANGED',
        'TODO_CHECKLIST_CREATED',
        'TODO_CHECKLIST_NAME_CHANGED',
        'TODO_CHECKLIST_DELETED',
        'TODO_CHECKLIST_ITEM_CREATED',
        'TODO_LIST_CREATED',
        'TODO_LIST_DELETED',
        'TODO_LIST_NAME_CHANGED',
        'COMMENT_CREATED',
        'COMMENT_DELETED',
        'COMMENT_UPDATED',
      ],
      projectIds: ['clakt90vu000bvt64hhffqleq', 'claulnu1y0000vtrcjurjgds4', 'clb4gay0y000qvtzs8smaays8'],
    },
    createdById: 'claksl2ye0000vtas0h0ln71e',
    createdAt: '2022-12-01T07:01:25.014Z',
    updatedAt: '2022-12-01T11:23:00.661Z',
  },
  currentValue: {
    id: 'clb4zna6x0000vt1swuwso25f',
    uid: '11021cb836f34732b31e5ebd5dd5eb27',
    title: 'GGGG',
    html: null,
    text: null,
    position: '32767.5',
    archived: false,
    done: false,
    startedAt: null,
    duedAt: null,
    timezone: null,
    createdAt: '2022-12-01T11:23:09.000Z',
    updatedAt: '2022-12-01T11:23:09.241Z',
    createdById: 'claksl2ye0000vtas0h0ln71e',
    todoListId: 'clakt9v5t000kvt64f563l90l',
    todoCustomFields: [],
    todoUsers: [],
    todoTags: [],
    todoList: {
      id: 'clakt9v5t000kvt64f563l90l',
      uid: 'df0e931e6e8f4fc2905ece9da167d2d3',
      createdAt: '2022-11-17T08:29:22.000Z',
      updatedAt: '2022-11-17T08:29:22.050Z',
      title: 'ETEST',
      position: 131070,
      createdById: 'claksl2ye0000vtas0h0ln71e',
      projectId: 'clakt90vu000bvt64hhffqleq',
      project: {
        id: 'clakt90vu000bvt64hhffqleq',
        uid: 'd7db469a8908496f8e5f5e68030fe4c8',
        slug: 'teest',
        name: 'TEEST',
        description: '',
        archived: false,
        createdAt: '2022-11-17T08:28:43.000Z',
        updatedAt: '2022-11-17T08:28:42.811Z',
        isTemplate: false,
        isOfficialTemplate: false,
        category: 'GENERAL',
        companyId: 'clakt8jud0002vt64205yyj10',
        imageId: null,
        hideEmailFromRoles: null,
        company: {
          id: 'clakt8jud0002vt64205yyj10',
          uid: '400eb3f8238c486caf40957618be9662',
          slug: 'rogue',
          name: 'Rogue',
          description: null,
          createdAt: '2022-11-17T08:28:21.000Z',
          updatedAt: '2022-11-17T08:28:20.726Z',
          freeTrialExpiredAt: '2022-12-01T08:28:15.000Z',
          freeTrialStartedAt: '2022-11-17T08:28:15.000Z',
          subscribedAt: null,
          imageId: null,
          subscriptionPlanId: 'clakt8jue0003vt64e40q2prj',
          freeTrialExtendedById: null,
          freeTrialExtendedAt: null,
        },
      },
    },
  },
};

/** Blue's 2026 API docs' short example of a delivered record (blue.cc/api/webhooks). */
export const MINIMAL_RECORD = { id: 'todo-1', title: 'Order #1042', done: false };
