// Reading records by criteria, for Find Record, the polling triggers and the filtered samples of
// the record triggers. One request per call: Blue's todos filter does the narrowing it can
// (project, ids, list, tag, assignee, done, title text) and the rest (exact title, a custom field's
// value) is decided here on the records it returns.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { requireBlueCredentials } from './config.js';
import { matchesCustomFieldFilter, type CustomFieldFilter } from './custom-field-filter.js';
import { gql } from './gql.js';
import { bool, text as read } from './inputs.js';
import { blueCompanyId, blueProjectId } from './project-ref.js';
import { todosFilterFields, type RecordFilter } from './record-filters.js';
import { RECORD_SELECTION, recordOutput, recordSchema, type BlueRecordGraphql, type RecordOutput } from './record.js';

export const FIND_TODOS = gql`
  query ZapierFindTodos($filter: TodosFilter!, $limit: Int!) {
    todoQueries {
      todos(filter: $filter, sort: [createdAt_DESC], limit: $limit) {
        items { ${RECORD_SELECTION} }
      }
    }
  }
`;

// todoQueries.todos cannot sort by updatedAt (TodosSort has no such value); the older root
// query can (TodoOrderByInput.updatedAt_DESC), with the same TodosFilter. Blue marks it
// deprecated ("will be rewritten") but it is the only way to ask for the latest changes.
export const UPDATED_TODOS = gql`
  query ZapierUpdatedTodos($filter: TodosFilter!, $first: Int!) {
    todos(filter: $filter, orderBy: updatedAt_DESC, first: $first) {
      items { ${RECORD_SELECTION} }
    }
  }
`;

const findResponse = zod.lazy(() =>
  zod.object({ todoQueries: zod.object({ todos: zod.object({ items: zod.array(recordSchema) }) }) }),
);
const updatedResponse = zod.lazy(() => zod.object({ todos: zod.object({ items: zod.array(recordSchema) }) }));

export interface TodoCriteria {
  /** Workspace id (filters take ids, not slugs). */
  projectId: string;
  filter?: RecordFilter;
  todoIds?: string[];
  /** Blue's text search (narrows; the caller checks the title itself). */
  search?: string;
  done?: boolean;
}

/** The TodosFilter for the criteria; keys left out filter nothing. */
export function todosFilter(companyId: string, c: TodoCriteria): Record<string, unknown> {
  return {
    companyIds: [companyId],
    projectIds: [c.projectId],
    ...(c.todoIds ? { todoIds: c.todoIds } : {}),
    ...todosFilterFields(c.filter ?? {}),
    ...(c.search ? { search: c.search } : {}),
    ...(c.done === undefined ? {} : { done: c.done }),
    // Done records are part of every search unless `done` says otherwise.
    showCompleted: true,
  };
}

/** Records matching the criteria, newest first (created), or most recently changed first. */
export async function searchTodos(
  z: ZObject,
  bundle: Bundle,
  c: TodoCriteria,
  options: { limit: number; action: string; order?: 'created' | 'updated' },
): Promise<BlueRecordGraphql[]> {
  // The filter takes the company's id, not the slug the connection may hold.
  const filter = todosFilter(await blueCompanyId(z, bundle), c);
  if (options.order === 'updated') {
    const data = await blueQuery(z, bundle, {
      query: UPDATED_TODOS,
      variables: { filter, first: options.limit },
      projectId: c.projectId,
      action: options.action,
      schema: updatedResponse,
    });
    return data.todos.items;
  }
  const data = await blueQuery(z, bundle, {
    query: FIND_TODOS,
    variables: { filter, limit: options.limit },
    projectId: c.projectId,
    action: options.action,
    schema: findResponse,
  });
  return data.todoQueries.todos.items;
}

const squash = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export interface RecordMatch {
  title?: string;
  /** Match part of the title instead of all of it. */
  titleContains?: boolean;
  customField?: CustomFieldFilter;
}

/** The checks Blue's filter cannot make: the title (exact or part, case-insensitive) and a custom field's value. */
export function matchesRecord(record: BlueRecordGraphql, m: RecordMatch): boolean {
  if (m.title) {
    const title = squash(record.title);
    const wanted = squash(m.title);
    if (m.titleContains ? !title.includes(wanted) : title !== wanted) return false;
  }
  if (m.customField?.customFieldId || m.customField?.value) {
    // With no previous value every field counts as "changed", so this asks: does the field hold the value?
    if (!matchesCustomFieldFilter(m.customField, record, null)) return false;
  }
  return true;
}

/** Records Find Record asks Blue for when it has to check titles or values itself. */
export const FIND_SCAN_LIMIT = 100;
/** Results Find Record returns (newest first; a Zap uses the first). */
export const FIND_RESULT_LIMIT = 10;

/**
 * Find Record: by ID (the other criteria are then ignored), or by title within the project or one
 * list, optionally by a custom field's value and done status. Nothing found is an empty list.
 */
export async function findRecords(z: ZObject, bundle: Bundle): Promise<RecordOutput[]> {
  const input = bundle.inputData;
  const recordId = read(input.recordId);
  const title = read(input.title);
  const customFieldId = read(input.customFieldId);
  const customFieldValue = read(input.customFieldValue);
  const status = read(input.done);
  const titleContains = bool(z, input.titleContains, 'Match Part of the Title') ?? false;
  const todoListId = read(input.todoListId);
  if (!recordId && !title && !customFieldValue) {
    throw new z.errors.Error(
      'Enter a Record ID, a Title or a Custom Field value to search by.',
      'blue_find_record_empty',
      400,
    );
  }
  if (customFieldId && !customFieldValue) {
    throw new z.errors.Error(
      'Enter the Custom Field Value to look for, or clear Custom Field.',
      'blue_find_record_value',
      400,
    );
  }
  // A mapped list of ids would find nothing, and Find or Create would then create a duplicate.
  if (recordId && /[\s,]/.test(recordId)) {
    throw new z.errors.Error(
      `Record ID "${recordId}" is not one Blue ID: map a single ID.`,
      'blue_find_record_id',
      400,
    );
  }
  if (status && status !== 'done' && status !== 'open') {
    throw new z.errors.Error(`Done Status must be "done" or "open", not "${status}".`, 'blue_find_record_status', 400);
  }
  // The todos filter takes the workspace id, not the slug the connection may hold.
  const projectId = await blueProjectId(z, bundle, requireBlueCredentials(z, bundle.authData).projectId);
  const action = "search the project's records";
  if (recordId) {
    const found = await searchTodos(z, bundle, { projectId, todoIds: [recordId] }, { limit: 1, action });
    return found.map((r) => recordOutput(r));
  }
  const match: RecordMatch = {
    ...(title ? { title, titleContains } : {}),
    ...(customFieldValue
      ? { customField: { ...(customFieldId ? { customFieldId } : {}), value: customFieldValue } }
      : {}),
  };
  const found = await searchTodos(
    z,
    bundle,
    {
      projectId,
      ...(todoListId ? { filter: { todoListId } } : {}),
      ...(title ? { search: title } : {}),
      ...(status ? { done: status === 'done' } : {}),
    },
    { limit: FIND_SCAN_LIMIT, action },
  );
  return found
    .filter((r) => matchesRecord(r, match))
    .slice(0, FIND_RESULT_LIMIT)
    .map((r) => recordOutput(r));
}
