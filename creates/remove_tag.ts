// Remove Tag: updateTodos removeTagId (the record's other tags stay).
import { defineCreate } from 'zapier-platform-core';
import { RECORD_FIELDS, RECORD_SAMPLE, TAG_FIELD, TARGET_FIELDS } from '../blue/action-fields.js';
import { removeTag } from '../blue/record-actions.js';

export default defineCreate({
  key: 'remove_tag',
  noun: 'Record',
  display: { label: 'Remove Tag from Record', description: 'Removes a tag from a Blue record; its other tags stay.' },
  operation: {
    inputFields: [...TARGET_FIELDS, { ...TAG_FIELD, required: true }],
    perform: removeTag,
    sample: RECORD_SAMPLE,
    outputFields: RECORD_FIELDS,
  },
});
