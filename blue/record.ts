// A Blue record (a "todo" in Blue's API): its GraphQL selection, the response schema, and the one
// output shape every trigger and action gives a Zap, built from either form Blue hands us:
// - the GraphQL type (`users`, `tags`, `customFields`, `todoList {..}`) from queries and mutations;
// - the stored entity a webhook delivers (`todoListId`, `todoList {.., project {..}}`, join rows
//   `todoUsers`, `todoTags`, `todoCustomFields`, `position` as a string; or only `{id, title, done}`).
// Where a delivery lacks what the output promises, `enrichRecord` fetches the record once.
import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { gql } from './gql.js';
import { blueCompanyId } from './project-ref.js';
import { arrayAt, bool, firstStr, isObj, num, obj, str, type Obj } from './read.js';

/** The record fields every read and write asks for, so all of them can give the same output. */
export const RECORD_SELECTION = `
  id
  uid
  title
  text
  html
  position
  done
  archived
  startedAt
  duedAt
  createdAt
  updatedAt
  createdBy { id }
  todoList { id title project { id name } }
  users { id fullName email }
  tags { id title color }
  customFields { id name type value }
`;

export const RECENT_TODOS = gql`
  query ZapierRecentTodos($companyId: String!, $projectId: String!, $done: Boolean, $limit: Int!) {
    todoQueries {
      todos(
        filter: { companyIds: [$companyId], projectIds: [$projectId], done: $done, showCompleted: true }
        sort: [createdAt_DESC]
        limit: $limit
      ) {
        items { ${RECORD_SELECTION} }
      }
    }
  }
`;

// The options of each custom field come too (merged into the same `customFields` selection), so a
// delivered join row naming an option by id only reads as its title, and a filter can match either.
export const GET_TODO = gql`
  query ZapierGetTodo($id: String!) {
    todo(id: $id) { ${RECORD_SELECTION} customFields { customFieldOptions { id title } } }
  }
`;

const person = zod.lazy(() =>
  zod.looseObject({
    id: zod.string(),
    fullName: zod.nullish(zod.string()),
    email: zod.nullish(zod.string()),
  }),
);

/** The GraphQL form of a record, as RECORD_SELECTION returns it. */
export const recordSchema = zod.lazy(() =>
  zod.looseObject({
    id: zod.string(),
    uid: zod.nullish(zod.string()),
    title: zod.string(),
    text: zod.nullish(zod.string()),
    html: zod.nullish(zod.string()),
    position: zod.nullish(zod.number()),
    done: zod.boolean(),
    archived: zod.nullish(zod.boolean()),
    startedAt: zod.nullish(zod.string()),
    duedAt: zod.nullish(zod.string()),
    createdAt: zod.string(),
    updatedAt: zod.nullish(zod.string()),
    createdBy: zod.nullish(zod.looseObject({ id: zod.string() })),
    todoList: zod.nullish(
      zod.looseObject({
        id: zod.string(),
        title: zod.string(),
        project: zod.nullish(zod.looseObject({ id: zod.string(), name: zod.nullish(zod.string()) })),
      }),
    ),
    users: zod.nullish(zod.array(person)),
    tags: zod.nullish(
      zod.array(zod.looseObject({ id: zod.string(), title: zod.string(), color: zod.nullish(zod.string()) })),
    ),
    customFields: zod.nullish(
      zod.array(
        zod.looseObject({
          id: zod.string(),
          name: zod.string(),
          type: zod.string(),
          value: zod.optional(zod.unknown()),
        }),
      ),
    ),
  }),
);
export type BlueRecordGraphql = zod.infer<typeof recordSchema>;

export type RecordPerson = {
  id: string;
  fullName: string | null;
  email: string | null;
};
export type RecordTag = {
  id: string;
  title: string | null;
  color: string | null;
};
export type RecordCustomField = {
  id: string;
  name: string | null;
  type: string | null;
  /** The value as text (numbers, yes/no, option titles joined by ", "). */
  value: string | null;
};

