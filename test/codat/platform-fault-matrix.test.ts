// Codat Platform fault matrix: every operation that uses the Codat API Key x every way its call
// can fail, with Codat's documented error bodies (ErrorMessage). Each cell asserts the Zapier
// error class and that the message names the cause. Responses echo the key in every form it
// travels in, and every message, result and log line is scanned for them at the end.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import App from '../../index.js';
import { coreRunner } from '../support/core-runner.js';
import {
  TIMEOUT_MS,
  assertExpected,
  failure,
  html,
  late,
  reset,
  status,
  withTimeout,
  type Expected,
  type Failure,
} from '../support/fault-matrix.js';
import { codatApiKeyForms, expectNoSecrets } from '../support/secret-hygiene.js';
import * as F from './platform-fixtures.js';

const BASE = 'https://codat-platform-matrix.example.com';
const KEY = 'MATRIXapikey0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const B64 = Buffer.from(KEY).toString('base64');
const COMPANY = '8a210b68-6988-11ed-a1eb-0242ac120002';
const CONNECTION = '2e9d2c44-f675-40ba-8049-353bfcb5e171';
const runner = coreRunner(App);

type Op = { perform: unknown };
const creates = App.creates as unknown as Record<string, { operation: Op }>;
const searches = App.searches as unknown as Record<string, { operation: Op }>;
const triggers = App.triggers as unknown as Record<string, { operation: Op }>;

interface Operation {
  method: string;
  path: RegExp;
  fn: unknown;
  inputData?: Record<string, unknown>;
  meta?: Record<string, unknown>;
  /** Follows "while trying to" / "request to" in messages. */
  action: RegExp;
  /** A 200 whose JSON lacks what the operation needs. */
  partial?: unknown;
  /** Failures this operation treats as success, by design, and what it then returns. */
  succeedsOn?: Record<string, unknown>;
}

const QUEUED_ALL = {
  companyId: COMPANY,
  dataType: 'all',
  status: 'Queued',
  id: null,
  connectionId: null,
  statusDescription: null,
  requested: null,
  progress: null,
  isCompleted: null,
  isErrored: null,
};

const OPERATIONS: Record<string, Operation> = {
  'auth test': {
    method: 'GET',
    path: /^\/companies\?page=1&pageSize=1$/,
    fn: App.authentication!.test,
    action: /check the Codat API Key/,
    partial: { results: [] },
    // Codat checks the key first: a 404 of the list means an accepted key and nothing listed.
    succeedsOn: { '404': { codatApi: { totalCompanies: 0 } } },
  },
  'create company': {
    method: 'POST',
    path: /^\/companies$/,
    fn: creates.codat_create_company!.operation.perform,
    inputData: { name: 'Technicalium' },
    action: /create the Codat company/,
    partial: { id: COMPANY, name: 'Technicalium' },
  },
  'find company by ID': {
    method: 'GET',
    path: new RegExp(`^/companies/${COMPANY}$`),
    fn: searches.codat_find_company!.operation.perform,
    inputData: { companyId: COMPANY },
    action: /look up the Codat company/,
    partial: { id: COMPANY },
    // A search that finds nothing is empty, not an error.
    succeedsOn: { '404': [] },
  },
  'find company by name': {
    method: 'GET',
    path: /^\/companies\?page=1&pageSize=100&query=name%3DTechnicalium$/,
    fn: searches.codat_find_company!.operation.perform,
    inputData: { name: 'Technicalium' },
    action: /search the Codat companies/,
    partial: { results: [{ id: COMPANY }], pageNumber: 1, pageSize: 100, totalResults: 1 },
    succeedsOn: { '404': [] },
  },
  'company dropdown': {
    method: 'GET',
    path: /^\/companies\?page=1&pageSize=100$/,
    fn: triggers.codat_company_list!.operation.perform,
    meta: { page: 0 },
    action: /list the Codat companies/,
    partial: { results: [{ name: 'No id' }], pageNumber: 1, pageSize: 100, totalResults: 1 },
    succeedsOn: { '404': [] },
  },
  'connection dropdown': {
    method: 'GET',
    path: new RegExp(`^/companies/${COMPANY}/connections\\?page=1&pageSize=100$`),
    fn: triggers.codat_connection_list!.operation.perform,
    inputData: { companyId: COMPANY },
    meta: { page: 0 },
    action: /list the connections of the Codat company/,
    partial: { results: [{ id: CONNECTION }], totalResults: 1 },
  },
  'refresh all data': {
    method: 'POST',
    path: new RegExp(`^/companies/${COMPANY}/data/all$`),
    fn: creates.codat_refresh_company_data!.operation.perform,
    inputData: { companyId: COMPANY },
    action: /refresh all data of the Codat company/,
    // Codat answers 204 without a body: a body, odd or not, is not read.
    succeedsOn: { 'non-JSON 200': QUEUED_ALL, 'partial data': QUEUED_ALL },
  },
  'refresh one data type': {
    method: 'POST',
    path: new RegExp(`^/companies/${COMPANY}/data/queue/invoices\\?connectionId=${CONNECTION}$`),
    fn: creates.codat_refresh_company_data!.operation.perform,
    inputData: { companyId: COMPANY, dataType: 'invoices', connectionId: CONNECTION },
    action: /refresh the invoices of the Codat company/,
    partial: { id: 'op-1', status: 'Queued' },
  },
};

