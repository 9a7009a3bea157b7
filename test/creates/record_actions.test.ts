// The record actions, each through core: the exact GraphQL document and variables sent (one
// request, or the one read the action needs first), the X-Bloo headers, the output in the record's
// (or comment's) shape, Blue's refusals named with the ids, and bad input refused before sending.
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import {
  ADD_ASSIGNEES,
  ADD_CHECKLIST_ITEM,
  ADD_COMMENT,
  CREATE_CHECKLIST,
  EDIT_RECORD,
  RECORD_CHECKLISTS,
  RECORD_TAGS,
  REMOVE_ASSIGNEES,
  UPDATE_TODOS_RECORD,
  plainText,
  updateRecordDocument,
} from '../../blue/record-actions.js';
import { customFieldKey } from '../../blue/custom-field-values.js';
import { caught } from '../support/errors.js';
import { AUTH, BLUE_URL, replyOnce, useNock, type CapturedCall } from '../blue/fixtures.js';
import { dynamicFieldsFunction, fixedInputFields } from '../support/fields.js';

const appTester = zapier.createAppTester(App);
useNock();

type Creates = Record<string, { operation: { perform: unknown } }>;
const perform = (key: string) => (App.creates as unknown as Creates)[key]!.operation.perform as never;
const run = (key: string, inputData: Record<string, unknown>) =>
  appTester(perform(key), { authData: AUTH, inputData } as never);

const ID = 'ctodo0000000000000000000001';