/** What a Zap gets for a record, whichever way Blue handed it to us. */
export type RecordOutput = {
  id: string | null;
  uid: string | null;
  title: string | null;
  text: string | null;
  html: string | null;
  position: number | null;
  done: boolean | null;
  archived: boolean | null;
  startedAt: string | null;
  duedAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  createdById: string | null;
  todoList: { id: string | null; title: string | null };
  project: { id: string | null; name: string | null };
  assignees: RecordPerson[];
  /** "Ada Lovelace, Grace Hopper": for a Zap step that wants one line. */
  assigneeNames: string;
  assigneeEmails: string;
  tags: RecordTag[];
  tagTitles: string;
  /** Fields with a value, in Blue's order. */
  customFields: RecordCustomField[];
  /** The same values by field name (by id where the name is unknown), to map "Priority" directly. */
  customFieldsByName: Record<string, string | null>;
};

/** Names Blue gave elsewhere (a fetched record), for join rows that carry only ids. */
export interface RecordLookup {
  users: Map<string, RecordPerson>;
  tags: Map<string, RecordTag>;
  fields: Map<string, { name: string | null; type: string | null }>;
  lists: Map<string, string | null>;
  projects: Map<string, string | null>;
  /** Custom field option titles by option id (option ids are unique across fields). */
  options?: Map<string, string>;
}

/** A custom field value as text: what a user would type or see in Blue. */
export function valueText(v: unknown, depth = 0): string | null {
  if (v === null || v === undefined || depth > 3) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map((item) => valueText(item, depth + 1)).filter((s): s is string => s !== null && s !== '');
    return parts.length ? parts.join(', ') : null;
  }
  if (isObj(v)) {
    if (typeof v.number === 'number' && typeof v.currency === 'string') return `${v.number} ${v.currency}`;
    for (const key of ['title', 'name', 'text', 'value', 'number', 'checked']) {
      const s = valueText(v[key], depth + 1);
      if (s !== null) return s;
    }
    return JSON.stringify(v);
  }
  return null;
}

const SELECT_TYPES = new Set(['SELECT_SINGLE', 'SELECT_MULTI']);

// Blue's ids are cuids ("clb4zna6x0000vt1swuwso25f"): a plain value that looks like one, on a
// dropdown field or one of unknown type, may name an option rather than be its text.
const CUID = /^c[a-z0-9]{20,31}$/;

/** One custom field value of a record, read from any form Blue hands it. */
export interface CustomFieldRow {
  id: string;
  name: string | null;
  type: string | null;
  /** The value as text (option titles where known, joined by ", "). */
  value: string | null;
  /** Every readable form of the value: text, numbers, "true"/"false", option ids and titles. */
  tokens: string[];
  /** Option ids (or values that may be option ids) whose title is not known. */
  untitled: string[];
}

interface Part {
  text: string | null;
  optionId: string | null;
  title: string | null;
}

function optionPart(v: Obj, titles?: Map<string, string>): Part | null {
  // An option ({id, title}), or a join row to one ({customFieldOptionId, customFieldOption?}).
  const nested = obj(v.customFieldOption);
  const optionId = firstStr(v.customFieldOptionId, nested?.id, v.id);
  const title = firstStr(nested?.title, v.title, optionId ? titles?.get(optionId) : null);
  if (optionId || title) return { text: null, optionId, title };
  const text = valueText(v);
  return text === null ? null : { text, optionId: null, title: null };
}

function plainParts(s: string, ambiguous: boolean, titles?: Map<string, string>): Part[] {
  // "optA,optB" is how a multi-select value is written (CreateTodoInputCustomField).
  const pieces = s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (pieces.length && pieces.every((p) => titles?.has(p)))
    return pieces.map((p) => ({ text: null, optionId: p, title: titles!.get(p)! }));
  if (ambiguous && !titles && pieces.length && pieces.every((p) => CUID.test(p))) {
    return pieces.map((p) => ({ text: null, optionId: p, title: null }));
  }
  return [{ text: s, optionId: null, title: null }];
}

