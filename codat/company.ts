// A Codat company (Platform API `Company`): its routes, schema, what Zaps get (the Link URL
// `redirect` first), the sample, and the calls behind Create Company, Find Company and the
// company dropdown.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { platformRequest } from './platform.js';

export const COMPANIES_PATH = '/companies';
export const companyPath = (id: string) => `${COMPANIES_PATH}/${encodeURIComponent(id)}`;

/** Companies per page for the dropdown and for searches (the spec allows up to 5000). */
export const COMPANY_PAGE_SIZE = 100;

const connectionSchema = zod.lazy(() =>
  zod.looseObject({
    id: zod.string(),
    platformName: zod.nullish(zod.string()),
    integrationKey: zod.nullish(zod.string()),
    sourceType: zod.nullish(zod.string()),
    status: zod.nullish(zod.string()),
    linkUrl: zod.nullish(zod.string()),
    lastSync: zod.nullish(zod.string()),
    created: zod.nullish(zod.string()),
  }),
);

export const companySchema = zod.lazy(() =>
  zod.looseObject({
    id: zod.string(),
    name: zod.string(),
    description: zod.nullish(zod.string()),
    redirect: zod.string(),
    created: zod.nullish(zod.string()),
    lastSync: zod.nullish(zod.string()),
    createdByUserName: zod.nullish(zod.string()),
    products: zod.nullish(zod.array(zod.string())),
    tags: zod.nullish(zod.record(zod.string(), zod.string())),
    dataConnections: zod.nullish(zod.array(connectionSchema)),
  }),
);
export type CodatCompany = zod.infer<typeof companySchema>;

/** GET /companies: `Companies` = results + PagingInfo. */
export const companyPageSchema = zod.lazy(() =>
  zod.looseObject({
    results: zod.array(companySchema),
    pageNumber: zod.number(),
    pageSize: zod.number(),
    totalResults: zod.number(),
  }),
);

export type CompanyOutput = {
  id: string;
  name: string;
  redirect: string;
  description: string | null;
  created: string | null;
  lastSync: string | null;
  createdByUserName: string | null;
  products: string[];
  tags: Record<string, string>;
  dataConnections: { id: string; platformName: string | null; sourceType: string | null; status: string | null }[];
};

/** A stable shape for Zaps, whatever optional fields Codat left out. */
export function companyOutput(c: CodatCompany): CompanyOutput {
  return {
    id: c.id,
    name: c.name,
    redirect: c.redirect,
    description: c.description ?? null,
    created: c.created ?? null,
    lastSync: c.lastSync ?? null,
    createdByUserName: c.createdByUserName ?? null,
    products: c.products ?? [],
    tags: c.tags ?? {},
    dataConnections: (c.dataConnections ?? []).map((d) => ({
      id: d.id,
      platformName: d.platformName ?? null,
      sourceType: d.sourceType ?? null,
      status: d.status ?? null,
    })),
  };
}

export const companyOutputFields = [
  { key: 'id', label: 'Company ID' },
  { key: 'name', label: 'Name' },
  { key: 'redirect', label: 'Link URL' },
  { key: 'description', label: 'Description' },
  { key: 'created', label: 'Created At', type: 'datetime' },
  { key: 'lastSync', label: 'Last Sync', type: 'datetime' },
  { key: 'createdByUserName', label: 'Created By' },
  { key: 'products', label: 'Products', list: true },
  { key: 'dataConnections[]id', label: 'Connection IDs' },
  { key: 'dataConnections[]platformName', label: 'Connection Platforms' },
  { key: 'dataConnections[]sourceType', label: 'Connection Source Types' },
  { key: 'dataConnections[]status', label: 'Connection Statuses' },
] as const;

