import { defineTrigger } from 'zapier-platform-core';
import { exampleFor, listTodos, sampleFor } from '../blue/hook-samples.js';
import { PROJECT_INPUT_FIELDS, TODO_OUTPUT_FIELDS } from '../blue/trigger-fields.js';
import { blueRestHook } from '../blue/webhooks.js';

const hook = blueRestHook({
  label: 'New Record',
  events: () => ['TODO_CREATED'],
  list: listTodos('TODO_CREATED'),
  example: exampleFor('TODO_CREATED'),
});

export default defineTrigger({
  key: 'new_todo',
  noun: 'Record',
  display: {
    label: 'New Record',
    description: 'Triggers when a record (todo) is created in a Blue project.',
  },
  operation: {
    type: 'hook',
    inputFields: PROJECT_INPUT_FIELDS,
    ...hook,
    sample: sampleFor('TODO_CREATED'),
    outputFields: TODO_OUTPUT_FIELDS,
  },
});