function valueParts(v: unknown, ambiguous: boolean, titles?: Map<string, string>, depth = 0): Part[] {
  if (v === null || v === undefined || depth > 3) return [];
  if (typeof v === 'string') return v === '' ? [] : plainParts(v, ambiguous, titles);
  if (typeof v === 'number' || typeof v === 'boolean') return [{ text: String(v), optionId: null, title: null }];
  if (Array.isArray(v)) return v.flatMap((item) => valueParts(item, ambiguous, titles, depth + 1));
  if (isObj(v)) {
    const part = optionPart(v, titles);
    return part ? [part] : [];
  }
  return [];
}

// Where a value sits: Blue's TodoCustomField row keeps it in a typed column (text, number, checked)
// or relations to options; a delivery may carry a plain `value`; the GraphQL type has `value`.
const ROW_VALUE_KEYS = [
  'value',
  'text',
  'number',
  'checked',
  'customFieldOption',
  'customFieldOptionId',
  'todoCustomFieldOptions',
  'selectedOption',
  'selectedOptions',
];

function partsOf(source: Obj, ambiguous: boolean, titles?: Map<string, string>): Part[] {
  for (const key of ROW_VALUE_KEYS) {
    const v = source[key];
    if (v === null || v === undefined) continue;
    // A bare option id column.
    const parts =
      key === 'customFieldOptionId' && typeof v === 'string'
        ? [{ text: null, optionId: v, title: titles?.get(v) ?? null }]
        : valueParts(v, ambiguous, titles);
    if (parts.length) return parts;
  }
  return [];
}

/**
 * A custom field value in any form: a join row (`{customFieldId, value}`, with `customField`
 * expanded, with option rows), the GraphQL CustomField (`{id, name, type, value}`), or a single
 * value delivered on its own. Null when it names no field.
 */
export function readCustomFieldRow(
  row: Obj,
  lookup?: RecordLookup,
  joinRow = row.customFieldId !== undefined,
): CustomFieldRow | null {
  // A join row names its field (customFieldId / customField); the GraphQL CustomField is the field.
  const field = obj(row.customField) ?? (joinRow ? undefined : row);
  const id = firstStr(row.customFieldId, field?.id);
  if (!id) return null;
  const known = lookup?.fields.get(id);
  const type = firstStr(field?.type, known?.type);
  const titles = lookup?.options;
  // The GraphQL type's value is already text/titles; a delivered plain value may be option ids.
  const ambiguous = row !== field && (type === null || SELECT_TYPES.has(type));
  let parts = partsOf(row, ambiguous, titles);
  if (!parts.length && field && field !== row) parts = partsOf(field, false, titles);
  const shown = parts.map((p) => p.title ?? p.text ?? p.optionId).filter((s): s is string => Boolean(s));
  return {
    id,
    name: firstStr(field?.name, known?.name),
    type,
    value: shown.length ? shown.join(', ') : null,
    tokens: parts.flatMap((p) => [p.optionId, p.title, p.text].filter((s): s is string => Boolean(s))),
    untitled: parts.flatMap((p) => (p.optionId && !p.title ? [p.optionId] : [])),
  };
}

function readPeople(raw: Obj, lookup?: RecordLookup): RecordPerson[] | undefined {
  const rows = arrayAt(raw, 'users', 'todoUsers');
  if (!rows) return undefined;
  return rows.flatMap((item): RecordPerson[] => {
    const row = obj(item);
    if (!row) return [];
    // A join row {userId, user?}; the GraphQL User has its own id. A row's `id` is the row's.
    const user = obj(row.user) ?? (row.userId === undefined ? row : undefined);
    const id = firstStr(row.userId, user?.id);
    if (!id) return [];
    const known = lookup?.users.get(id);
    const name = firstStr(
      user?.fullName,
      [str(user?.firstName), str(user?.lastName)].filter(Boolean).join(' '),
      known?.fullName,
    );
    return [{ id, fullName: name, email: firstStr(user?.email, known?.email) }];
  });
}

