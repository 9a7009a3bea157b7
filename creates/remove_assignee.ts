// Remove Assignee: removeTodoAssignees (the record's other assignees stay).
import { defineCreate } from 'zapier-platform-core';
import { RECORD_FIELDS, RECORD_SAMPLE, TARGET_FIELDS, USERS_FIELD } from '../blue/action-fields.js';
import { removeAssignees } from '../blue/record-actions.js';

export default defineCreate({
  key: 'remove_assignee',
  noun: 'Record',
  display: {
    label: 'Remove Assignee from Record',
    description: 'Removes users from the assignees of a Blue record; the others stay.',
  },
  operation: {
    inputFields: [...TARGET_FIELDS, USERS_FIELD],
    perform: removeAssignees,
    sample: RECORD_SAMPLE,
    outputFields: RECORD_FIELDS,
  },
});
