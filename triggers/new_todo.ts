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
  label: 'New Record',
  events: () => ['TODO_CREATED'],
  filter: recordHookFilter,
  list: filteredTodos('TODO_CREATED'),
  example: exampleFor('TODO_CREATED'),
});

export default defineTrigger({
  key: 'new_todo',
  noun: 'Record',
  display: {
    label: 'New Record',
    description:
      'Triggers when a record (todo) is created in a Blue project (instantly). Needs a Blue project administrator (it creates a Blue webhook); otherwise use New Record (Polling).',
  },
  operation: {
    type: 'hook',
    inputFields: RECORD_TRIGGER_FIELDS,
    ...hook,
    sample: sampleFor('TODO_CREATED'),
    outputFields: LAZY_TODO_OUTPUT_FIELDS,
  },
});