function readTags(raw: Obj, lookup?: RecordLookup): RecordTag[] | undefined {
  const rows = arrayAt(raw, 'tags', 'todoTags');
  if (!rows) return undefined;
  return rows.flatMap((item): RecordTag[] => {
    const row = obj(item);
    if (!row) return [];
    const tag = obj(row.tag) ?? (row.tagId === undefined ? row : undefined);
    const id = firstStr(row.tagId, tag?.id);
    if (!id) return [];
    const known = lookup?.tags.get(id);
    return [{ id, title: firstStr(tag?.title, known?.title), color: firstStr(tag?.color, known?.color) }];
  });
}

function readCustomFields(raw: Obj, lookup?: RecordLookup): CustomFieldRow[] | undefined {
  const graphql = arrayAt(raw, 'customFields');
  const rows = graphql ?? arrayAt(raw, 'todoCustomFields');
  if (!rows) return undefined;
  return rows.flatMap((item): CustomFieldRow[] => {
    const row = obj(item) && readCustomFieldRow(obj(item)!, lookup, !graphql);
    return row ? [row] : [];
  });
}

const joined = (values: (string | null)[]) => values.filter((v): v is string => Boolean(v)).join(', ');

interface ReadRecord {
  out: RecordOutput;
  /** Lists the record did not carry at all (not "empty": absent). */
  absent: { assignees: boolean; tags: boolean; customFields: boolean };
  /** Some custom field value names an option by id only. */
  untitledOptions: boolean;
}

function readRecord(input: unknown, lookup?: RecordLookup): ReadRecord {
  const raw = obj(input) ?? {};
  const list = obj(raw.todoList);
  const project = obj(list?.project) ?? obj(raw.project);
  const listId = firstStr(list?.id, raw.todoListId);
  const projectId = firstStr(project?.id, list?.projectId, raw.projectId);
  const assignees = readPeople(raw, lookup);
  const tags = readTags(raw, lookup);
  const rows = readCustomFields(raw, lookup)?.filter((f) => f.value !== null && f.value !== '');
  const fields = rows?.map(({ id, name, type, value }): RecordCustomField => ({ id, name, type, value }));
  const out: RecordOutput = {
    id: str(raw.id),
    uid: str(raw.uid),
    title: typeof raw.title === 'string' ? raw.title : null,
    text: typeof raw.text === 'string' ? raw.text : null,
    html: typeof raw.html === 'string' ? raw.html : null,
    position: num(raw.position),
    done: bool(raw.done),
    archived: bool(raw.archived),
    startedAt: str(raw.startedAt),
    duedAt: str(raw.duedAt),
    createdAt: str(raw.createdAt),
    updatedAt: str(raw.updatedAt),
    createdById: firstStr(raw.createdById, obj(raw.createdBy)?.id),
    todoList: { id: listId, title: firstStr(list?.title, listId ? lookup?.lists.get(listId) : null) },
    project: { id: projectId, name: firstStr(project?.name, projectId ? lookup?.projects.get(projectId) : null) },
    assignees: assignees ?? [],
    assigneeNames: joined((assignees ?? []).map((a) => a.fullName)),
    assigneeEmails: joined((assignees ?? []).map((a) => a.email)),
    tags: tags ?? [],
    tagTitles: joined((tags ?? []).map((t) => t.title)),
    customFields: fields ?? [],
    customFieldsByName: Object.fromEntries((fields ?? []).map((f) => [f.name ?? f.id, f.value])),
  };
  return {
    out,
    absent: { assignees: !assignees, tags: !tags, customFields: !fields },
    untitledOptions: (rows ?? []).some((f) => f.untitled.length > 0),
  };
}

