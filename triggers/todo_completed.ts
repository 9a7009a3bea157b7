import { defineTrigger } from 'zapier-platform-core';
import { exampleFor, listTodos, sampleFor } from '../blue/hook-samples.js';
import { PROJECT_INPUT_FIELDS, TODO_OUTPUT_FIELDS } from '../blue/trigger-fields.js';
import { blueRestHook } from '../blue/webhooks.js';

const hook = blueRestHook({
  label: 'Record Completed',
  events: () => ['TODO_DONE_STATUS_UPDATED'],
  // The same event fires when a record is reopened; only "now done" starts the Zap.
  accept: (delivery) => delivery.record.done === true,
  list: listTodos('TODO_DONE_STATUS_UPDATED', { done: true }),
  example: exampleFor('TODO_DONE_STATUS_UPDATED', { done: true }),
});

export default defineTrigger({
  key: 'todo_completed',
  noun: 'Record',
  display: {
    label: 'Record Completed',
    description: 'Triggers when a record in a Blue project is marked done.',
  },
  operation: {
    type: 'hook',
    inputFields: PROJECT_INPUT_FIELDS,
    ...hook,
    sample: sampleFor('TODO_DONE_STATUS_UPDATED', { done: true }),
    outputFields: TODO_OUTPUT_FIELDS,
  },
});
