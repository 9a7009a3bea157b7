// The record actions: each run sends one GraphQL document, its mutations as aliased fields that Blue
// runs in order, and answers with the record (or comment) in the shape of blue/record.ts. Blue's
// Mutation type has no todo(id:), and several of these mutations answer only a Boolean; a trailing
// editTodo with nothing but the todoId changes nothing and answers the record as the writes before
// it left it, so one request both writes and reads (a mutation document cannot hold a query, and
// no set-type mutation for done/tags/assignees answers a Todo). EditTodoInput needs only todoId,
// and Blue's own CLI sends exactly that editTodo when an update changes only assignees, tags or
// custom fields (heyblueteam/cli cmd/records/update.go). Reads before a write are marked where
// the API gives no other way.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { COMMENT_SELECTION, commentOutput, commentSchema, type CommentOutput } from './comment.js';
import { setCustomFieldValues, type SetCustomFieldValue } from './custom-field-set.js';
import { gql } from './gql.js';
import { bool, date, list, text } from './inputs.js';
import { RECORD_SELECTION, recordOutput, recordSchema, type RecordOutput } from './record.js';
import { descriptionHtml } from './record-create.js';

type Input = Readonly<Record<string, unknown>>;

function invalid(z: ZObject, message: string): never {
  throw new z.errors.Error(`${message} Nothing was sent to Blue.`, 'invalid_input', 400);
}

/** One id from a dropdown or a mapped value ("" and lists are refused with the field named). */
function oneId(z: ZObject, v: unknown, label: string, hint: string): string {
  const id = text(v);
  if (!id) invalid(z, `${label} is empty: ${hint}`);
  if (/[\s,]/.test(id)) invalid(z, `${label} "${id}" is not one Blue ID: map a single ID.`);
  return id;
}

function optionalId(z: ZObject, v: unknown, label: string): string | undefined {
  return text(v) === undefined ? undefined : oneId(z, v, label, '');
}

/** The record a step changes and the project whose header the request carries. */
export interface Target {
  todoId: string;
  /** The step's Project pick (id or slug, as X-Bloo-Project-ID takes); else the connection's. */
  projectId?: string;
}

export function target(z: ZObject, input: Input): Target {
  const todoId = oneId(z, input.recordId, 'Record', 'pick a record or map a Record ID from an earlier step.');
  const projectId = text(input.projectId);
  return projectId ? { todoId, projectId } : { todoId };
}

/** Text for Blue's `text` next to `html` (comments and descriptions take both). */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|pre)>\s*/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

// --- documents ---

export const EDIT_RECORD = gql`
  mutation ZapierEditRecord($input: EditTodoInput!) {
    record: editTodo(input: $input) { ${RECORD_SELECTION} }
  }
`;

export const UPDATE_TODOS_RECORD = gql`
  mutation ZapierUpdateTodosRecord($update: UpdateTodosInput!, $record: EditTodoInput!) {
    applied: updateTodos(input: $update)
    record: editTodo(input: $record) { ${RECORD_SELECTION} }
  }
`;

export const ADD_ASSIGNEES = gql`
  mutation ZapierAddAssignees($assignees: AddTodoAssigneesInput!, $record: EditTodoInput!) {
    applied: addTodoAssignees(input: $assignees) { success }
    record: editTodo(input: $record) { ${RECORD_SELECTION} }
  }
`;

export const REMOVE_ASSIGNEES = gql`
  mutation ZapierRemoveAssignees($assignees: RemoveTodoAssigneesInput!, $record: EditTodoInput!) {
    applied: removeTodoAssignees(input: $assignees) { success }
    record: editTodo(input: $record) { ${RECORD_SELECTION} }
  }
`;

export const ADD_COMMENT = gql`
  mutation ZapierAddComment($input: CreateCommentInput!) {
    comment: createComment(input: $input) { ${COMMENT_SELECTION} }
  }
`;

export const RECORD_TAGS = gql`
  query ZapierRecordTags($id: String!) {
    todo(id: $id) { id tags { id title } }
  }
`;

export const RECORD_CHECKLISTS = gql`
  query ZapierRecordChecklists($id: String!) {
    todo(id: $id) { id checklists { id title position checklistItems { id position } } }
  }
`;

export const CREATE_CHECKLIST = gql`
  mutation ZapierCreateChecklist($input: CreateChecklistInput!) {
    checklist: createChecklist(input: $input) { id title position }
  }
`;

