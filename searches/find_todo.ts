// Find Record (key find_todo, like create_todo): Blue's work item is a "Record" for users.
import { defineInputFields, defineSearch } from 'zapier-platform-core';
import { EXAMPLE_RECORD, RECORD_WITH_ID_OUTPUT_FIELDS } from '../blue/record.js';
import { FIND_SCAN_LIMIT, findRecords } from '../blue/record-search.js';
import { lazyOutputFields } from '../common/output-fields.js';

export default defineSearch({
  key: 'find_todo',
  noun: 'Record',
  display: {
    label: 'Find Record',
    description:
      'Finds a record in the connected Blue project by ID, or by title or a custom field value, within a list or the whole project, optionally only done or not done records; newest first.',
  },
  operation: {
    inputFields: defineInputFields([
      {
        key: 'recordId',
        label: 'Record ID',
        // The record actions' Record dropdown (the project's newest); a mapped ID works too.
        dynamic: 'blue_record_list.id.label',
        required: false,
        helpText: 'Find this exact record. When given, the other fields are not used.',
      },
      {
        key: 'title',
        label: 'Title',
        type: 'string',
        required: false,
        helpText: "The record's title (not case-sensitive). The newest record with this title comes first.",
      },
      {
        key: 'titleContains',
        label: 'Match Part of the Title',
        type: 'boolean',
        required: false,
        default: 'false',
        helpText:
          'Yes: titles containing the text match too. No: only the whole title matches (safer before Find or Create).',
      },
      {
        key: 'todoListId',
        label: 'List',
        dynamic: 'blue_todo_list_list.id.title',
        required: false,
        helpText: 'Only search this list. Leave empty to search the whole project.',
      },
      {
        key: 'customFieldId',
        label: 'Custom Field',
        dynamic: 'blue_custom_field_list.id.name',
        required: false,
        helpText:
          'Only records whose value of this field is Custom Field Value. Leave empty to match the value in any field.',
      },
      {
        key: 'customFieldValue',
        label: 'Custom Field Value',
        type: 'string',
        required: false,
        // Blue's todos filter cannot match a value: it is checked here on the newest records only.
        helpText:
          'The value to find (not case-sensitive), e.g. an order number. For dropdown fields, enter the option title. ' +
          `Without a Title, only the ${FIND_SCAN_LIMIT} newest records of the list or project are checked (Blue cannot search by value), so an older record is not found.`,
      },
      {
        key: 'done',
        label: 'Done Status',
        type: 'string',
        required: false,
        choices: [
          { value: 'open', label: 'Not Done', sample: 'open' },
          { value: 'done', label: 'Done', sample: 'done' },
        ],
        helpText: 'Only records that are done, or not done. Leave empty for both.',
      },
    ]),
    perform: findRecords,
    sample: EXAMPLE_RECORD,
    outputFields: lazyOutputFields(RECORD_WITH_ID_OUTPUT_FIELDS),
  },
});
