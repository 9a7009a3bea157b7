// The optional list / tag / assignee filters of the record triggers and New Comment: one set of
// input fields, one predicate over a record's output shape, and the TodosFilter fields that ask
// Blue for the same records (performList, polling triggers, Find Record).
import { defineInputFields } from 'zapier-platform-core';
import { text } from './inputs.js';

export interface RecordFilter {
  todoListId?: string;
  tagId?: string;
  assigneeId?: string;
}

/** What the predicate reads: the record output's list, tags and assignees (record.ts). */
export interface FilterableRecord {
  todoList: { id: string | null };
  tags: readonly { id: string }[];
  assignees: readonly { id: string }[];
}

const LIST_FIELD = {
  key: 'todoListId',
  label: 'List',
  dynamic: 'blue_todo_list_list.id.title',
  required: false,
  helpText: 'Only records in this list start the Zap. Leave empty for any list.',
} as const;

const TAG_AND_ASSIGNEE_FIELDS = [
  {
    key: 'tagId',
    label: 'Tag',
    dynamic: 'blue_tag_list.id.title',
    required: false,
    helpText: 'Only records with this tag start the Zap. Leave empty for any tag.',
  },
  {
    key: 'assigneeId',
    label: 'Assignee',
    dynamic: 'blue_user_list.id.label',
    required: false,
    helpText: 'Only records assigned to this project member start the Zap. Leave empty for anyone.',
  },
] as const;

/** List, tag and assignee, for the record triggers (and New Comment: the record commented on). */
export const RECORD_FILTER_FIELDS = defineInputFields([LIST_FIELD, ...TAG_AND_ASSIGNEE_FIELDS]);

/** Record Moved: the list is where the record was moved to. */
export const MOVED_FILTER_FIELDS = defineInputFields([
  {
    ...LIST_FIELD,
    label: 'To List',
    helpText: 'Only records moved into this list start the Zap. Leave empty for any list.',
  },
  ...TAG_AND_ASSIGNEE_FIELDS,
]);

/** The filter the Zap's inputs ask for (empty inputs filter nothing). */
export function recordFilterFrom(input: Record<string, unknown>): RecordFilter {
  const todoListId = text(input.todoListId);
  const tagId = text(input.tagId);
  const assigneeId = text(input.assigneeId);
  return { ...(todoListId ? { todoListId } : {}), ...(tagId ? { tagId } : {}), ...(assigneeId ? { assigneeId } : {}) };
}

export function hasRecordFilter(filter: RecordFilter): boolean {
  return Boolean(filter.todoListId || filter.tagId || filter.assigneeId);
}

/** True when the record is in the list, has the tag and has the assignee the filter names. */
export function matchesRecordFilter(filter: RecordFilter, record: FilterableRecord): boolean {
  if (filter.todoListId && record.todoList.id !== filter.todoListId) return false;
  if (filter.tagId && !record.tags.some((t) => t.id === filter.tagId)) return false;
  if (filter.assigneeId && !record.assignees.some((a) => a.id === filter.assigneeId)) return false;
  return true;
}

/**
 * The verdict on a record that may lack some data (a webhook delivery): false as soon as a
 * value it does carry rules it out, undefined when only the missing data could decide (the
 * record is then fetched and judged with matchesRecordFilter), true when it matches.
 */
export function recordFilterVerdict(
  filter: RecordFilter,
  record: FilterableRecord,
  absent: { list: boolean; tags: boolean; assignees: boolean },
): boolean | undefined {
  let unknown = false;
  if (filter.todoListId) {
    if (absent.list) unknown = true;
    else if (record.todoList.id !== filter.todoListId) return false;
  }
  if (filter.tagId) {
    if (absent.tags) unknown = true;
    else if (!record.tags.some((t) => t.id === filter.tagId)) return false;
  }
  if (filter.assigneeId) {
    if (absent.assignees) unknown = true;
    else if (!record.assignees.some((a) => a.id === filter.assigneeId)) return false;
  }
  return unknown ? undefined : true;
}

/** The same filter as TodosFilter fields, so Blue returns only matching records. */
export function todosFilterFields(filter: RecordFilter): {
  todoListIds?: string[];
  tagIds?: string[];
  assigneeIds?: string[];
} {
  return {
    ...(filter.todoListId ? { todoListIds: [filter.todoListId] } : {}),
    ...(filter.tagId ? { tagIds: [filter.tagId] } : {}),
    ...(filter.assigneeId ? { assigneeIds: [filter.assigneeId] } : {}),
  };
}
