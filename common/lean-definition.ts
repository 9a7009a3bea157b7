// core deep-copies, walks and freezes the whole app definition on every invocation of any step
// (twice: zapier-platform-core 19.1.0, create-app.js and create-lambda-handler.js), so every node
// of it costs each run, a webhook delivery included. Two passes, applied once at load in index.ts,
// keep the sources explicit and the compiled definition small (`npm run bench`):
// - input field properties that only restate Zapier's defaults (`required: false`,
//   `type: 'string'`) are dropped;
// - optional input fields are handed to the Zap editor on demand: each run of consecutive optional
//   fields becomes one function that returns them. Required fields, and those whose change
//   reloads the dynamic fields (`altersDynamicFields`), stay static: the editor shows them at once,
//   and the optional ones come with the step's field load (one call to the app, which makes no
//   request). About 600 of the definition's 2,300 nodes were optional fields.
interface Operation {
  inputFields?: unknown;
}
type Actions = Record<string, { operation?: Operation } | undefined> | undefined;
type Field = Record<string, unknown>;

function dropDefaults(field: unknown): void {
  if (typeof field !== 'object' || field === null) return;
  const f = field as Field;
  if (f.required === false) delete f.required;
  if (f.type === 'string') delete f.type;
  if (Array.isArray(f.children)) f.children.forEach(dropDefaults);
}

const ON_DEMAND = new WeakMap<object, readonly Field[]>();

/**
 * The fixed fields behind a function made by withOptionalFieldsOnDemand, or undefined for any
 * other function (such as the custom-field inputs, which ask Blue). The publishing checks use it.
 */
export function onDemandFields(fn: unknown): readonly Field[] | undefined {
  return typeof fn === 'function' ? ON_DEMAND.get(fn) : undefined;
}

/** Takes no arguments: the list is fixed. Deep copies, so no caller can change the definition's fields. */
function fieldsOnDemand(fields: readonly Field[]): () => Promise<Field[]> {
  const fn = () => Promise.resolve(structuredClone(fields) as Field[]);
  ON_DEMAND.set(fn, fields);
  return fn;
}

function optionalOnDemand(fields: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  let run: Field[] | undefined;
  for (const field of fields) {
    // A field whose change reloads the step's dynamic fields stays static: Zapier watches it.
    const f = typeof field === 'object' && field !== null ? (field as Field) : undefined;
    const optional = f !== undefined && f.required !== true && f.altersDynamicFields !== true;
    if (!optional) {
      out.push(field);
      run = undefined;
    } else if (run) {
      run.push(field as Field);
    } else {
      run = [field as Field];
      out.push(run);
    }
  }
  return out.map((f) => (Array.isArray(f) ? fieldsOnDemand(f as Field[]) : f));
}

export function withoutDefaultProperties<App extends { triggers?: unknown; creates?: unknown; searches?: unknown }>(
  app: App,
): App {
  for (const actions of [app.triggers, app.creates, app.searches] as Actions[]) {
    for (const action of Object.values(actions ?? {})) {
      const fields = action?.operation?.inputFields;
      if (Array.isArray(fields)) fields.forEach(dropDefaults);
    }
  }
  return app;
}

/**
 * A copy of the app whose operations carry their optional input fields on demand. The operation
 * modules' own objects are left as they are (tests read them; lists shared by triggers stay shared).
 */
export function withOptionalFieldsOnDemand<App extends { triggers?: unknown; creates?: unknown; searches?: unknown }>(
  app: App,
): App {
  const lean = (actions: unknown) =>
    Object.fromEntries(
      Object.entries((actions ?? {}) as Record<string, { operation?: Operation }>).map(([key, action]) => {
        const fields = action.operation?.inputFields;
        if (!Array.isArray(fields)) return [key, action];
        return [key, { ...action, operation: { ...action.operation, inputFields: optionalOnDemand(fields) } }];
      }),
    );
  return { ...app, triggers: lean(app.triggers), creates: lean(app.creates), searches: lean(app.searches) };
}
