// Which resource module shapes an event's record: records, comments, lists, tags, custom fields
// and checklists each have one output shape, used by perform and by performList/samples alike.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { commentOutput, enrichComment, type CommentOutput } from './comment.js';
import { eventGroup, isDeleteEvent, type BlueWebhookEvent } from './events.js';
import {
  checklistOutput,
  customFieldOutput,
  listOutput,
  tagOutput,
  type ChecklistOutput,
  type CustomFieldOutput,
  type ListOutput,
  type TagOutput,
} from './event-items.js';
import type { Obj } from './read.js';
import { enrichRecord, recordOutput, type RecordOutput } from './record.js';

export type ResourceOutput =
  RecordOutput | CommentOutput | ListOutput | TagOutput | CustomFieldOutput | ChecklistOutput;

/** The output shape of the event's resource, from the record alone (no request). */
export function resourceOutput(event: BlueWebhookEvent, raw: unknown): ResourceOutput {
  switch (eventGroup(event)) {
    case 'Records':
      return recordOutput(raw);
    case 'Comments':
      return commentOutput(raw);
    case 'Lists':
      return listOutput(raw);
    case 'Tags':
      return tagOutput(raw);
    case 'Custom Fields':
      return customFieldOutput(raw);
    case 'Checklists':
      return checklistOutput(raw);
  }
}

export interface DeliveredRecord {
  event: BlueWebhookEvent;
  /** The record the event is about (previousValue for a deletion). */
  record: Obj;
  previousValue: Obj | null;
  /** The Zap's project, for the fetch's X-Bloo-Project-ID header. */
  projectId?: string;
  /** The Zap filters by the record a comment is on: its enrichment loads what the filter reads. */
  recordFilter?: boolean;
}

/**
 * A delivery's record and previous value in their resource's shape. A Blue record missing what
 * its output promises is fetched once (record.ts, enrichRecord), a comment's author and record
 * names likewise (comment.ts, enrichComment); other resources carry what they promise.
 */
export async function deliveryOutputs(
  z: ZObject,
  bundle: Bundle,
  d: DeliveredRecord,
): Promise<{ current: ResourceOutput; previous: ResourceOutput | null }> {
  if (eventGroup(d.event) === 'Records') {
    const { current, previous } = await enrichRecord(z, bundle, {
      record: d.record,
      previousValue: d.previousValue,
      deleted: isDeleteEvent(d.event),
      ...(d.projectId ? { projectId: d.projectId } : {}),
    });
    return { current, previous };
  }
  if (eventGroup(d.event) === 'Comments') {
    // The author's name and the record's title, once (comment.ts, enrichComment).
    return enrichComment(z, bundle, {
      record: d.record,
      previousValue: d.previousValue,
      ...(d.projectId ? { projectId: d.projectId } : {}),
      ...(d.recordFilter ? { recordFilter: true } : {}),
    });
  }
  return {
    current: resourceOutput(d.event, d.record),
    previous: d.previousValue ? resourceOutput(d.event, d.previousValue) : null,
  };
}