/** A record as Blue's GraphQL answers it (RECORD_SELECTION). */
const RECORD = {
  id: ID,
  uid: 'u-1',
  title: 'Order #1042',
  text: 'ACME order',
  html: '<p>ACME order</p>',
  position: 65535,
  done: false,
  archived: false,
  startedAt: null,
  duedAt: '2026-02-01T00:00:00.000Z',
  createdAt: '2026-01-10T08:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
  createdBy: { id: 'user-1' },
  todoList: { id: 'list-1', title: 'Orders', project: { id: 'proj-1', name: 'Sales' } },
  users: [{ id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' }],
  tags: [{ id: 'tag-1', title: 'Priority', color: '#ff0000' }],
  customFields: [{ id: 'cf-1', name: 'Status', type: 'SELECT_SINGLE', value: 'Pending' }],
};
const record = (over: Record<string, unknown> = {}) => ({ ...RECORD, ...over });
const gqlError = (code: string, message: string) => ({ data: null, errors: [{ message, extensions: { code } }] });

/** The output fields every record action gives (blue/record.ts's shape). */
const RECORD_OUT = {
  id: ID,
  title: 'Order #1042',
  done: false,
  todoList: { id: 'list-1', title: 'Orders' },
  project: { id: 'proj-1', name: 'Sales' },
  assignees: [{ id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' }],
  tagTitles: 'Priority',
};

async function refused(key: string, inputData: Record<string, unknown>, message: RegExp): Promise<void> {
  const err = await caught(run(key, inputData));
  expect(err.code).toBe('invalid_input');
  expect(err.message).toMatch(message);
  expect(err.message).toMatch(/Nothing was sent to Blue/);
}

describe('update_record', () => {
  const amount = customFieldKey('value', 'CURRENCY', 'cf-amount');
  const currency = customFieldKey('currency', 'CURRENCY', 'cf-amount');
  const stage = customFieldKey('value', 'SELECT_SINGLE', 'cf-stage');

  it('sends assignees and custom fields before editTodo, in one document, only for what was filled in', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, {
      data: { assignees: { success: true }, cf0: true, cf1: true, record: record({ title: 'Renamed' }) },
    });
    const result = await run('update_record', {
      recordId: ` ${ID} `,
      title: ' Renamed ',
      description: 'Paid & shipped.\n\nThanks',
      todoListId: 'list-2',
      startedAt: '2026-03-01',
      duedAt: '2026-03-05T17:00:00Z',
      assigneeIds: 'user-1, user-2',
      tagIds: ['tag-1'],
      tagTitles: ['VIP'],
      [amount]: '2500.50',
      [currency]: 'usd',
      [stage]: 'opt-kyc',
      [customFieldKey('value', 'NUMBER', 'cf-empty')]: '',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toBe(updateRecordDocument({ assignees: true, customFields: 2 }));
    expect(calls[0]!.query).toMatch(
      /assignees: setTodoAssignees[\s\S]*cf0: setTodoCustomField[\s\S]*cf1: setTodoCustomField[\s\S]*record: editTodo/,
    );
    expect(calls[0]!.variables).toEqual({
      edit: {
        todoId: ID,
        title: 'Renamed',
        html: '<p>Paid &amp; shipped.</p><p>Thanks</p>',
        text: 'Paid & shipped.\nThanks',
        todoListId: 'list-2',
        startedAt: '2026-03-01T00:00:00.000Z',
        duedAt: '2026-03-05T17:00:00.000Z',
        tags: [{ id: 'tag-1' }, { title: 'VIP' }],
      },
      assignees: { todoId: ID, assigneeIds: ['user-1', 'user-2'] },
      cf0: { todoId: ID, customFieldId: 'cf-amount', number: 2500.5, currency: 'USD' },
      cf1: { todoId: ID, customFieldId: 'cf-stage', customFieldOptionId: 'opt-kyc' },
    });
    expect(calls[0]!.headers).toMatchObject({
      'x-bloo-token-id': AUTH.blueTokenId,
      'x-bloo-company-id': AUTH.blueCompanyId,
      'x-bloo-project-id': AUTH.blueProjectId,
    });
    expect(result).toMatchObject({ ...RECORD_OUT, title: 'Renamed' });
  });

  it("sends editTodo alone for a title, to the step's project when one is picked", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { record: RECORD } });
    await run('update_record', { projectId: 'sales-pipeline', recordId: ID, title: 'T' });
    expect(calls[0]!.query).toBe(updateRecordDocument({ assignees: false, customFields: 0 }));
    expect(calls[0]!.variables).toEqual({ edit: { todoId: ID, title: 'T' } });
    expect(calls[0]!.headers['x-bloo-project-id']).toBe('sales-pipeline');
  });

  it("New Tag Titles alone replace the record's tags (editTodo tags), and the field's help says so", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { record: RECORD } });
    await run('update_record', { recordId: ID, tagTitles: ['VIP'] });
    expect(calls[0]!.variables).toEqual({ edit: { todoId: ID, tags: [{ title: 'VIP' }] } });
    const fields = fixedInputFields<{ key?: string; helpText?: string }>(
      (App.creates as unknown as Record<string, { operation: { inputFields: unknown[] } }>).update_record!.operation
        .inputFields,
    );
    expect(fields.find((f) => f.key === 'tagTitles')!.helpText).toMatch(
      /replace the record's tags \(even when Tags is empty\): to add one and keep the others, use Add Tag to Record/,
    );
  });

  it('refuses a step with nothing to change, reversed dates, a bad custom field value, a list of records', async () => {
    await refused('update_record', { recordId: ID, title: '  ', tagIds: [''] }, /Nothing to update/);
    await refused(
      'update_record',
      { recordId: ID, startedAt: '2026-03-05', duedAt: '2026-03-01' },
      /Due Date .* is before Start Date/,
    );
    const date = await caught(run('update_record', { recordId: ID, duedAt: 'next week' }));
    expect([date.code, date.message]).toEqual([
      'invalid_input',
      expect.stringMatching(/Due Date "next week" is not a date/),
    ]);
    await refused('update_record', { recordId: 'a, b', title: 'T' }, /Record "a, b" is not one Blue ID/);
    await refused('update_record', { title: 'T' }, /Record is empty/);
    const err = await caught(run('update_record', { recordId: ID, [amount]: 'lots' }));
    expect(err.code).toBe('blue_custom_field_invalid');
  });

  it('names the record when Blue cannot find it', async () => {
    replyOnce([], 200, gqlError('TODO_NOT_FOUND', 'Todo not found'));
    const err = await caught(run('update_record', { recordId: ID, title: 'T' }));
    expect(err.code).toBe('blue_not_found');
    expect(err.message).toMatch(new RegExp(`could not find the record while trying to update record ${ID}`));
  });

  // Blue runs the document's mutations in order and stops at the first failing one (each answers a
  // non-null type, so `data` is null): the error's path names it, and the ones before it stay saved.
  const failedAt = (alias: string, code: string, message: string) => ({
    data: null,
    errors: [{ message, path: [alias], extensions: { code } }],
  });
  const filled = {
    recordId: ID,
    title: 'Renamed',
    todoListId: 'list-9',
    assigneeIds: ['user-2'],
    [amount]: '10',
    [stage]: 'opt-x',
  };

  it('says which change failed and which were already saved when a later mutation fails', async () => {
    replyOnce([], 200, failedAt('cf1', 'CUSTOM_FIELD_NOT_FOUND', 'Custom field was not found.'));
    const err = await caught(run('update_record', filled));
    expect(err.code).toBe('blue_not_found');
    expect(err.message).toMatch(
      /Blue stopped at custom field cf-stage and made none of the changes after it\. Saved before it: the assignees and custom field cf-amount\. .*replaying this run once this is fixed is safe/,
    );
  });

  it("names the record's own fields when editTodo (last) fails after the others were saved", async () => {
    replyOnce([], 200, failedAt('record', 'TODO_LIST_NOT_FOUND', 'List not found'));
    const err = await caught(run('update_record', filled));
    expect(err.message).toMatch(/could not find the list while trying to update record/);
    expect(err.message).toMatch(
      /Blue stopped at the title and list\. Saved before it: the assignees, custom field cf-amount and custom field cf-stage\./,
    );
  });

  it('says nothing was changed when the first mutation fails, and adds nothing to errors without a path', async () => {
    replyOnce([], 200, failedAt('assignees', 'BAD_USER_INPUT', 'User is not in the project'));
    const first = await caught(run('update_record', filled));
    expect(first.message).toMatch(/Blue stopped at the assignees, before changing anything else\./);
    replyOnce([], 200, gqlError('FORBIDDEN', 'Not allowed'));
    const early = await caught(run('update_record', filled));
    expect(early.message).not.toMatch(/Blue stopped|Saved before/);
  });
});