export const ADD_CHECKLIST_ITEM = gql`
  mutation ZapierAddChecklistItem($input: CreateChecklistItemInput!) {
    item: createChecklistItem(input: $input) {
      id
      uid
      title
      position
      done
      checklist { id title todo { ${RECORD_SELECTION} } }
    }
  }
`;

/**
 * Update Record's document: only the mutations the step needs, then editTodo (which also answers
 * the record) last, so the answer shows every change of the run.
 */
export function updateRecordDocument(parts: { assignees: boolean; customFields: number }): string {
  const vars = ['$edit: EditTodoInput!'];
  const fields: string[] = [];
  if (parts.assignees) {
    vars.push('$assignees: SetTodoAssigneesInput!');
    fields.push('assignees: setTodoAssignees(input: $assignees) { success }');
  }
  for (let i = 0; i < parts.customFields; i++) {
    vars.push(`$cf${i}: SetTodoCustomFieldInput!`);
    fields.push(`cf${i}: setTodoCustomField(input: $cf${i})`);
  }
  fields.push(`record: editTodo(input: $edit) { ${RECORD_SELECTION} }`);
  return `mutation ZapierUpdateRecord(${vars.join(', ')}) {\n  ${fields.join('\n  ')}\n}`;
}

// Its widest form, registered so that test/blue/documents.test.ts validates it against Blue's schema.
void gql`${updateRecordDocument({ assignees: true, customFields: 2 })}`;

// --- variables ---

export interface EditTodoInput {
  todoId: string;
  todoListId?: string;
  title?: string;
  html?: string;
  text?: string;
  startedAt?: string;
  duedAt?: string;
  tags?: ({ id: string } | { title: string })[];
}

export interface UpdateRecordRequest {
  query: string;
  variables: {
    edit: EditTodoInput;
    assignees?: { todoId: string; assigneeIds: string[] };
    [cf: `cf${number}`]: SetCustomFieldValue & { todoId: string };
  };
}

/** Update Record's document and variables: only what the user filled in is sent and changed. */
export function updateRecordRequest(z: ZObject, input: Input): UpdateRecordRequest {
  const { todoId } = target(z, input);
  const edit: EditTodoInput = { todoId };
  const title = text(input.title);
  if (title) edit.title = title;
  const description = text(input.description);
  if (description) {
    edit.html = descriptionHtml(description);
    edit.text = plainText(edit.html);
  }
  const todoListId = optionalId(z, input.todoListId, 'List');
  if (todoListId) edit.todoListId = todoListId;
  const startedAt = date(z, input.startedAt, 'Start Date');
  if (startedAt) edit.startedAt = startedAt;
  const duedAt = date(z, input.duedAt, 'Due Date');
  if (duedAt) edit.duedAt = duedAt;
  if (startedAt && duedAt && Date.parse(duedAt) < Date.parse(startedAt)) {
    invalid(z, `Due Date (${duedAt}) is before Start Date (${startedAt}).`);
  }
  // editTodo replaces the record's tags with the ones given: existing by id, others by title.
  const tags = [
    ...list(input.tagIds, true).map((id) => ({ id })),
    ...list(input.tagTitles, false).map((t) => ({ title: t })),
  ];
  if (tags.length) edit.tags = tags;

  const variables: UpdateRecordRequest['variables'] = { edit };
  const assigneeIds = list(input.assigneeIds, true);
  if (assigneeIds.length) variables.assignees = { todoId, assigneeIds };
  const customFields = setCustomFieldValues(z, input);
  customFields.forEach((cf, i) => {
    variables[`cf${i}`] = { todoId, ...cf };
  });
  if (Object.keys(edit).length === 1 && !variables.assignees && !customFields.length) {
    invalid(
      z,
      'Nothing to update: fill in at least one field (Title, Description, List, dates, Assignees, Tags or a custom field).',
    );
  }
  return {
    query: updateRecordDocument({ assignees: Boolean(variables.assignees), customFields: customFields.length }),
    variables,
  };
}

// --- runs ---

const recordResponse = zod.lazy(() => zod.object({ record: recordSchema }));
const appliedResponse = zod.lazy(() =>
  zod.object({
    applied: zod.union([zod.boolean(), zod.object({ success: zod.boolean() })]),
    record: recordSchema,
  }),
);

interface Write {
  query: string;
  variables: Record<string, unknown>;
  action: string;
  notIdempotent?: string;
  partialFailure?: (failedAlias: string) => string | undefined;
}

function header(t: Target): { projectId?: string } {
  return t.projectId ? { projectId: t.projectId } : {};
}