/** The output for a record in either form; never throws (unreadable values become null). */
export function recordOutput(input: unknown, lookup?: RecordLookup): RecordOutput {
  return readRecord(input, lookup).out;
}

/**
 * What the output promises that this record does not carry (names of assignees, tags, custom
 * fields, the list title...): empty when nothing is missing, so no request is needed.
 */
export function missingDetails(input: unknown): string[] {
  const { out, absent, untitledOptions } = readRecord(input);
  const missing: string[] = [];
  if (!out.todoList.id || !out.todoList.title) missing.push('list');
  if (!out.project.id || !out.project.name) missing.push('project');
  if (absent.assignees) missing.push('assignees');
  else if (out.assignees.some((a) => !a.fullName)) missing.push('assignee names');
  if (absent.tags) missing.push('tags');
  else if (out.tags.some((t) => !t.title)) missing.push('tag titles');
  if (absent.customFields) missing.push('custom fields');
  else if (out.customFields.some((f) => !f.name || !f.type)) missing.push('custom field names and types');
  else if (untitledOptions) missing.push('custom field option titles');
  if (!out.createdAt) missing.push('dates');
  return missing;
}

/** Names by id from a record in GraphQL form, including every custom field of its project. */
export function lookupFrom(record: BlueRecordGraphql): RecordLookup {
  const out = recordOutput(record);
  const fields = new Map((record.customFields ?? []).map((f) => [f.id, { name: f.name, type: f.type }]));
  const options = new Map<string, string>();
  for (const f of record.customFields ?? []) {
    for (const key of ['customFieldOptions', 'selectedOptions']) {
      for (const o of arrayAt(f, key) ?? []) {
        const option = obj(o);
        const id = str(option?.id);
        const title = str(option?.title);
        if (id && title) options.set(id, title);
      }
    }
  }
  return {
    options,
    users: new Map(out.assignees.map((a) => [a.id, a])),
    tags: new Map(out.tags.map((t) => [t.id, t])),
    fields,
    lists: new Map(out.todoList.id ? [[out.todoList.id, out.todoList.title]] : []),
    projects: new Map(out.project.id ? [[out.project.id, out.project.name]] : []),
  };
}

/**
 * A delivered record completed from a fetched one: the values the delivery carries win (they are
 * the state at the event), missing values come from the fetch, and a list (assignees, tags,
 * custom fields) the delivery lacks or gives without names is the fetched one, in full.
 */
export function mergeRecord(delivered: unknown, fetched: BlueRecordGraphql): RecordOutput {
  const { out, absent, untitledOptions } = readRecord(delivered);
  const full = recordOutput(fetched);
  const merged: Record<string, unknown> = { ...out };
  for (const [key, value] of Object.entries(full)) {
    if (merged[key] === null) merged[key] = value;
  }
  const result = merged as RecordOutput;
  result.todoList = { id: out.todoList.id ?? full.todoList.id, title: out.todoList.title ?? full.todoList.title };
  result.project = { id: out.project.id ?? full.project.id, name: out.project.name ?? full.project.name };
  if (absent.assignees || out.assignees.some((a) => !a.fullName)) {
    Object.assign(result, {
      assignees: full.assignees,
      assigneeNames: full.assigneeNames,
      assigneeEmails: full.assigneeEmails,
    });
  }
  if (absent.tags || out.tags.some((t) => !t.title))
    Object.assign(result, { tags: full.tags, tagTitles: full.tagTitles });
  if (absent.customFields || untitledOptions || out.customFields.some((f) => !f.name || !f.type)) {
    Object.assign(result, { customFields: full.customFields, customFieldsByName: full.customFieldsByName });
  }
  return result;
}

const todosResponse = zod.lazy(() =>
  zod.object({
    todoQueries: zod.object({ todos: zod.object({ items: zod.array(recordSchema) }) }),
  }),
);
const todoResponse = zod.lazy(() => zod.object({ todo: recordSchema }));

