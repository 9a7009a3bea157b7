// performList sources and fallback examples for the Blue triggers, shaped by eventOutput exactly
// like perform's output (Zapier check D006).
import type { Bundle, ZObject } from 'zapier-platform-core';
import { eventGroup, isCreateEvent, type BlueWebhookEvent } from './events.js';
import { EXAMPLE_COMMENT, EXAMPLE_TODO, recentComments, recentTodos } from './todos.js';
import { eventOutput, type BlueEventOutput, type BlueRecord, type ListContext } from './webhooks.js';

type Lister = (z: ZObject, bundle: Bundle, ctx: ListContext) => Promise<BlueEventOutput[]>;

function asOutput(event: BlueWebhookEvent, record: BlueRecord): BlueEventOutput {
  // Deliveries carry a previous value for every event but creations (a deletion's record is its
  // previous value); the sample shows the record there so its fields match perform's (D006).
  return eventOutput(event, record, isCreateEvent(event) ? null : record);
}

/** Recent records, labelled with the trigger's first event. */
export function listTodos(fallbackEvent: BlueWebhookEvent, options: { done?: boolean } = {}): Lister {
  return async (z, bundle, ctx) => {
    const event = ctx.events[0] ?? fallbackEvent;
    const todos = await recentTodos(z, bundle, ctx.projectId, options);
    return todos.map((todo) => asOutput(event, todo));
  };
}

export function listComments(fallbackEvent: BlueWebhookEvent): Lister {
  return async (z, bundle, ctx) => {
    const event = ctx.events[0] ?? fallbackEvent;
    const comments = await recentComments(z, bundle, ctx.projectId);
    return comments.map((comment) => asOutput(event, comment));
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

const EXAMPLE_RECORDS: Record<Exclude<ReturnType<typeof eventGroup>, 'Records' | 'Comments'>, BlueRecord> = {
  Checklists: {
    id: 'clx0example0checklist00001',
    title: 'Example checklist item',
    done: false,
    createdAt: '2026-01-05T09:30:00.000Z',
    updatedAt: '2026-01-05T09:45:00.000Z',
  },
  Lists: {
    id: 'clx0example0list0000000001',
    title: 'Orders',
    position: 65535,
    createdAt: '2026-01-05T09:30:00.000Z',
    updatedAt: '2026-01-05T09:45:00.000Z',
  },
  'Custom Fields': {
    id: 'clx0example0field000000001',
    name: 'Order Status',
    type: 'SELECT_SINGLE',
    createdAt: '2026-01-05T09:30:00.000Z',
    updatedAt: '2026-01-05T09:45:00.000Z',
  },
  Tags: {
    id: 'clx0example0tag00000000001',
    title: 'Priority',
    color: '#ff0000',
    createdAt: '2026-01-05T09:30:00.000Z',
    updatedAt: '2026-01-05T09:45:00.000Z',
  },
};

/** A typed example for the first event (a record or a comment for the purpose-built triggers). */
export function exampleFor(fallbackEvent: BlueWebhookEvent) {
  return (events: readonly BlueWebhookEvent[]): BlueEventOutput => {
    const event = events[0] ?? fallbackEvent;
    const group = eventGroup(event);
    const record = group === 'Records' ? EXAMPLE_TODO : group === 'Comments' ? EXAMPLE_COMMENT : EXAMPLE_RECORDS[group];
    return asOutput(event, record);
  };
}
