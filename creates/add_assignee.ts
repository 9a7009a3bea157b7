// Add Assignee: addTodoAssignees (the record's other assignees stay).
import { defineCreate } from 'zapier-platform-core';
import { RECORD_FIELDS, RECORD_SAMPLE, TARGET_FIELDS, USERS_FIELD } from '../blue/action-fields.js';
import { addAssignees } from '../blue/record-actions.js';

export default defineCreate({
  key: 'add_assignee',
  noun: 'Record',
  display: {
    label: 'Add Assignee to Record',
    description: 'Adds project members to the assignees of a Blue record; the others stay.',
  },
  operation: {
    inputFields: [...TARGET_FIELDS, USERS_FIELD],
    perform: addAssignees,
    sample: RECORD_SAMPLE,
    outputFields: RECORD_FIELDS,
  },
});
