// Comments, lists, tags, custom fields and checklists: each delivered entity gives its resource's
// one output shape, with the keys of the trigger's performList (or example); only a comment lacking
// its author's and record's names costs a request (one).
import { describe, expect, it } from '@jest/globals';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { COMMENT_AUTHOR, COMMENT_AUTHOR_AND_RECORD, commentOutput } from '../../blue/comment.js';
import { AUTH, WEBHOOK_SECRET, delivery, replyOnce, type CapturedCall, useNock } from './fixtures.js';

const appTester = zapier.createAppTester(App);
useNock();

type Op = { perform: never; performList: never; sample: Record<string, unknown> };
const op = (key: string) => (App.triggers as unknown as Record<string, { operation: Op }>)[key]!.operation;

const keys = (o: Record<string, unknown>) => Object.keys(o).sort();

function run(key: string, event: string, payload: Record<string, unknown>, inputData: Record<string, unknown> = {}) {
  const sub = { id: 'wh-1', secret: WEBHOOK_SECRET, projectId: 'proj-default', events: [event] };
  return appTester<Record<string, unknown>[], Bundle>(
    op(key).perform,
    delivery({ event, webhook: { id: 'wh-1' }, ...payload }, { subscribeData: sub, inputData }) as never,
  );
}

// Blue's Comment row as stored: the author and the record by id (category TODO, categoryId).
const COMMENT_ENTITY = {
  id: 'c1',
  uid: 'cu1',
  html: '<p>Shipped today</p>',
  text: 'Shipped today',
  category: 'TODO',
  categoryId: 'todo-1',
  userId: 'u1',
  createdAt: '2026-01-11T08:00:00.000Z',
  updatedAt: '2026-01-11T08:00:00.000Z',
  deletedAt: null,
  somethingNew: { x: 1 },
};

describe('comments', () => {
  const LISTED = {
    id: 'c2',
    uid: 'cu2',
    text: 'Hello',
    html: '<p>Hello</p>',
    category: 'TODO',
    createdAt: '2026-01-11T08:00:00.000Z',
    updatedAt: '2026-01-11T08:00:00.000Z',
    user: { id: 'u1', fullName: 'Ada', email: 'ada@example.com' },
    todo: { id: 'todo-1', title: 'Order #1042' },
  };
  const AUTHOR = { id: 'u1', fullName: 'Ada Lovelace', email: 'ada@example.com' };

  it('a delivered comment entity gives performList\'s keys and the names "Test trigger" shows, with one request', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { activityList: { activities: [{ id: 'a1', comment: LISTED }] } } });
    const [sample] = await appTester<Record<string, unknown>[], Bundle>(op('new_comment').performList, {
      authData: AUTH,
      inputData: {},
      meta: {},
    } as never);
    replyOnce(calls, 200, { data: { author: AUTHOR, record: { id: 'todo-1', title: 'Order #1042' } } });
    const [hooked] = await run('new_comment', 'COMMENT_CREATED', { previousValue: null, currentValue: COMMENT_ENTITY });
    expect(calls).toHaveLength(2);
    expect(calls[1]!.query).toBe(COMMENT_AUTHOR_AND_RECORD);
    expect(calls[1]!.variables).toEqual({ userId: 'u1', todoId: 'todo-1' });
    expect(calls[1]!.headers['x-bloo-project-id']).toBe('proj-default');
    expect(keys(hooked!)).toEqual(keys(sample!));
    expect(keys(hooked!)).toEqual(keys(op('new_comment').sample));
    expect(hooked).toMatchObject({
      recordId: 'c1',
      text: 'Shipped today',
      user: { id: 'u1', fullName: 'Ada Lovelace', email: 'ada@example.com' },
      todo: { id: 'todo-1', title: 'Order #1042' },
    });
    expect(hooked).not.toHaveProperty('somethingNew');
  });

  it("an edit fills the previous value's names from the same request", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { author: AUTHOR, record: { id: 'todo-1', title: 'Order #1042' } } });
    const [hooked] = await run(
      'blue_event',
      'COMMENT_UPDATED',
      { previousValue: { ...COMMENT_ENTITY, text: 'Shipped' }, currentValue: COMMENT_ENTITY },
      { events: ['COMMENT_UPDATED'] },
    );
    expect(calls).toHaveLength(1);
    expect(hooked!.previousValue).toMatchObject({
      text: 'Shipped',
      user: { fullName: 'Ada Lovelace' },
      todo: { title: 'Order #1042' },
    });
  });

  it('asks only for the author of a comment on a discussion, and nothing when the names are there', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { author: AUTHOR } });
    const [onDiscussion] = await run('new_comment', 'COMMENT_CREATED', {
      previousValue: null,
      currentValue: { ...COMMENT_ENTITY, category: 'DISCUSSION', categoryId: 'd-1' },
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toBe(COMMENT_AUTHOR);
    expect(calls[0]!.variables).toEqual({ userId: 'u1' });
    expect(onDiscussion).toMatchObject({ user: { fullName: 'Ada Lovelace' }, todo: { id: null, title: null } });
    const [named] = await run('new_comment', 'COMMENT_CREATED', {
      previousValue: null,
      currentValue: { ...COMMENT_ENTITY, user: AUTHOR, todo: { id: 'todo-1', title: 'T' } },
    });
    expect(calls).toHaveLength(1);
    expect(named).toMatchObject({ user: { fullName: 'Ada Lovelace' }, todo: { title: 'T' } });
  });

  it("runs with the delivery's ids when the request fails, and stops on an auth failure", async () => {
    replyOnce([], 503, { errors: [{ message: 'down' }] });
    const [hooked] = await run('new_comment', 'COMMENT_CREATED', { previousValue: null, currentValue: COMMENT_ENTITY });
    expect(hooked).toMatchObject({
      user: { id: 'u1', fullName: null, email: null },
      todo: { id: 'todo-1', title: null },
    });
    replyOnce([], 401, { errors: [{ message: 'Unauthorized' }] });
    await expect(
      run('new_comment', 'COMMENT_CREATED', { previousValue: null, currentValue: COMMENT_ENTITY }),
    ).rejects.toMatchObject({ name: 'ExpiredAuthError' });
  });

  it('reads the GraphQL form and the entity form alike', () => {
    expect(
      commentOutput({ ...COMMENT_ENTITY, user: { id: 'u1', fullName: 'Ada' }, todo: { id: 'todo-1', title: 'T' } }),
    ).toMatchObject({
      user: { id: 'u1', fullName: 'Ada' },
      todo: { id: 'todo-1', title: 'T' },
    });
    expect(commentOutput({ ...COMMENT_ENTITY, category: 'DISCUSSION', categoryId: 'd-1' }).todo).toEqual({
      id: null,
      title: null,
    });
  });
});

