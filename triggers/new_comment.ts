import { defineTrigger } from 'zapier-platform-core';
import { exampleFor, sampleFor } from '../blue/hook-samples.js';
import {
  LAZY_COMMENT_OUTPUT_FIELDS,
  RECORD_TRIGGER_FIELDS,
  commentHookFilter,
  filteredComments,
} from '../blue/trigger-filters.js';
import { blueRestHook } from '../blue/webhooks.js';

const hook = blueRestHook({
  label: 'New Comment',
  events: () => ['COMMENT_CREATED'],
  // List, tag and assignee are those of the record commented on.
  filter: commentHookFilter,
  list: filteredComments('COMMENT_CREATED'),
  example: exampleFor('COMMENT_CREATED'),
});

export default defineTrigger({
  key: 'new_comment',
  noun: 'Comment',
  display: {
    label: 'New Comment',
    description: 'Triggers when someone comments on a record in a Blue project.',
  },
  operation: {
    type: 'hook',
    inputFields: RECORD_TRIGGER_FIELDS,
    ...hook,
    sample: sampleFor('COMMENT_CREATED'),
    outputFields: LAZY_COMMENT_OUTPUT_FIELDS,
  },
});
