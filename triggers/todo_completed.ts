import { defineTrigger } from 'zapier-platform-core';
import { exampleFor, sampleFor } from '../blue/hook-samples.js';
import {
  LAZY_TODO_OUTPUT_FIELDS,
  RECORD_TRIGGER_FIELDS,
  filteredTodos,
  recordHookFilter,
} from '../blue/trigger-filters.js';
import { blueRestHook } from '../blue/webhooks.js';

const hook = blueRestHook({
  label: 'Record Completed',
  events: () => ['TODO_DONE_STATUS_UPDATED'],
  // The same event fires when a record is reopened; only "now done" starts the Zap.
  accept: (delivery) => delivery.record.done === true,
  filter: recordHookFilter,
  list: filteredTodos('TODO_DONE_STATUS_UPDATED', { done: true }),
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
    inputFields: RECORD_TRIGGER_FIELDS,
    ...hook,
    sample: sampleFor('TODO_DONE_STATUS_UPDATED', { done: true }),
    outputFields: LAZY_TODO_OUTPUT_FIELDS,
  },
});
