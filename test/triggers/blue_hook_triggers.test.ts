// Per-trigger behaviour of the Blue REST-hook triggers, and Zapier's definition checks.
import { describe, expect, it } from '@jest/globals';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { RECORD_CHANGE_EVENTS } from '../../blue/events.js';
import { RECENT_COMMENTS } from '../../blue/comment.js';
import {
  AUTH,
  TODO,
  TODO_ENTITY,
  WEBHOOK_SECRET,
  delivery,
  replyOnce,
  type CapturedCall,
  useNock,
} from '../blue/fixtures.js';
import { fixedInputFields } from '../support/fields.js';

const appTester = zapier.createAppTester(App);
useNock();
const HOOK_KEYS = [
  'blue_event',
  'new_todo',
  'updated_todo',
  'todo_completed',
  'new_comment',
  'custom_field_changed',
  'todo_moved',
] as const;

type HookOp = {
  type: string;
  performSubscribe: never;
  performUnsubscribe: never;
  perform: never;
  performList: never;
  sample: Record<string, unknown>;
  outputFields: (
    { key: string; label: string; type?: string } | (() => Promise<{ key: string; label: string; type?: string }[]>)
  )[];
  inputFields: unknown[];
};
type InputField = { key: string; label: string; dynamic?: string; required?: boolean; helpText?: string };
const trigger = (key: string) =>
  App.triggers[key as keyof typeof App.triggers] as unknown as {
    key: string;
    noun: string;
    display: { label: string; description: string; hidden?: boolean };
    operation: HookOp;
  };

/** Flattens nested objects the way Zapier names output fields (a__b, and a[]b for lists of objects). */
function flatKeys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => {
    if (Array.isArray(v) && v.length && v.every((i) => i && typeof i === 'object')) {
      return [...new Set(v.flatMap((i) => flatKeys(i as Record<string, unknown>)))].map(
        (key) => `${prefix}${k}[]${key}`,
      );
    }
    return v && typeof v === 'object' && !Array.isArray(v)
      ? flatKeys(v as Record<string, unknown>, `${prefix}${k}__`)
      : [`${prefix}${k}`];
  });
}

function flatValue(obj: Record<string, unknown>, key: string): unknown {
  return key.split(/__|\[\]/).reduce<unknown>((o, k) => {
    const at = Array.isArray(o) ? o[0] : o;
    return at && typeof at === 'object' ? (at as Record<string, unknown>)[k] : undefined;
  }, obj);
}

const isTitleCase = (label: string) =>
  label
    .split(/\s+/)
    .every((w) => /^[A-Z0-9(]/.test(w) || ['a', 'an', 'the', 'of', 'or', 'to', 'in', 'on', 'for', 'and'].includes(w));

describe('Blue trigger definitions', () => {
  it.each(HOOK_KEYS)("%s follows Zapier's checks", async (key) => {
    const t = trigger(key);
    const inputFields = fixedInputFields<InputField>(t.operation.inputFields);
    // Static fields, and those a function gives when the editor asks (the lean definition's way).
    const outputFields = (
      await Promise.all(t.operation.outputFields.map((f) => (typeof f === 'function' ? f() : Promise.resolve([f]))))
    ).flat();
    expect(outputFields.length).toBeGreaterThan(3);
    expect(t.key).toBe(key);
    expect(t.operation.type).toBe('hook');
    for (const fn of ['performSubscribe', 'performUnsubscribe', 'perform', 'performList'] as const) {
      expect(typeof t.operation[fn]).toBe('function');
    }
    expect(t.display.description).toMatch(/^Triggers when .+\.$/);
    expect(isTitleCase(t.display.label)).toBe(true);
    for (const f of [...inputFields, ...outputFields]) expect(isTitleCase(f.label)).toBe(true);
    // D024: the sample has every output field; D023: dates are ISO-8601.
    const sampleKeys = flatKeys(t.operation.sample);
    for (const f of outputFields) {
      expect(sampleKeys).toContain(f.key);
      const value = flatValue(t.operation.sample, f.key);
      if (f.type === 'datetime' && value !== null)
        expect(value).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/));
    }
    // D004: the project is picked from a dynamic dropdown, optional (the connection's is the default).
    const project = inputFields.find((f) => f.key === 'projectId');
    expect(project).toMatchObject({ dynamic: 'blue_project_list.id.name' });
    expect(project?.required).toBeFalsy();
    for (const f of inputFields) if (f.helpText) expect(f.helpText.toLowerCase()).not.toBe(f.label.toLowerCase());
  });

  it('the hidden dropdown triggers are hidden and paginate', () => {
    for (const key of ['blue_project_list', 'blue_custom_field_list']) {
      const t = trigger(key) as unknown as {
        display: { hidden: boolean; description: string };
        operation: { canPaginate: boolean };
      };
      expect(t.display.hidden).toBe(true);
      expect(t.display.description).toMatch(/^Triggers when .+\.$/);
      expect(t.operation.canPaginate).toBe(true);
    }
  });

  it('New Blue Event offers all 37 events as a required multi-select', () => {
    const events = fixedInputFields<InputField>(trigger('blue_event').operation.inputFields).find(
      (f) => f.key === 'events',
    ) as unknown as {
      required: boolean;
      list: boolean;
      choices: Record<string, string>;
    };
    expect(events).toMatchObject({ required: true, list: true });
    expect(Object.keys(events.choices)).toHaveLength(37);
  });
});

