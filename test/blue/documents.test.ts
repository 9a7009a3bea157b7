// Every GraphQL document the app sends must be valid against Blue's schema. Importing the app
// loads every module, so every `gql` document is registered before the checks run.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import App from '../../index.js';
import { registeredDocuments } from '../../blue/gql.js';
import { updateRecordDocument } from '../../blue/record-actions.js';

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

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schemaPath = process.env.BLUE_SCHEMA || path.resolve(repoRoot, '../shared/reference/blue/schema.graphql');
const haveSchema = existsSync(schemaPath);

if (!haveSchema) {
  console.warn(`Skipping Blue document validation: no schema at ${schemaPath} (set BLUE_SCHEMA to Blue's schema.graphql).`);
}

describe('Blue GraphQL documents', () => {
  it('are registered, including the auth test and the webhook mutations', () => {
    expect(App.triggers).toBeDefined();
    const names = [...registeredDocuments().keys()];
    expect(names).toEqual(
      expect.arrayContaining(['ZapierAuthTest', 'ZapierCreateWebhook', 'ZapierDeleteWebhook', 'ZapierRecentTodos', 'ZapierGetTodo', 'ZapierCreateTodo', 'ZapierListProjects', ...RECORD_ACTION_DOCUMENTS]),
    );
  });

  (haveSchema ? describe : describe.skip)(`validate against ${schemaPath}`, () => {
    let schema: GraphQLSchema;
    const load = () => (schema ??= buildSchema(readFileSync(schemaPath, 'utf8')));

    it.each([...registeredDocuments().entries()])('%s is valid', (_name, doc) => {
      const errors = validate(load(), parse(doc)).map((e) => e.message);
      expect(errors).toEqual([]);
    });

    it.each(UPDATE_SHAPES)('Update Record\'s document with %j is valid', (parts) => {
      expect(validate(load(), parse(updateRecordDocument(parts))).map((e) => e.message)).toEqual([]);
    });

    it('catches an invalid document (the check can fail)', () => {
      const errors = validate(load(), parse('query Bad { todoQueries { todos { items { id } } } }'));
      expect(errors.length).toBeGreaterThan(0);
    });
  });
});
