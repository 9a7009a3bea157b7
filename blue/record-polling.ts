// The polling twins of New Record and Updated Record, for Zaps whose owner cannot create Blue
// webhooks. One request per poll: the newest records (by createdAt or updatedAt) with the Zap's
// filters. Zapier starts the Zap for ids it has not seen, so the id is the record for New Record
// and the record at this updatedAt for Updated Record: a re-poll of the same state repeats the
// id, an edit makes a new one.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { blueProjectId } from './project-ref.js';
import { recordFilterFrom } from './record-filters.js';
import { searchTodos } from './record-search.js';
import { recordOutput, type BlueRecordGraphql } from './record.js';
import { eventOutput, resolveProjectId, type BlueEventOutput } from './webhooks.js';

/** Records per poll: more than a busy project changes between two polls. */
export const POLL_LIMIT = 50;

export type PollKind = 'new' | 'updated';

/** Not a Blue webhook event: names "changed somehow" for Updated Record (Polling). */
export const POLLED_UPDATE_EVENT = 'TODO_UPDATED';

/** A polled record, shaped like the instant triggers' output (no previous value: polls see only now). */
export function polledOutput(kind: PollKind, record: BlueRecordGraphql): BlueEventOutput {
  const out = recordOutput(record);
  const base = eventOutput(kind === 'new' ? 'TODO_CREATED' : POLLED_UPDATE_EVENT, out, null) as BlueEventOutput;
  return { ...base, id: kind === 'new' ? record.id : `${record.id}:${record.updatedAt ?? ''}` };
}

/**
 * Blue stamps a new record's createdAt to the second and its updatedAt a moment later (its
 * documented TODO_CREATED delivery: 11:23:09.000Z and 11:23:09.241Z), so "edited" means updatedAt
 * at least this long after createdAt.
 */
export const EDIT_MIN_GAP_MS = 2_000;

export function editedSinceCreated(r: { createdAt: string; updatedAt?: string | null }): boolean {
  const created = Date.parse(r.createdAt);
  const updated = r.updatedAt ? Date.parse(r.updatedAt) : Number.NaN;
  if (Number.isNaN(updated)) return false;
  // Unreadable createdAt: count it as edited rather than miss a change.
  return Number.isNaN(created) || updated - created >= EDIT_MIN_GAP_MS;
}

export function pollRecords(kind: PollKind) {
  return async (z: ZObject, bundle: Bundle): Promise<BlueEventOutput[]> => {
    // The todos filter takes the workspace id, not a slug.
    const projectId = await blueProjectId(z, bundle, resolveProjectId(z, bundle));
    const records = await searchTodos(
      z,
      bundle,
      { projectId, filter: recordFilterFrom(bundle.inputData) },
      kind === 'new'
        ? { limit: POLL_LIMIT, action: 'check for new records' }
        : { limit: POLL_LIMIT, action: 'check for updated records', order: 'updated' },
    );
    // A record never edited since it was created is new, not updated (as with the instant trigger).
    const wanted = kind === 'new' ? records : records.filter(editedSinceCreated);
    return wanted.map((r) => polledOutput(kind, r));
  };
}
