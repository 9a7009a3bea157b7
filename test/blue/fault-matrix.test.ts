// Blue fault matrix: every operation that calls Blue's GraphQL API x every way the call can fail
// (HTTP statuses, transport failures, GraphQL error codes inside an HTTP 200, partial data).
// Each cell asserts the Zapier error class and that the message names the cause. Responses echo
// the token secret (and the webhook secret where the request carried it) back, and every message
// and log line is scanned for them at the end.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import nock from 'nock';
import App from '../../index.js';
import { coreRunner } from '../support/core-runner.js';
import {
  BOUND_SLACK_MS,
  TIMEOUT_MS,
  assertExpected,
  dropServer,
  failure,
  guardOtherHost,
  html,
  late,
  redirect,
  reset,
  slowBody,
  slowHeadersThenBody,
  status,
  timed,
  withTimeout,
  withoutNock,
  type Expected,
  type Failure,
  type Loopback,
} from '../support/fault-matrix.js';
import { expectNoSecrets } from '../support/secret-hygiene.js';
import { dynamicFieldsFunction } from '../support/fields.js';

const BLUE = 'https://blue-matrix.example.com';
const TOKEN_SECRET = 'blue-MATRIX-token-secret-9c4f2a';
const WEBHOOK_SECRET = 'blue-MATRIX-webhook-secret-51e8d0';
const AUTH = {
  blueTokenId: 'tok-matrix',
  blueTokenSecret: TOKEN_SECRET,
  blueCompanyId: 'ccompmatrix00000000000001',
  blueProjectId: 'cprojmatrix00000000000001',
};
const runner = coreRunner(App);

type Ops = Record<string, { operation: Record<string, unknown> }>;
const triggers = App.triggers as unknown as Ops;
const createTodo = (App.creates as unknown as Ops).create_todo!.operation;
const searches = App.searches as unknown as Ops;
const customFieldInputs = dynamicFieldsFunction(createTodo.inputFields as unknown[]);
const creates = App.creates as unknown as Ops;
const updateFieldsFn = dynamicFieldsFunction(creates.update_record!.operation.inputFields as unknown[]);
const REC = 'ctodomatrix00000000000001';
/** A record action: its perform with a record picked, and what its messages name. */
const recordAction = (
  key: string,
  inputData: Record<string, unknown>,
  action: RegExp,
  networkNote?: RegExp,
): Operation => ({
  fn: creates[key]!.operation.perform,
  bundle: { inputData: { recordId: REC, ...inputData } },
  action,
  ...(networkNote ? { networkNote } : {}),
});

interface Operation {
  fn: unknown;
  bundle?: Record<string, unknown>;
  /** The action named in messages ("while trying to ..."). */
  action: RegExp;
  /** Failures this operation treats as success, by design, with the result expected. */
  succeedsOn?: Record<string, unknown>;
  /** Wording for outcomes unknown (transport failures, 502/504): create_todo warns the todo may exist. */
  networkNote?: RegExp;
}

