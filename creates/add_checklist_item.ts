// Add Checklist Item: to the record's checklist of that name, created when missing.
import { defineCreate } from 'zapier-platform-core';
import { CHECKLIST_ITEM_FIELDS, CHECKLIST_ITEM_SAMPLE, TARGET_FIELDS } from '../blue/action-fields.js';
import { addChecklistItem } from '../blue/record-actions.js';

export default defineCreate({
  key: 'add_checklist_item',
  noun: 'Checklist Item',
  display: {
    label: 'Add Checklist Item',
    description:
      'Adds an item to a checklist of a Blue record, creating the checklist when the record has none of that name.',
  },
  operation: {
    inputFields: [
      ...TARGET_FIELDS,
      {
        key: 'checklistTitle',
        label: 'Checklist',
        type: 'string',
        required: true,
        helpText: "The checklist's name on the record (matched ignoring case).",
      },
      {
        key: 'itemTitle',
        label: 'Item',
        type: 'string',
        required: true,
        helpText: 'The text of the new checklist item, added at the end.',
      },
    ],
    perform: addChecklistItem,
    sample: CHECKLIST_ITEM_SAMPLE,
    outputFields: CHECKLIST_ITEM_FIELDS,
  },
});
