// Update Record: editTodo plus setTodoAssignees and setTodoCustomField in one document.
import { defineCreate } from 'zapier-platform-core';
import { customFieldInputs, LIST_FIELD, RECORD_FIELDS, RECORD_SAMPLE, TARGET_FIELDS } from '../blue/action-fields.js';
import { updateRecord } from '../blue/record-actions.js';

export default defineCreate({
  key: 'update_record',
  noun: 'Record',
  display: {
    label: 'Update Record',
    description:
      'Updates a Blue record: title, description, list, dates, assignees, tags and custom fields. Only the fields filled in change.',
  },
  operation: {
    inputFields: [
      // Picking another project reloads the custom field inputs below.
      { ...TARGET_FIELDS[0], altersDynamicFields: true },
      ...TARGET_FIELDS.slice(1),
      { key: 'title', label: 'Title', type: 'string' },
      {
        key: 'description',
        label: 'Description',
        type: 'text',
        helpText: 'Replaces the description. HTML is kept as is; plain text becomes paragraphs.',
      },
      { ...LIST_FIELD, required: false },
      { key: 'startedAt', label: 'Start Date', type: 'datetime' },
      { key: 'duedAt', label: 'Due Date', type: 'datetime' },
      {
        key: 'assigneeIds',
        label: 'Assignees',
        list: true,
        dynamic: 'blue_user_list.id.label',
        helpText:
          'Replaces the assignees with these project members. To add or remove one, use Add or Remove Assignee.',
      },
      {
        key: 'tagIds',
        label: 'Tags',
        list: true,
        dynamic: 'blue_tag_list.id.title',
        helpText: 'Replaces the tags with these (plus New Tag Titles). To add or remove one, use Add or Remove Tag.',
      },
      {
        key: 'tagTitles',
        label: 'New Tag Titles',
        list: true,
        type: 'string',
        helpText:
          "Tag names, one per entry; Blue reuses a tag with the same title or creates it. Like Tags, these replace the record's tags (even when Tags is empty): to add one and keep the others, use Add Tag to Record.",
      },
      customFieldInputs,
    ],
    perform: updateRecord,
    sample: RECORD_SAMPLE,
    outputFields: RECORD_FIELDS,
  },
});
