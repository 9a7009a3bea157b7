// The list / tag / assignee filters wired into the REST-hook triggers: judged on the delivery
// first (a mismatch it carries drops it before any fetch), then on the record output the hook
// factory built (fetched where the delivery lacked the data). Comments are judged by the record
// they are on. performList asks Blue for matching records only.
import { defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { commentFilterRecord, commentOutput, type CommentFilterRecord, type CommentOutput } from './comment.js';
import type { BlueWebhookEvent } from './events.js';
import { asOutput, listComments, listTodos } from './hook-samples.js';
import {
  type RecordFilter,
  MOVED_FILTER_FIELDS,
  RECORD_FILTER_FIELDS,
  hasRecordFilter,
  matchesRecordFilter,
  recordFilterFrom,
  recordFilterVerdict,
} from './record-filters.js';
import { searchTodos } from './record-search.js';
import {
  RECENT_LIMIT,
  fetchDeliveredRecord,
  getRecord,
  isAuthError,
  missingDetails,
  recordOutput,
  type RecordOutput,
} from './record.js';
import { COMMENT_OUTPUT_FIELDS, PROJECT_INPUT_FIELDS, TODO_OUTPUT_FIELDS } from './trigger-fields.js';
import type { BlueEventOutput, BlueHookFilter, ListContext } from './webhooks.js';
import { lazyOutputFields } from '../common/output-fields.js';

type Lister = (z: ZObject, bundle: Bundle, ctx: ListContext) => Promise<BlueEventOutput[]>;

/** Project and filters: one array shared by every record trigger (core compiles each use). */
export const RECORD_TRIGGER_FIELDS = defineInputFields([...PROJECT_INPUT_FIELDS, ...RECORD_FILTER_FIELDS]);
export const MOVED_TRIGGER_FIELDS = defineInputFields([...PROJECT_INPUT_FIELDS, ...MOVED_FILTER_FIELDS]);

/** The record and comment triggers' output fields, given when the Zap editor asks (lean definition). */
export const LAZY_TODO_OUTPUT_FIELDS = lazyOutputFields(TODO_OUTPUT_FIELDS);
export const LAZY_COMMENT_OUTPUT_FIELDS = lazyOutputFields(COMMENT_OUTPUT_FIELDS);

/** A caught error's words (z.errors.Error carries its message as JSON). */
function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  try {
    const parsed: unknown = JSON.parse(message);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { message?: unknown }).message === 'string')
      return (parsed as { message: string }).message;
  } catch {
    // Plain text already.
  }
  return message;
}

/** The verdict on the record as delivered (undefined: only data it lacks could decide). */
function deliveredVerdict(filter: RecordFilter, record: Record<string, unknown>): boolean | undefined {
  const out = recordOutput(record);
  const missing = missingDetails(record);
  return recordFilterVerdict(filter, out, {
    list: !out.todoList.id,
    tags: missing.includes('tags'),
    assignees: missing.includes('assignees'),
  });
}

export const recordHookFilter: BlueHookFilter = {
  early: (record, input) => {
    const filter = recordFilterFrom(input);
    return !hasRecordFilter(filter) || deliveredVerdict(filter, record) !== false;
  },
  late: async (z, bundle, output, input, projectId, record) => {
    const filter = recordFilterFrom(input);
    if (!hasRecordFilter(filter)) return true;
    if (deliveredVerdict(filter, record) === undefined) {
      // Only the fetched record can decide (the output's fetch, reused): if it failed, say so
      // rather than drop or start the Zap on a guess.
      const fetched = await fetchDeliveredRecord(z, bundle, record, projectId);
      if (fetched && !fetched.ok) {
        if (rethrown(fetched.error)) throw fetched.error;
        const why = errorText(fetched.error);
        throw new z.errors.Error(
          `Could not load Blue record ${String(record.id)} to check this Zap's List, Tag or Assignee filter (${why}). ` +
            "Blue's webhook call did not carry them; if this keeps happening, check the record and the connection in Blue.",
          'blue_filter_unchecked',
          502,
        );
      }
    }
    return matchesRecordFilter(filter, output as unknown as RecordOutput);
  },
};

/** Failures that keep their class: an expired connection asks to reconnect, a rate limit retries later. */
function rethrown(err: unknown): boolean {
  return isAuthError(err) || (err instanceof Error && err.name === 'ThrottledError');
}

export const commentHookFilter: BlueHookFilter = {
  // A comment on something else than a record (a discussion, a status update) never matches.
  early: (record, input) => !hasRecordFilter(recordFilterFrom(input)) || Boolean(commentOutput(record).todo.id),
  // The comment's enrichment loads the record's list, tags and assignees with its names (one request).
  enrichFor: (input) => hasRecordFilter(recordFilterFrom(input)),
  late: async (z, bundle, output, input, projectId, record) => {
    const filter = recordFilterFrom(input);
    if (!hasRecordFilter(filter)) return true;
    const todoId = (output as unknown as CommentOutput).todo?.id;
    if (!todoId) return false;
    const loaded = commentFilterRecord(record) ?? (await loadForFilter(z, bundle, todoId, projectId));
    if (!loaded.ok) {
      if (rethrown(loaded.error)) throw loaded.error;
      throw new z.errors.Error(
        `Could not load Blue record ${todoId} to check this Zap's List, Tag or Assignee filter on the comment (${errorText(loaded.error)}). ` +
          'If this keeps happening, check the record and the connection in Blue.',
        'blue_filter_unchecked',
        502,
      );
    }
    return matchesRecordFilter(filter, loaded.record);
  },
};

/** The record by itself, should the enrichment not have loaded it (not reached from perform). */
async function loadForFilter(
  z: ZObject,
  bundle: Bundle,
  todoId: string,
  projectId: string | undefined,
): Promise<CommentFilterRecord> {
  try {
    return { ok: true, record: recordOutput(await getRecord(z, bundle, todoId, projectId)) };
  } catch (error) {
    return { ok: false, error };
  }
}

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
