// performList sources and fallback examples for the Blue triggers, in the resource modules' output
// shapes and wrapped by eventOutput exactly like perform's output (Zapier check D006).
import type { Bundle, ZObject } from 'zapier-platform-core';
import { EXAMPLE_COMMENT, commentOutput, recentComments } from './comment.js';
import type { ResourceOutput } from './event-output.js';
import { EXAMPLE_CHECKLIST_ITEM, EXAMPLE_CUSTOM_FIELD, EXAMPLE_LIST, EXAMPLE_TAG } from './event-items.js';
import { eventGroup, isCreateEvent, type BlueEventGroup, type BlueWebhookEvent } from './events.js';
import { EXAMPLE_RECORD, recentRecords, recordOutput } from './record.js';
import { eventOutput, type BlueEventOutput, type ListContext } from './webhooks.js';

type Lister = (z: ZObject, bundle: Bundle, ctx: ListContext) => Promise<BlueEventOutput[]>;

/** One event about one resource, as perform would output it. */
export function asOutput(event: BlueWebhookEvent, record: ResourceOutput): BlueEventOutput {
  // Deliveries carry a previous value for every event but creations (a deletion's record is its
  // previous value); the sample shows the record there so its fields match perform's (D006).
  return eventOutput(event, record, isCreateEvent(event) ? null : record);
}

/** Recent records, labelled with the trigger's first event. */
export function listTodos(fallbackEvent: BlueWebhookEvent, options: { done?: boolean } = {}): Lister {
  return async (z, bundle, ctx) => {
    const event = ctx.events[0] ?? fallbackEvent;
    const todos = await recentRecords(z, bundle, ctx.projectId, options);
    return todos.map((todo) => asOutput(event, recordOutput(todo)));
  };
}

export function listComments(fallbackEvent: BlueWebhookEvent): Lister {
  return async (z, bundle, ctx) => {
    const event = ctx.events[0] ?? fallbackEvent;
    const comments = await recentComments(z, bundle, ctx.projectId);
    return comments.map((comment) => asOutput(event, commentOutput(comment)));
  };
}

/** For "New Blue Event": real records or comments when the first chosen event is about them. */
export const listForEvents: Lister = async (z, bundle, ctx) => {
  const first = ctx.events[0];
  if (!first) return [];
  switch (eventGroup(first)) {
    case 'Records':
      return listTodos(first)(z, bundle, ctx);
    case 'Comments':
      return listComments(first)(z, bundle, ctx);
    default:
      // Blue offers no "recent changes" query for lists, tags, custom fields or checklists.
      return [];
  }
};

const EXAMPLES: Record<BlueEventGroup, ResourceOutput> = {
  Records: EXAMPLE_RECORD,
  Comments: EXAMPLE_COMMENT,
  Checklists: EXAMPLE_CHECKLIST_ITEM,
  Lists: EXAMPLE_LIST,
  'Custom Fields': EXAMPLE_CUSTOM_FIELD,
  Tags: EXAMPLE_TAG,
};

/** A typed example for the first event (a record or a comment for the purpose-built triggers). */
export function exampleFor(fallbackEvent: BlueWebhookEvent, override: Partial<ResourceOutput> = {}) {
  return (events: readonly BlueWebhookEvent[]): BlueEventOutput => {
    const event = events[0] ?? fallbackEvent;
    return asOutput(event, { ...EXAMPLES[eventGroup(event)], ...override });
  };
}

/** The static sample of a trigger: its example for `event`, typed like perform's output. */
export function sampleFor(event: BlueWebhookEvent, override: Partial<ResourceOutput> = {}): BlueEventOutput {
  return exampleFor(event, override)([event]);
}