describe('move_record', () => {
  it('moves with editTodo (which answers the record) in one request', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, {
      data: {
        record: record({ todoList: { id: 'list-2', title: 'Shipped', project: { id: 'proj-1', name: 'Sales' } } }),
      },
    });
    const result = await run('move_record', { recordId: ID, todoListId: 'list-2' });
    expect(calls[0]!.query).toBe(EDIT_RECORD);
    expect(calls[0]!.variables).toEqual({ input: { todoId: ID, todoListId: 'list-2' } });
    expect(result).toMatchObject({ id: ID, todoList: { id: 'list-2', title: 'Shipped' } });
  });

  it('needs a list, and names the list Blue cannot find', async () => {
    await refused('move_record', { recordId: ID }, /List is empty/);
    replyOnce([], 200, gqlError('TODO_LIST_NOT_FOUND', 'List not found'));
    const err = await caught(run('move_record', { recordId: ID, todoListId: 'list-gone' }));
    expect(err.message).toMatch(
      new RegExp(`could not find the list while trying to move record ${ID} to list list-gone`),
    );
  });
});

describe('complete_record', () => {
  it.each([
    ['done', true],
    ['Not Done', false],
    ['open', false],
    [true, true],
    ['no', false],
    [undefined, true],
  ])('Status %p sets done to %p with updateTodos (never a toggle), then answers the record', async (status, done) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { applied: true, record: record({ done }) } });
    const result = await run('complete_record', { recordId: ID, done: status });
    expect(calls[0]!.query).toBe(UPDATE_TODOS_RECORD);
    expect(calls[0]!.query).not.toMatch(/updateTodoDoneStatus/);
    expect(calls[0]!.variables).toEqual({ update: { done, filter: { todoIds: [ID] } }, record: { todoId: ID } });
    expect(result).toMatchObject({ id: ID, done });
  });

  it('refuses an unknown status and reports a write Blue did not apply', async () => {
    await refused('complete_record', { recordId: ID, done: 'maybe' }, /Status must be Done or Not Done, not "maybe"/);
    // A mapped Status that came out blank does not silently complete the record.
    await refused('complete_record', { recordId: ID, done: '  ' }, /Status is empty/);
    replyOnce([], 200, { data: { applied: false, record: RECORD } });
    const err = await caught(run('complete_record', { recordId: ID, done: 'done' }));
    expect(err.code).toBe('blue_not_applied');
    expect(err.message).toMatch(new RegExp(`Blue did not mark record ${ID} done`));
  });
});