/** A write whose document answers `record` (editTodo); returns the record's output. */
async function writeRecord(z: ZObject, bundle: Bundle, t: Target, write: Write): Promise<RecordOutput> {
  const data = await blueQuery(z, bundle, { ...write, ...header(t), schema: recordResponse });
  return recordOutput(data.record);
}

/** A write answering `applied` (a Boolean or MutationResult) and then `record`. */
async function applyThenRecord(z: ZObject, bundle: Bundle, t: Target, write: Write): Promise<RecordOutput> {
  const data = await blueQuery(z, bundle, { ...write, ...header(t), schema: appliedResponse });
  const applied = typeof data.applied === 'boolean' ? data.applied : data.applied.success;
  if (!applied) {
    throw new z.errors.Error(
      `Blue did not ${write.action} (it answered "not applied"). Check the record in Blue, then replay this run.`,
      'blue_not_applied',
      409,
    );
  }
  return recordOutput(data.record);
}

const EDIT_WORDS: [keyof EditTodoInput, string][] = [
  ['title', 'title'],
  ['html', 'description'],
  ['todoListId', 'list'],
  ['startedAt', 'start date'],
  ['duedAt', 'due date'],
  ['tags', 'tags'],
];

const and = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * What to add to Blue's error when one of Update Record's mutations failed: the document runs
 * them in order and stops at the failing one, so those before it were saved and those after not.
 */
export function updatePartialFailure(
  variables: UpdateRecordRequest['variables'],
): (failedAlias: string) => string | undefined {
  const steps = new Map<string, string>();
  if (variables.assignees) steps.set('assignees', 'the assignees');
  for (let i = 0; variables[`cf${i}`]; i++) steps.set(`cf${i}`, `custom field ${variables[`cf${i}`]!.customFieldId}`);
  const edited = EDIT_WORDS.filter(([key]) => variables.edit[key] !== undefined).map(([, words]) => words);
  steps.set('record', edited.length ? `the ${and(edited)}` : 'reading the record back');
  const aliases = [...steps.keys()];
  return (failedAlias) => {
    const at = aliases.indexOf(failedAlias);
    if (at < 0 || aliases.length === 1) return undefined;
    const failed = steps.get(failedAlias)!;
    if (at === 0) return `Blue stopped at ${failed}, before changing anything else.`;
    const saved = aliases.slice(0, at).map((a) => steps.get(a)!);
    const rest = at < aliases.length - 1 ? ' and made none of the changes after it' : '';
    return (
      `Blue stopped at ${failed}${rest}. Saved before it: ${and(saved)}. ` +
      'Update Record only sets values, so replaying this run once this is fixed is safe.'
    );
  };
}

export async function updateRecord(z: ZObject, bundle: Bundle): Promise<RecordOutput> {
  const input = bundle.inputData as Input;
  const t = target(z, input);
  const { query, variables } = updateRecordRequest(z, input);
  return writeRecord(z, bundle, t, {
    query,
    variables,
    action: `update record ${t.todoId}`,
    partialFailure: updatePartialFailure(variables),
  });
}

export async function moveRecord(z: ZObject, bundle: Bundle): Promise<RecordOutput> {
  const input = bundle.inputData as Input;
  const t = target(z, input);
  const todoListId = oneId(z, input.todoListId, 'List', 'pick the list to move the record to.');
  // editTodo moves with todoListId and answers the record (moveTodo answers only a Boolean).
  return writeRecord(z, bundle, t, {
    query: EDIT_RECORD,
    variables: { input: { todoId: t.todoId, todoListId } },
    action: `move record ${t.todoId} to list ${todoListId}`,
  });
}

const DONE_WORDS = ['done', 'complete', 'completed', 'closed'];
const OPEN_WORDS = ['open', 'not done', 'not_done', 'reopen', 'reopened', 'incomplete', 'undone'];

/** Complete or reopen: updateTodos sets `done` to the value given (updateTodoDoneStatus toggles). */
export async function setRecordDone(z: ZObject, bundle: Bundle): Promise<RecordOutput> {
  const input = bundle.inputData as Input;
  const t = target(z, input);
  const word = text(input.done)?.toLowerCase();
  let done: boolean | undefined;
  // No Status at all is the field's default (Done); a mapped value that came out empty is not a
  // choice, and completing the record on it would be a guess.
  if (input.done === undefined || input.done === null) done = true;
  else if (word === undefined)
    invalid(
      z,
      'Status is empty (the value mapped to it came out blank): pick Done or Not Done, or map a value that always has one.',
    );
  else if (DONE_WORDS.includes(word)) done = true;
  else if (OPEN_WORDS.includes(word)) done = false;
  else {
    try {
      done = bool(z, input.done, 'Status');
    } catch {
      invalid(z, `Status must be Done or Not Done, not "${text(input.done)}".`);
    }
  }
  return applyThenRecord(z, bundle, t, {
    query: UPDATE_TODOS_RECORD,
    variables: { update: { done, filter: { todoIds: [t.todoId] } }, record: { todoId: t.todoId } },
    action: done ? `mark record ${t.todoId} done` : `reopen record ${t.todoId}`,
  });
}

