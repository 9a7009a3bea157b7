// Add Comment: createComment on a record (category TODO).
import { defineCreate } from 'zapier-platform-core';
import { COMMENT_FIELDS, COMMENT_SAMPLE, TARGET_FIELDS } from '../blue/action-fields.js';
import { addComment } from '../blue/record-actions.js';

export default defineCreate({
  key: 'add_comment',
  noun: 'Comment',
  display: { label: 'Add Comment', description: 'Adds a comment to a Blue record, as plain text or HTML.' },
  operation: {
    inputFields: [
      ...TARGET_FIELDS,
      {
        key: 'text',
        label: 'Comment',
        type: 'text',
        required: true,
        helpText: 'HTML is kept as is; plain text becomes paragraphs.',
      },
    ],
    perform: addComment,
    sample: COMMENT_SAMPLE,
    outputFields: COMMENT_FIELDS,
  },
});
