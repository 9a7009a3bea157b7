// Custom Field Changed on the shape Blue delivers: join rows that name a dropdown option by id
// only, fields without names, Blue's minimal record. The filter decides from the delivery when it
// can (no request), else with one todo(id:) request that the output then reuses (never two).
import { describe, expect, it } from '@jest/globals';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { GET_TODO } from '../../blue/record.js';
import { caught } from '../support/errors.js';
import {
  AUTH,
  MINIMAL_RECORD,
  TODO,
  TODO_ENTITY,
  WEBHOOK_SECRET,
  delivery,
  replyOnce,
  type CapturedCall,
  useNock,
} from '../blue/fixtures.js';

const appTester = zapier.createAppTester(App);
useNock();

type Op = { perform: never };
const perform = (App.triggers as unknown as Record<string, { operation: Op }>).custom_field_changed!.operation.perform;

// Option ids are cuids, as Blue writes every id.
const CONFIRMED = 'clb4zna6x0000vt1swuwso25f';
const PENDING = 'clb4zna6x0000vt1swuwso26g';
const SHIPPED = 'clb4zna6x0000vt1swuwso27h';

/** The stored record as delivered, with its Stage value as a join row in the given form. */
const entity = (...rows: Record<string, unknown>[]) => ({ ...TODO_ENTITY, todoCustomFields: rows });
/** The same record as todo(id:) returns it, Stage currently `title`, with the field's options. */
const fetched = (title: string | null) => ({
  ...TODO,
  customFields: [
    {
      id: 'cf-stage',
      name: 'Stage',
      type: 'SELECT_SINGLE',
      value: title,
      customFieldOptions: [
        { id: CONFIRMED, title: 'Confirmed' },
        { id: PENDING, title: 'Pending' },
        { id: SHIPPED, title: 'Shipped' },
      ],
    },
  ],
});

const sub = { id: 'wh', secret: WEBHOOK_SECRET, projectId: 'proj-default', events: ['TODO_CUSTOM_FIELD_UPDATED'] };
const run = (previousValue: unknown, currentValue: unknown, inputData: Record<string, unknown>) =>
  appTester<Record<string, unknown>[], Bundle>(
    perform,
    delivery(
      { event: 'TODO_CUSTOM_FIELD_UPDATED', previousValue, currentValue },
      { subscribeData: sub, inputData },
    ) as never,
  );

const byId = (option: string) => ({ customFieldId: 'cf-stage', value: option });

