import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import createTodoAction from '../../creates/create_todo.js';
import { createTodo } from '../../blue/record-create.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
// The same function object as the create's perform, so the app tester runs it as that create.
const perform = createTodo;
// The app's list (optional fields on demand, then the custom-field inputs), as the editor asks for it.
const inputFields = App.creates.create_todo.operation.inputFields;

const authData = {
  blueTokenId: 'tok-id-1',
  blueTokenSecret: 'tok-secret-very-private',
  blueCompanyId: 'acme',
  blueProjectId: 'cproj00000000000000000001',
};

const createdTodo = {
  id: 'todo-1',
  uid: 'u-1',
  title: 'Call ACME',
  text: 'Renewal',
  html: '<p>Renewal</p>',
  startedAt: null,
  duedAt: '2026-03-05T17:00:00.000Z',
  done: false,
  createdAt: '2026-02-27T10:15:30.000Z',
  todoList: { id: 'list-1', title: 'To Do' },
  users: [{ id: 'user-1', fullName: 'Jane Doe', email: 'jane@example.com' }],
  tags: [{ id: 'tag-1', title: 'Urgent', color: '#e53935' }],
  customFields: [{ id: 'cf-1', name: 'Budget', type: 'CURRENCY', value: { number: 100.5, currency: 'EUR' } }],
};

interface Captured {
  body: { query: string; variables: { input: Record<string, unknown> } };
  headers: Record<string, unknown>;
}

/** Intercepts Blue's endpoint; every request is recorded, each answered with `reply`. */
function blue(reply: { status?: number; body: unknown; headers?: Record<string, string> }, times = 1) {
  const calls: Captured[] = [];
  const scope = nock('https://api.blue.cc')
    .post('/graphql')
    .times(times)
    .reply(function (_uri, body) {
      calls.push({ body: body as Captured['body'], headers: this.req.headers });
      return [
        reply.status ?? 200,
        JSON.stringify(reply.body),
        { 'content-type': 'application/json', ...reply.headers },
      ];
    });
  return { calls, scope };
}

// nock's interceptor is process-wide: release it so test files run later in this worker get their own.
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

const run = (inputData: Record<string, unknown>) => appTester(perform, { authData, inputData } as never);