describe('Blue trigger subscriptions', () => {
  it.each([
    ['new_todo', ['TODO_CREATED']],
    ['updated_todo', [...RECORD_CHANGE_EVENTS]],
    ['todo_completed', ['TODO_DONE_STATUS_UPDATED']],
    ['new_comment', ['COMMENT_CREATED']],
    ['custom_field_changed', ['TODO_CUSTOM_FIELD_UPDATED']],
  ])('%s subscribes to its events', async (key, events) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { createWebhook: { id: 'wh', secret: WEBHOOK_SECRET } } });
    await appTester(trigger(key).operation.performSubscribe, {
      authData: AUTH,
      inputData: {},
      targetUrl: 'https://hooks.zapier.com/h',
    } as never);
    expect((calls[0]!.variables.input as { events: string[] }).events).toEqual(events);
  });
});

describe('Record Completed', () => {
  const sub = { id: 'wh', secret: WEBHOOK_SECRET, events: ['TODO_DONE_STATUS_UPDATED'] };
  it('starts the Zap only when the record is now done', async () => {
    const done = {
      event: 'TODO_DONE_STATUS_UPDATED',
      previousValue: TODO_ENTITY,
      currentValue: { ...TODO_ENTITY, done: true },
    };
    const reopened = {
      event: 'TODO_DONE_STATUS_UPDATED',
      previousValue: { ...TODO_ENTITY, done: true },
      currentValue: TODO_ENTITY,
    };
    const [out] = await appTester<Record<string, unknown>[], Bundle>(
      trigger('todo_completed').operation.perform,
      delivery(done, { subscribeData: sub }) as never,
    );
    expect(out).toMatchObject({
      done: true,
      event: 'TODO_DONE_STATUS_UPDATED',
      previousValue: { id: 'todo-1', done: false },
    });
    expect(
      await appTester(trigger('todo_completed').operation.perform, delivery(reopened, { subscribeData: sub }) as never),
    ).toEqual([]);
  });

  it('samples only done records', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todoQueries: { todos: { items: [{ ...TODO, done: true }] } } } });
    const list = await appTester<Record<string, unknown>[], Bundle>(trigger('todo_completed').operation.performList, {
      authData: AUTH,
      inputData: {},
      meta: {},
    } as never);
    expect(calls[0]!.variables).toMatchObject({ done: true });
    expect(list[0]).toMatchObject({ done: true, event: 'TODO_DONE_STATUS_UPDATED' });
  });
});

