// Create Todo: a form over Blue's createTodo mutation, with the project's custom fields as inputs.
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { requireBlueCredentials } from '../blue/config.js';
import { customFieldInputFields } from '../blue/custom-field-values.js';
import { listCustomFields } from '../blue/custom-fields.js';
import { blueProjectId } from '../blue/project-ref.js';
import { createTodo } from '../blue/todos-create.js';

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
    helpText: 'The list of the connection\'s project the todo goes into.',
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

const sample = {
  id: 'ctodo00000000000000000001',
  uid: 'a1b2c3d4e5',
  title: 'Call back ACME about the renewal',
  text: 'Renewal due next month.',
  html: '<p>Renewal due next month.</p>',
  startedAt: '2026-03-01T09:00:00.000Z',
  duedAt: '2026-03-05T17:00:00.000Z',
  done: false,
  createdAt: '2026-02-27T10:15:30.000Z',
  todoList: { id: 'clist0000000000000000001', title: 'To Do' },
  users: [{ id: 'cuser000000000000000001', fullName: 'Jane Doe', email: 'jane@example.com' }],
  tags: [{ id: 'ctag0000000000000000001', title: 'Urgent', color: '#e53935' }],
  customFields: [{ id: 'cfield00000000000000000001', name: 'Budget', type: 'CURRENCY', value: '1250.5 USD' }],
};

export default defineCreate({
  key: 'create_todo',
  noun: 'Todo',
  display: {
    label: 'Create Todo',
    description: 'Creates a todo in a list of the connected Blue project, with assignees, tags, checklists and custom field values.',
  },
  operation: {
    inputFields,
    perform: createTodo,
    sample,
    outputFields: [
      { key: 'id', label: 'Todo ID' },
      { key: 'uid', label: 'Todo UID' },
      { key: 'title', label: 'Title' },
      { key: 'text', label: 'Description (Text)' },
      { key: 'html', label: 'Description (HTML)' },
      { key: 'startedAt', label: 'Start Date', type: 'datetime' },
      { key: 'duedAt', label: 'Due Date', type: 'datetime' },
      { key: 'done', label: 'Done', type: 'boolean' },
      { key: 'createdAt', label: 'Created At', type: 'datetime' },
      { key: 'todoList__id', label: 'Todo List ID' },
      { key: 'todoList__title', label: 'Todo List Title' },
      { key: 'users[]id', label: 'Assignee IDs' },
      { key: 'users[]fullName', label: 'Assignee Names' },
      { key: 'users[]email', label: 'Assignee Emails' },
      { key: 'tags[]id', label: 'Tag IDs' },
      { key: 'tags[]title', label: 'Tag Titles' },
      { key: 'tags[]color', label: 'Tag Colors' },
      { key: 'customFields[]id', label: 'Custom Field IDs' },
      { key: 'customFields[]name', label: 'Custom Field Names' },
      { key: 'customFields[]type', label: 'Custom Field Types' },
      { key: 'customFields[]value', label: 'Custom Field Values' },
    ],
  },
});
