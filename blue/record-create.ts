// Create Todo: the createTodo mutation, the variables built from the action's form, and the call.
// Everything the form resolved (ids, custom field types) is already in the inputs, so a run sends
// exactly one request; every conversion happens before it, and the app never resends it. The
// result is the record in its one output shape (record.ts).
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { customFieldValues, type CustomFieldValue } from './custom-field-values.js';
import { gql } from './gql.js';
import { bool, date, list, text } from './inputs.js';
import { RECORD_SELECTION, recordOutput, recordSchema, type RecordOutput } from './record.js';

export const CREATE_TODO = gql`
  mutation ZapierCreateTodo($input: CreateTodoInput!) {
    createTodo(input: $input) { ${RECORD_SELECTION} }
  }
`;

const responseSchema = zod.lazy(() => zod.object({ createTodo: recordSchema }));

export type Placement = 'TOP' | 'BOTTOM';

/** createTodo's `input`, with only the keys the user filled in. */
export interface CreateTodoInput {
  todoListId?: string;
  title: string;
  startedAt?: string;
  duedAt?: string;
  notify?: boolean;
  description?: string;
  placement?: Placement;
  assigneeIds?: string[];
  checklists?: { title: string; position: number }[];
  customFields?: CustomFieldValue[];
  tags?: ({ id: string } | { title: string })[];
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Common HTML elements: text with one of them is taken as HTML; "<soon>" or "a < b" stay text.
const HTML_TAG =
  /<\/?(?:p|br|div|span|a|b|i|u|s|em|strong|ul|ol|li|h[1-6]|blockquote|pre|code|img|hr|table|thead|tbody|tr|td|th)\b[^>]*>/i;

/** Blue stores descriptions as HTML: markup is kept, plain text becomes paragraphs. */
export function descriptionHtml(value: string): string {
  if (HTML_TAG.test(value)) return value;
  return value
    .split(/\r?\n\s*\r?\n/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p>${escapeHtml(para).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * createTodo variables from the action's inputs. Empty optional inputs are left out; anything
 * that can't be converted throws a z.errors.Error before a request is made.
 */
export function createTodoVariables(
  z: ZObject,
  inputData: Readonly<Record<string, unknown>>,
): { input: CreateTodoInput } {
  const title = text(inputData.title);
  if (!title) {
    throw new z.errors.Error('Title is empty: map or type a title for the todo.', 'invalid_input', 400);
  }
  const input: CreateTodoInput = { title };

  const todoListId = text(inputData.todoListId);
  if (todoListId) input.todoListId = todoListId;

  const description = text(inputData.description);
  if (description) input.description = descriptionHtml(description);

  const startedAt = date(z, inputData.startedAt, 'Start Date');
  if (startedAt) input.startedAt = startedAt;
  const duedAt = date(z, inputData.duedAt, 'Due Date');
  if (duedAt) input.duedAt = duedAt;
  if (startedAt && duedAt && Date.parse(duedAt) < Date.parse(startedAt)) {
    throw new z.errors.Error(`Due Date (${duedAt}) is before Start Date (${startedAt}).`, 'invalid_input', 400);
  }

  const placement = text(inputData.placement)?.toUpperCase();
  if (placement) {
    if (placement !== 'TOP' && placement !== 'BOTTOM') {
      throw new z.errors.Error(
        `Placement must be Top or Bottom, not "${text(inputData.placement)}".`,
        'invalid_input',
        400,
      );
    }
    input.placement = placement;
  }

  const notify = bool(z, inputData.notify, 'Notify Assignees');
  if (notify !== undefined) input.notify = notify;

  const assigneeIds = list(inputData.assigneeIds, true);
  if (assigneeIds.length) input.assigneeIds = assigneeIds;

  const checklists = list(inputData.checklists, false).map((title, i) => ({ title, position: i + 1 }));
  if (checklists.length) input.checklists = checklists;

  // Existing tags by id (from the dropdown), new or reused ones by title: Blue matches titles itself.
  const tags = [
    ...list(inputData.tagIds, true).map((id) => ({ id })),
    ...list(inputData.tagTitles, false).map((title) => ({ title })),
  ];
  if (tags.length) input.tags = tags;

  const customFields = customFieldValues(z, inputData);
  if (customFields.length) input.customFields = customFields;

  return { input };
}

/** Creates the todo with one request and returns it in the record's output shape. */
export async function createTodo(z: ZObject, bundle: Bundle): Promise<RecordOutput> {
  const variables = createTodoVariables(z, bundle.inputData);
  const data = await blueQuery(z, bundle, {
    query: CREATE_TODO,
    variables,
    action: 'create the record',
    schema: responseSchema,
    // After a timeout, a dropped connection or a gateway error Blue may have created the todo:
    // replaying the run blindly could create it twice.
    notIdempotent: 'The record may have been created anyway: check the list in Blue before replaying this run.',
  });
  return recordOutput(data.createTodo);
}
