// Zapier check D006 for every Blue hook trigger and every event group: what perform outputs for a
// delivery in Blue's shape (the stored entity with its join rows; API-NOTES section 4) has the
// keys and value types of what performList ("Test trigger") and the static sample give for the
// same event, at every level, including previousValue. A value may be null on one side (a
// delivery may lack it); where both have one, its type must agree.
import { describe, expect, it } from '@jest/globals';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { AUTH, DOCUMENTED_TODO_CREATED, TODO, WEBHOOK_SECRET, delivery, replyOnce, useNock } from '../blue/fixtures.js';

const appTester = zapier.createAppTester(App);
useNock();

type Op = { perform: never; performList: never; sample: Record<string, unknown> };
const op = (key: string) => (App.triggers as unknown as Record<string, { operation: Op }>)[key]!.operation;
type Out = Record<string, unknown>;

/** Where a and b disagree: a key on one side only, or two non-null values of different types. */
function mismatches(a: unknown, b: unknown, path = '$'): string[] {
  if (a === null || a === undefined || b === null || b === undefined) return [];
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v);
  if (kind(a) !== kind(b)) return [`${path}: ${kind(a)} vs ${kind(b)}`];
  if (Array.isArray(a) && Array.isArray(b)) return a.length && b.length ? mismatches(a[0], b[0], `${path}[]`) : [];
  if (typeof a === 'object') {
    const x = a as Out;
    const y = b as Out;
    // Custom field names are data (customFieldsByName keys), not output keys.
    if (path.endsWith('.customFieldsByName'))
      return Object.values({ ...x, ...y }).some((v) => v !== null && typeof v !== 'string') ? [`${path}: values`] : [];
    const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
    return keys.flatMap((k) =>
      k in x && k in y
        ? mismatches(x[k], y[k], `${path}.${k}`)
        : [`${path}.${k}: only in ${k in x ? 'perform' : 'the other'}`],
    );
  }
  return [];
}

/** Keys null in perform's output but set in performList's (the previous value aside). */
function nullOnlyInPerform(a: unknown, b: unknown, path = '$'): string[] {
  if (path === '$.previousValue') return [];
  if ((a === null || a === undefined) && b !== null && b !== undefined) return [path];
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    return Object.keys(b).flatMap((k) => nullOnlyInPerform((a as Out)[k], (b as Out)[k], `${path}.${k}`));
  }
  return [];
}

async function perform(
  key: string,
  event: string,
  previousValue: unknown,
  currentValue: unknown,
  inputData: Out,
): Promise<Out> {
  const sub = { id: 'wh-1', secret: WEBHOOK_SECRET, projectId: 'proj-default', events: [event] };
  const out = await appTester<Out[], Bundle>(
    op(key).perform,
    delivery(
      { event, webhook: { id: 'wh-1' }, previousValue, currentValue },
      { subscribeData: sub, inputData },
    ) as never,
  );
  expect(out).toHaveLength(1);
  return out[0]!;
}

async function performList(key: string, inputData: Out, reply?: unknown): Promise<Out> {
  if (reply) replyOnce([], 200, reply);
  const list = await appTester<Out[], Bundle>(op(key).performList, { authData: AUTH, inputData, meta: {} } as never);
  return list[0]!;
}

const at = '2026-01-05T09:30:00.000Z';
// The record Blue documents (TODO_CREATED example), with join rows by id only, as the sandbox sends them.
const RECORD = {
  ...DOCUMENTED_TODO_CREATED.currentValue,
  todoUsers: [{ id: 'tu1', userId: 'user-1', todoId: 'todo-1' }],
  todoTags: [{ id: 'tt1', tagId: 'tag-1', todoId: 'todo-1' }],
  todoCustomFields: [{ id: 'tcf1', customFieldId: 'cf-status', todoId: 'todo-1', value: 'Pending' }],
};
const COMMENT = {
  id: 'c1',
  uid: 'cu1',
  html: '<p>Hi</p>',
  text: 'Hi',
  category: 'TODO',
  categoryId: 'todo-1',
  userId: 'user-1',
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
};
const ENTITIES: Record<string, Out> = {
  Lists: {
    id: 'l1',
    uid: 'lu1',
    title: 'Orders',
    position: 65535,
    createdById: 'user-1',
    projectId: 'p1',
    createdAt: at,
    updatedAt: at,
    isDisabled: false,
  },
  Tags: { id: 'g1', uid: 'gu1', title: 'VIP', color: '#f00', projectId: 'p1', createdAt: at, updatedAt: at },
  'Custom Fields': {
    id: 'f1',
    uid: 'fu1',
    name: 'Priority',
    type: 'SELECT_SINGLE',
    position: '3',
    description: null,
    projectId: 'p1',
    createdAt: at,
    updatedAt: at,
  },
  Checklists: {
    id: 'i1',
    uid: 'iu1',
    title: 'Call',
    position: '1.5',
    done: false,
    startedAt: null,
    duedAt: at,
    checklistId: 'cl1',
    createdById: 'user-1',
    createdAt: at,
    updatedAt: at,
  },
};

