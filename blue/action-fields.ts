// Input and output fields shared by the record actions (one object each, reused by every action
// that takes it: core compiles the whole definition on every invocation, so it stays small).
import { defineInputFields, type Bundle, type PlainOutputField, type ZObject } from 'zapier-platform-core';
import { COMMENT_OUTPUT_FIELDS, EXAMPLE_COMMENT } from './comment.js';
import { customFieldInputFields } from './custom-field-values.js';
import { listCustomFields } from './custom-fields.js';
import { stepProjectRef } from './dropdowns.js';
import { blueProjectId } from './project-ref.js';
import { EXAMPLE_RECORD, RECORD_OUTPUT_FIELDS } from './record.js';
import { lazyOutputFields } from '../common/output-fields.js';

export const PROJECT_FIELD = {
  key: 'projectId',
  label: 'Project',
  dynamic: 'blue_project_list.id.name',
  helpText:
    "The record's Blue project, for the dropdowns below and the request. Leave empty for the connection's project (its Blue Project ID).",
} as const;

/** Project, then Record: the first fields of every record action. */
export const TARGET_FIELDS = defineInputFields([
  PROJECT_FIELD,
  {
    key: 'recordId',
    label: 'Record',
    dynamic: 'blue_record_list.id.label',
    required: true,
    helpText:
      'Pick one of the project\'s newest records, or map a Record ID (a "todo" id in Blue\'s API) from an earlier step.',
  },
]);

export const LIST_FIELD = {
  key: 'todoListId',
  label: 'List',
  dynamic: 'blue_todo_list_list.id.title',
  helpText: 'A list of the project: the record moves there.',
} as const;

export const TAG_FIELD = {
  key: 'tagId',
  label: 'Tag',
  dynamic: 'blue_tag_list.id.title',
  helpText: 'An existing tag of the project (or a mapped Tag ID).',
} as const;

export const USERS_FIELD = {
  key: 'assigneeIds',
  label: 'Users',
  list: true,
  required: true,
  dynamic: 'blue_user_list.id.label',
  helpText: 'Members of the project (or mapped User IDs).',
} as const;

/** Update Record's custom field inputs: Create's, for the step's project. */
export async function customFieldInputs(z: ZObject, bundle: Bundle) {
  // customFields' filter takes the workspace id, not the slug the connection may hold.
  const projectId = await blueProjectId(z, bundle, stepProjectRef(z, bundle));
  return customFieldInputFields(await listCustomFields(z, bundle, projectId));
}

const RECORD_FIELD_LIST: PlainOutputField[] = [
  { key: 'id', label: 'Record ID', type: 'string' },
  { key: 'uid', label: 'Record UID', type: 'string' },
  ...RECORD_OUTPUT_FIELDS,
];
const COMMENT_FIELD_LIST: PlainOutputField[] = [
  { key: 'id', label: 'Comment ID', type: 'string' },
  { key: 'uid', label: 'Comment UID', type: 'string' },
  ...COMMENT_OUTPUT_FIELDS,
];
const CHECKLIST_ITEM_FIELD_LIST: PlainOutputField[] = [
  ...RECORD_FIELD_LIST,
  { key: 'checklistItem__id', label: 'Checklist Item ID', type: 'string' },
  { key: 'checklistItem__title', label: 'Checklist Item', type: 'string' },
  { key: 'checklistItem__checklist__id', label: 'Checklist ID', type: 'string' },
  { key: 'checklistItem__checklist__title', label: 'Checklist', type: 'string' },
];

// The actions' output fields come from functions (common/output-fields.ts: a lean definition).
export const RECORD_FIELDS = lazyOutputFields(RECORD_FIELD_LIST);
// The samples, for the same reason, hold what a next step maps most (every key has its output
// field above, with its type); a tested step shows the whole record.
const { id, title, done, duedAt, updatedAt, todoList, project, assigneeNames, tagTitles } = EXAMPLE_RECORD;
export const RECORD_SAMPLE = { id, title, done, duedAt, updatedAt, todoList, project, assigneeNames, tagTitles };
export const COMMENT_SAMPLE = EXAMPLE_COMMENT;
export const CHECKLIST_ITEM_SAMPLE = {
  ...RECORD_SAMPLE,
  checklistItem: {
    id: 'clx0example0item0000000001',
    title: 'Passport copy',
    checklist: { id: 'clx0example0checklist00001', title: 'KYC' },
  },
};
export const COMMENT_FIELDS = lazyOutputFields(COMMENT_FIELD_LIST);
export const CHECKLIST_ITEM_FIELDS = lazyOutputFields(CHECKLIST_ITEM_FIELD_LIST);