const messages: string[] = [];
const results: string[] = [];
/** Responses echo the key as sent and as stored, to prove neither reaches a message. */
const echo = `key ${KEY}, header Basic ${B64}`;
const err = (name: Expected['name'], message: RegExp, extra: Partial<Expected> = {}): Expected => ({
  name,
  message,
  ...extra,
});
const withEcho =
  (body: { error: string }, extra: Record<string, unknown> = {}) =>
  () => ({ ...body, ...extra, error: `${body.error} (${echo})` });

/** Codat's documented errors (Platform spec components/responses) and transport failures. */
const FAILURES = (o: Operation): Failure[] => [
  {
    name: '400',
    reply: status(400, withEcho(F.ERROR_BAD_REQUEST)),
    expected: err(
      'AppError',
      /Codat rejected the request to .* \(HTTP 400\): Error processing request - not valid\..*correlation id bc997528/,
      {
        code: 'codat_request_rejected',
      },
    ),
  },
  {
    name: '401',
    reply: status(401, withEcho(F.ERROR_UNAUTHORIZED)),
    expected: err(
      'ExpiredAuthError',
      /Codat rejected the Codat API Key \(HTTP 401\).*Developers > API keys.*reconnect/,
    ),
  },
  {
    name: '402',
    reply: status(402, withEcho(F.ERROR_PAYMENT_REQUIRED)),
    expected: err('AppError', /account limit was reached: You have exceeded the 50-company limit/, {
      code: 'codat_limit_reached',
    }),
  },
  {
    name: '403',
    reply: status(403, withEcho(F.ERROR_FORBIDDEN)),
    expected: err('AppError', /Codat refused permission to .*: You are using an outdated API key/, {
      code: 'codat_forbidden',
    }),
  },
  {
    name: '404',
    reply: status(404, withEcho(F.ERROR_COMPANY_NOT_FOUND)),
    expected: err('AppError', /Codat could not find .*: No company was found with ID/, { code: 'codat_not_found' }),
  },
  {
    name: '409',
    reply: status(
      409,
      withEcho({ ...F.ERROR_BAD_REQUEST, error: 'A sync is already in progress' }, { statusCode: 409 }),
    ),
    expected: err('AppError', /because of a conflict \(HTTP 409\): A sync is already in progress.*try again/, {
      code: 'codat_conflict',
    }),
  },
  {
    name: '413',
    reply: html(413, `Request Entity Too Large ${echo}`),
    expected: err('AppError', /\(HTTP 413\) with a text\/html body starting ".*Request Entity Too Large/, {
      code: 'codat_request_rejected',
    }),
  },
  {
    name: '429 with Retry-After',
    reply: status(429, withEcho(F.ERROR_TOO_MANY_REQUESTS), { 'retry-after': '30' }),
    expected: err('ThrottledError', /Codat's rate limit was reached .*retry in 30 seconds/, { delay: 30 }),
  },
  {
    name: '429 without Retry-After',
    reply: status(429, withEcho(F.ERROR_TOO_MANY_REQUESTS)),
    expected: err('ThrottledError', /Codat's rate limit was reached .*retry later/),
  },
  ...[500, 502, 503, 504].map((code) => ({
    name: String(code),
    reply: status(
      code,
      withEcho(code === 503 ? F.ERROR_UNAVAILABLE : F.ERROR_SERVER, { correlationId: `corr${code}` }),
    ),
    expected: err(
      'AppError',
      new RegExp(`Codat's API failed \\(HTTP ${code}\\) .*correlation id corr${code}.*usually temporary`),
      {
        code: 'codat_server_error',
      },
    ),
  })),
  {
    name: '502 from a proxy (HTML, request id header)',
    reply: html(502, `Bad Gateway ${echo}`),
    expected: err('AppError', /Codat's API failed \(HTTP 502\)/, { code: 'codat_server_error' }),
  },
  {
    name: 'timeout',
    reply: late(),
    timeoutMs: TIMEOUT_MS,
    expected: err('AppError', new RegExp(`Codat could not be reached .*no answer within ${TIMEOUT_MS} ms`), {
      code: 'network_error',
    }),
  },
  {
    name: 'connection reset',
    reply: reset(),
    expected: err('AppError', /Codat could not be reached .*the connection was reset.*try again/, {
      code: 'network_error',
    }),
  },
  {
    name: 'non-JSON 200',
    reply: html(200, `Maintenance ${echo}`),
    expected: err('AppError', /Codat answered with a text\/html body starting ".*Maintenance.*instead of JSON/, {
      code: 'codat_invalid_response',
    }),
  },
  {
    name: 'partial data',
    reply: status(200, o.partial ?? {}),
    expected: err('AppError', /Codat returned an unexpected response .*\(\w+(\.\d+\.\w+)?: /, {
      code: 'codat_invalid_response',
    }),
  },
];

const CASES = Object.entries(OPERATIONS).flatMap(([opName, o]) => FAILURES(o).map((f) => ({ opName, o, f })));

beforeAll(() => {
  process.env.CODAT_API_URL = BASE;
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
});
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => {
  delete process.env.CODAT_API_URL;
  expectNoSecrets([...messages, ...results, ...runner.logs], codatApiKeyForms(KEY));
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
});

describe(`Codat Platform fault matrix (${CASES.length} cases)`, () => {
  it('covers every operation with every failure', () => {
    expect(Object.keys(OPERATIONS)).toHaveLength(8);
    expect(CASES).toHaveLength(8 * 18);
  });

  it.each(CASES.map((c) => [c.opName, c.f.name, c] as const))('%s x %s', async (_op, _f, { o, f }) => {
    let authorization: unknown;
    const scope = f.reply(
      nock(BASE)
        .intercept(o.path, o.method)
        .matchHeader('authorization', (v) => {
          authorization = v;
          return true;
        }),
    );
    const bundle = { authData: { codatApiKey: KEY }, inputData: o.inputData ?? {}, meta: o.meta ?? {} };
    const run = () => withTimeout(f.timeoutMs, () => runner.run(o.fn, bundle));
    if (o.succeedsOn && f.name in o.succeedsOn) {
      const result = await run();
      results.push(JSON.stringify(result));
      expect(result).toEqual(o.succeedsOn[f.name]);
    } else {
      const e = await failure(run, messages);
      assertExpected(e, f.expected);
      if (f.name !== '401') expect(e.message).toMatch(o.action);
    }
    expect(scope.isDone()).toBe(true);
    expect(authorization).toBe(`Basic ${B64}`);
  });
});