describe('Custom Field Changed', () => {
  const sub = { id: 'wh', secret: WEBHOOK_SECRET, events: ['TODO_CUSTOM_FIELD_UPDATED'] };
  const withStatus = (value: string) => ({
    ...TODO_ENTITY,
    todoCustomFields: [
      {
        id: 'row-1',
        customFieldId: 'cf-status',
        value,
        customField: { id: 'cf-status', name: 'Status', type: 'TEXT_SINGLE' },
      },
    ],
  });
  const graphqlWithStatus = (value: string) => ({
    ...TODO,
    customFields: [{ id: 'cf-status', name: 'Status', type: 'TEXT_SINGLE', value }],
  });
  const change = (from: string, to: string) => ({
    event: 'TODO_CUSTOM_FIELD_UPDATED',
    previousValue: withStatus(from),
    currentValue: withStatus(to),
  });
  const run = (payload: unknown, inputData: Record<string, unknown>) =>
    appTester<unknown[], Bundle>(
      trigger('custom_field_changed').operation.perform,
      delivery(payload, { subscribeData: sub, inputData }) as never,
    );

  it('passes any custom field change without a filter', async () => {
    expect(await run(change('Pending', 'Confirmed'), {})).toHaveLength(1);
  });

  it('filters on the chosen field and value', async () => {
    expect(
      await run(change('Pending', 'Confirmed'), { customFieldId: 'cf-status', customFieldValue: 'confirmed' }),
    ).toHaveLength(1);
    expect(
      await run(change('Pending', 'Shipped'), { customFieldId: 'cf-status', customFieldValue: 'Confirmed' }),
    ).toEqual([]);
    expect(await run(change('Pending', 'Confirmed'), { customFieldId: 'cf-other' })).toEqual([]);
  });

  it('samples records matching the filter, else the example', async () => {
    replyOnce([], 200, { data: { todoQueries: { todos: { items: [graphqlWithStatus('Pending')] } } } });
    const list = await appTester<Record<string, unknown>[], Bundle>(
      trigger('custom_field_changed').operation.performList,
      {
        authData: AUTH,
        inputData: { customFieldId: 'cf-status', customFieldValue: 'Confirmed' },
        meta: {},
      } as never,
    );
    expect(list).toHaveLength(1);
    expect(String(list[0]!.title)).toMatch(/Example record/);
  });
});

describe('New Comment', () => {
  const comment = {
    id: 'c1',
    uid: 'cu1',
    text: 'Shipped today',
    html: '<p>Shipped today</p>',
    category: 'TODO',
    createdAt: '2026-01-11T08:00:00.000Z',
    updatedAt: '2026-01-11T08:00:00.000Z',
    user: { id: 'u1', fullName: 'Ada', email: 'ada@example.com' },
    todo: { id: 'todo-1', title: 'Order #1042' },
  };

  it("samples the project's recent comments, shaped like a delivery", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, {
      data: {
        activityList: {
          activities: [
            { id: 'a1', comment },
            { id: 'a2', comment: null },
          ],
        },
      },
    });
    const list = await appTester<Record<string, unknown>[], Bundle>(trigger('new_comment').operation.performList, {
      authData: AUTH,
      inputData: { projectId: 'cproj00000000000000000002' },
      meta: {},
    } as never);
    expect(calls[0]!.query).toBe(RECENT_COMMENTS);
    expect(calls[0]!.variables).toEqual({ projectId: 'cproj00000000000000000002', first: 10 });
    expect(calls[0]!.headers['x-bloo-project-id']).toBe('cproj00000000000000000002');
    const sub = { id: 'wh', secret: WEBHOOK_SECRET, events: ['COMMENT_CREATED'] };
    const hooked = await appTester<Record<string, unknown>[], Bundle>(
      trigger('new_comment').operation.perform,
      delivery(
        { event: 'COMMENT_CREATED', previousValue: null, currentValue: comment },
        { subscribeData: sub },
      ) as never,
    );
    expect(list).toEqual(hooked);
  });

  it('falls back to an example comment', async () => {
    replyOnce([], 200, { data: { activityList: { activities: [] } } });
    const list = await appTester<Record<string, unknown>[], Bundle>(trigger('new_comment').operation.performList, {
      authData: AUTH,
      inputData: {},
      meta: {},
    } as never);
    expect(list[0]).toMatchObject({ event: 'COMMENT_CREATED', recordId: 'clx0example0comment0000001' });
  });
});

