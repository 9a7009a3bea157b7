import { defineTrigger } from 'zapier-platform-core';
import { exampleFor, listComments, sampleFor } from '../blue/hook-samples.js';
import { COMMENT_OUTPUT_FIELDS, PROJECT_INPUT_FIELDS } from '../blue/trigger-fields.js';
import { blueRestHook } from '../blue/webhooks.js';

const hook = blueRestHook({
  label: 'New Comment',
  events: () => ['COMMENT_CREATED'],
  list: listComments('COMMENT_CREATED'),
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
    inputFields: PROJECT_INPUT_FIELDS,
    ...hook,
    sample: sampleFor('COMMENT_CREATED'),
    outputFields: COMMENT_OUTPUT_FIELDS,
  },
});
