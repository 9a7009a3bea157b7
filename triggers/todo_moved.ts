import { defineTrigger } from 'zapier-platform-core';
import { exampleFor, sampleFor } from '../blue/hook-samples.js';
import {
  LAZY_TODO_OUTPUT_FIELDS,
  MOVED_TRIGGER_FIELDS,
  filteredTodos,
  recordHookFilter,
} from '../blue/trigger-filters.js';
import { blueRestHook } from '../blue/webhooks.js';

const hook = blueRestHook({
  label: 'Record Moved',
  events: () => ['TODO_MOVED'],
  // The record as delivered is where it now is: its list is the list it was moved to.
  filter: recordHookFilter,
  list: filteredTodos('TODO_MOVED'),
  example: exampleFor('TODO_MOVED'),
});

export default defineTrigger({
  key: 'todo_moved',
  noun: 'Record',
  display: {
    label: 'Record Moved',
    description: 'Triggers when a record in a Blue project is moved to another list, optionally only into one list.',
  },
  operation: {
    type: 'hook',
    inputFields: MOVED_TRIGGER_FIELDS,
    ...hook,
    sample: sampleFor('TODO_MOVED'),
    outputFields: LAZY_TODO_OUTPUT_FIELDS,
  },
});
