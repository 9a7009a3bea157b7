import { defineTrigger } from 'zapier-platform-core';
import { pollRecords, polledOutput } from '../blue/record-polling.js';
import { EXAMPLE_RECORD_GRAPHQL } from '../blue/record.js';
import { LAZY_TODO_OUTPUT_FIELDS, RECORD_TRIGGER_FIELDS } from '../blue/trigger-filters.js';

export default defineTrigger({
  key: 'updated_todo_polling',
  noun: 'Record',
  display: {
    label: 'Updated Record (Polling)',
    description:
      'Triggers when a record in a Blue project changes, found by checking every few minutes (the record as it is at each check, once per change). Updated Record is instant and says what changed, but only a Blue project administrator can create its webhook, Blue disables the webhook after 5 failed deliveries and stops it when its creator leaves the workspace: pick this one when you are not an administrator or need it to keep running without that webhook.',
  },
  operation: {
    type: 'polling',
    inputFields: RECORD_TRIGGER_FIELDS,
    perform: pollRecords('updated'),
    sample: polledOutput('updated', EXAMPLE_RECORD_GRAPHQL),
    outputFields: LAZY_TODO_OUTPUT_FIELDS,
  },
});
