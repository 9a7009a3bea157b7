// Comments, lists, tags, custom fields and checklists: each delivered entity gives its resource's
// one output shape, with the keys of the trigger's performList (or example) and no request.
import { describe, expect, it } from '@jest/globals';
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import { commentOutput } from '../../blue/comment.js';
import { AUTH, WEBHOOK_SECRET, delivery, replyOnce, type CapturedCall, useNock } from './fixtures.js';

const appTester = zapier.createAppTester(App);
useNock();

type Op = { perform: never; performList: never; sample: Record<string, unknown> };
const op = (key: string) => (App.triggers as unknown as Record<string, { operation: Op }>)[key]!.operation;

const keys = (o: Record<string, unknown>) => Object.keys(o).sort();

function run(key: string, event: string, payload: Record<string, unknown>, inputData: Record<string, unknown> = {}) {
  const sub = { id: 'wh-1', secret: WEBHOOK_SECRET, projectId: 'proj-default', events: [event] };
  return appTester(op(key).perform, delivery({ event, webhook: { id: 'wh-1' }, ...payload }, { subscribeData: sub, inputData }) as never) as Promise<
    Record<string, unknown>[]
  >;
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
  it('a delivered comment entity gives the keys performList gives, without a request', async () => {
    const calls: CapturedCall[] = [];
    const listed = {
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
    replyOnce(calls, 200, { data: { activityList: { activities: [{ id: 'a1', comment: listed }] } } });
    const [sample] = (await appTester(op('new_comment').performList, { authData: AUTH, inputData: {}, meta: {} } as never)) as Record<string, unknown>[];
    const [hooked] = await run('new_comment', 'COMMENT_CREATED', { previousValue: null, currentValue: COMMENT_ENTITY });
    expect(calls).toHaveLength(1);
    expect(keys(hooked!)).toEqual(keys(sample!));
    expect(keys(hooked!)).toEqual(keys(op('new_comment').sample));
    expect(hooked).toMatchObject({
      recordId: 'c1',
      text: 'Shipped today',
      user: { id: 'u1', fullName: null, email: null },
      todo: { id: 'todo-1', title: null },
    });
    expect(hooked).not.toHaveProperty('somethingNew');
  });

  it('reads the GraphQL form and the entity form alike', () => {
    expect(commentOutput({ ...COMMENT_ENTITY, user: { id: 'u1', fullName: 'Ada' }, todo: { id: 'todo-1', title: 'T' } })).toMatchObject({
      user: { id: 'u1', fullName: 'Ada' },
      todo: { id: 'todo-1', title: 'T' },
    });
    expect(commentOutput({ ...COMMENT_ENTITY, category: 'DISCUSSION', categoryId: 'd-1' }).todo).toEqual({ id: null, title: null });
  });
});

describe('New Blue Event: lists, tags, custom fields and checklists', () => {
  const cases: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'TODO_LIST_CREATED',
      'Lists',
      { id: 'l1', uid: 'lu1', title: 'Orders', position: 65535, projectId: 'p1', createdById: 'u1', createdAt: '2026-01-05T09:30:00.000Z', updatedAt: '2026-01-05T09:30:00.000Z' },
      { title: 'Orders', position: 65535, projectId: 'p1' },
    ],
    [
      'TAG_UPDATED',
      'Tags',
      { id: 't1', uid: 'tu1', title: 'VIP', color: '#f00', projectId: 'p1', createdAt: '2026-01-05T09:30:00.000Z', updatedAt: '2026-01-05T09:30:00.000Z' },
      { title: 'VIP', color: '#f00' },
    ],
    [
      'CUSTOM_FIELD_CREATED',
      'Custom Fields',
      { id: 'f1', uid: 'fu1', name: 'Priority', type: 'SELECT_SINGLE', position: '3', projectId: 'p1', createdAt: '2026-01-05T09:30:00.000Z', updatedAt: '2026-01-05T09:30:00.000Z' },
      { name: 'Priority', type: 'SELECT_SINGLE' },
    ],
    [
      'TODO_CHECKLIST_ITEM_CREATED',
      'Checklists',
      { id: 'i1', uid: 'iu1', title: 'Call', position: '1.5', done: false, checklistId: 'cl1', createdAt: '2026-01-05T09:30:00.000Z', updatedAt: '2026-01-05T09:30:00.000Z' },
      { title: 'Call', position: 1.5, done: false, checklistId: 'cl1' },
    ],
  ];

  it.each(cases)('%s (%s) gives the example\'s keys, without a request', async (event, _group, entity, expected) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: {} });
    const inputData = { events: [event] };
    const [example] = (await appTester(op('blue_event').performList, { authData: AUTH, inputData, meta: {} } as never)) as Record<string, unknown>[];
    const [hooked] = await run('blue_event', event, { previousValue: null, currentValue: { ...entity, unknownKey: [1] } }, inputData);
    expect(calls).toHaveLength(0);
    expect(hooked).toMatchObject({ event, recordId: entity.id, ...expected });
    expect(keys(hooked!)).toEqual(keys(example!));
    expect(hooked).not.toHaveProperty('unknownKey');
  });

  it('a deletion is output from its previous value', async () => {
    const [out] = await run('blue_event', 'TAG_DELETED', { previousValue: { id: 't1', title: 'VIP' }, currentValue: null }, { events: ['TAG_DELETED'] });
    expect(out).toMatchObject({ event: 'TAG_DELETED', recordId: 't1', title: 'VIP', previousValue: { id: 't1', title: 'VIP' } });
  });
});