export const RECENT_LIMIT = 10;

/** The project's newest records (optionally only done ones), newest first, in GraphQL form. */
export async function recentRecords(
  z: ZObject,
  bundle: Bundle,
  projectId: string,
  options: { done?: boolean; limit?: number } = {},
): Promise<BlueRecordGraphql[]> {
  // The filter takes the company's id, not the slug the connection may hold.
  const companyId = await blueCompanyId(z, bundle);
  const data = await blueQuery(z, bundle, {
    query: RECENT_TODOS,
    // `done` is left out (not null) when not filtering, so Blue applies no done filter.
    variables: {
      companyId,
      projectId,
      limit: options.limit ?? RECENT_LIMIT,
      ...(options.done === undefined ? {} : { done: options.done }),
    },
    projectId,
    action: 'load recent records for the sample',
    schema: todosResponse,
  });
  return data.todoQueries.todos.items;
}

/** One record by id, in GraphQL form. */
export async function getRecord(
  z: ZObject,
  bundle: Bundle,
  id: string,
  projectId?: string,
): Promise<BlueRecordGraphql> {
  const data = await blueQuery(z, bundle, {
    query: GET_TODO,
    variables: { id },
    ...(projectId ? { projectId } : {}),
    action: `load record ${id}`,
    schema: todoResponse,
  });
  return data.todo;
}

export interface EnrichedRecord {
  current: RecordOutput;
  previous: RecordOutput | null;
}

export type FetchedRecord = { ok: true; record: BlueRecordGraphql } | { ok: false; error: unknown };

// One fetch per delivery, whoever needs it first (a trigger's filter, then the output): keyed by
// the delivered record object, which perform hands to both.
const deliveryFetches = new WeakMap<object, Promise<FetchedRecord>>();

/** The delivered record loaded by id (`todo(id:)`), at most once per delivery; null without an id. */
export function fetchDeliveredRecord(
  z: ZObject,
  bundle: Bundle,
  delivered: Obj,
  projectId?: string,
): Promise<FetchedRecord> | null {
  const id = str(delivered.id);
  if (!id) return null;
  let pending = deliveryFetches.get(delivered);
  if (!pending) {
    pending = getRecord(z, bundle, id, projectId).then(
      (record): FetchedRecord => ({ ok: true, record }),
      (error: unknown): FetchedRecord => ({ ok: false, error }),
    );
    deliveryFetches.set(delivered, pending);
  }
  return pending;
}

/** Auth failures end the run: every later step would fail the same way. */
export function isAuthError(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExpiredAuthError' || err.name === 'RefreshAuthError');
}

/**
 * The output for a delivered record (and its previous value). When the delivery lacks what the
 * output promises, the record is fetched once (`todo(id:)`) and the gaps are filled from it; a
 * delete event is never fetched (the record is gone). If the fetch fails the Zap still runs with
 * what the delivery carries and the log says what is missing; an auth failure is thrown, since
 * every later step would fail the same way.
 */
export async function enrichRecord(
  z: ZObject,
  bundle: Bundle,
  delivered: { record: Obj; previousValue: Obj | null; deleted: boolean; projectId?: string },
): Promise<EnrichedRecord> {
  const plain = (): EnrichedRecord => ({
    current: recordOutput(delivered.record),
    previous: delivered.previousValue ? recordOutput(delivered.previousValue) : null,
  });
  const missing = missingDetails(delivered.record);
  const pending =
    delivered.deleted || missing.length === 0
      ? null
      : fetchDeliveredRecord(z, bundle, delivered.record, delivered.projectId);
  if (!pending) return plain();
  const result = await pending;
  if (!result.ok) {
    const err = result.error;
    if (isAuthError(err)) throw err;
    z.console.log(
      `Blue record ${str(delivered.record.id)}: the delivery lacks ${missing.join(', ')} and loading the record failed ` +
        `(${err instanceof Error ? err.message : String(err)}); the Zap runs with what the delivery carries.`,
    );
    return plain();
  }
  const fetched = result.record;
  return {
    current: mergeRecord(delivered.record, fetched),
    previous: delivered.previousValue ? recordOutput(delivered.previousValue, lookupFrom(fetched)) : null,
  };
}

