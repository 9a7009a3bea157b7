// The list / tag / assignee filters wired into the REST-hook triggers: judged on the delivery
// first (a mismatch it carries drops it before any fetch), then on the record output the hook
// factory built (fetched where the delivery lacked the data). Comments are judged by the record
// they are on. performList asks Blue for matching records only.
import { defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import type { CommentOutput } from './comment.js';
import type { BlueWebhookEvent } from './events.js';
import { asOutput, listComments, listTodos } from './hook-samples.js';
import {
  MOVED_FILTER_FIELDS,
  RECORD_FILTER_FIELDS,
  hasRecordFilter,
  matchesRecordFilter,
  recordFilterFrom,
  recordFilterVerdict,
} from './record-filters.js';
import { searchTodos } from './record-search.js';
import { RECENT_LIMIT, getRecord, missingDetails, recordOutput, type RecordOutput } from './record.js';
import { COMMENT_OUTPUT_FIELDS, PROJECT_INPUT_FIELDS, TODO_OUTPUT_FIELDS } from './trigger-fields.js';
import type { BlueEventOutput, BlueHookFilter, ListContext } from './webhooks.js';

type Lister = (z: ZObject, bundle: Bundle, ctx: ListContext) => Promise<BlueEventOutput[]>;

/** Project and filters: one array shared by every record trigger (core compiles each use). */
export const RECORD_TRIGGER_FIELDS = defineInputFields([...PROJECT_INPUT_FIELDS, ...RECORD_FILTER_FIELDS]);
export const MOVED_TRIGGER_FIELDS = defineInputFields([...PROJECT_INPUT_FIELDS, ...MOVED_FILTER_FIELDS]);

/**
 * The record triggers' output fields, given when the Zap editor asks: core copies and freezes the
 * whole definition on every call, where the static list is ~120 nodes and a function one.
 */
export const LAZY_TODO_OUTPUT_FIELDS = [async () => TODO_OUTPUT_FIELDS];
export const LAZY_COMMENT_OUTPUT_FIELDS = [async () => COMMENT_OUTPUT_FIELDS];

export const recordHookFilter: BlueHookFilter = {
  early: (record, input) => {
    const filter = recordFilterFrom(input);
    if (!hasRecordFilter(filter)) return true;
    const out = recordOutput(record);
    const missing = missingDetails(record);
    const absent = { list: !out.todoList.id, tags: missing.includes('tags'), assignees: missing.includes('assignees') };
    return recordFilterVerdict(filter, out, absent) !== false;
  },
  late: (_z, _bundle, output, input) => matchesRecordFilter(recordFilterFrom(input), output as unknown as RecordOutput),
};

export const commentHookFilter: BlueHookFilter = {
  late: async (z, bundle, output, input, projectId) => {
    const filter = recordFilterFrom(input);
    if (!hasRecordFilter(filter)) return true;
    // A comment carries its record's id only: the record is loaded to judge it (one request).
    const todoId = (output as unknown as CommentOutput).todo?.id;
    if (!todoId) return false;
    return matchesRecordFilter(filter, recordOutput(await getRecord(z, bundle, todoId, projectId)));
  },
};

/** Recent records for the sample, only those matching the Zap's filters. */
export function filteredTodos(fallbackEvent: BlueWebhookEvent, options: { done?: boolean } = {}): Lister {
  const plain = listTodos(fallbackEvent, options);
  return async (z, bundle, ctx) => {
    const filter = recordFilterFrom(bundle.inputData);
    if (!hasRecordFilter(filter)) return plain(z, bundle, ctx);
    const event = ctx.events[0] ?? fallbackEvent;
    const records = await searchTodos(
      z,
      bundle,
      { projectId: ctx.projectId, filter, ...(options.done === undefined ? {} : { done: options.done }) },
      { limit: RECENT_LIMIT, action: 'load recent records for the sample' },
    );
    return records.map((r) => asOutput(event, recordOutput(r)));
  };
}

/** Recent comments for the sample, only those on records matching the Zap's filters (two requests). */
export function filteredComments(fallbackEvent: BlueWebhookEvent): Lister {
  const plain = listComments(fallbackEvent);
  return async (z, bundle, ctx) => {
    const filter = recordFilterFrom(bundle.inputData);
    const comments = await plain(z, bundle, ctx);
    if (!hasRecordFilter(filter)) return comments;
    const todoOf = (c: BlueEventOutput) => (c as unknown as CommentOutput).todo?.id ?? null;
    const ids = [...new Set(comments.map(todoOf).filter((id): id is string => Boolean(id)))];
    if (ids.length === 0) return [];
    const records = await searchTodos(
      z,
      bundle,
      { projectId: ctx.projectId, filter, todoIds: ids },
      { limit: ids.length, action: 'load recent records for the sample' },
    );
    const matching = new Set(records.map((r) => r.id));
    return comments.filter((c) => matching.has(todoOf(c) ?? ''));
  };
}