describe('add_comment', () => {
  const COMMENT = {
    id: 'comment-1',
    uid: 'cu-1',
    text: 'Paid: 1,250 USD',
    html: '<p>Paid: <b>1,250 USD</b></p>',
    category: 'TODO',
    createdAt: '2026-01-11T08:00:00.000Z',
    updatedAt: '2026-01-11T08:00:00.000Z',
    user: { id: 'user-1', fullName: 'Ada Lovelace', email: 'ada@example.com' },
    todo: { id: ID, title: 'Order #1042' },
  };

  it('sends createComment with HTML and its text, category TODO, and answers the comment', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { comment: COMMENT } });
    const result = await run('add_comment', { recordId: ID, text: '<p>Paid: <b>1,250 USD</b></p>' });
    expect(calls[0]!.query).toBe(ADD_COMMENT);
    expect(calls[0]!.variables).toEqual({
      input: { html: '<p>Paid: <b>1,250 USD</b></p>', text: 'Paid: 1,250 USD', category: 'TODO', categoryId: ID },
    });
    expect(result).toMatchObject({
      id: 'comment-1',
      text: 'Paid: 1,250 USD',
      user: { fullName: 'Ada Lovelace' },
      todo: { id: ID, title: 'Order #1042' },
    });
  });

  it('turns plain text into escaped paragraphs', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { comment: COMMENT } });
    await run('add_comment', { recordId: ID, text: 'a < b\nline two' });
    expect(calls[0]!.variables).toMatchObject({
      input: { html: '<p>a &lt; b<br>line two</p>', text: 'a < b\nline two' },
    });
  });

  it('refuses an empty comment, and warns that a retry after a dropped connection may post it twice', async () => {
    await refused('add_comment', { recordId: ID, text: '   ' }, /Comment is empty/);
    nock(BLUE_URL)
      .post('/graphql')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const err = await caught(run('add_comment', { recordId: ID, text: 'Hi' }));
    expect(err.code).toBe('network_error');
    expect(err.message).toMatch(
      new RegExp(`add a comment to record ${ID}.*may have been added anyway.*may appear twice`),
    );
  });
});

describe('add_tag / remove_tag', () => {
  it('adds an existing tag with updateTodos (other tags stay), one request', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { applied: true, record: RECORD } });
    await run('add_tag', { recordId: ID, tagId: 'tag-2' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toBe(UPDATE_TODOS_RECORD);
    expect(calls[0]!.variables).toEqual({
      update: { tagId: 'tag-2', filter: { todoIds: [ID] } },
      record: { todoId: ID },
    });
  });

  it("adds a new tag by title: reads the record's tags (the one read) and sends them back with it", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todo: { id: ID, tags: [{ id: 'tag-1', title: 'Priority' }] } } });
    replyOnce(calls, 200, { data: { record: RECORD } });
    await run('add_tag', { recordId: ID, tagTitle: ' VIP ' });
    expect(calls.map((c) => c.query)).toEqual([RECORD_TAGS, EDIT_RECORD]);
    expect(calls[0]!.variables).toEqual({ id: ID });
    expect(calls[1]!.variables).toEqual({ input: { todoId: ID, tags: [{ id: 'tag-1' }, { title: 'VIP' }] } });
  });

  it('keeps the tags as they are when the record already has that title', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { todo: { id: ID, tags: [{ id: 'tag-1', title: 'Priority' }] } } });
    replyOnce(calls, 200, { data: { record: RECORD } });
    await run('add_tag', { recordId: ID, tagTitle: 'Priority' });
    expect(calls[1]!.variables).toEqual({ input: { todoId: ID, tags: [{ id: 'tag-1' }] } });
  });

  it('refuses no tag or both, and names the tag Blue cannot find', async () => {
    await refused('add_tag', { recordId: ID }, /Tag is empty/);
    await refused('add_tag', { recordId: ID, tagId: 'tag-1', tagTitle: 'VIP' }, /not both/);
    await refused('remove_tag', { recordId: ID }, /Tag is empty/);
    replyOnce([], 200, gqlError('TAG_NOT_FOUND', 'Tag not found'));
    const err = await caught(run('add_tag', { recordId: ID, tagId: 'tag-gone' }));
    expect(err.message).toMatch(new RegExp(`could not find the tag while trying to add tag tag-gone to record ${ID}`));
  });

  it('removes one tag with updateTodos removeTagId', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { applied: true, record: record({ tags: [] }) } });
    const result = await run('remove_tag', { recordId: ID, tagId: 'tag-1' });
    expect(calls[0]!.query).toBe(UPDATE_TODOS_RECORD);
    expect(calls[0]!.variables).toEqual({
      update: { removeTagId: 'tag-1', filter: { todoIds: [ID] } },
      record: { todoId: ID },
    });
    expect(result).toMatchObject({ tags: [], tagTitles: '' });
  });
});

