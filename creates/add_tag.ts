// Add Tag: an existing tag (updateTodos tagId) or a new one by title (editTodo tags).
import { defineCreate } from 'zapier-platform-core';
import { RECORD_FIELDS, RECORD_SAMPLE, TAG_FIELD, TARGET_FIELDS } from '../blue/action-fields.js';
import { addTag } from '../blue/record-actions.js';

export default defineCreate({
  key: 'add_tag',
  noun: 'Record',
  display: {
    label: 'Add Tag to Record',
    description: 'Adds a tag to a Blue record: an existing tag of the project, or a new one by name.',
  },
  operation: {
    inputFields: [
      ...TARGET_FIELDS,
      { ...TAG_FIELD, required: false },
      {
        key: 'tagTitle',
        label: 'New Tag Title',
        type: 'string',
        helpText: 'Instead of Tag: a tag name; Blue reuses a tag with this title or creates it.',
      },
    ],
    perform: addTag,
    sample: RECORD_SAMPLE,
    outputFields: RECORD_FIELDS,
  },
});
