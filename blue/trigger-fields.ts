// Input and output fields shared by the Blue triggers; each resource's own output fields come from
// its module (record.ts, comment.ts).
import { defineInputFields, type PlainOutputField } from 'zapier-platform-core';
import { COMMENT_OUTPUT_FIELDS as COMMENT_FIELDS } from './comment.js';
import { isBlueWebhookEvent, type BlueWebhookEvent } from './events.js';
import { list } from './inputs.js';
import { RECORD_OUTPUT_FIELDS } from './record.js';

export const PROJECT_INPUT_FIELDS = defineInputFields([
  {
    key: 'projectId',
    label: 'Project',
    dynamic: 'blue_project_list.id.name',
    required: false,
    helpText: 'Watch this project instead of the default project saved in the connection (its Blue Project ID).',
  },
]);

/** Event keys from a multi-select (Zapier sends an array; older editors a comma-separated string). */
export function selectedEvents(value: unknown): BlueWebhookEvent[] {
  return list(value, true).filter(isBlueWebhookEvent);
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

export const TODO_OUTPUT_FIELDS: PlainOutputField[] = [...COMMON_OUTPUT, ...RECORD_OUTPUT_FIELDS];

export const COMMENT_OUTPUT_FIELDS: PlainOutputField[] = [...COMMON_OUTPUT, ...COMMENT_FIELDS];