describe('New Blue Event: lists, tags, custom fields and checklists', () => {
  const cases: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'TODO_LIST_CREATED',
      'Lists',
      {
        id: 'l1',
        uid: 'lu1',
        title: 'Orders',
        position: 65535,
        projectId: 'p1',
        createdById: 'u1',
        createdAt: '2026-01-05T09:30:00.000Z',
        updatedAt: '2026-01-05T09:30:00.000Z',
      },
      { title: 'Orders', position: 65535, projectId: 'p1' },
    ],
    [
      'TAG_UPDATED',
      'Tags',
      {
        id: 't1',
        uid: 'tu1',
        title: 'VIP',
        color: '#f00',
        projectId: 'p1',
        createdAt: '2026-01-05T09:30:00.000Z',
        updatedAt: '2026-01-05T09:30:00.000Z',
      },
      { title: 'VIP', color: '#f00' },
    ],
    [
      'CUSTOM_FIELD_CREATED',
      'Custom Fields',
      {
        id: 'f1',
        uid: 'fu1',
        name: 'Priority',
        type: 'SELECT_SINGLE',
        position: '3',
        projectId: 'p1',
        createdAt: '2026-01-05T09:30:00.000Z',
        updatedAt: '2026-01-05T09:30:00.000Z',
      },
      { name: 'Priority', type: 'SELECT_SINGLE' },
    ],
    [
      'TODO_CHECKLIST_ITEM_CREATED',
      'Checklists',
      {
        id: 'i1',
        uid: 'iu1',
        title: 'Call',
        position: '1.5',
        done: false,
        checklistId: 'cl1',
        createdAt: '2026-01-05T09:30:00.000Z',
        updatedAt: '2026-01-05T09:30:00.000Z',
      },
      { title: 'Call', position: 1.5, done: false, checklistId: 'cl1' },
    ],
  ];

  it.each(cases)("%s (%s) gives the example's keys, without a request", async (event, _group, entity, expected) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: {} });
    const inputData = { events: [event] };
    const [example] = await appTester<Record<string, unknown>[], Bundle>(op('blue_event').performList, {
      authData: AUTH,
      inputData,
      meta: {},
    } as never);
    const [hooked] = await run(
      'blue_event',
      event,
      { previousValue: null, currentValue: { ...entity, unknownKey: [1] } },
      inputData,
    );
    expect(calls).toHaveLength(0);
    expect(hooked).toMatchObject({ event, recordId: entity.id, ...expected });
    expect(keys(hooked!)).toEqual(keys(example!));
    expect(hooked).not.toHaveProperty('unknownKey');
  });

  it('a deletion is output from its previous value', async () => {
    const [out] = await run(
      'blue_event',
      'TAG_DELETED',
      { previousValue: { id: 't1', title: 'VIP' }, currentValue: null },
      { events: ['TAG_DELETED'] },
    );
    expect(out).toMatchObject({
      event: 'TAG_DELETED',
      recordId: 't1',
      title: 'VIP',
      previousValue: { id: 't1', title: 'VIP' },
    });
  });
});