const namesReply = {
  data: {
    author: { id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' },
    record: { id: 'todo-1', title: 'Order #1042' },
  },
};
const listedComment = {
  id: 'c2',
  uid: 'cu2',
  text: 'Hello',
  html: '<p>Hello</p>',
  category: 'TODO',
  createdAt: at,
  updatedAt: at,
  user: { id: 'user-1', fullName: 'Ada', email: 'a@x' },
  todo: { id: 'todo-1', title: 'T' },
};
const listReplies: Record<string, unknown> = {
  record: { data: { todoQueries: { todos: { items: [{ ...TODO, done: true }] } } } },
  comment: { data: { activityList: { activities: [{ id: 'a1', comment: listedComment }] } } },
};

/** [trigger, event, kind]: every purpose-built trigger, and New Blue Event for an event of each kind in each group. */
const CASES: [string, string, string][] = [
  ['new_todo', 'TODO_CREATED', 'record'],
  ['updated_todo', 'TODO_NAME_CHANGED', 'record'],
  ['todo_completed', 'TODO_DONE_STATUS_UPDATED', 'record'],
  ['custom_field_changed', 'TODO_CUSTOM_FIELD_UPDATED', 'record'],
  ['new_comment', 'COMMENT_CREATED', 'comment'],
  ['blue_event', 'TODO_CREATED', 'record'],
  ['blue_event', 'TODO_MOVED', 'record'],
  ['blue_event', 'TODO_DELETED', 'record'],
  ['blue_event', 'COMMENT_UPDATED', 'comment'],
  ['blue_event', 'COMMENT_DELETED', 'comment'],
  ['blue_event', 'TODO_LIST_CREATED', 'Lists'],
  ['blue_event', 'TODO_LIST_NAME_CHANGED', 'Lists'],
  ['blue_event', 'TODO_LIST_DELETED', 'Lists'],
  ['blue_event', 'TAG_CREATED', 'Tags'],
  ['blue_event', 'TAG_UPDATED', 'Tags'],
  ['blue_event', 'TAG_DELETED', 'Tags'],
  ['blue_event', 'CUSTOM_FIELD_CREATED', 'Custom Fields'],
  ['blue_event', 'CUSTOM_FIELD_UPDATED', 'Custom Fields'],
  ['blue_event', 'CUSTOM_FIELD_DELETED', 'Custom Fields'],
  ['blue_event', 'TODO_CHECKLIST_CREATED', 'Checklists'],
  ['blue_event', 'TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED', 'Checklists'],
  ['blue_event', 'TODO_CHECKLIST_ITEM_DELETED', 'Checklists'],
];

describe('perform and performList/sample agree on keys and value types', () => {
  it.each(CASES)('%s on %s (%s)', async (key, event, kind) => {
    const inputData = key === 'blue_event' ? { events: [event] } : {};
    const entity = kind === 'record' ? { ...RECORD, done: true } : kind === 'comment' ? COMMENT : ENTITIES[kind]!;
    const before =
      kind === 'record'
        ? { ...RECORD, title: 'Before', todoCustomFields: [] }
        : { ...entity, title: 'Before', text: 'Before' };
    const created = event.endsWith('_CREATED');
    const deleted = event.endsWith('_DELETED');
    // Names a delivery lacks are loaded once (records: todo(id:); comments: author and record).
    if (kind === 'record' && !deleted) replyOnce([], 200, { data: { todo: { ...TODO, done: true } } });
    if (kind === 'comment') replyOnce([], 200, namesReply);
    const hooked = await perform(key, event, created ? null : before, deleted ? null : entity, inputData);
    const listed = await performList(key, inputData, listReplies[kind]);
    expect(hooked.event).toBe(event);
    // Updated Record's "Test trigger" labels its records with the trigger's first event.
    if (key === 'blue_event') expect(listed.event).toBe(event);
    expect(mismatches(hooked, listed)).toEqual([]);
    // The previous value is shaped like the record itself (null only for a creation), on both sides.
    expect(hooked.previousValue === null).toBe(created);
    expect(listed.previousValue === null).toBe(created);
    if (key !== 'blue_event' || kind === 'record') expect(mismatches(hooked, op(key).sample)).toEqual([]);
    // Names "Test trigger" shows are not missing live (D006): the delivery has ids only, enrichment
    // filled them (a deleted record is output from the delivery alone).
    const names =
      kind === 'comment'
        ? ['$.user.fullName', '$.user.email', '$.todo.title']
        : kind === 'record' && !deleted
          ? ['$.todoList.title', '$.project.name']
          : [];
    expect(nullOnlyInPerform(hooked, listed).filter((p) => names.includes(p))).toEqual([]);
    if (kind === 'record' && !deleted)
      expect(hooked).toMatchObject({
        assigneeNames: 'Ada Lovelace',
        tagTitles: 'VIP',
        customFieldsByName: { Status: 'Pending' },
      });
  });

  it('the comparison catches a key or type mismatch (it can fail)', () => {
    expect(mismatches({ a: 1, b: { c: 'x' } }, { a: 1, b: { c: 'x' } })).toEqual([]);
    expect(mismatches({ a: 1 }, { a: '1' })).toEqual(['$.a: number vs string']);
    expect(mismatches({ a: { b: 1 } }, { a: {} })).toEqual(['$.a.b: only in perform']);
    expect(mismatches({ a: [{ b: 1 }] }, { a: [{ c: 1 }] })).toEqual([
      '$.a[].b: only in perform',
      '$.a[].c: only in the other',
    ]);
  });
});