describe('add_assignee / remove_assignee', () => {
  it.each([
    ['add_assignee', ADD_ASSIGNEES],
    ['remove_assignee', REMOVE_ASSIGNEES],
  ])('%s sends the users (a mapped comma list too) and answers the record', async (key, query) => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { applied: { success: true }, record: RECORD } });
    const result = await run(key, { recordId: ID, assigneeIds: ['user-1', 'user-2, user-1'] });
    expect(calls[0]!.query).toBe(query);
    expect(calls[0]!.variables).toEqual({
      assignees: { todoId: ID, assigneeIds: ['user-1', 'user-2'] },
      record: { todoId: ID },
    });
    expect(result).toMatchObject(RECORD_OUT);
  });

  it('refuses no users, and names the users when Blue cannot find one', async () => {
    await refused('add_assignee', { recordId: ID, assigneeIds: [] }, /Users is empty/);
    replyOnce([], 200, gqlError('USER_NOT_FOUND', 'User not found'));
    const err = await caught(run('add_assignee', { recordId: ID, assigneeIds: ['user-9'] }));
    expect(err.message).toMatch(
      new RegExp(`could not find the user while trying to assign user user-9 to record ${ID}`),
    );
  });
});

describe('add_checklist_item', () => {
  const checklists = (list: unknown[]) => ({ data: { todo: { id: ID, checklists: list } } });
  const itemReply = (checklistId: string, title: string) => ({
    data: {
      item: {
        id: 'item-9',
        uid: 'iu-9',
        title: 'Passport',
        position: 196605,
        done: false,
        checklist: { id: checklistId, title, todo: RECORD },
      },
    },
  });

  it("adds to the record's checklist of that name (ignoring case), after its last item: one read, one write", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(
      calls,
      200,
      checklists([
        { id: 'cl-1', title: 'Other', position: 65535, checklistItems: [] },
        {
          id: 'cl-2',
          title: 'KYC',
          position: 131070,
          checklistItems: [
            { id: 'i1', position: 65535 },
            { id: 'i2', position: 131070 },
          ],
        },
      ]),
    );
    replyOnce(calls, 200, itemReply('cl-2', 'KYC'));
    const result = await run('add_checklist_item', { recordId: ID, checklistTitle: ' kyc ', itemTitle: 'Passport' });
    expect(calls.map((c) => c.query)).toEqual([RECORD_CHECKLISTS, ADD_CHECKLIST_ITEM]);
    expect(calls[1]!.variables).toEqual({ input: { checklistId: 'cl-2', title: 'Passport', position: 196605 } });
    expect(result).toMatchObject({
      ...RECORD_OUT,
      checklistItem: { id: 'item-9', title: 'Passport', done: false, checklist: { id: 'cl-2', title: 'KYC' } },
    });
  });

  it('creates a missing checklist after the last one first (its id cannot feed the same document)', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, checklists([{ id: 'cl-1', title: 'Other', position: 65535, checklistItems: [] }]));
    replyOnce(calls, 200, { data: { checklist: { id: 'cl-new', title: 'KYC', position: 131070 } } });
    replyOnce(calls, 200, itemReply('cl-new', 'KYC'));
    await run('add_checklist_item', { recordId: ID, checklistTitle: 'KYC', itemTitle: 'Passport' });
    expect(calls.map((c) => c.query)).toEqual([RECORD_CHECKLISTS, CREATE_CHECKLIST, ADD_CHECKLIST_ITEM]);
    expect(calls[1]!.variables).toEqual({ input: { todoId: ID, title: 'KYC', position: 131070 } });
    expect(calls[2]!.variables).toEqual({ input: { checklistId: 'cl-new', title: 'Passport', position: 65535 } });
  });

  it("warns that a replay may add the item twice when the item's write gets no answer (a gateway 504)", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, checklists([{ id: 'cl-2', title: 'KYC', position: 65535, checklistItems: [] }]));
    replyOnce(calls, 504, '<html>Gateway Timeout</html>', { 'content-type': 'text/html' });
    const err = await caught(run('add_checklist_item', { recordId: ID, checklistTitle: 'KYC', itemTitle: 'Passport' }));
    expect(err.code).toBe('blue_server_error');
    expect(err.message).toMatch(
      new RegExp(`add an item to checklist "KYC" of record ${ID}.*may have been added anyway.*may appear twice`),
    );
  });

  it('refuses an empty checklist name or item, and names the record Blue cannot find', async () => {
    await refused('add_checklist_item', { recordId: ID, itemTitle: 'x' }, /Checklist is empty/);
    await refused('add_checklist_item', { recordId: ID, checklistTitle: 'KYC' }, /Item is empty/);
    replyOnce([], 200, gqlError('TODO_NOT_FOUND', 'Todo not found'));
    const err = await caught(run('add_checklist_item', { recordId: ID, checklistTitle: 'KYC', itemTitle: 'x' }));
    expect(err.message).toMatch(
      new RegExp(`could not find the record while trying to read the checklists of record ${ID}`),
    );
  });
});

