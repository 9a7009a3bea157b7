import { defineTrigger } from 'zapier-platform-core';
import { exampleFor, listTodos } from '../blue/hook-samples.js';
import { EXAMPLE_TODO } from '../blue/todos.js';
import { PROJECT_INPUT_FIELDS, TODO_OUTPUT_FIELDS } from '../blue/trigger-fields.js';
import { blueRestHook, eventOutput } from '../blue/webhooks.js';

const hook = blueRestHook({
  label: 'Record Completed',
  events: () => ['TODO_DONE_STATUS_UPDATED'],
  // The same event fires when a record is reopened; only "now done" starts the Zap.
  accept: (delivery) => delivery.record.done === true,
  list: listTodos('TODO_DONE_STATUS_UPDATED', { done: true }),
  example: (events) => ({ ...exampleFor('TODO_DONE_STATUS_UPDATED')(events), done: true }),
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
    sample: eventOutput('TODO_DONE_STATUS_UPDATED', { ...EXAMPLE_TODO, done: true }, null),
    outputFields: TODO_OUTPUT_FIELDS,
  },
});