const OPERATIONS: Record<string, Operation> = {
  'auth test': { fn: App.authentication!.test, action: /check the Blue credentials/ },
  subscribe: {
    fn: triggers.blue_event!.operation.performSubscribe,
    bundle: { inputData: { events: ['TODO_CREATED'] }, targetUrl: 'https://hooks.zapier.com/hooks/standard/1/blue/' },
    action: /create the Blue webhook for this Zap/,
  },
  unsubscribe: {
    fn: triggers.blue_event!.operation.performUnsubscribe,
    bundle: {
      subscribeData: {
        id: 'wh-matrix',
        secret: WEBHOOK_SECRET,
        projectId: 'cprojmatrix00000000000001',
        events: ['TODO_CREATED'],
      },
    },
    action: /delete the Blue webhook of this Zap/,
    // Deleted in Blue already: the goal is reached.
    succeedsOn: { WEBHOOK_NOT_FOUND: { id: 'wh-matrix', deleted: false } },
  },
  'performList (records)': {
    fn: triggers.blue_event!.operation.performList,
    bundle: { inputData: { events: ['TODO_CREATED'] } },
    action: /load recent records for the sample/,
  },
  'performList (comments)': {
    fn: triggers.new_comment!.operation.performList,
    action: /load recent comments for the sample/,
  },
  'dropdown: projects': { fn: triggers.blue_project_list!.operation.perform, action: /list the company's projects/ },
  'dropdown: custom fields': {
    fn: triggers.blue_custom_field_list!.operation.perform,
    action: /list the project's custom fields/,
  },
  'dropdown: todo lists': {
    fn: triggers.blue_todo_list_list!.operation.perform,
    action: /list the project's todo lists/,
  },
  'dropdown: users': { fn: triggers.blue_user_list!.operation.perform, action: /list the project's users/ },
  'dropdown: tags': { fn: triggers.blue_tag_list!.operation.perform, action: /list the project's tags/ },
  'dynamic fields (create_todo)': { fn: customFieldInputs, action: /list the project's custom fields/ },
  create_todo: {
    fn: createTodo.perform,
    bundle: { inputData: { title: 'Matrix todo', todoListId: 'list-1' } },
    action: /create the record/,
    networkNote: /The record may have been created anyway: check the list in Blue before replaying/,
  },
  'dropdown: records': { fn: triggers.blue_record_list!.operation.perform, action: /list the project's records/ },
  'dynamic fields (update_record)': { fn: updateFieldsFn, action: /list the project's custom fields/ },
  update_record: recordAction('update_record', { title: 'Matrix' }, new RegExp(`update record ${REC}`)),
  move_record: recordAction('move_record', { todoListId: 'list-2' }, new RegExp(`move record ${REC} to list list-2`)),
  complete_record: recordAction('complete_record', { done: 'done' }, new RegExp(`mark record ${REC} done`)),
  add_comment: recordAction(
    'add_comment',
    { text: 'Matrix comment' },
    new RegExp(`add a comment to record ${REC}`),
    /may have been added anyway: check the record in Blue before replaying/,
  ),
  'add_tag (existing)': recordAction('add_tag', { tagId: 'tag-1' }, new RegExp(`add tag tag-1 to record ${REC}`)),
  // A new tag by title reads the record's tags first: that read is what fails here.
  'add_tag (new title)': recordAction('add_tag', { tagTitle: 'VIP' }, new RegExp(`read the tags of record ${REC}`)),
  remove_tag: recordAction('remove_tag', { tagId: 'tag-1' }, new RegExp(`remove tag tag-1 from record ${REC}`)),
  add_assignee: recordAction(
    'add_assignee',
    { assigneeIds: ['user-1'] },
    new RegExp(`assign user user-1 to record ${REC}`),
  ),
  remove_assignee: recordAction(
    'remove_assignee',
    { assigneeIds: ['user-1'] },
    new RegExp(`unassign user user-1 from record ${REC}`),
  ),
  add_checklist_item: recordAction(
    'add_checklist_item',
    { checklistTitle: 'KYC', itemTitle: 'Passport' },
    new RegExp(`read the checklists of record ${REC}`),
  ),
  find_user: {
    fn: searches.find_user!.operation.perform,
    bundle: { inputData: { email: 'ada@example.com' } },
    action: /find the project member/,
  },
  find_todo: {
    fn: searches.find_todo!.operation.perform,
    bundle: { inputData: { title: 'Order #1042' } },
    action: /search the project's records/,
  },
  'poll: new records': { fn: triggers.new_todo_polling!.operation.perform, action: /check for new records/ },
  'poll: updated records': {
    fn: triggers.updated_todo_polling!.operation.perform,
    action: /check for updated records/,
  },
  'performList (filtered records)': {
    fn: triggers.todo_moved!.operation.performList,
    bundle: { inputData: { todoListId: 'list-1' } },
    action: /load recent records for the sample/,
  },
};

/** The secrets the current request carried; Blue's replies echo them back. */
let carried: string[] = [];
const echo = () => `token ${carried.join(' ')}`;
const gqlError = (code: string, message: string) => () => ({
  data: null,
  errors: [{ message: `${message} (${echo()})`, extensions: { code } }],
});
const err = (name: Expected['name'], message: RegExp, extra: Partial<Expected> = {}): Expected => ({
  name,
  message,
  ...extra,
});

/** Blue's documented failures (API notes, section 3) and transport failures. */
const FAILURES: Failure[] = [
  {
    name: 'HTTP 400 with GraphQL errors',
    reply: status(400, gqlError('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "nope"')),
    expected: err('AppError', /Blue rejected the input to .*: Cannot query field "nope"/, { code: 'blue_bad_input' }),
  },
  {
    name: 'HTTP 400 without a GraphQL body',
    reply: html(400, () => `Bad Request ${echo()}`),
    expected: err('AppError', /Blue rejected the request to .* \(HTTP 400\) with a text\/html body/, {
      code: 'blue_request_rejected',
    }),
  },
  {
    name: 'HTTP 401',
    reply: status(401, () => ({ error: 'Unauthorized', detail: echo() })),
    expected: err('ExpiredAuthError', /Blue rejected the API token \(Token ID tok-matrix\).*reconnect/),
  },
  {
    name: 'HTTP 403',
    reply: status(403, () => ({ error: 'Forbidden', detail: echo() })),
    expected: err('AppError', /Blue refused permission to .* \(HTTP 403\)/, { code: 'blue_forbidden' }),
  },
  {
    name: 'HTTP 404',
    reply: html(404, 'Not Found'),
    expected: err('AppError', /Blue's API was not found at this address \(HTTP 404\)/, { code: 'blue_not_found' }),
  },
  {
    name: 'HTTP 413',
    reply: html(413, () => `Payload Too Large ${echo()}`),
    expected: err('AppError', /\(HTTP 413\)/, { code: 'blue_request_rejected' }),
  },
  {
    name: 'HTTP 429 with Retry-After',
    reply: status(429, { error: 'RATE_LIMITED', retryAfter: 12 }, { 'retry-after': '30' }),
    expected: err('ThrottledError', /Blue's rate limit was reached .*retry in 30 seconds/, { delay: 30 }),
  },
  {
    name: 'HTTP 429 with retryAfter in the body only',
    reply: status(429, { error: 'RATE_LIMITED', retryAfter: 12 }),
    expected: err('ThrottledError', /Blue's rate limit was reached .*retry in 12 seconds/, { delay: 12 }),
  },
  {
    name: 'HTTP 429 without Retry-After',
    reply: status(429, { error: 'RATE_LIMITED' }),
    expected: err('ThrottledError', /Blue's rate limit was reached .*retry later/),
  },
  ...[500, 502, 503, 504].map((code) => ({
    name: `HTTP ${code}`,
    reply: status(
      code,
      () => ({ error: 'Server error', detail: echo() }),
      () => ({ 'x-request-id': `req-${code}-${echo()}` }),
    ),
    // The advice ("usually temporary" or, for a call not safe to repeat, its warning) is checked below.
    expected: err('AppError', new RegExp(`Blue's API failed \\(HTTP ${code}\\) .*request id req-${code}-`), {
      code: 'blue_server_error',
    }),
  })),
  {
    name: 'timeout',
    reply: late(),
    timeoutMs: TIMEOUT_MS,
    expected: err('AppError', new RegExp(`Blue could not be reached .*no answer within ${TIMEOUT_MS} ms`), {
      code: 'network_error',
    }),
  },
  {
    name: 'connection reset',
    reply: reset(),
    expected: err('AppError', /Blue could not be reached .*the connection was reset/, { code: 'network_error' }),
  },
  {
    name: 'slow body',
    reply: slowBody(),
    timeoutMs: TIMEOUT_MS,
    expected: err('AppError', new RegExp(`Blue could not be reached in time .*no answer within ${TIMEOUT_MS} ms`), {
      code: 'network_error',
    }),
  },
  {
    name: 'slow headers, then slow body',
    reply: slowHeadersThenBody(TIMEOUT_MS),
    timeoutMs: TIMEOUT_MS,
    expected: err('AppError', new RegExp(`Blue could not be reached in time .*no answer within ${TIMEOUT_MS} ms`), {
      code: 'network_error',
    }),
  },
  {
    name: 'connection drops mid-body',
    reply: status(200, {}),
    loopback: 'drop',
    expected: err('AppError', /Blue could not be reached .*the connection dropped before the whole answer arrived/, {
      code: 'network_error',
    }),
  },
  ...[302, 307, 308].map((code): Failure => ({
    name: `${code} to another host`,
    reply: redirect(code),
    otherHost: true,
    expected: err(
      'AppError',
      new RegExp(
        `Blue answered with a redirect \\(HTTP ${code}\\) to collector\\.evil\\.example .*credentials went only to blue-matrix\\.example\\.com`,
      ),
      { code: 'unexpected_redirect' },
    ),
  })),
  {
    name: 'non-JSON 200',
    reply: html(200, () => `Maintenance ${echo()}`),
    expected: err(
      'AppError',
      /Blue answered with a text\/html body starting ".*Maintenance.*instead of a GraphQL response/,
      { code: 'blue_invalid_response' },
    ),
  },
  // GraphQL error codes in an HTTP 200 (extensions.code).
  {
    name: 'UNAUTHENTICATED',
    reply: status(200, gqlError('UNAUTHENTICATED', 'Token expired')),
    expected: err(
      'ExpiredAuthError',
      /Blue rejected the API token \(Token ID tok-matrix\): Token expired.*revoked or expired/,
    ),
  },
  {
    name: 'FORBIDDEN',
    reply: status(200, gqlError('FORBIDDEN', 'Not a member of this project')),
    expected: err(
      'AppError',
      /Blue refused permission to .*: Not a member of this project.*Blue Project ID \("cprojmatrix00000000000001"\)/,
      { code: 'blue_forbidden' },
    ),
  },
  {
    name: 'BAD_USER_INPUT',
    reply: status(200, gqlError('BAD_USER_INPUT', 'Invalid value for title')),
    expected: err('AppError', /Blue rejected the input to .*: Invalid value for title/, { code: 'blue_bad_input' }),
  },
  ...(
    [
      ['PROJECT_NOT_FOUND', 'project'],
      ['COMPANY_NOT_FOUND', 'company'],
      // Users know Blue's todos as records and todo lists as lists.
      ['TODO_NOT_FOUND', 'record'],
      ['TODO_LIST_NOT_FOUND', 'list'],
      ['CUSTOM_FIELD_NOT_FOUND', 'custom field'],
      ['WEBHOOK_NOT_FOUND', 'webhook'],
    ] as const
  ).map(([code, what]) => ({
    name: code,
    reply: status(200, gqlError(code, `${what} missing`)),
    expected: err('AppError', new RegExp(`Blue could not find the ${what} while trying to .*: ${what} missing`), {
      code: 'blue_not_found',
    }),
  })),
  {
    name: 'PLAN_LIMIT_REACHED',
    reply: status(200, gqlError('PLAN_LIMIT_REACHED', 'Record limit reached')),
    expected: err('AppError', /Your Blue plan's limit was reached .*: Record limit reached/, {
      code: 'blue_plan_limit',
    }),
  },
  {
    name: 'RATE_LIMITED in an HTTP 200',
    reply: status(200, gqlError('RATE_LIMITED', 'Slow down')),
    expected: err('ThrottledError', /Blue's rate limit was reached/),
  },
  {
    name: 'INTERNAL_SERVER_ERROR',
    reply: status(200, gqlError('INTERNAL_SERVER_ERROR', 'Unexpected failure')),
    expected: err('AppError', /Blue failed on its side .*: Unexpected failure.*usually temporary/, {
      code: 'blue_server_error',
    }),
  },
  {
    name: 'CUSTOM_FIELD_VALUE_PARSE_ERROR',
    reply: status(200, gqlError('CUSTOM_FIELD_VALUE_PARSE_ERROR', 'Not a number')),
    expected: err('AppError', /Blue could not read a custom field value .*: Not a number/, {
      code: 'blue_custom_field_value',
    }),
  },
  {
    name: 'unknown error code',
    reply: status(200, gqlError('SOMETHING_ODD', 'Odd failure')),
    expected: err('AppError', /Blue reported an error \(SOMETHING_ODD\) while trying to .*: Odd failure/, {
      code: 'blue_error',
    }),
  },
  {
    name: 'partial data (empty data)',
    reply: status(200, { data: {} }),
    expected: err('AppError', /Blue returned an unexpected response while trying to .* \(\w+: /, {
      code: 'blue_invalid_response',
    }),
  },
  {
    name: 'partial data (null data, no errors)',
    reply: status(200, { data: null }),
    expected: err('AppError', /Blue returned an unexpected response while trying to .* \(body: /, {
      code: 'blue_invalid_response',
    }),
  },
];

const CASES = Object.entries(OPERATIONS).flatMap(([opName, o]) => FAILURES.map((f) => ({ opName, o, f })));
const messages: string[] = [];
const results: string[] = [];

let loopback: Loopback;
beforeAll(async () => {
  loopback = await dropServer();
  process.env.BLUE_API_URL = `${BLUE}/graphql`;
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
});
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(async () => {
  await loopback.close();
  delete process.env.BLUE_API_URL;
  expectNoSecrets([...messages, ...results, ...runner.logs], [TOKEN_SECRET, WEBHOOK_SECRET]);
});

describe(`Blue fault matrix (${CASES.length} cases)`, () => {
  it('covers every operation with every failure', () => {
    expect(Object.keys(OPERATIONS)).toHaveLength(29);
    expect(FAILURES).toHaveLength(38);
    expect(CASES).toHaveLength(29 * 38);
  });

  it.each(CASES.map((c) => [c.opName, c.f.name, c] as const))('%s x %s', async (_op, _f, { o, f }) => {
    const bundle = { authData: AUTH, inputData: {}, meta: { page: 0 }, ...o.bundle };
    if (f.loopback) {
      // A real socket that closes mid-body: the step fails at the drop, long before its deadline.
      const before = loopback.requests();
      process.env.BLUE_API_URL = `${loopback.base}/graphql`;
      try {
        const { value: e, ms } = await timed(() =>
          withoutNock(() => failure(() => runner.run(o.fn, bundle), messages)),
        );
        assertExpected(e, f.expected);
        expect(e.message).toMatch(o.action);
        if (o.networkNote) expect(e.message).toMatch(o.networkNote);
        expect(ms).toBeLessThan(BOUND_SLACK_MS);
      } finally {
        process.env.BLUE_API_URL = `${BLUE}/graphql`;
      }
      expect(loopback.requests()).toBe(before + 1);
      return;
    }
    const guard = f.otherHost ? guardOtherHost() : undefined;
    const scope = f.reply(
      nock(BLUE).post('/graphql', (body: unknown) => {
        // Blue receives the token secret in a header; unsubscribe's bundle also holds the webhook secret.
        carried = [TOKEN_SECRET, ...(o.bundle?.subscribeData ? [WEBHOOK_SECRET] : [])];
        return typeof body === 'object';
      }),
    );
    const run = () => withTimeout(f.timeoutMs, () => runner.run(o.fn, bundle));
    const started = Date.now();
    const success = o.succeedsOn?.[f.name];
    if (success !== undefined) {
      const result = await run();
      results.push(JSON.stringify(result));
      expect(result).toEqual(success);
    } else {
      const e = await failure(run, messages);
      assertExpected(e, f.expected);
      if (e.name !== 'ExpiredAuthError') expect(e.message).toMatch(o.action);
      const uncertain = e.code === 'network_error' || /^HTTP 50[24]$/.test(f.name);
      if (o.networkNote && uncertain) expect(e.message).toMatch(o.networkNote);
      else if (e.code === 'blue_server_error' && f.name.startsWith('HTTP'))
        expect(e.message).toMatch(/usually temporary/);
    }
    // Every cell ends within its step's deadline (default 28 s; injected for timeouts) plus a bound.
    expect(Date.now() - started).toBeLessThan((f.timeoutMs ?? 0) + BOUND_SLACK_MS);
    expect(scope.isDone()).toBe(true);
    // A redirect never carries the request (its token secret) to the other host.
    if (guard) expect(guard.pendingMocks()).toHaveLength(3);
  });
});

// A delivery that lacks names makes perform fetch the record once (record.ts, enrichRecord). Every
// failure of that fetch still runs the Zap with what the delivery carries, and the log says what is
// missing, except an auth failure: every later step would fail the same way, so it is thrown.
describe(`Blue fault matrix: record enrichment in perform (${FAILURES.length} cases)`, () => {
  const body = JSON.stringify({
    event: 'TODO_CREATED',
    previousValue: null,
    currentValue: { id: 'todo-matrix', title: 'Matrix', done: false },
  });
  const bundle = {
    authData: AUTH,
    inputData: {},
    subscribeData: { id: 'wh-matrix', secret: WEBHOOK_SECRET, projectId: 'proj-matrix', events: ['TODO_CREATED'] },
    rawRequest: {
      method: 'POST',
      querystring: '',
      headers: { 'Http-X-Signature': createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex') },
      content: body,
    },
    cleanedRequest: {},
  };

  it.each(FAILURES.map((f) => [f.name, f] as const))('perform (new_todo) x %s', async (_name, f) => {
    const scope = f.reply(
      nock(BLUE).post('/graphql', (b: { query?: string }) => {
        carried = [TOKEN_SECRET, WEBHOOK_SECRET];
        return /query ZapierGetTodo/.test(String(b.query));
      }),
    );
    const guard = f.otherHost ? guardOtherHost() : undefined;
    const run = () => withTimeout(f.timeoutMs, () => runner.run(triggers.new_todo!.operation.perform, bundle));
    const logsBefore = runner.logs.length;
    const started = Date.now();
    if (f.expected.name === 'ExpiredAuthError') {
      const e = await failure(run, messages);
      assertExpected(e, f.expected);
    } else {
      const items = (await run()) as Record<string, unknown>[];
      results.push(JSON.stringify(items));
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        recordId: 'todo-matrix',
        title: 'Matrix',
        event: 'TODO_CREATED',
        assignees: [],
        tagTitles: '',
      });
      const logged = runner.logs.slice(logsBefore).join('\n');
      expect(logged).toMatch(
        /Blue record todo-matrix: the delivery lacks list, project, assignees, tags, custom fields, dates and loading the record failed/,
      );
    }
    // Every cell ends within its step's deadline (default 28 s; injected for timeouts) plus a bound.
    expect(Date.now() - started).toBeLessThan((f.timeoutMs ?? 0) + BOUND_SLACK_MS);
    expect(scope.isDone()).toBe(true);
    // A redirect never carries the request (its token secret) to the other host.
    if (guard) expect(guard.pendingMocks()).toHaveLength(3);
  });
});

describe('one deadline for the whole step', () => {
  const DEADLINE_MS = 1_000;

  it("ends subscribe's cleanup (create returned no secret, so delete the webhook) by the deadline", async () => {
    nock(BLUE)
      .post('/graphql', (body: { query?: string }) => /createWebhook/.test(body.query ?? ''))
      .delay(DEADLINE_MS * 0.6)
      .reply(200, { data: { createWebhook: { id: 'wh-matrix', secret: null } } });
    // The cleanup's answer comes far too late; a timeout per call would let the step run 1.6x.
    nock(BLUE)
      .post('/graphql', (body: { query?: string }) => /deleteWebhook/.test(body.query ?? ''))
      .delay(DEADLINE_MS * 2)
      .reply(200, { data: { deleteWebhook: { success: true } } });
    const started = Date.now();
    const e = await failure(
      () =>
        withTimeout(DEADLINE_MS, () =>
          runner.run(OPERATIONS.subscribe!.fn, {
            authData: AUTH,
            inputData: {},
            meta: {},
            ...OPERATIONS.subscribe!.bundle,
          }),
        ),
      messages,
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS * 0.6);
    expect(elapsed).toBeLessThan(DEADLINE_MS * 1.35);
    assertExpected(e, err('AppError', /returned no signing secret/, { code: 'blue_webhook_no_secret' }));
  });
});

// The record actions that read before they write (a new tag by title, a checklist item): the read
// answers, the write fails in every way. The mid-body drop is left out here: its loopback server
// drops every request, the read too (the table above has it for the read).
describe("Blue fault matrix: the write after a record action's read", () => {
  const TWO_STEP = {
    'add_tag (new title)': {
      read: /query ZapierRecordTags/,
      answer: { data: { todo: { id: REC, tags: [{ id: 'tag-1', title: 'Priority' }] } } },
      action: new RegExp(`add tag "VIP" to record ${REC}`),
    },
    add_checklist_item: {
      read: /query ZapierRecordChecklists/,
      answer: {
        data: { todo: { id: REC, checklists: [{ id: 'cl-1', title: 'KYC', position: 65535, checklistItems: [] }] } },
      },
      action: new RegExp(`add an item to checklist "KYC" of record ${REC}`),
      networkNote: /may have been added anyway: check the record's checklist in Blue before replaying/,
    },
  } as const;
  const cases = Object.entries(TWO_STEP).flatMap(([opName, two]) =>
    FAILURES.filter((f) => !f.loopback).map((f) => [opName, f.name, { two, f, o: OPERATIONS[opName]! }] as const),
  );

  it('covers both actions with every failure but the drop', () => {
    expect(cases).toHaveLength(2 * (FAILURES.length - FAILURES.filter((f) => f.loopback).length));
  });

  it.each(cases)('%s write x %s', async (_op, _f, { two, f, o }) => {
    const read = nock(BLUE)
      .post('/graphql', (b: { query?: string }) => two.read.test(String(b.query)))
      .reply(200, two.answer);
    const guard = f.otherHost ? guardOtherHost() : undefined;
    const scope = f.reply(
      nock(BLUE).post('/graphql', (b: { query?: string }) => {
        carried = [TOKEN_SECRET];
        return !two.read.test(String(b.query));
      }),
    );
    const started = Date.now();
    const e = await failure(
      () => withTimeout(f.timeoutMs, () => runner.run(o.fn, { authData: AUTH, inputData: {}, meta: {}, ...o.bundle })),
      messages,
    );
    assertExpected(e, f.expected);
    if (e.name !== 'ExpiredAuthError') expect(e.message).toMatch(two.action);
    const uncertain = e.code === 'network_error' || /^HTTP 50[24]$/.test(f.name);
    if ('networkNote' in two && uncertain) expect(e.message).toMatch(two.networkNote);
    else if (e.code === 'blue_server_error' && f.name.startsWith('HTTP'))
      expect(e.message).toMatch(/usually temporary/);
    expect(Date.now() - started).toBeLessThan((f.timeoutMs ?? 0) + BOUND_SLACK_MS);
    expect(read.isDone() && scope.isDone()).toBe(true);
    if (guard) expect(guard.pendingMocks()).toHaveLength(3);
  });
});