describe('plainText', () => {
  it('keeps line breaks and decodes entities', () => {
    expect(plainText('<p>a &amp; b</p><p>c<br/>d &lt;e&gt;</p>')).toBe('a & b\nc\nd <e>');
  });
});

describe('update_record custom field inputs', () => {
  type Fn = (z: unknown, bundle: unknown) => Promise<{ key: string }[]>;
  const dynamicOf = (key: string) =>
    dynamicFieldsFunction<Fn>(
      (App.creates as unknown as Record<string, { operation: { inputFields: unknown[] } }>)[key]!.operation.inputFields,
    );
  const FIELDS = {
    data: {
      customFields: {
        items: [
          { id: 'cf-amount', name: 'Amount', type: 'CURRENCY', currency: 'USD', customFieldOptions: [] },
          {
            id: 'cf-stage',
            name: 'Stage',
            type: 'SELECT_SINGLE',
            customFieldOptions: [{ id: 'opt-1', title: 'New', color: '#fff' }],
          },
          { id: 'cf-formula', name: 'Score', type: 'FORMULA', customFieldOptions: [] },
        ],
        pageInfo: { hasNextPage: false },
      },
    },
  };

  it("are Create's inputs exactly, for the project picked in the step", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, FIELDS);
    replyOnce(calls, 200, FIELDS);
    const update = await appTester(
      dynamicOf('update_record') as never,
      { authData: AUTH, inputData: { projectId: 'cprojpicked00000000000001' } } as never,
    );
    const create = await appTester(dynamicOf('create_todo') as never, { authData: AUTH, inputData: {} } as never);
    expect(update).toEqual(create);
    expect((update as { key: string }[]).map((f) => f.key)).toEqual([
      customFieldKey('value', 'CURRENCY', 'cf-amount'),
      customFieldKey('currency', 'CURRENCY', 'cf-amount'),
      customFieldKey('value', 'SELECT_SINGLE', 'cf-stage'),
    ]);
    expect(calls.map((c) => c.variables.projectId)).toEqual(['cprojpicked00000000000001', AUTH.blueProjectId]);
  });
});
