import { defineTrigger } from 'zapier-platform-core';
import { RECORD_CHANGE_EVENTS } from '../blue/events.js';
import { exampleFor, sampleFor } from '../blue/hook-samples.js';
import {
  LAZY_TODO_OUTPUT_FIELDS,
  RECORD_TRIGGER_FIELDS,
  filteredTodos,
  recordHookFilter,
} from '../blue/trigger-filters.js';
import { blueRestHook } from '../blue/webhooks.js';

const hook = blueRestHook({
  label: 'Updated Record',
  events: () => [...RECORD_CHANGE_EVENTS],
  filter: recordHookFilter,
  list: filteredTodos('TODO_NAME_CHANGED'),
  example: exampleFor('TODO_NAME_CHANGED'),
});

export default defineTrigger({
  key: 'updated_todo',
  noun: 'Record',
  display: {
    label: 'Updated Record',
    description:
      'Triggers when a record in a Blue project is renamed, moved, marked done or not done, or gets new dates, assignees, tags or custom field values (instantly). Needs a Blue project administrator (it creates a Blue webhook); otherwise use Updated Record (Polling).',
  },
  operation: {
    type: 'hook',
    inputFields: RECORD_TRIGGER_FIELDS,
    ...hook,
    sample: sampleFor('TODO_NAME_CHANGED'),
    outputFields: LAZY_TODO_OUTPUT_FIELDS,
  },
});