export const RECORD_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'title', label: 'Title', type: 'string' },
  { key: 'text', label: 'Description (Text)', type: 'string' },
  { key: 'html', label: 'Description (HTML)', type: 'string' },
  { key: 'done', label: 'Done', type: 'boolean' },
  { key: 'archived', label: 'Archived', type: 'boolean' },
  { key: 'position', label: 'Position', type: 'number' },
  { key: 'startedAt', label: 'Start Date', type: 'datetime' },
  { key: 'duedAt', label: 'Due Date', type: 'datetime' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
  { key: 'createdById', label: 'Created By User ID', type: 'string' },
  { key: 'todoList__id', label: 'List ID', type: 'string' },
  { key: 'todoList__title', label: 'List Title', type: 'string' },
  { key: 'project__id', label: 'Project ID', type: 'string' },
  { key: 'project__name', label: 'Project Name', type: 'string' },
  { key: 'assignees[]id', label: 'Assignee IDs', type: 'string' },
  { key: 'assignees[]fullName', label: 'Assignee Names (List)', type: 'string' },
  { key: 'assignees[]email', label: 'Assignee Emails (List)', type: 'string' },
  { key: 'assigneeNames', label: 'Assignee Names', type: 'string' },
  { key: 'assigneeEmails', label: 'Assignee Emails', type: 'string' },
  { key: 'tags[]id', label: 'Tag IDs', type: 'string' },
  { key: 'tags[]title', label: 'Tag Titles (List)', type: 'string' },
  { key: 'tags[]color', label: 'Tag Colors (List)', type: 'string' },
  { key: 'tagTitles', label: 'Tag Titles', type: 'string' },
  { key: 'customFields[]id', label: 'Custom Field IDs', type: 'string' },
  { key: 'customFields[]name', label: 'Custom Field Names', type: 'string' },
  { key: 'customFields[]type', label: 'Custom Field Types', type: 'string' },
  { key: 'customFields[]value', label: 'Custom Field Values', type: 'string' },
];

/** A record as actions and searches output it: its id and uid first, then the shared fields. */
export const RECORD_WITH_ID_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'Record ID', type: 'string' },
  { key: 'uid', label: 'Record UID', type: 'string' },
  ...RECORD_OUTPUT_FIELDS,
];

/** A typed example in GraphQL form, for samples and when a project has no records yet. */
export const EXAMPLE_RECORD_GRAPHQL: BlueRecordGraphql = {
  id: 'clx0example0todo0000000001',
  uid: 'example-record',
  title: 'Example record (your project has no records yet)',
  text: 'Order #1042 for ACME Corp',
  html: '<p>Order #1042 for ACME Corp</p>',
  position: 65535,
  done: false,
  archived: false,
  startedAt: null,
  duedAt: '2026-01-15T17:00:00.000Z',
  createdAt: '2026-01-05T09:30:00.000Z',
  updatedAt: '2026-01-05T09:45:00.000Z',
  createdBy: { id: 'clx0example0user0000000001' },
  todoList: {
    id: 'clx0example0list0000000001',
    title: 'Orders',
    project: { id: 'clx0example0project000001', name: 'Sales' },
  },
  users: [{ id: 'clx0example0user0000000001', fullName: 'Ada Lovelace', email: 'ada@example.com' }],
  tags: [{ id: 'clx0example0tag00000000001', title: 'Priority', color: '#ff0000' }],
  customFields: [{ id: 'clx0example0field000000001', name: 'Order Status', type: 'SELECT_SINGLE', value: 'Confirmed' }],
};

export const EXAMPLE_RECORD: RecordOutput = recordOutput(EXAMPLE_RECORD_GRAPHQL);