describe('New Blue Event performList', () => {
  it('uses an example for events Blue cannot list, without calling Blue', async () => {
    const list = await appTester<Record<string, unknown>[], Bundle>(trigger('blue_event').operation.performList, {
      authData: AUTH,
      inputData: { events: ['TAG_CREATED'] },
      meta: {},
    } as never);
    expect(list).toEqual([expect.objectContaining({ event: 'TAG_CREATED', title: 'Priority' })]);
  });

  it('lists records for record events', async () => {
    replyOnce([], 200, { data: { todoQueries: { todos: { items: [TODO] } } } });
    const list = await appTester<Record<string, unknown>[], Bundle>(trigger('blue_event').operation.performList, {
      authData: AUTH,
      inputData: { events: 'TODO_DELETED,TODO_CREATED' },
      meta: {},
    } as never);
    expect(list[0]).toMatchObject({
      event: 'TODO_DELETED',
      recordId: 'todo-1',
      previousValue: { id: 'todo-1', title: 'Order #1042' },
    });
  });
});

describe('performList of change triggers (D006)', () => {
  const flat = (obj: Record<string, unknown>) => flatKeys(obj).sort();

  it.each([
    ['updated_todo', 'TODO_MOVED'],
    ['todo_completed', 'TODO_DONE_STATUS_UPDATED'],
    ['custom_field_changed', 'TODO_CUSTOM_FIELD_UPDATED'],
  ])('%s lists records with the same fields as a delivery (previousValue included)', async (key, event) => {
    const current = { ...TODO, done: true };
    replyOnce([], 200, { data: { todoQueries: { todos: { items: [current] } } } });
    const list = await appTester<Record<string, unknown>[], Bundle>(trigger(key).operation.performList, {
      authData: AUTH,
      inputData: {},
      meta: {},
    } as never);
    const sub = { id: 'wh', secret: WEBHOOK_SECRET, events: [event] };
    const entity = { ...TODO_ENTITY, done: true };
    const previous = { ...TODO_ENTITY, todoCustomFields: [{ ...TODO_ENTITY.todoCustomFields[0]!, value: 'New' }] };
    const payload = { event, previousValue: previous, currentValue: entity };
    const [hooked] = await appTester<Record<string, unknown>[], Bundle>(
      trigger(key).operation.perform,
      delivery(payload, { subscribeData: sub }) as never,
    );
    expect(flat(list[0]!)).toEqual(flat(hooked!));
  });
});

describe('Custom Field Changed with only a value', () => {
  const sub = { id: 'wh', secret: WEBHOOK_SECRET, events: ['TODO_CUSTOM_FIELD_UPDATED'] };
  // Join rows with the custom field expanded, as Blue's entity may carry them.
  const record = (status: string, notes: string) => ({
    ...TODO_ENTITY,
    todoCustomFields: [
      {
        customFieldId: 'cf-status',
        value: status,
        customField: { id: 'cf-status', name: 'Status', type: 'TEXT_SINGLE' },
      },
      { customFieldId: 'cf-notes', value: notes, customField: { id: 'cf-notes', name: 'Notes', type: 'TEXT_SINGLE' } },
    ],
  });
  const run = (previousValue: unknown, currentValue: unknown) =>
    appTester<unknown[], Bundle>(
      trigger('custom_field_changed').operation.perform,
      delivery(
        { event: 'TODO_CUSTOM_FIELD_UPDATED', previousValue, currentValue },
        { subscribeData: sub, inputData: { customFieldValue: 'Confirmed' } },
      ) as never,
    );

  it('starts when a field changes to the value', async () => {
    expect(await run(record('Pending', 'a'), record('Confirmed', 'a'))).toHaveLength(1);
  });

  it('does not start again when another field changes on a record that already had the value', async () => {
    expect(await run(record('Confirmed', 'a'), record('Confirmed', 'b'))).toEqual([]);
  });
});
