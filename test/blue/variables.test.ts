// The variables each Blue action and search sends, coerced against Blue's input types: validating
// a document (documents.test.ts) checks the operation, not the values, so a misspelt or missing
// input member (setTodoCustomField's typed members, createComment's category, updateTodos'
// filter) would pass it and fail only at Blue. Every request of every run is checked, with
// inputs that fill in every field the action has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, getVariableValues, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import { customFieldKey, type SettableType } from '../../blue/custom-field-values.js';
import { BLUE_SANDBOX_SDL } from '../../sandbox/blue-schema.js';
import { describeReference } from '../support/reference.js';
import { AUTH, replyOnce, useNock, type CapturedCall } from './fixtures.js';

const appTester = zapier.createAppTester(App);
useNock();

const ID = 'ctodo0000000000000000000001';
const cf = (type: SettableType, id: string) => customFieldKey('value', type, id);
const EVERY_CUSTOM_FIELD = {
  [cf('TEXT_SINGLE', 'cf-a')]: 'ACME',
  [cf('TEXT_MULTI', 'cf-b')]: 'Line 1\nLine 2',
  [cf('EMAIL', 'cf-c')]: 'ada@example.com',
  [cf('URL', 'cf-d')]: 'https://example.com',
  [cf('PHONE', 'cf-e')]: '+1 234 567 8900',
  [cf('NUMBER', 'cf-f')]: '12.5',
  [cf('PERCENT', 'cf-g')]: '40%',
  [cf('RATING', 'cf-h')]: 4,
  [cf('CURRENCY', 'cf-i')]: '2500.50',
  [customFieldKey('currency', 'CURRENCY', 'cf-i')]: 'usd',
  [cf('CHECKBOX', 'cf-j')]: true,
  [cf('DATE', 'cf-k')]: '2026-03-01',
  [customFieldKey('end', 'DATE', 'cf-k')]: '2026-03-05',
  [cf('SELECT_SINGLE', 'cf-l')]: 'opt-1',
  [cf('SELECT_MULTI', 'cf-m')]: ['opt-2', 'opt-3'],
  [cf('COUNTRY', 'cf-n')]: 'gb',
  [cf('COUNTRY', 'cf-o')]: 'United Kingdom',
  [cf('LOCATION', 'cf-p')]: '48.8584,2.2945',
};

const refusal = { data: null, errors: [{ message: 'stop here', extensions: { code: 'BAD_USER_INPUT' } }] };

interface Run {
  kind: 'creates' | 'searches';
  key: string;
  inputData: Record<string, unknown>;
  /** Answers to the requests before the last (reads the action needs); the last is refused. */
  before?: unknown[];
}

