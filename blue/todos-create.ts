// Create Todo: the createTodo mutation, the variables built from the action's form, and the call.
// Everything the form resolved (ids, custom field types) is already in the inputs, so a run sends
// exactly one request; every conversion happens before it, and the app never resends it.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { asIsoDate, customFieldValues, type CustomFieldValue } from './custom-field-values.js';
import { gql } from './gql.js';

export const CREATE_TODO = gql`
  mutation ZapierCreateTodo($input: CreateTodoInput!) {
    createTodo(input: $input) {
      id
      uid
      title
      text
      html
      startedAt
      duedAt
      done
      createdAt
      todoList { id title }
      users { id fullName email }
      tags { id title color }
      customFields { id name type value }
    }
  }
`;

const todoSchema = zod.object({
  id: zod.string(),
  uid: zod.string(),
  title: zod.string(),
  text: zod.nullish(zod.string()),
  html: zod.nullish(zod.string()),
  startedAt: zod.nullish(zod.string()),
  duedAt: zod.nullish(zod.string()),
  done: zod.boolean(),
  createdAt: zod.string(),
  todoList: zod.object({ id: zod.string(), title: zod.string() }),
  users: zod.array(zod.object({ id: zod.string(), fullName: zod.nullish(zod.string()), email: zod.nullish(zod.string()) })),
  tags: zod.array(zod.object({ id: zod.string(), title: zod.string(), color: zod.nullish(zod.string()) })),
  customFields: zod.array(zod.object({ id: zod.string(), name: zod.string(), type: zod.string(), value: zod.unknown() })),
});
export type CreatedTodo = zod.infer<typeof todoSchema>;

const responseSchema = zod.object({ createTodo: todoSchema });

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

function text(v: unknown): string | undefined {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/**
 * A list input: Zapier sends arrays, but a mapped value may arrive as one string. Ids are split
 * on commas and de-duplicated; titles (checklists, new tags) are kept as entered.
 */
function list(v: unknown, splitCommas: boolean): string[] {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  const out: string[] = [];
  for (const item of items) {
    const t = text(item);
    if (!t) continue;
    out.push(...(splitCommas ? t.split(',').map((s) => s.trim()).filter(Boolean) : [t]));
  }
  return splitCommas ? [...new Set(out)] : out;
}

function bool(z: ZObject, v: unknown, label: string): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const t = text(v)?.toLowerCase();
  if (t === undefined) return undefined;
  // Same words as a checkbox custom field accepts (custom-field-values.ts).
  if (['true', 'yes', '1', 'checked', 'on'].includes(t)) return true;
  if (['false', 'no', '0', 'unchecked', 'off'].includes(t)) return false;
  throw new z.errors.Error(`${label} must be true or false, not "${t}".`, 'invalid_input', 400);
}

function date(z: ZObject, v: unknown, label: string): string | undefined {
  if (text(v) === undefined) return undefined;
  try {
    return asIsoDate(v);
  } catch {
    throw new z.errors.Error(
      `${label} "${text(v)}" is not a date: use ISO-8601 (e.g. 2026-03-01T09:00:00Z) or map a date from an earlier step.`,
      'invalid_input',
      400,
    );
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Common HTML elements: text with one of them is taken as HTML; "<soon>" or "a < b" stay text.
const HTML_TAG = /<\/?(?:p|br|div|span|a|b|i|u|s|em|strong|ul|ol|li|h[1-6]|blockquote|pre|code|img|hr|table|thead|tbody|tr|td|th)\b[^>]*>/i;

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
export function createTodoVariables(z: ZObject, inputData: Readonly<Record<string, unknown>>): { input: CreateTodoInput } {
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
      throw new z.errors.Error(`Placement must be Top or Bottom, not "${text(inputData.placement)}".`, 'invalid_input', 400);
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

interface AppErrorPayload {
  message?: string;
  code?: string;
  status?: number;
}

function appErrorPayload(err: unknown): AppErrorPayload | undefined {
  if (!(err instanceof Error) || err.name !== 'AppError') return undefined;
  try {
    return JSON.parse(err.message) as AppErrorPayload;
  } catch {
    return undefined;
  }
}

/** Creates the todo with one request. */
export async function createTodo(z: ZObject, bundle: Bundle): Promise<CreatedTodo> {
  const variables = createTodoVariables(z, bundle.inputData as Record<string, unknown>);
  try {
    const data = await blueQuery(z, bundle, {
      query: CREATE_TODO,
      variables,
      action: 'create the todo',
      schema: responseSchema,
    });
    return data.createTodo;
  } catch (err) {
    // After a timeout or dropped connection Blue may have created the todo anyway: say so, since
    // replaying the run blindly could create it twice.
    const payload = appErrorPayload(err);
    // A gateway error (502/504) leaves the same doubt: the request may have reached Blue.
    const uncertain = payload?.code === 'network_error' || (payload?.code === 'blue_server_error' && (payload.status === 502 || payload.status === 504));
    if (uncertain && payload?.message) {
      throw new z.errors.Error(
        `${payload.message} The todo may have been created anyway: check the list in Blue before replaying this run.`,
        payload.code,
        payload.status ?? 503,
      );
    }
    throw err;
  }
}
