// Input fields, output fields and samples shared by the Blue triggers.
import { defineInputFields, type PlainOutputField } from 'zapier-platform-core';
import { isBlueWebhookEvent, type BlueWebhookEvent } from './events.js';
import { EXAMPLE_COMMENT, EXAMPLE_TODO } from './todos.js';
import { eventOutput } from './webhooks.js';

export const PROJECT_INPUT_FIELDS = defineInputFields([
  {
    key: 'projectId',
    label: 'Project',
    dynamic: 'blue_project_list.id.name',
    required: false,
    helpText:
      'Watch this project instead of the default project saved in the connection (its Blue Project ID).',
  },
]);

/** Event keys from a multi-select (Zapier sends an array; older editors a comma-separated string). */
export function selectedEvents(value: unknown): BlueWebhookEvent[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items.map((v) => String(v).trim()).filter(isBlueWebhookEvent);
}

const COMMON_OUTPUT = [
  { key: 'id', label: 'Delivery ID', type: 'string' },
  { key: 'recordId', label: 'Blue ID', type: 'string' },
  { key: 'event', label: 'Event', type: 'string' },
] as const satisfies PlainOutputField[];

export const EVENT_OUTPUT_FIELDS: PlainOutputField[] = [
  ...COMMON_OUTPUT,
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
];

export const TODO_OUTPUT_FIELDS: PlainOutputField[] = [
  ...COMMON_OUTPUT,
  { key: 'title', label: 'Title', type: 'string' },
  { key: 'text', label: 'Description', type: 'string' },
  { key: 'done', label: 'Done', type: 'boolean' },
  { key: 'startedAt', label: 'Start Date', type: 'datetime' },
  { key: 'duedAt', label: 'Due Date', type: 'datetime' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
  { key: 'todoList__id', label: 'List ID', type: 'string' },
  { key: 'todoList__title', label: 'List Title', type: 'string' },
];

export const COMMENT_OUTPUT_FIELDS: PlainOutputField[] = [
  ...COMMON_OUTPUT,
  { key: 'text', label: 'Comment Text', type: 'string' },
  { key: 'html', label: 'Comment HTML', type: 'string' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
  { key: 'user__fullName', label: 'Author Name', type: 'string' },
  { key: 'user__email', label: 'Author Email', type: 'string' },
  { key: 'todo__id', label: 'Record ID', type: 'string' },
  { key: 'todo__title', label: 'Record Title', type: 'string' },
];

export function todoSample(event: BlueWebhookEvent) {
  return eventOutput(event, EXAMPLE_TODO, null);
}

export function commentSample(event: BlueWebhookEvent) {
  return eventOutput(event, EXAMPLE_COMMENT, null);
}
