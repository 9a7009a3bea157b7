// The two passes index.ts runs over the definition (common/lean-definition.ts): what core compiles
// shrinks, what the Zap editor gets does not change.
import { describe, expect, it } from '@jest/globals';
import App from '../../index.js';
import { onDemandFields, withOptionalFieldsOnDemand, withoutDefaultProperties } from '../../common/lean-definition.js';
import createTodo from '../../creates/create_todo.js';
import newTodo from '../../triggers/new_todo.js';
import { AppRunner } from '../../sandbox/app-runner.js';

type Field = Record<string, unknown>;
type Op = { operation: { inputFields?: unknown[] } };

const dynamicFn = (_z: unknown, _bundle: unknown) => Promise.resolve([{ key: 'cf_1', label: 'Custom' }]);

function sampleApp() {
  return {
    triggers: {
      t: {
        operation: {
          inputFields: [
            { key: 'a', label: 'A', required: true },
            { key: 'b', label: 'B' },
            { key: 'c', label: 'C', required: false },
            { key: 'd', label: 'D', required: true },
            { key: 'p', label: 'P', altersDynamicFields: true },
            { key: 'e', label: 'E', choices: { x: 'X' } },
            dynamicFn,
            { key: 'f', label: 'F' },
          ] as unknown[],
        },
      },
      hidden: { operation: {} },
    },
    creates: {},
  };
}

/** Every field an operation gives the editor, with the on-demand functions called as core would. */
async function resolved(fields: readonly unknown[]): Promise<Field[]> {
  const out: Field[] = [];
  for (const f of fields) {
    if (typeof f === 'function')
      out.push(...((await (f as (z: unknown, b: unknown) => Promise<Field[]>)({}, {})) ?? []));
    else out.push(f as Field);
  }
  return out;
}

describe('withOptionalFieldsOnDemand', () => {
  it('keeps required fields and other functions in place and turns each run of optional fields into one function', async () => {
    const app = sampleApp();
    const lean = withOptionalFieldsOnDemand(app);
    const fields = lean.triggers.t.operation.inputFields;
    expect(
      fields.map((f) => (typeof f === 'function' ? (f === dynamicFn ? 'dynamic' : 'on demand') : (f as Field).key)),
    ).toEqual(['a', 'on demand', 'd', 'p', 'on demand', 'dynamic', 'on demand']);
    expect((await resolved(fields)).map((f) => f.key)).toEqual(['a', 'b', 'c', 'd', 'p', 'e', 'cf_1', 'f']);
    expect(onDemandFields(fields[1])?.map((f) => f.key)).toEqual(['b', 'c']);
    expect(onDemandFields(dynamicFn)).toBeUndefined();
    expect(lean.triggers.hidden).toBe(app.triggers.hidden);
  });

  it('leaves the given app untouched, and hands out copies the caller cannot change the definition through', async () => {
    const app = sampleApp();
    const before = app.triggers.t.operation.inputFields;
    const lean = withOptionalFieldsOnDemand(app);
    expect(app.triggers.t.operation.inputFields).toBe(before);
    expect(before).toHaveLength(8);
    const onDemand = lean.triggers.t.operation.inputFields[1] as () => Promise<Field[]>;
    const first = await onDemand();
    first[0]!.label = 'Changed';
    expect((await onDemand())[0]!.label).toBe('B');
    // Nested values too (choices).
    const withChoices = lean.triggers.t.operation.inputFields[4] as () => Promise<Field[]>;
    ((await withChoices())[0]!.choices as Record<string, string>).x = 'Changed';
    expect((await withChoices())[0]!.choices).toEqual({ x: 'X' });
  });

  it('composes with withoutDefaultProperties (required: false and type: string are dropped first)', async () => {
    const lean = withOptionalFieldsOnDemand(
      withoutDefaultProperties({
        triggers: { t: { operation: { inputFields: [{ key: 'x', label: 'X', required: false, type: 'string' }] } } },
      }),
    );
    expect(await resolved(lean.triggers.t.operation.inputFields)).toEqual([{ key: 'x', label: 'X' }]);
  });
});

describe('the app definition', () => {
  const sections = ['triggers', 'creates', 'searches'] as const;
  const ops = sections.flatMap((s) =>
    Object.entries((App[s] ?? {}) as Record<string, Op>).map(([key, op]) => [`${s}.${key}`, op] as const),
  );

  it.each(ops)('%s: holds statically only required fields and fields that reload the dynamic ones', (_key, op) => {
    for (const f of op.operation.inputFields ?? []) {
      if (typeof f !== 'object' || f === null) continue;
      const field = f as Field;
      expect({ key: field.key, static: field.required === true || field.altersDynamicFields === true }).toEqual({
        key: field.key,
        static: true,
      });
    }
  });

  it.each(ops)('%s: each on-demand function gives exactly its fixed fields', async (_key, op) => {
    for (const f of op.operation.inputFields ?? []) {
      const fixed = onDemandFields(f);
      if (!fixed) continue;
      expect(fixed.length).toBeGreaterThan(0);
      expect(await (f as () => Promise<Field[]>)()).toEqual(fixed);
    }
  });

  it("keeps Update Record's Project static: picking another reloads the custom field inputs", () => {
    const fields = App.creates.update_record.operation.inputFields as unknown[];
    expect(fields.find((f) => typeof f === 'object' && (f as Field).key === 'projectId')).toMatchObject({
      altersDynamicFields: true,
    });
  });

  it("gives the editor New Record's declared filters, in order, through core's runtime", async () => {
    const runner = new AppRunner(App);
    const fromApp = App.triggers.new_todo.operation.inputFields as unknown[];
    expect(fromApp.every((f) => typeof f === 'function')).toBe(true);
    const viaCore = await runner.run<Field[]>(fromApp as never, { inputData: {}, authData: {} });
    expect(viaCore).toEqual(newTodo.operation.inputFields);
  });

  it("keeps Create Record's required fields static and its fixed optional ones, in order, before the custom fields", async () => {
    const declared = createTodo.operation.inputFields as unknown[];
    const fromApp = App.creates.create_todo.operation.inputFields as unknown[];
    const fixed = (fields: unknown[]) => fields.filter((f) => typeof f !== 'function' || onDemandFields(f));
    expect(await resolved(fixed(fromApp))).toEqual(fixed(declared));
    expect(fromApp.at(-1)).toBe(declared.at(-1)); // the custom-field inputs, which ask Blue
    expect(fromApp.filter((f) => typeof f === 'object').map((f) => (f as Field).key)).toEqual(['todoListId', 'title']);
  });
});
