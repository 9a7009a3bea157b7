// Every GraphQL document the app sends must be valid against Blue's schema. The project owns the
// subset of that schema it uses (sandbox/blue-schema.ts), so this runs in any clone; the same
// documents are also validated against Blue's full published schema wherever that is available
// (test/sandbox/blue-schema.test.ts pins the subset against it field by field). Importing the app
// loads every module, so every `gql` document is registered before the checks run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import App from '../../index.js';
import { registeredDocuments } from '../../blue/gql.js';
import { updateRecordDocument } from '../../blue/record-actions.js';
import { BLUE_SANDBOX_SDL } from '../../sandbox/blue-schema.js';
import { describeReference } from '../support/reference.js';

// The record actions' documents, fixed ones by name, and Update Record's in every shape it takes.
const RECORD_ACTION_DOCUMENTS = [
  'ZapierEditRecord',
  'ZapierUpdateTodosRecord',
  'ZapierAddAssignees',
  'ZapierRemoveAssignees',
  'ZapierAddComment',
  'ZapierRecordTags',
  'ZapierRecordChecklists',
  'ZapierCreateChecklist',
  'ZapierAddChecklistItem',
  'ZapierUpdateRecord',
  'ZapierRecordChoices',
];
const UPDATE_SHAPES = [
  { assignees: false, customFields: 0 },
  { assignees: true, customFields: 0 },
  { assignees: false, customFields: 1 },
  { assignees: true, customFields: 3 },
];

const documents = [...registeredDocuments().entries()];

function errorsIn(schema: GraphQLSchema, doc: string): string[] {
  return validate(schema, parse(doc)).map((e) => e.message);
}

describe('Blue GraphQL documents', () => {
  it('are registered, including the auth test and the webhook mutations', () => {
    expect(App.triggers).toBeDefined();
    const names = documents.map(([name]) => name);
    expect(names).toEqual(
      expect.arrayContaining([
        'ZapierAuthTest',
        'ZapierCreateWebhook',
        'ZapierDeleteWebhook',
        'ZapierRecentTodos',
        'ZapierGetTodo',
        'ZapierCreateTodo',
        'ZapierListProjects',
        'ZapierProjectId',
        'ZapierCompanyId',
        ...RECORD_ACTION_DOCUMENTS,
      ]),
    );
  });

  it("include the searches' and polling triggers' documents", () => {
    expect([...registeredDocuments().keys()]).toEqual(
      expect.arrayContaining(['ZapierFindTodos', 'ZapierUpdatedTodos', 'ZapierFindProjectUsers']),
    );
  });

  it("include New Comment's enrichment documents, with and without the filter's record fields", () => {
    expect([...registeredDocuments().keys()]).toEqual(
      expect.arrayContaining([
        'ZapierCommentAuthorAndRecord',
        'ZapierCommentAuthor',
        'ZapierCommentRecord',
        'ZapierCommentAuthorAndFilterRecord',
        'ZapierCommentFilterRecord',
      ]),
    );
  });

  describe("against the project's Blue SDL (sandbox/blue-schema.ts; add what a new document uses there)", () => {
    const schema = buildSchema(BLUE_SANDBOX_SDL);

    it.each(documents)('%s is valid', (_name, doc) => {
      expect(errorsIn(schema, doc)).toEqual([]);
    });

    it.each(UPDATE_SHAPES)("Update Record's document with %j is valid", (parts) => {
      expect(errorsIn(schema, updateRecordDocument(parts))).toEqual([]);
    });

    it('catches an invalid document (the check can fail)', () => {
      expect(errorsIn(schema, 'query Bad { todoQueries { todos { items { id } } } }').length).toBeGreaterThan(0);
    });
  });
});

describeReference("Blue GraphQL documents against Blue's full schema", 'blue/schema.graphql', (file) => {
  let schema: GraphQLSchema;
  const load = () => (schema ??= buildSchema(readFileSync(file, 'utf8')));

  it.each(documents)('%s is valid', (_name, doc) => {
    expect(errorsIn(load(), doc)).toEqual([]);
  });

  it.each(UPDATE_SHAPES)("Update Record's document with %j is valid", (parts) => {
    expect(errorsIn(load(), updateRecordDocument(parts))).toEqual([]);
  });

  it('catches an invalid document (the check can fail)', () => {
    expect(errorsIn(load(), 'query Bad { todoQueries { todos { items { id } } } }').length).toBeGreaterThan(0);
  });
});