describe('create_todo perform', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it('sends one createTodo with only the filled inputs and the X-Bloo headers, and returns the todo', async () => {
    const { calls } = blue({ body: { data: { createTodo: createdTodo } } });
    const result = await run({
      todoListId: 'list-1',
      title: '  Call ACME  ',
      description: '',
      startedAt: '',
      duedAt: '2026-03-05T17:00:00Z',
      assigneeIds: [],
      tagIds: [''],
      tagTitles: [],
      placement: '',
      checklists: [],
    });
    // The record's one output shape, as the Blue triggers give it.
    expect(result).toEqual({
      id: 'todo-1',
      uid: 'u-1',
      title: 'Call ACME',
      text: 'Renewal',
      html: '<p>Renewal</p>',
      position: null,
      done: false,
      archived: null,
      startedAt: null,
      duedAt: '2026-03-05T17:00:00.000Z',
      createdAt: '2026-02-27T10:15:30.000Z',
      updatedAt: null,
      createdById: null,
      todoList: { id: 'list-1', title: 'To Do' },
      project: { id: null, name: null },
      assignees: [{ id: 'user-1', fullName: 'Jane Doe', email: 'jane@example.com' }],
      assigneeNames: 'Jane Doe',
      assigneeEmails: 'jane@example.com',
      tags: [{ id: 'tag-1', title: 'Urgent', color: '#e53935' }],
      tagTitles: 'Urgent',
      customFields: [{ id: 'cf-1', name: 'Budget', type: 'CURRENCY', value: '100.5 EUR' }],
      customFieldsByName: { Budget: '100.5 EUR' },
    });
    expect(Object.keys(result as object).sort()).toEqual(
      Object.keys(createTodoAction.operation.sample as object).sort(),
    );
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.body.query).toMatch(/^mutation ZapierCreateTodo\(\$input: CreateTodoInput!\)/);
    expect(call.body.variables).toEqual({
      input: { todoListId: 'list-1', title: 'Call ACME', duedAt: '2026-03-05T17:00:00.000Z' },
    });
    expect(call.headers['x-bloo-token-id']).toBe('tok-id-1');
    expect(call.headers['x-bloo-token-secret']).toBe('tok-secret-very-private');
    expect(call.headers['x-bloo-company-id']).toBe('acme');
    expect(call.headers['x-bloo-project-id']).toBe('cproj00000000000000000001');
    expect(call.headers['content-type']).toBe('application/json');
  });

  it('maps every standard input: dates, HTML description, assignees, tags by id and title, checklists, placement, notify', async () => {
    const { calls } = blue({ body: { data: { createTodo: createdTodo } } });
    await run({
      todoListId: 'list-1',
      title: 'Call ACME',
      description: 'Renewal <soon> & price\nsecond line\n\nNew paragraph',
      startedAt: '2026-03-01T09:00:00+01:00',
      duedAt: '2026-03-05',
      assigneeIds: ['user-1', 'user-2', 'user-1'],
      tagIds: ['tag-1'],
      tagTitles: ['From Zapier, urgent'],
      placement: 'top',
      notify: false,
      checklists: ['Prepare', 'Call'],
    });
    expect(calls[0]!.body.variables.input).toEqual({
      todoListId: 'list-1',
      title: 'Call ACME',
      description: '<p>Renewal &lt;soon&gt; &amp; price<br>second line</p><p>New paragraph</p>',
      startedAt: '2026-03-01T08:00:00.000Z',
      duedAt: '2026-03-05T00:00:00.000Z',
      assigneeIds: ['user-1', 'user-2'],
      tags: [{ id: 'tag-1' }, { title: 'From Zapier, urgent' }],
      placement: 'TOP',
      notify: false,
      checklists: [
        { title: 'Prepare', position: 1 },
        { title: 'Call', position: 2 },
      ],
    });
  });

  it('keeps an HTML description as is and reads a comma-separated id list and a "true" string', async () => {
    const { calls } = blue({ body: { data: { createTodo: createdTodo } } });
    await run({
      todoListId: 'list-1',
      title: 'T',
      description: '<h1>Hi</h1><p>there</p>',
      assigneeIds: 'user-1, user-2',
      notify: 'true',
      placement: 'BOTTOM',
    });
    expect(calls[0]!.body.variables.input).toEqual({
      todoListId: 'list-1',
      title: 'T',
      description: '<h1>Hi</h1><p>there</p>',
      assigneeIds: ['user-1', 'user-2'],
      notify: true,
      placement: 'BOTTOM',
    });
  });

  it("serialises a value of every custom field type to Blue's string format", async () => {
    const { calls } = blue({ body: { data: { createTodo: createdTodo } } });
    await run({
      todoListId: 'list-1',
      title: 'T',
      cf_TEXT_SINGLE_f1: 'Hello world',
      cf_TEXT_MULTI_f2: 'Line 1\nLine 2',
      cf_EMAIL_f3: ' jane@example.com ',
      cf_URL_f4: 'https://example.com/a?b=1',
      cf_PHONE_f5: '+1 (234) 567-8900',
      cf_NUMBER_f6: '1250.750',
      cf_PERCENT_f7: '42.5 %',
      cf_RATING_f8: 4,
      cf_CURRENCY_f9: 100.5,
      cfcur_CURRENCY_f9: 'eur',
      cf_CURRENCY_f10: '99',
      cfcur_CURRENCY_f10: '',
      cf_CHECKBOX_f11: false,
      cf_CHECKBOX_f12: 'yes',
      cf_DATE_f13: '2026-03-01',
      cf_DATE_f14: '2026-03-01T09:00:00Z',
      cfend_DATE_f14: '2026-03-05T17:00:00+02:00',
      cf_SELECT_SINGLE_f15: 'opt-a',
      cf_SELECT_MULTI_f16: ['opt-b', 'opt-c'],
      cf_SELECT_MULTI_f17: 'opt-d, opt-e',
      cf_COUNTRY_f18: 'fr',
      cf_COUNTRY_f19: 'United States',
      cf_LOCATION_f20: '48.8584, 2.2945',
    });
    expect(calls[0]!.body.variables.input.customFields).toEqual([
      { customFieldId: 'f1', value: 'Hello world' },
      { customFieldId: 'f2', value: 'Line 1\nLine 2' },
      { customFieldId: 'f3', value: 'jane@example.com' },
      { customFieldId: 'f4', value: 'https://example.com/a?b=1' },
      { customFieldId: 'f5', value: '+1 (234) 567-8900' },
      { customFieldId: 'f6', value: '1250.75' },
      { customFieldId: 'f7', value: '42.5' },
      { customFieldId: 'f8', value: '4' },
      { customFieldId: 'f9', value: '100.5 EUR' },
      { customFieldId: 'f10', value: '99' },
      { customFieldId: 'f11', value: 'false' },
      { customFieldId: 'f12', value: 'true' },
      { customFieldId: 'f13', value: '2026-03-01T00:00:00.000Z' },
      { customFieldId: 'f14', value: '2026-03-01T09:00:00.000Z,2026-03-05T15:00:00.000Z' },
      { customFieldId: 'f15', value: 'opt-a' },
      { customFieldId: 'f16', value: 'opt-b,opt-c' },
      { customFieldId: 'f17', value: 'opt-d,opt-e' },
      { customFieldId: 'f18', value: 'FR' },
      { customFieldId: 'f19', value: 'United States' },
      { customFieldId: 'f20', value: '48.8584,2.2945' },
    ]);
  });

  it('leaves empty custom fields out (and sends no customFields at all when all are empty)', async () => {
    const { calls } = blue({ body: { data: { createTodo: createdTodo } } });
    await run({
      todoListId: 'list-1',
      title: 'T',
      cf_TEXT_SINGLE_f1: '  ',
      cf_NUMBER_f6: '',
      cf_CURRENCY_f9: '',
      cfcur_CURRENCY_f9: 'USD',
      cf_DATE_f13: '',
      cfend_DATE_f13: '',
      cf_SELECT_MULTI_f16: [],
      cf_CHECKBOX_f11: null,
    });
    expect(calls[0]!.body.variables.input).toEqual({ todoListId: 'list-1', title: 'T' });
  });

  const invalid: [string, Record<string, unknown>, RegExp][] = [
    ['number', { cf_NUMBER_f6: '1,5' }, /number custom field \(id f6\).*"1,5" is not a number/],
    ['percent', { cf_PERCENT_f7: 'lots' }, /percent custom field \(id f7\)/],
    ['rating', { cf_RATING_f8: 'five' }, /rating custom field \(id f8\)/],
    ['currency amount', { cf_CURRENCY_f9: '12 EUR' }, /currency custom field \(id f9\)/],
    ['currency code', { cf_CURRENCY_f9: '12', cfcur_CURRENCY_f9: 'euro' }, /currency code "euro"/],
    ['checkbox', { cf_CHECKBOX_f11: 'maybe' }, /checkbox custom field \(id f11\).*"maybe" is not a yes\/no value/],
    ['date', { cf_DATE_f13: 'next tuesday-ish' }, /date custom field \(id f13\).*is not a date/],
    ['date range end only', { cfend_DATE_f13: '2026-03-01' }, /needs its start/],
    [
      'date range reversed',
      { cf_DATE_f13: '2026-03-05', cfend_DATE_f13: '2026-03-01' },
      /end of the date range is before its start/,
    ],
    ['email', { cf_EMAIL_f3: 'jane at example' }, /email custom field \(id f3\)/],
    ['url', { cf_URL_f4: 'example dot com' }, /url custom field \(id f4\)/],
    ['phone without country code', { cf_PHONE_f5: '(234) 567-8900' }, /phone custom field \(id f5\).*country code/],
    [
      'single select with two options',
      { cf_SELECT_SINGLE_f15: ['a', 'b'] },
      /select single custom field \(id f15\).*exactly one/,
    ],
    ['country', { cf_COUNTRY_f18: '12' }, /country custom field \(id f18\)/],
    ['location', { cf_LOCATION_f20: '48.8' }, /location custom field \(id f20\).*latitude,longitude/],
    ['location out of range', { cf_LOCATION_f20: '95,10' }, /location custom field/],
  ];

  it.each(invalid)(
    'fails before any request on an invalid %s value, naming the field',
    async (_name, fields, message) => {
      const { scope } = blue({ body: { data: { createTodo: createdTodo } } });
      const err = await caught(run({ todoListId: 'list-1', title: 'T', ...fields }));
      expect(err.name).toBe('AppError');
      expect(err.code).toBe('blue_custom_field_invalid');
      expect(err.message).toMatch(message);
      expect(err.message).toContain('nothing was sent to Blue');
      expect(scope.isDone()).toBe(false);
    },
  );

  it.each([
    ['an empty title', { todoListId: 'list-1', title: '  ' }, /Title is empty/],
    [
      'an invalid due date',
      { todoListId: 'list-1', title: 'T', duedAt: 'soonish' },
      /Due Date "soonish" is not a date/,
    ],
    [
      'a due date before the start',
      { todoListId: 'list-1', title: 'T', startedAt: '2026-03-05', duedAt: '2026-03-01' },
      /before Start Date/,
    ],
    [
      'an unknown placement',
      { todoListId: 'list-1', title: 'T', placement: 'middle' },
      /Placement must be Top or Bottom/,
    ],
  ])('fails before any request on %s', async (_name, inputData, message) => {
    const { scope } = blue({ body: { data: { createTodo: createdTodo } } });
    const err = await caught(run(inputData));
    expect(err.message).toMatch(message);
    expect(scope.isDone()).toBe(false);
  });

  const gqlError = (code: string, message: string) => ({
    body: { data: null, errors: [{ message, extensions: { code } }] },
  });

  it.each([
    [
      'TODO_LIST_NOT_FOUND',
      'Todo list not found',
      'blue_not_found',
      /could not find the list while trying to create the record.*pick it again/,
    ],
    [
      'CUSTOM_FIELD_VALUE_PARSE_ERROR',
      'Invalid value',
      'blue_custom_field_value',
      /could not read a custom field value.*format/,
    ],
    ['PLAN_LIMIT_REACHED', 'Record limit reached', 'blue_plan_limit', /plan's limit was reached.*Upgrade/],
    [
      'FORBIDDEN',
      'Not allowed',
      'blue_forbidden',
      /refused permission to create the record.*Blue Company ID \("acme"\) and Blue Project ID \("cproj00000000000000000001"\)/,
    ],
    [
      'PROJECT_NOT_FOUND',
      'Project not found',
      'blue_not_found',
      /could not find the project.*Blue Company ID \("acme"\) and Blue Project ID \("cproj00000000000000000001"\)/,
    ],
  ])('turns %s into a clear error after exactly one request', async (code, message, zapierCode, expected) => {
    const { calls } = blue(gqlError(code, message), 2);
    const err = await caught(run({ todoListId: 'list-1', title: 'T' }));
    expect(err.name).toBe('AppError');
    expect(err.code).toBe(zapierCode);
    expect(err.message).toMatch(expected);
    expect(err.message).not.toContain('tok-secret-very-private');
    expect(calls).toHaveLength(1);
  });

  it('turns a RATE_LIMITED GraphQL error into a ThrottledError without resending', async () => {
    const { calls } = blue(gqlError('RATE_LIMITED', 'Slow down'), 2);
    const err = await caught(run({ todoListId: 'list-1', title: 'T' }));
    expect(err.name).toBe('ThrottledError');
    expect(err.message).toMatch(/rate limit was reached while trying to create the record/);
    expect(calls).toHaveLength(1);
  });

  it('turns HTTP 429 into a ThrottledError with Retry-After, without resending', async () => {
    const { calls } = blue(
      { status: 429, body: { error: 'RATE_LIMITED', retryAfter: 30 }, headers: { 'Retry-After': '42' } },
      2,
    );
    const err = await caught(run({ todoListId: 'list-1', title: 'T' }));
    expect(err.name).toBe('ThrottledError');
    expect(err.delay).toBe(42);
    expect(err.message).toMatch(/Zapier will retry in 42 seconds/);
    expect(calls).toHaveLength(1);
  });

  it('warns that the todo may exist after a dropped connection, without resending', async () => {
    let attempts = 0;
    nock('https://api.blue.cc')
      .post('/graphql')
      .times(2)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .on('request', () => attempts++);
    const err = await caught(run({ todoListId: 'list-1', title: 'T' }));
    expect(err.code).toBe('network_error');
    expect(err.message).toMatch(
      /Blue could not be reached while trying to create the record \(the connection was reset\)/,
    );
    expect(err.message).toMatch(/The record may have been created anyway: check the list in Blue before replaying/);
    expect(attempts).toBe(1);
  });

  it.each([502, 504])('warns that the todo may exist after a gateway error %i, without resending', async (status) => {
    const { calls } = blue({ status, body: 'Bad gateway' }, 2);
    const err = await caught(run({ todoListId: 'list-1', title: 'T' }));
    expect(err.code).toBe('blue_server_error');
    expect(err.status).toBe(status);
    expect(err.message).toMatch(new RegExp(`HTTP ${status}.*may have been created anyway`));
    expect(calls).toHaveLength(1);
  });

  it('does not add that warning to a plain server error (500), where Blue answered', async () => {
    blue({ status: 500, body: 'oops' });
    const err = await caught(run({ todoListId: 'list-1', title: 'T' }));
    expect(err.message).not.toMatch(/may have been created/);
  });

  it('keeps checklists with the same name, in order', async () => {
    const { calls } = blue({ body: { data: { createTodo: createdTodo } } });
    await run({ todoListId: 'list-1', title: 'T', checklists: ['Call', 'Call', 'Ship'] });
    expect(calls[0]!.body.variables.input.checklists).toEqual([
      { title: 'Call', position: 1 },
      { title: 'Call', position: 2 },
      { title: 'Ship', position: 3 },
    ]);
  });

  it('rejects a response that is not a todo', async () => {
    blue({ body: { data: { createTodo: { id: 'todo-1' } } } });
    const err = await caught(run({ todoListId: 'list-1', title: 'T' }));
    expect(err.code).toBe('blue_invalid_response');
    expect(err.message).toMatch(/unexpected response while trying to create the record/);
  });
});

