// Every GraphQL document the app sends is declared through `gql`, so one test can validate them
// all against Blue's schema (test/blue/documents.test.ts).
const registry = new Map<string, string>();

export function gql(strings: TemplateStringsArray, ...values: string[]): string {
  const doc = String.raw({ raw: strings }, ...values).trim();
  const name = /^(?:query|mutation)\s+(\w+)/.exec(doc)?.[1];
  if (!name) throw new Error('Every GraphQL document needs a named operation');
  registry.set(name, doc);
  return doc;
}

/** Operation name -> document, for every document declared so far. */
export function registeredDocuments(): ReadonlyMap<string, string> {
  return registry;
}