describe('Custom Field Changed: a dropdown value delivered as an option id', () => {
  it.each([
    ['{customFieldId, value}', byId(CONFIRMED), byId(PENDING)],
    [
      '{customFieldId, value, customField}',
      { ...byId(CONFIRMED), customField: { id: 'cf-stage', name: 'Stage', type: 'SELECT_SINGLE' } },
      { ...byId(PENDING), customField: { id: 'cf-stage', name: 'Stage', type: 'SELECT_SINGLE' } },
    ],
    [
      '{customFieldId, customFieldOption: {id}}',
      { customFieldId: 'cf-stage', customFieldOption: { id: CONFIRMED } },
      { customFieldId: 'cf-stage', customFieldOption: { id: PENDING } },
    ],
    [
      '{customFieldId, todoCustomFieldOptions}',
      { customFieldId: 'cf-stage', todoCustomFieldOptions: [{ customFieldOptionId: CONFIRMED }] },
      { customFieldId: 'cf-stage', todoCustomFieldOptions: [{ customFieldOptionId: PENDING }] },
    ],
  ])(
    'as %s matches the title typed in the filter, with one todo(id:) request shared with the output',
    async (_form, now, before) => {
      const calls: CapturedCall[] = [];
      replyOnce(calls, 200, { data: { todo: fetched('Confirmed') } });
      const out = await run(entity(before), entity(now), { customFieldId: 'cf-stage', customFieldValue: 'confirmed' });
      expect(out).toHaveLength(1);
      expect(calls).toHaveLength(1);
      expect(calls[0]!.query).toBe(GET_TODO);
      expect(calls[0]!.query).toContain('customFieldOptions { id title }');
      expect(calls[0]!.variables).toEqual({ id: 'todo-1' });
      expect(calls[0]!.headers['x-bloo-project-id']).toBe('proj-default');
      expect(out[0]).toMatchObject({ customFieldsByName: { Stage: 'Confirmed' } });
      // The previous value reads with the fetched titles too, not as an option id.
      expect(out[0]!.previousValue).toMatchObject({ customFieldsByName: { Stage: 'Pending' } });
    },
  );

  it('does not start for another option, after the same single request', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todo: fetched('Shipped') } });
    expect(
      await run(entity(byId(PENDING)), entity(byId(SHIPPED)), {
        customFieldId: 'cf-stage',
        customFieldValue: 'Confirmed',
      }),
    ).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('matches an option id typed in the filter without any request when the delivery has every name', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todo: fetched('Confirmed') } });
    const named = (id: string, title: string) => ({
      customFieldId: 'cf-stage',
      customField: { id: 'cf-stage', name: 'Stage', type: 'SELECT_SINGLE' },
      customFieldOption: { id, title },
    });
    const out = await run(entity(named(PENDING, 'Pending')), entity(named(CONFIRMED, 'Confirmed')), {
      customFieldId: 'cf-stage',
      customFieldValue: CONFIRMED,
    });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ customFieldsByName: { Stage: 'Confirmed' } });
    // A title match needs no request either.
    expect(
      await run(entity(named(PENDING, 'Pending')), entity(named(CONFIRMED, 'Confirmed')), {
        customFieldValue: 'Confirmed',
      }),
    ).toHaveLength(1);
    expect(calls).toHaveLength(0);
  });

  it('keeps "only fields whose value changed": another field edited on a record already Confirmed does not start', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todo: fetched('Confirmed') } });
    const notes = (v: string) => ({
      customFieldId: 'cf-notes',
      value: v,
      customField: { id: 'cf-notes', name: 'Notes', type: 'TEXT_SINGLE' },
    });
    expect(
      await run(entity(byId(CONFIRMED), notes('a')), entity(byId(CONFIRMED), notes('b')), {
        customFieldValue: 'Confirmed',
      }),
    ).toEqual([]);
    // Only Notes changed and it is plain text: no title could match, so Blue was not asked.
    expect(calls).toHaveLength(0);
  });
});

describe('Custom Field Changed: a field named in the filter', () => {
  it('matches a field typed by name when the delivery has its id only (one request)', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todo: fetched('Confirmed') } });
    expect(await run(entity(byId(PENDING)), entity(byId(CONFIRMED)), { customFieldId: 'Stage' })).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });

  it('tells names apart: a filter on another name does not start', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todo: fetched('Confirmed') } });
    expect(await run(entity(byId(PENDING)), entity(byId(CONFIRMED)), { customFieldId: 'Priority' })).toEqual([]);
    expect(calls).toHaveLength(1);
  });
});

describe('Custom Field Changed: requests', () => {
  it('makes none without a filter when the delivery has everything', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todo: fetched('Confirmed') } });
    const named = (title: string) => ({
      customFieldId: 'cf-stage',
      value: title,
      customField: { id: 'cf-stage', name: 'Stage', type: 'TEXT_SINGLE' },
    });
    expect(await run(entity(named('a')), entity(named('b')), {})).toHaveLength(1);
    expect(calls).toHaveLength(0);
  });

  it("judges Blue's minimal record by the fetched values (one request)", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todo: fetched('Confirmed') } });
    const out = await run(null, MINIMAL_RECORD, { customFieldId: 'cf-stage', customFieldValue: 'Confirmed' });
    expect(out).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });

  it('fails the run with a replayable message when the needed request fails, rather than guess', async () => {
    replyOnce([], 503, { errors: [{ message: 'down' }] });
    const err = await caught(
      run(entity(byId(PENDING)), entity(byId(CONFIRMED)), { customFieldId: 'cf-stage', customFieldValue: 'Confirmed' }),
    );
    expect(err.message).toMatch(/Custom Field filter/);
    expect(err.message).toMatch(/Replay this run/);
    expect(err.message).not.toContain(AUTH.blueTokenSecret);
  });

  it('passes an auth failure through as an auth error', async () => {
    replyOnce([], 401, { errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHENTICATED' } }] });
    const err = await caught(
      run(entity(byId(PENDING)), entity(byId(CONFIRMED)), { customFieldId: 'cf-stage', customFieldValue: 'Confirmed' }),
    );
    expect(err.name).toBe('ExpiredAuthError');
  });
});