export async function addComment(z: ZObject, bundle: Bundle): Promise<CommentOutput> {
  const input = bundle.inputData as Input;
  const t = target(z, input);
  const body = text(input.text);
  if (!body) invalid(z, 'Comment is empty: type or map the comment text.');
  const html = descriptionHtml(body);
  const data = await blueQuery(z, bundle, {
    query: ADD_COMMENT,
    variables: { input: { html, text: plainText(html), category: 'TODO', categoryId: t.todoId } },
    action: `add a comment to record ${t.todoId}`,
    notIdempotent:
      'The comment may have been added anyway: check the record in Blue before replaying this run, or it may appear twice.',
    ...header(t),
    schema: zod.object({ comment: commentSchema }),
  });
  return commentOutput(data.comment);
}

const recordTagsResponse = zod.lazy(() =>
  zod.object({
    todo: zod.object({ id: zod.string(), tags: zod.array(zod.object({ id: zod.string(), title: zod.string() })) }),
  }),
);

export async function addTag(z: ZObject, bundle: Bundle): Promise<RecordOutput> {
  const input = bundle.inputData as Input;
  const t = target(z, input);
  const tagId = optionalId(z, input.tagId, 'Tag');
  const title = text(input.tagTitle);
  if (tagId && title) invalid(z, 'Fill in Tag or New Tag Title, not both.');
  if (tagId) {
    // updateTodos adds one tag and keeps the others.
    return applyThenRecord(z, bundle, t, {
      query: UPDATE_TODOS_RECORD,
      variables: { update: { tagId, filter: { todoIds: [t.todoId] } }, record: { todoId: t.todoId } },
      action: `add tag ${tagId} to record ${t.todoId}`,
    });
  }
  if (!title) invalid(z, 'Tag is empty: pick a tag, or type a New Tag Title.');
  // Only editTodo and setTodoTags take a tag by title, and both replace all tags: the record's
  // current tags are read first (the one read) and sent back with the new one. A tag added in
  // Blue between the two requests would be dropped.
  const current = await blueQuery(z, bundle, {
    query: RECORD_TAGS,
    variables: { id: t.todoId },
    action: `read the tags of record ${t.todoId}`,
    ...header(t),
    schema: recordTagsResponse,
  });
  const tags: ({ id: string } | { title: string })[] = current.todo.tags.map((g) => ({ id: g.id }));
  if (!current.todo.tags.some((g) => g.title === title)) tags.push({ title });
  return writeRecord(z, bundle, t, {
    query: EDIT_RECORD,
    variables: { input: { todoId: t.todoId, tags } },
    action: `add tag "${title}" to record ${t.todoId}`,
  });
}

export async function removeTag(z: ZObject, bundle: Bundle): Promise<RecordOutput> {
  const input = bundle.inputData as Input;
  const t = target(z, input);
  const tagId = oneId(z, input.tagId, 'Tag', 'pick the tag to remove or map a Tag ID.');
  return applyThenRecord(z, bundle, t, {
    query: UPDATE_TODOS_RECORD,
    variables: { update: { removeTagId: tagId, filter: { todoIds: [t.todoId] } }, record: { todoId: t.todoId } },
    action: `remove tag ${tagId} from record ${t.todoId}`,
  });
}

function assigneeIds(z: ZObject, input: Input): string[] {
  const ids = list(input.assigneeIds, true);
  if (!ids.length) invalid(z, 'Users is empty: pick at least one project member or map User IDs.');
  return ids;
}

export async function addAssignees(z: ZObject, bundle: Bundle): Promise<RecordOutput> {
  const input = bundle.inputData as Input;
  const t = target(z, input);
  const ids = assigneeIds(z, input);
  return applyThenRecord(z, bundle, t, {
    query: ADD_ASSIGNEES,
    variables: { assignees: { todoId: t.todoId, assigneeIds: ids }, record: { todoId: t.todoId } },
    action: `assign user ${ids.join(', ')} to record ${t.todoId}`,
  });
}

