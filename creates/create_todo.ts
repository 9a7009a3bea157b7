// Create Todo: a form over Blue's createTodo mutation, with the project's custom fields as inputs.
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { requireBlueCredentials } from '../blue/config.js';
import { customFieldInputFields } from '../blue/custom-field-values.js';
import { listCustomFields } from '../blue/custom-fields.js';
import { blueProjectId } from '../blue/project-ref.js';
import { createTodo } from '../blue/record-create.js';
import { EXAMPLE_RECORD, RECORD_WITH_ID_OUTPUT_FIELDS } from '../blue/record.js';
import { lazyOutputFields } from '../common/output-fields.js';

/** One input per custom field of the connection's project that a user can set. */
async function customFieldInputs(z: ZObject, bundle: Bundle) {
  // customFields' filter takes the workspace id; createTodo itself goes by the header (id or slug).
  const projectId = await blueProjectId(z, bundle, requireBlueCredentials(z, bundle.authData).projectId);
  return customFieldInputFields(await listCustomFields(z, bundle, projectId));
}

const inputFields = defineInputFields([
  {
    key: 'todoListId',
    label: 'Todo List',
    required: true,
    dynamic: 'blue_todo_list_list.id.title',
    helpText: "The list of the connection's project the todo goes into.",
  },
  { key: 'title', label: 'Title', required: true, type: 'string' },
  {
    key: 'description',
    label: 'Description',
    type: 'text',
    helpText: 'HTML is kept as is; plain text becomes paragraphs.',
  },
  { key: 'startedAt', label: 'Start Date', type: 'datetime' },
  { key: 'duedAt', label: 'Due Date', type: 'datetime' },
  {
    key: 'assigneeIds',
    label: 'Assignees',
    list: true,
    dynamic: 'blue_user_list.id.label',
    helpText: 'Members of the project to assign the todo to.',
  },
  {
    key: 'tagIds',
    label: 'Tags',
    list: true,
    dynamic: 'blue_tag_list.id.title',
    helpText: 'Existing tags of the project. To add tags by name (created when missing), use New Tag Titles.',
  },
  {
    key: 'tagTitles',
    label: 'New Tag Titles',
    list: true,
    type: 'string',
    helpText: 'Tag names, one per entry; Blue reuses a tag with the same title or creates it.',
  },
  {
    key: 'placement',
    label: 'Placement',
    type: 'string',
    choices: [
      { value: 'TOP', label: 'Top', sample: 'TOP' },
      { value: 'BOTTOM', label: 'Bottom', sample: 'BOTTOM' },
    ],
    helpText: 'Where the todo appears in its list. Blue decides when empty.',
  },
  {
    key: 'notify',
    label: 'Notify Assignees',
    type: 'boolean',
    helpText: 'Whether Blue sends the assignees a notification about the new todo.',
  },
  {
    key: 'checklists',
    label: 'Checklists',
    list: true,
    type: 'string',
    helpText: 'Names of checklists to add to the todo, in order.',
  },
  customFieldInputs,
]);

export default defineCreate({
  key: 'create_todo',
  noun: 'Todo',
  display: {
    label: 'Create Todo',
    description:
      'Creates a todo in a list of the connected Blue project, with assignees, tags, checklists and custom field values.',
  },
  operation: {
    inputFields,
    perform: createTodo,
    // The record's one output shape, as the Blue triggers give it (blue/record.ts).
    sample: EXAMPLE_RECORD,
    outputFields: lazyOutputFields(RECORD_WITH_ID_OUTPUT_FIELDS),
  },
});