// The Platform spec's create-company example "With a tag", plus one linked connection.
export const companySample: CompanyOutput = {
  id: 'ab12c58d-a678-4ebf-a159-ae99e1807bd0',
  name: 'Technicalium',
  redirect: 'https://link.codat.io/company/ab12c58d-a678-4ebf-a159-ae99e1807bd0',
  description: 'Technology services, including web and app design and development',
  created: '2022-11-10T10:45:18.1950523Z',
  lastSync: '2022-11-10T12:30:00.000Z',
  createdByUserName: 'Dan Tzabar',
  products: ['spend-insights'],
  tags: { region: 'us' },
  dataConnections: [
    { id: '51baa045-4836-4317-a42e-3542e991e581', platformName: 'Pandle', sourceType: 'Accounting', status: 'Linked' },
  ],
};

function invalid(z: ZObject, message: string): Error {
  return new z.errors.Error(message, 'invalid_input', 400);
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/**
 * Codat removes characters outside its name pattern (`^[A-Za-z0-9\s\-',&@.,?!]+$`) when it
 * creates a company ("Company (Codat[1])" becomes "Company Codat1"), so names are compared in that form.
 */
export function codatCompanyName(name: string): string {
  return name
    .replace(/[^A-Za-z0-9\s\-',&@.?!]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A company id from an input: Codat's ids are UUIDs, anything else is refused before sending. */
export function companyIdInput(z: ZObject, value: unknown, label = 'Company'): string {
  const id = text(value);
  if (!id) throw invalid(z, `${label} is empty: pick a Codat company from the dropdown or map its ID.`);
  if (!UUID.test(id))
    throw invalid(
      z,
      `${label} "${id.slice(0, 60)}" is not a Codat company ID (a UUID such as 8a210b68-6988-11ed-a1eb-0242ac120002).`,
    );
  return id;
}

// Tags in the spec: at most 10, keys of 1-27 characters, values of at most 100.
const MAX_TAGS = 10;
const MAX_TAG_KEY = 27;
const MAX_TAG_VALUE = 100;

function tagsInput(z: ZObject, value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalid(z, 'Tags must be key/value pairs (e.g. region = uk).');
  const tags: Record<string, string> = {};
  for (const [rawKey, rawValue] of Object.entries(value as Record<string, unknown>)) {
    const key = rawKey.trim();
    const val = text(rawValue);
    if (!key && !val) continue;
    if (!key) throw invalid(z, `Tags: the value "${val.slice(0, 40)}" has no key.`);
    if (key.length > MAX_TAG_KEY)
      throw invalid(z, `Tags: the key "${key.slice(0, 40)}…" is longer than Codat's ${MAX_TAG_KEY} characters.`);
    if (val.length > MAX_TAG_VALUE)
      throw invalid(z, `Tags: the value of "${key}" is longer than Codat's ${MAX_TAG_VALUE} characters.`);
    tags[key] = val;
  }
  const count = Object.keys(tags).length;
  if (count > MAX_TAGS) throw invalid(z, `Tags: Codat allows at most ${MAX_TAGS} tags per company, not ${count}.`);
  return count ? tags : undefined;
}

/** POST /companies with the `CompanyRequestBody` the inputs describe (checked before sending). */
export function createCompanyBody(z: ZObject, inputData: Record<string, unknown>): Record<string, unknown> {
  const name = text(inputData.name);
  if (!name) throw invalid(z, 'Name is empty: map or type the company name.');
  if (!codatCompanyName(name)) {
    throw invalid(
      z,
      `Name "${name.slice(0, 60)}" has no character Codat keeps in company names (letters A-Z, digits, spaces and - ' , & @ . ? !).`,
    );
  }
  const description = text(inputData.description);
  const tags = tagsInput(z, inputData.tags);
  return { name, ...(description ? { description } : {}), ...(tags ? { tags } : {}) };
}

export async function createCompany(z: ZObject, bundle: Bundle): Promise<CompanyOutput> {
  const body = createCompanyBody(z, bundle.inputData);
  const company = await platformRequest(z, bundle, {
    method: 'POST',
    path: COMPANIES_PATH,
    body,
    action: 'create the Codat company',
    notFound: 'the companies endpoint',
    schema: companySchema,
  });
  return companyOutput(company!);
}

export type CompanySearch = { id: string } | { name?: string; tags?: string };

/** Which search the Find Company inputs ask for; impossible combinations are refused. */
export function companySearch(z: ZObject, inputData: Record<string, unknown>): CompanySearch {
  const id = text(inputData.companyId);
  const rawName = text(inputData.name);
  const tags = text(inputData.tagFilter);
  if (id) {
    if (rawName || tags) throw invalid(z, 'Search by Company alone, or by Name and/or Tag Filter: not both.');
    return { id: companyIdInput(z, id) };
  }
  if (!rawName && !tags) throw invalid(z, 'Fill in Company, Name or Tag Filter to say which company to find.');
  const name = rawName ? codatCompanyName(rawName) : undefined;
  if (rawName && !name)
    throw invalid(z, `Name "${rawName.slice(0, 60)}" has no character Codat keeps in company names.`);
  // `&&` would split the query in Codat's query language; no name can be found with it.
  if (name?.includes('&&'))
    throw invalid(
      z,
      'Name contains "&&", which Codat\'s query language reads as AND: find the company by ID or tag instead.',
    );
  if (tags && !/!=|=|~/.test(tags)) {
    throw invalid(
      z,
      `Tag Filter "${tags.slice(0, 60)}" has no operator: write it as key=value (e.g. region=uk), with != or ~ if needed.`,
    );
  }
  if (tags.length > 2000) throw invalid(z, 'Tag Filter is longer than the 2,000 characters Codat accepts in a query.');
  return { ...(name ? { name } : {}), ...(tags ? { tags } : {}) };
}

const sameName = (a: string, b: string) => codatCompanyName(a).toLowerCase() === b.toLowerCase();

/** Find Company: by ID (404 = nothing), or by exact name and/or tags; nothing found is []. */
export async function findCompanies(z: ZObject, bundle: Bundle): Promise<CompanyOutput[]> {
  const search = companySearch(z, bundle.inputData);
  if ('id' in search) {
    const company = await platformRequest(z, bundle, {
      method: 'GET',
      path: companyPath(search.id),
      action: 'look up the Codat company',
      notFound: `the company ${search.id}`,
      schema: companySchema,
      allowNotFound: true,
    });
    return company ? [companyOutput(company)] : [];
  }
  const page = await platformRequest(z, bundle, {
    method: 'GET',
    path: COMPANIES_PATH,
    params: {
      page: 1,
      pageSize: COMPANY_PAGE_SIZE,
      ...(search.name ? { query: `name=${search.name}` } : {}),
      ...(search.tags ? { tags: search.tags } : {}),
    },
    action: 'search the Codat companies',
    notFound: 'the companies endpoint',
    schema: companyPageSchema,
    // The spec lists a 404 for GET /companies; a list has nothing else to miss than matches.
    allowNotFound: true,
  });
  const found = page?.results ?? [];
  // Codat's `=` may be looser than exact (case, spacing): keep only exact name matches.
  const results = search.name ? found.filter((c) => sameName(c.name, search.name!)) : found;
  return results.map(companyOutput);
}

export interface CompanyChoice {
  id: string;
  name: string;
  /** Names repeat (test companies especially): the creation date tells them apart. */
  label: string;
}

/** One page of companies for dropdowns (Zapier's page 0 is Codat's page 1). */
export async function companyChoices(z: ZObject, bundle: Bundle): Promise<CompanyChoice[]> {
  const zapierPage = Number(bundle.meta?.page ?? 0);
  const page = (Number.isInteger(zapierPage) && zapierPage > 0 ? zapierPage : 0) + 1;
  const data = await platformRequest(z, bundle, {
    method: 'GET',
    path: COMPANIES_PATH,
    params: { page, pageSize: COMPANY_PAGE_SIZE },
    action: 'list the Codat companies',
    notFound: 'the companies endpoint',
    schema: companyPageSchema,
    // A page past the last one (or an instance without companies) may be a 404: nothing more to list.
    allowNotFound: true,
  });
  return (data?.results ?? []).map((c) => ({
    id: c.id,
    name: c.name,
    label: c.created ? `${c.name} (created ${c.created.slice(0, 10)})` : c.name,
  }));
}