export async function removeAssignees(z: ZObject, bundle: Bundle): Promise<RecordOutput> {
  const input = bundle.inputData as Input;
  const t = target(z, input);
  const ids = assigneeIds(z, input);
  return applyThenRecord(z, bundle, t, {
    query: REMOVE_ASSIGNEES,
    variables: { assignees: { todoId: t.todoId, assigneeIds: ids }, record: { todoId: t.todoId } },
    action: `unassign user ${ids.join(', ')} from record ${t.todoId}`,
  });
}

const checklistsResponse = zod.lazy(() =>
  zod.object({
    todo: zod.object({
      id: zod.string(),
      checklists: zod.array(
        zod.object({
          id: zod.string(),
          title: zod.string(),
          position: zod.number(),
          checklistItems: zod.array(zod.object({ id: zod.string(), position: zod.number() })),
        }),
      ),
    }),
  }),
);
const createChecklistResponse = zod.lazy(() =>
  zod.object({
    checklist: zod.object({ id: zod.string(), title: zod.string(), position: zod.number() }),
  }),
);
const itemResponse = zod.lazy(() =>
  zod.object({
    item: zod.object({
      id: zod.string(),
      uid: zod.nullish(zod.string()),
      title: zod.string(),
      position: zod.number(),
      done: zod.boolean(),
      checklist: zod.object({ id: zod.string(), title: zod.string(), todo: recordSchema }),
    }),
  }),
);

/** Blue spaces positions by 65535 and appends after the last one. */
const STEP = 65535;
const after = (positions: number[]) => Math.max(0, ...positions) + STEP;

export type ChecklistItemOutput = RecordOutput & {
  checklistItem: {
    id: string;
    title: string;
    done: boolean;
    position: number;
    checklist: { id: string; title: string };
  };
};

/**
 * Adds an item to the record's checklist with that title, creating the checklist when missing.
 * The checklist is found by title in the record's checklists (the one read: Blue takes a checklist
 * id only); a missing one is created first, and since a new checklist's id cannot feed the next
 * mutation of the same document, that case takes a second write.
 */
export async function addChecklistItem(z: ZObject, bundle: Bundle): Promise<ChecklistItemOutput> {
  const input = bundle.inputData as Input;
  const t = target(z, input);
  const checklistTitle = text(input.checklistTitle);
  if (!checklistTitle)
    invalid(z, "Checklist is empty: type the name of the record's checklist (it is created when missing).");
  const itemTitle = text(input.itemTitle);
  if (!itemTitle) invalid(z, "Item is empty: type or map the checklist item's text.");
  const repeat =
    "The item may have been added anyway: check the record's checklist in Blue before replaying this run, or it may appear twice.";

  const { todo } = await blueQuery(z, bundle, {
    query: RECORD_CHECKLISTS,
    variables: { id: t.todoId },
    action: `read the checklists of record ${t.todoId}`,
    ...header(t),
    schema: checklistsResponse,
  });
  const wanted = checklistTitle.toLowerCase();
  let checklist: { id: string; title: string; items: number[] } | undefined = todo.checklists
    .filter((c) => c.title.trim().toLowerCase() === wanted)
    .map((c) => ({ id: c.id, title: c.title, items: c.checklistItems.map((i) => i.position) }))[0];
  if (!checklist) {
    const made = await blueQuery(z, bundle, {
      query: CREATE_CHECKLIST,
      variables: {
        input: { todoId: t.todoId, title: checklistTitle, position: after(todo.checklists.map((c) => c.position)) },
      },
      action: `create checklist "${checklistTitle}" on record ${t.todoId}`,
      ...header(t),
      schema: createChecklistResponse,
    });
    checklist = { id: made.checklist.id, title: made.checklist.title, items: [] };
  }
  const { item } = await blueQuery(z, bundle, {
    query: ADD_CHECKLIST_ITEM,
    variables: { input: { checklistId: checklist.id, title: itemTitle, position: after(checklist.items) } },
    action: `add an item to checklist "${checklist.title}" of record ${t.todoId}`,
    notIdempotent: repeat,
    ...header(t),
    schema: itemResponse,
  });
  return {
    ...recordOutput(item.checklist.todo),
    checklistItem: {
      id: item.id,
      title: item.title,
      done: item.done,
      position: item.position,
      checklist: { id: item.checklist.id, title: item.checklist.title },
    },
  };
}
