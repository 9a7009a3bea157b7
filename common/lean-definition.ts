// core deep-copies, walks and freezes the whole app definition on every invocation of any step, so
// every node costs each run. Input field properties that only restate Zapier's defaults
// (`required: false`, `type: 'string'`) are dropped once, at load, keeping the sources explicit.
interface Operation {
  inputFields?: unknown;
}
type Actions = Record<string, { operation?: Operation } | undefined> | undefined;

function dropDefaults(field: unknown): void {
  if (typeof field !== 'object' || field === null) return;
  const f = field as Record<string, unknown>;
  if (f.required === false) delete f.required;
  if (f.type === 'string') delete f.type;
  if (Array.isArray(f.children)) f.children.forEach(dropDefaults);
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