const RUNS: Record<string, Run> = {
  'update_record, every field': {
    kind: 'creates',
    key: 'update_record',
    inputData: {
      recordId: ID,
      title: 'Renamed',
      description: 'Paid',
      todoListId: 'list-2',
      startedAt: '2026-03-01',
      duedAt: '2026-03-05',
      assigneeIds: ['user-1'],
      tagIds: ['tag-1'],
      tagTitles: ['VIP'],
      ...EVERY_CUSTOM_FIELD,
    },
  },
  move_record: { kind: 'creates', key: 'move_record', inputData: { recordId: ID, todoListId: 'list-2' } },
  'complete_record (done)': { kind: 'creates', key: 'complete_record', inputData: { recordId: ID, done: 'done' } },
  'complete_record (reopen)': { kind: 'creates', key: 'complete_record', inputData: { recordId: ID, done: 'open' } },
  add_comment: { kind: 'creates', key: 'add_comment', inputData: { recordId: ID, text: 'Paid: <b>1,250 USD</b>' } },
  'add_tag (existing)': { kind: 'creates', key: 'add_tag', inputData: { recordId: ID, tagId: 'tag-1' } },
  'add_tag (new title)': {
    kind: 'creates',
    key: 'add_tag',
    inputData: { recordId: ID, tagTitle: 'VIP' },
    before: [{ data: { todo: { id: ID, tags: [{ id: 'tag-1', title: 'Priority' }] } } }],
  },
  remove_tag: { kind: 'creates', key: 'remove_tag', inputData: { recordId: ID, tagId: 'tag-1' } },
  add_assignee: { kind: 'creates', key: 'add_assignee', inputData: { recordId: ID, assigneeIds: ['user-1'] } },
  remove_assignee: { kind: 'creates', key: 'remove_assignee', inputData: { recordId: ID, assigneeIds: ['user-1'] } },
  'add_checklist_item (new checklist)': {
    kind: 'creates',
    key: 'add_checklist_item',
    inputData: { recordId: ID, checklistTitle: 'KYC', itemTitle: 'Passport copy' },
    before: [
      { data: { todo: { id: ID, checklists: [] } } },
      { data: { checklist: { id: 'cl-1', title: 'KYC', position: 65535 } } },
    ],
  },
  'create_todo, every field': {
    kind: 'creates',
    key: 'create_todo',
    inputData: {
      todoListId: 'list-1',
      title: 'New',
      description: 'x',
      duedAt: '2026-03-05',
      assigneeIds: ['user-1'],
      ...EVERY_CUSTOM_FIELD,
    },
  },
  'find_todo (title, list, status)': {
    kind: 'searches',
    key: 'find_todo',
    inputData: { title: 'Order', todoListId: 'list-1', done: 'open', customFieldValue: '1042' },
  },
  'find_todo (id)': { kind: 'searches', key: 'find_todo', inputData: { recordId: ID } },
  find_user: { kind: 'searches', key: 'find_user', inputData: { email: 'ada@example.com' } },
};

type Ops = Record<string, { operation: { perform: never } }>;

/** Every request a run sends (the last refused by Blue, so no answer needs to be complete). */
async function requests(run: Run): Promise<CapturedCall[]> {
  const calls: CapturedCall[] = [];
  for (const body of run.before ?? []) replyOnce(calls, 200, body);
  replyOnce(calls, 200, refusal);
  const perform = (App[run.kind] as unknown as Ops)[run.key]!.operation.perform;
  await expect(appTester(perform, { authData: AUTH, inputData: run.inputData } as never)).rejects.toThrow(/stop here/);
  expect(calls).toHaveLength((run.before ?? []).length + 1);
  return calls;
}

function coercionErrors(schema: GraphQLSchema, call: CapturedCall): string[] {
  const op = parse(call.query).definitions[0] as OperationDefinitionNode;
  const result = getVariableValues(schema, op.variableDefinitions ?? [], call.variables);
  return (result.errors ?? []).map((e) => `${op.name?.value}: ${e.message}`);
}

function checks(load: () => GraphQLSchema): void {
  it.each(Object.entries(RUNS))("%s sends variables of Blue's input types", async (_name, run) => {
    const calls = await requests(run);
    expect(calls.flatMap((c) => coercionErrors(load(), c))).toEqual([]);
  });

  it("catches a value Blue's types refuse (the check can fail)", () => {
    const call: CapturedCall = {
      query: 'mutation M($input: CreateCommentInput!) { createComment(input: $input) { id } }',
      variables: { input: { html: '<p>x</p>', text: 'x', category: 'RECORD', todoId: ID } },
      headers: {},
    };
    const errors = coercionErrors(load(), call).join('\n');
    expect(errors).toMatch(/"RECORD" does not exist in "CommentCategory" enum/);
    expect(errors).toMatch(/Field "categoryId" of required type "String!" was not provided/);
    expect(errors).toMatch(/Field "todoId" is not defined by type "CreateCommentInput"/);
  });
}

describe("against the project's Blue SDL", () => {
  const schema = buildSchema(BLUE_SANDBOX_SDL);
  checks(() => schema);
});

describeReference("against Blue's full schema", 'blue/schema.graphql', (file) => {
  let schema: GraphQLSchema;
  checks(() => (schema ??= buildSchema(readFileSync(file, 'utf8'))));
});
