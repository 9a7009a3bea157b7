import { defineTrigger } from 'zapier-platform-core';
import { RECORD_CHANGE_EVENTS } from '../blue/events.js';
import { exampleFor, listTodos, sampleFor } from '../blue/hook-samples.js';
import { PROJECT_INPUT_FIELDS, TODO_OUTPUT_FIELDS } from '../blue/trigger-fields.js';
import { blueRestHook } from '../blue/webhooks.js';

const hook = blueRestHook({
  label: 'Updated Record',
  events: () => [...RECORD_CHANGE_EVENTS],
  list: listTodos('TODO_NAME_CHANGED'),
  example: exampleFor('TODO_NAME_CHANGED'),
});

export default defineTrigger({
  key: 'updated_todo',
  noun: 'Record',
  display: {
    label: 'Updated Record',
    description:
      'Triggers when a record in a Blue project is renamed, moved, marked done or not done, or gets new dates, assignees, tags or custom field values.',
  },
  operation: {
    type: 'hook',
    inputFields: PROJECT_INPUT_FIELDS,
    ...hook,
    sample: sampleFor('TODO_NAME_CHANGED'),
    outputFields: TODO_OUTPUT_FIELDS,
  },
});
