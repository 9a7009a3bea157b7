// Move Record: editTodo with the destination list.
import { defineCreate } from 'zapier-platform-core';
import { LIST_FIELD, RECORD_FIELDS, RECORD_SAMPLE, TARGET_FIELDS } from '../blue/action-fields.js';
import { moveRecord } from '../blue/record-actions.js';

export default defineCreate({
  key: 'move_record',
  noun: 'Record',
  display: { label: 'Move Record', description: 'Moves a Blue record to another list of its project.' },
  operation: {
    inputFields: [...TARGET_FIELDS, { ...LIST_FIELD, required: true }],
    perform: moveRecord,
    sample: RECORD_SAMPLE,
    outputFields: RECORD_FIELDS,
  },
});
