// The sandbox's Blue SDL must be a faithful subset of Blue's schema: same type names, same field
// types, same argument types and defaults, enum values that exist, and no required input field left
// out. Checked against Blue's published schema wherever the reference directory holds it
// (test/support/reference.ts). It must also serve every GraphQL document the app sends in the round trip.
import fs from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  print,
  validate,
  astFromValue,
  type GraphQLSchema,
} from 'graphql';
import { BLUE_SANDBOX_SDL } from '../../sandbox/blue-schema.js';
import { registeredDocuments } from '../../blue/gql.js';
import '../../index.js';
import { describeReference } from '../support/reference.js';

const sandbox = buildSchema(BLUE_SANDBOX_SDL);

function defaultText(value: unknown, type: Parameters<typeof astFromValue>[1]): string | undefined {
  if (value === undefined) return undefined;
  const ast = astFromValue(value, type);
  return ast ? print(ast) : undefined;
}

/** Every difference between a subset schema and the full schema, as readable lines. */
function differences(subset: GraphQLSchema, full: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const [name, type] of Object.entries(subset.getTypeMap())) {
    if (name.startsWith('__')) continue;
    const ref = full.getType(name);
    if (!ref) {
      problems.push(`type ${name} does not exist in Blue's schema`);
      continue;
    }
    if (ref.constructor !== type.constructor) {
      problems.push(`${name} is a ${type.constructor.name} here but a ${ref.constructor.name} in Blue's schema`);
      continue;
    }
    if (isScalarType(type)) continue;
    if (isEnumType(type) && isEnumType(ref)) {
      const known = new Set(ref.getValues().map((v) => v.name));
      for (const v of type.getValues())
        if (!known.has(v.name)) problems.push(`enum ${name} has no value ${v.name} in Blue's schema`);
      continue;
    }
    if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(ref) || isInterfaceType(ref))) {
      const refFields = ref.getFields();
      for (const field of Object.values(type.getFields())) {
        const r = refFields[field.name];
        if (!r) {
          problems.push(`${name}.${field.name} does not exist in Blue's schema`);
          continue;
        }
        if (String(field.type) !== String(r.type))
          problems.push(`${name}.${field.name}: ${String(field.type)} here, ${String(r.type)} in Blue's schema`);
        for (const arg of field.args) {
          const ra = r.args.find((a) => a.name === arg.name);
          if (!ra) {
            problems.push(`${name}.${field.name}(${arg.name}) does not exist in Blue's schema`);
            continue;
          }
          if (String(arg.type) !== String(ra.type))
            problems.push(
              `${name}.${field.name}(${arg.name}): ${String(arg.type)} here, ${String(ra.type)} in Blue's schema`,
            );
          const mine = defaultText(arg.defaultValue, arg.type);
          const theirs = defaultText(ra.defaultValue, ra.type);
          if (mine !== theirs)
            problems.push(`${name}.${field.name}(${arg.name}) default ${mine} here, ${theirs} in Blue's schema`);
        }
        for (const ra of r.args) {
          if (isNonNullType(ra.type) && ra.defaultValue === undefined && !field.args.some((a) => a.name === ra.name)) {
            problems.push(`${name}.${field.name} leaves out required argument ${ra.name}`);
          }
        }
      }
      continue;
    }
    if (isInputObjectType(type) && isInputObjectType(ref)) {
      const refFields = ref.getFields();
      for (const field of Object.values(type.getFields())) {
        const r = refFields[field.name];
        if (!r) problems.push(`input ${name}.${field.name} does not exist in Blue's schema`);
        else if (String(field.type) !== String(r.type))
          problems.push(`input ${name}.${field.name}: ${String(field.type)} here, ${String(r.type)} in Blue's schema`);
      }
      for (const r of Object.values(refFields)) {
        if (isNonNullType(r.type) && r.defaultValue === undefined && !type.getFields()[r.name]) {
          problems.push(`input ${name} leaves out required field ${r.name}`);
        }
      }
    }
  }
  return problems;
}

describeReference("sandbox SDL against Blue's full schema", 'blue/schema.graphql', (file) => {
  const full = buildSchema(fs.readFileSync(file, 'utf8'), { assumeValidSDL: true });

  it('names every type and field exactly as Blue does, with the same types', () => {
    expect(differences(sandbox, full)).toEqual([]);
  });
});

describe('the subset check', () => {
  it('reports a changed field type, an unknown field and a missing required input field (the check can fail; the sandbox SDL stands in for the full schema)', () => {
    const altered = buildSchema(
      BLUE_SANDBOX_SDL.replace('fullName: String!', 'fullName: String')
        .replace('  commentCount: Int!', '  commentCount: Int!\n  made_up_field: String')
        .replace('  webhookId: String!', '  other: String'),
    );
    expect(differences(altered, sandbox)).toEqual(
      expect.arrayContaining([
        "User.fullName: String here, String! in Blue's schema",
        "Todo.made_up_field does not exist in Blue's schema",
        'input DeleteWebhookInput leaves out required field webhookId',
      ]),
    );
  });
});

describe('sandbox SDL serves the app', () => {
  // Documents the sandbox deliberately does not serve (not part of the round trip).
  const NOT_SERVED = new Set(['ZapierRecentComments']);

  it('validates every GraphQL document the app registers (except the listed ones)', () => {
    const docs = [...registeredDocuments()].filter(([name]) => !NOT_SERVED.has(name));
    expect(docs.length).toBeGreaterThan(0);
    const failures = docs.flatMap(([name, doc]) => validate(sandbox, parse(doc)).map((e) => `${name}: ${e.message}`));
    expect(failures).toEqual([]);
  });
});
