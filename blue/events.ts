// Blue's webhook events (enum WebhookEvent in Blue's schema): readable labels and the groups the
// "New Blue Event" dropdown shows, plus the sets the purpose-built triggers subscribe to.

export const EVENT_GROUPS = [
  {
    group: 'Records',
    events: {
      TODO_CREATED: 'Record Created',
      TODO_DELETED: 'Record Deleted',
      TODO_MOVED: 'Record Moved to Another List',
      TODO_NAME_CHANGED: 'Record Renamed',
      TODO_DONE_STATUS_UPDATED: 'Record Marked Done or Not Done',
      TODO_DUE_DATE_ADDED: 'Record Due Date Added',
      TODO_DUE_DATE_UPDATED: 'Record Due Date Changed',
      TODO_DUE_DATE_REMOVED: 'Record Due Date Removed',
      TODO_ASSIGNEE_ADDED: 'Record Assignee Added',
      TODO_ASSIGNEE_REMOVED: 'Record Assignee Removed',
      TODO_TAG_ADDED: 'Record Tag Added',
      TODO_TAG_REMOVED: 'Record Tag Removed',
      TODO_CUSTOM_FIELD_UPDATED: 'Record Custom Field Value Changed',
    },
  },
  {
    group: 'Checklists',
    events: {
      TODO_CHECKLIST_CREATED: 'Checklist Created',
      TODO_CHECKLIST_NAME_CHANGED: 'Checklist Renamed',
      TODO_CHECKLIST_DELETED: 'Checklist Deleted',
      TODO_CHECKLIST_ITEM_CREATED: 'Checklist Item Created',
      TODO_CHECKLIST_ITEM_NAME_CHANGED: 'Checklist Item Renamed',
      TODO_CHECKLIST_ITEM_DELETED: 'Checklist Item Deleted',
      TODO_CHECKLIST_ITEM_DUE_DATE_ADDED: 'Checklist Item Due Date Added',
      TODO_CHECKLIST_ITEM_DUE_DATE_UPDATED: 'Checklist Item Due Date Changed',
      TODO_CHECKLIST_ITEM_DUE_DATE_REMOVED: 'Checklist Item Due Date Removed',
      TODO_CHECKLIST_ITEM_ASSIGNEE_ADDED: 'Checklist Item Assignee Added',
      TODO_CHECKLIST_ITEM_ASSIGNEE_REMOVED: 'Checklist Item Assignee Removed',
      TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED: 'Checklist Item Marked Done or Not Done',
    },
  },
  {
    group: 'Lists',
    events: {
      TODO_LIST_CREATED: 'List Created',
      TODO_LIST_DELETED: 'List Deleted',
      TODO_LIST_NAME_CHANGED: 'List Renamed',
    },
  },
  {
    group: 'Custom Fields',
    events: {
      CUSTOM_FIELD_CREATED: 'Custom Field Created',
      CUSTOM_FIELD_DELETED: 'Custom Field Deleted',
      CUSTOM_FIELD_UPDATED: 'Custom Field Settings Changed',
    },
  },
  {
    group: 'Tags',
    events: {
      TAG_CREATED: 'Tag Created',
      TAG_DELETED: 'Tag Deleted',
      TAG_UPDATED: 'Tag Changed',
    },
  },
  {
    group: 'Comments',
    events: {
      COMMENT_CREATED: 'Comment Added',
      COMMENT_DELETED: 'Comment Deleted',
      COMMENT_UPDATED: 'Comment Edited',
    },
  },
] as const;

type Group = (typeof EVENT_GROUPS)[number];
export type BlueEventGroup = Group['group'];
export type BlueWebhookEvent = Extract<{ [G in Group as G['group']]: keyof G['events'] }[BlueEventGroup], string>;

/** Sent by Blue when a webhook is re-enabled; never a Zap run (not part of WebhookEvent). */
export const HEALTH_CHECK_EVENT = 'WEBHOOK_HEALTH_CHECK';

const LABELS = new Map<string, { label: string; group: BlueEventGroup }>();
for (const { group, events } of EVENT_GROUPS) {
  for (const [event, label] of Object.entries(events)) LABELS.set(event, { label, group });
}

export const ALL_EVENTS: readonly BlueWebhookEvent[] = [...LABELS.keys()] as BlueWebhookEvent[];

export function isBlueWebhookEvent(value: unknown): value is BlueWebhookEvent {
  return typeof value === 'string' && LABELS.has(value);
}

export function eventLabel(event: string): string {
  return LABELS.get(event)?.label ?? event;
}

export function eventGroup(event: BlueWebhookEvent): BlueEventGroup {
  // Every BlueWebhookEvent is in LABELS by construction.
  return LABELS.get(event)!.group;
}

/** Dropdown choices; Zapier has no option groups, so the group leads each label. */
/**
 * The event picker's choices in Zapier's object form (value -> label): a third of the nodes of the
 * list form, which core copies and freezes on every invocation.
 */
export function eventChoices(): Record<string, string> {
  return Object.fromEntries(ALL_EVENTS.map((event) => [event, `${eventGroup(event)}: ${eventLabel(event)}`]));
}

/** Deletions carry the record in previousValue (currentValue is null). */
export function isDeleteEvent(event: string): boolean {
  return event.endsWith('_DELETED');
}

/** Creations carry no previous value (previousValue is null). */
export function isCreateEvent(event: string): boolean {
  return event.endsWith('_CREATED');
}

/** Changes to an existing record (what "Updated Record" listens to). */
export const RECORD_CHANGE_EVENTS: readonly BlueWebhookEvent[] = [
  'TODO_MOVED',
  'TODO_NAME_CHANGED',
  'TODO_DONE_STATUS_UPDATED',
  'TODO_DUE_DATE_ADDED',
  'TODO_DUE_DATE_UPDATED',
  'TODO_DUE_DATE_REMOVED',
  'TODO_ASSIGNEE_ADDED',
  'TODO_ASSIGNEE_REMOVED',
  'TODO_TAG_ADDED',
  'TODO_TAG_REMOVED',
  'TODO_CUSTOM_FIELD_UPDATED',
];