describe('create_todo input fields', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  const option = (id: string, title: string) => ({ id, title, color: 'blue' });
  const field = (id: string, type: string, extra: Record<string, unknown> = {}) => ({
    id,
    name: `Field ${id}`,
    type,
    currency: null,
    customFieldOptions: [],
    ...extra,
  });

  it('builds one typed input per settable custom field and skips computed ones', async () => {
    const { calls } = blue({
      body: {
        data: {
          customFields: {
            items: [
              field('t', 'TEXT_SINGLE'),
              field('m', 'TEXT_MULTI'),
              field('e', 'EMAIL'),
              field('u', 'URL'),
              field('p', 'PHONE'),
              field('n', 'NUMBER'),
              field('pc', 'PERCENT'),
              field('r', 'RATING'),
              field('c', 'CURRENCY', { currency: 'EUR' }),
              field('cb', 'CHECKBOX'),
              field('d', 'DATE'),
              field('s', 'SELECT_SINGLE', { customFieldOptions: [option('o1', 'High'), option('o2', 'Low')] }),
              field('ms', 'SELECT_MULTI', { customFieldOptions: [option('o3', 'Red')] }),
              field('co', 'COUNTRY'),
              field('l', 'LOCATION'),
              ...[
                'UNIQUE_ID',
                'FILE',
                'FORMULA',
                'REFERENCE',
                'LOOKUP',
                'TIME_DURATION',
                'BUTTON',
                'CURRENCY_CONVERSION',
                'SOMETHING_NEW',
              ].map((type) => field(`x-${type}`, type)),
            ],
            pageInfo: { hasNextPage: false },
          },
        },
      },
    });
    const fields = await appTester<Record<string, unknown>[], Bundle>(
      inputFields as never,
      { authData, inputData: {} } as never,
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body.query).toMatch(/query ZapierListCustomFields/);
    expect(calls[0]!.body.variables).toEqual({ projectId: 'cproj00000000000000000001', skip: 0, take: 500 });
    expect(calls[0]!.headers['x-bloo-project-id']).toBe('cproj00000000000000000001');

    const custom = fields.filter((f) => /^cf(end|cur)?_/.test(String(f.key)));
    const summary = custom.map((f) => [f.key, f.type, f.list ?? false]);
    expect(summary).toEqual([
      ['cf_TEXT_SINGLE_t', 'string', false],
      ['cf_TEXT_MULTI_m', 'text', false],
      ['cf_EMAIL_e', 'string', false],
      ['cf_URL_u', 'string', false],
      ['cf_PHONE_p', 'string', false],
      ['cf_NUMBER_n', 'number', false],
      ['cf_PERCENT_pc', 'number', false],
      ['cf_RATING_r', 'number', false],
      ['cf_CURRENCY_c', 'number', false],
      ['cfcur_CURRENCY_c', 'string', false],
      ['cf_CHECKBOX_cb', 'boolean', false],
      ['cf_DATE_d', 'datetime', false],
      ['cfend_DATE_d', 'datetime', false],
      ['cf_SELECT_SINGLE_s', 'string', false],
      ['cf_SELECT_MULTI_ms', 'string', true],
      ['cf_COUNTRY_co', 'string', false],
      ['cf_LOCATION_l', 'string', false],
    ]);
    const byKey = new Map(custom.map((f) => [f.key, f]));
    expect(byKey.get('cf_TEXT_SINGLE_t')).toMatchObject({ label: 'Field t', required: false });
    expect(byKey.get('cfcur_CURRENCY_c')).toMatchObject({ label: 'Field c Currency Code', default: 'EUR' });
    expect(byKey.get('cfend_DATE_d')).toMatchObject({ label: 'Field d End Date' });
    expect(byKey.get('cf_SELECT_SINGLE_s')!.choices).toEqual([
      { value: 'o1', label: 'High', sample: 'o1' },
      { value: 'o2', label: 'Low', sample: 'o2' },
    ]);
    expect(byKey.get('cf_SELECT_MULTI_ms')!.choices).toEqual([{ value: 'o3', label: 'Red', sample: 'o3' }]);

    // Static inputs come first; ID inputs are dropdowns.
    const statics = new Map(fields.filter((f) => !custom.includes(f)).map((f) => [f.key, f]));
    expect(statics.get('todoListId')).toMatchObject({ required: true, dynamic: 'blue_todo_list_list.id.title' });
    expect(statics.get('assigneeIds')).toMatchObject({ list: true, dynamic: 'blue_user_list.id.label' });
    expect(statics.get('tagIds')).toMatchObject({ list: true, dynamic: 'blue_tag_list.id.title' });
    expect(statics.get('title')).toMatchObject({ required: true });
  });

  it('pages through custom fields when the project has more than one page', async () => {
    const { calls } = blue({
      body: { data: { customFields: { items: [field('a', 'NUMBER')], pageInfo: { hasNextPage: true } } } },
    });
    const { calls: second } = blue({
      body: { data: { customFields: { items: [field('b', 'CHECKBOX')], pageInfo: { hasNextPage: false } } } },
    });
    const fields = await appTester<Record<string, unknown>[], Bundle>(
      inputFields as never,
      { authData, inputData: {} } as never,
    );
    expect(calls[0]!.body.variables).toEqual({ projectId: 'cproj00000000000000000001', skip: 0, take: 500 });
    expect(second.map((c) => c.body.variables)).toEqual([
      { projectId: 'cproj00000000000000000001', skip: 500, take: 500 },
    ]);
    expect(fields.map((f) => f.key)).toEqual(expect.arrayContaining(['cf_NUMBER_a', 'cf_CHECKBOX_b']));
  });

  it('a value entered in each generated field converts back through the same key', async () => {
    // Round trip: keys made by the form are the keys perform reads (ids with dashes and underscores).
    const { calls: listCalls } = blue({
      body: {
        data: {
          customFields: {
            items: [field('c_1-x', 'SELECT_MULTI'), field('d_2', 'DATE')],
            pageInfo: { hasNextPage: false },
          },
        },
      },
    });
    const fields = await appTester<{ key: string }[], Bundle>(
      inputFields as never,
      { authData, inputData: {} } as never,
    );
    expect(listCalls).toHaveLength(1);
    const keys = fields.map((f) => f.key).filter((k) => k.startsWith('cf'));
    const { calls } = blue({ body: { data: { createTodo: createdTodo } } });
    await run({
      todoListId: 'list-1',
      title: 'T',
      [keys[0]!]: ['o1', 'o2'],
      [keys[1]!]: '2026-01-01',
      [keys[2]!]: '2026-01-02',
    });
    expect(calls[0]!.body.variables.input.customFields).toEqual([
      { customFieldId: 'c_1-x', value: 'o1,o2' },
      { customFieldId: 'd_2', value: '2026-01-01T00:00:00.000Z,2026-01-02T00:00:00.000Z' },
    ]);
  });
});
