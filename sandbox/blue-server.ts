// A local stand-in for Blue's GraphQL API: the schema subset in blue-schema.ts over an in-memory
// store, Blue's X-Bloo-* header checks and error shape, and X-Signature-signed webhook delivery.
import { createHmac, randomBytes } from 'node:crypto';
import type http from 'node:http';
import { buildSchema, graphql, GraphQLError, Kind, parse, validate, type GraphQLSchema } from 'graphql';
import { BLUE_SANDBOX_SDL } from './blue-schema.js';
import {
  deliver,
  listen,
  Pending,
  readBody,
  sendJson,
  type DeliveryAttempt,
  type Listening,
  type RetryPolicy,
} from './http.js';

/** A stored or input value as text ('' for none), for sorting and messages. */
const textOf = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : v === null || v === undefined
        ? ''
        : JSON.stringify(v);

export interface BlueUser {
  id: string;
  uid: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  fullName: string;
}
export interface BlueCompany {
  id: string;
  uid: string;
  slug: string;
  name: string;
}
export interface BlueProject {
  id: string;
  uid: string;
  slug: string;
  name: string;
  description: string | null;
  companyId: string;
  userIds: string[];
}
export interface BlueTodoList {
  id: string;
  uid: string;
  title: string;
  position: number;
  projectId: string;
}
export interface BlueOption {
  id: string;
  uid: string;
  title: string;
  color: string;
  position: number;
}
export interface BlueCustomFieldDef {
  id: string;
  uid: string;
  name: string;
  type: string;
  position: number;
  projectId: string;
  currency: string | null;
  options: BlueOption[];
}
export interface BlueTag {
  id: string;
  uid: string;
  title: string;
  color: string;
  projectId: string;
}
export interface BlueTodoRecord {
  id: string;
  uid: string;
  title: string;
  text: string;
  html: string;
  position: number;
  todoListId: string;
  projectId: string;
  startedAt: string | null;
  duedAt: string | null;
  done: boolean;
  archived: boolean;
  assigneeIds: string[];
  tagIds: string[];
  /** customFieldId -> value string as sent in CreateTodoInputCustomField. */
  values: Record<string, string>;
  checklists: BlueChecklistRecord[];
  createdById: string;
  createdAt: string;
  updatedAt: string;
}
export interface BlueChecklistRecord {
  id: string;
  uid: string;
  title: string;
  position: number;
  items: { id: string; uid: string; title: string; position: number; done: boolean }[];
}
export interface BlueCommentRecord {
  id: string;
  uid: string;
  html: string;
  text: string;
  category: 'TODO' | 'DISCUSSION' | 'STATUS_UPDATE';
  categoryId: string;
  userId: string;
  createdAt: string;
  updatedAt: string;
}
export interface BlueWebhookRecord {
  id: string;
  uid: string;
  name: string | null;
  url: string;
  secret: string;
  status: 'HEALTHY' | 'UNHEALTHY';
  events: string[];
  projectIds: string[];
  enabled: boolean;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
}
export interface BlueToken {
  id: string;
  secret: string;
  userId: string;
}

export interface BlueStore {
  users: BlueUser[];
  companies: BlueCompany[];
  projects: BlueProject[];
  todoLists: BlueTodoList[];
  customFields: BlueCustomFieldDef[];
  tags: BlueTag[];
  todos: BlueTodoRecord[];
  webhooks: BlueWebhookRecord[];
  tokens: BlueToken[];
  comments: BlueCommentRecord[];
}

export function emptyStore(): BlueStore {
  return {
    users: [],
    companies: [],
    projects: [],
    todoLists: [],
    customFields: [],
    tags: [],
    todos: [],
    webhooks: [],
    tokens: [],
    comments: [],
  };
}

export interface BlueDeliveryRecord {
  webhookId: string;
  url: string;
  event: string;
  body: string;
  signature: string;
  ok: boolean;
  attempts: DeliveryAttempt[];
}

export interface BlueServerOptions {
  store: BlueStore;
  port?: number;
  retry?: Partial<RetryPolicy>;
  /** Called with one line per operation and delivery (npm run sandbox prints them). */
  log?: (line: string) => void;
}

/** Blue ids look like cuid (25 lowercase alphanumerics starting with "c"). */
export function blueId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let out = 'c';
  for (const b of randomBytes(24)) out += alphabet[b % alphabet.length];
  return out;
}

export function blueSignature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

interface Context {
  user: BlueUser;
  company: BlueCompany | undefined;
  projectHeader: string | undefined;
}

const fail = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

const pageInfo = (total: number, skip: number, take: number) => ({
  totalItems: total,
  totalPages: take > 0 ? Math.ceil(total / take) : 1,
  page: take > 0 ? Math.floor(skip / take) + 1 : 1,
  perPage: take,
  hasNextPage: skip + take < total,
  hasPreviousPage: skip > 0,
});

function checkCustomFieldValue(field: BlueCustomFieldDef, value: string): string | undefined {
  const optionIds = new Set(field.options.map((o) => o.id));
  switch (field.type) {
    case 'NUMBER':
    case 'PERCENT':
    case 'RATING':
      return Number.isFinite(Number(value)) && value.trim() !== '' ? undefined : 'expects a number';
    case 'CHECKBOX':
      return ['true', 'false', '1', '0', 'checked'].includes(value) ? undefined : 'expects "true" or "false"';
    case 'SELECT_SINGLE':
      return optionIds.has(value) ? undefined : 'expects the id of one of its options';
    case 'SELECT_MULTI':
      return value.split(',').every((v) => optionIds.has(v.trim())) ? undefined : 'expects comma-separated option ids';
    case 'DATE':
      return value.split(',').every((v) => !Number.isNaN(Date.parse(v.trim())))
        ? undefined
        : 'expects an ISO date or "start,end"';
    case 'LOCATION':
      return /^-?\d+(\.\d+)?,\s*-?\d+(\.\d+)?$/.test(value) ? undefined : 'expects "latitude,longitude"';
    case 'PHONE':
      return /^\+\d/.test(value.trim()) ? undefined : 'needs a country code (e.g. +12345678900)';
    case 'CURRENCY':
      return /^-?\d+(\.\d+)?(\s+[A-Z]{3})?$/.test(value.trim()) ? undefined : 'expects an amount like "100.00 USD"';
    default:
      return undefined;
  }
}

function dateOrNull(v: unknown, what: string): string | null | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v)))
    throw fail('BAD_USER_INPUT', `Invalid ${what}: ${JSON.stringify(v)}`);
  return v;
}

/**
 * The webhook events Blue sends for a change of a record from `prev` to `next` (record events
 * only: checklist events carry the checklist, which the sandbox does not deliver).
 */
function recordEvents(prev: BlueTodoRecord, next: BlueTodoRecord): string[] {
  const events: string[] = [];
  const diff = (a: string[], b: string[]) => [b.some((x) => !a.includes(x)), a.some((x) => !b.includes(x))];
  if (prev.title !== next.title) events.push('TODO_NAME_CHANGED');
  if (prev.todoListId !== next.todoListId) events.push('TODO_MOVED');
  if (prev.done !== next.done) events.push('TODO_DONE_STATUS_UPDATED');
  if (prev.duedAt !== next.duedAt)
    events.push(
      !prev.duedAt ? 'TODO_DUE_DATE_ADDED' : !next.duedAt ? 'TODO_DUE_DATE_REMOVED' : 'TODO_DUE_DATE_UPDATED',
    );
  const [assigned, unassigned] = diff(prev.assigneeIds, next.assigneeIds);
  if (assigned) events.push('TODO_ASSIGNEE_ADDED');
  if (unassigned) events.push('TODO_ASSIGNEE_REMOVED');
  const [tagged, untagged] = diff(prev.tagIds, next.tagIds);
  if (tagged) events.push('TODO_TAG_ADDED');
  if (untagged) events.push('TODO_TAG_REMOVED');
  if (JSON.stringify(prev.values) !== JSON.stringify(next.values)) events.push('TODO_CUSTOM_FIELD_UPDATED');
  return events;
}

/**
 * setTodoCustomField's typed input as the value string createTodo takes (how the sandbox keeps
 * values): the input's member that fits the field's type, or BAD_USER_INPUT when it is missing.
 */
function typedValue(field: BlueCustomFieldDef, input: Record<string, unknown>): string {
  const need = (what: string): never => {
    throw fail('BAD_USER_INPUT', `Custom field "${field.name}" (${field.type}) needs ${what}.`);
  };
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : need('a number'));
  switch (field.type) {
    case 'NUMBER':
    case 'PERCENT':
    case 'RATING':
      return String(num(input.number));
    case 'CURRENCY':
      return typeof input.currency === 'string' ? `${num(input.number)} ${input.currency}` : String(num(input.number));
    case 'CHECKBOX':
      return typeof input.checked === 'boolean' ? String(input.checked) : need('checked');
    case 'DATE': {
      if (typeof input.startDate !== 'string') return need('startDate');
      return typeof input.endDate === 'string' && input.endDate !== input.startDate
        ? `${input.startDate},${input.endDate}`
        : input.startDate;
    }
    case 'SELECT_SINGLE':
      return typeof input.customFieldOptionId === 'string' ? input.customFieldOptionId : need('customFieldOptionId');
    case 'SELECT_MULTI':
      return Array.isArray(input.customFieldOptionIds)
        ? input.customFieldOptionIds.join(',')
        : need('customFieldOptionIds');
    case 'LOCATION':
      return `${num(input.latitude)},${num(input.longitude)}`;
    case 'COUNTRY':
      if (Array.isArray(input.countryCodes) && input.countryCodes.length) return input.countryCodes.join(',');
      return typeof input.text === 'string' ? input.text : need('countryCodes or text');
    default:
      return typeof input.text === 'string' ? input.text : need('text');
  }
}

export class BlueServer {
  readonly schema: GraphQLSchema = buildSchema(BLUE_SANDBOX_SDL);
  readonly deliveries: BlueDeliveryRecord[] = [];
  /** Operation names received, in order, with their error codes (for transcripts and tests). */
  readonly operations: { name: string | null; codes: string[]; headers: http.IncomingHttpHeaders }[] = [];
  private readonly pending = new Pending();
  private readonly retry: RetryPolicy;
  private listening?: Listening;

  constructor(readonly options: BlueServerOptions) {
    // Blue retries 5 times then disables the webhook; the sandbox keeps the count, not the waits.
    this.retry = { attempts: 6, backoffMs: [50, 100, 200], timeoutMs: 15_000, ...options.retry };
  }

  get store(): BlueStore {
    return this.options.store;
  }

  async start(): Promise<this> {
    this.listening = await listen((req, res) => this.handle(req, res), this.options.port ?? 0);
    return this;
  }

  /** The BLUE_API_URL value. */
  get url(): string {
    if (!this.listening) throw new Error('Blue sandbox server not started');
    return `${this.listening.origin}/graphql`;
  }

  settled(): Promise<void> {
    return this.pending.settled();
  }

  async close(): Promise<void> {
    await this.pending.settled();
    await this.listening?.close();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'NOT_FOUND' });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'METHOD_NOT_ALLOWED' });

    let request: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      request = JSON.parse(raw) as typeof request;
    } catch {
      return this.reply(res, req, null, 400, [fail('BAD_REQUEST', 'The request body is not valid JSON')]);
    }
    if (typeof request.query !== 'string') {
      return this.reply(res, req, null, 400, [fail('BAD_REQUEST', 'Missing "query" in the request body')]);
    }
    let document;
    try {
      document = parse(request.query);
    } catch (err) {
      return this.reply(res, req, null, 400, [fail('GRAPHQL_PARSE_FAILED', (err as Error).message)]);
    }
    const opName =
      document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? null] : []))[0] ??
      null;
    const invalid = validate(this.schema, document);
    if (invalid.length) {
      // Apollo-style servers answer schema validation failures with 400.
      return this.reply(
        res,
        req,
        opName,
        400,
        invalid.map((e) => fail('GRAPHQL_VALIDATION_FAILED', e.message)),
      );
    }

    const ctx = this.authenticate(req.headers);
    if (ctx instanceof GraphQLError) return this.reply(res, req, opName, 200, [ctx]);

    const variables =
      request.variables && typeof request.variables === 'object' && !Array.isArray(request.variables)
        ? (request.variables as Record<string, unknown>)
        : {};
    const result = await graphql({
      schema: this.schema,
      source: request.query,
      rootValue: this.root(),
      contextValue: ctx,
      variableValues: variables,
      operationName: typeof request.operationName === 'string' ? request.operationName : undefined,
    });
    const codes = (result.errors ?? []).map((e) =>
      typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR',
    );
    this.operations.push({ name: opName, codes, headers: req.headers });
    this.options.log?.(`${opName ?? '(anonymous operation)'} -> ${codes.length ? codes.join(', ') : 'ok'}`);
    const body: Record<string, unknown> = { data: result.data ?? null };
    if (result.errors?.length) {
      body.errors = result.errors.map((e) => ({
        message: e.message,
        path: e.path,
        extensions: { code: e.extensions?.code ?? 'INTERNAL_SERVER_ERROR' },
      }));
    }
    sendJson(res, 200, body);
  }

  private reply(
    res: http.ServerResponse,
    req: http.IncomingMessage,
    opName: string | null,
    status: number,
    errors: GraphQLError[],
  ): void {
    this.operations.push({ name: opName, codes: errors.map((e) => String(e.extensions.code)), headers: req.headers });
    this.options.log?.(
      `${opName ?? '(unparsed request)'} -> HTTP ${status} ${errors.map((e) => String(e.extensions.code)).join(', ')}`,
    );
    sendJson(res, status, {
      data: null,
      errors: errors.map((e) => ({ message: e.message, extensions: { code: e.extensions.code } })),
    });
  }

  private authenticate(headers: http.IncomingHttpHeaders): Context | GraphQLError {
    const header = (name: string) => {
      const v = headers[name];
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
    };
    const tokenId = header('x-bloo-token-id');
    const tokenSecret = header('x-bloo-token-secret');
    if (!tokenId || !tokenSecret)
      return fail('UNAUTHENTICATED', 'You must be logged in (X-Bloo-Token-ID and X-Bloo-Token-Secret).');
    const token = this.store.tokens.find((t) => t.id === tokenId);
    if (!token || token.secret !== tokenSecret) return fail('UNAUTHENTICATED', 'Invalid token.');
    const user = this.store.users.find((u) => u.id === token.userId);
    if (!user) return fail('UNAUTHENTICATED', 'Invalid token.');
    const companyRef = header('x-bloo-company-id');
    let company: BlueCompany | undefined;
    if (companyRef) {
      company = this.store.companies.find((c) => c.id === companyRef || c.slug === companyRef);
      if (!company) return fail('FORBIDDEN', 'You do not have access to this company.');
    }
    return { user, company, projectHeader: header('x-bloo-project-id') };
  }

  private findProject(ctx: Context, ref: string | null | undefined): BlueProject {
    const wanted = ref ?? ctx.projectHeader;
    const project = this.store.projects.find(
      (p) => (p.id === wanted || p.slug === wanted) && (!ctx.company || p.companyId === ctx.company.id),
    );
    if (!wanted || !project) throw fail('PROJECT_NOT_FOUND', 'Project not found.');
    if (!project.userIds.includes(ctx.user.id)) throw fail('FORBIDDEN', 'You do not have access to this project.');
    return project;
  }

  /**
   * Like Blue, arguments and filters other than project(id:) and the header match workspace ids
   * only: a slug there is refused (FORBIDDEN) or, in a list filter, matches nothing.
   */
  private findProjectById(ctx: Context, id: string | null | undefined): BlueProject {
    const project = this.store.projects.find((p) => p.id === id);
    if (!id) throw fail('BAD_USER_INPUT', 'A project id is required.');
    if (!project) {
      if (this.store.projects.some((p) => p.slug === id))
        throw fail('FORBIDDEN', 'You do not have access to this project.');
      throw fail('PROJECT_NOT_FOUND', 'Project not found.');
    }
    return this.findProject(ctx, project.id);
  }

  /** Ids of the listed projects the user may see; a slug or unknown id matches nothing. */
  private projectIdsFilter(ctx: Context, ids: readonly string[]): string[] {
    return this.store.projects
      .filter(
        (p) =>
          ids.includes(p.id) && p.userIds.includes(ctx.user.id) && (!ctx.company || p.companyId === ctx.company.id),
      )
      .map((p) => p.id);
  }

  private requireCompany(ctx: Context): BlueCompany {
    if (!ctx.company) throw fail('BAD_USER_INPUT', 'The X-Bloo-Company-ID header is required.');
    return ctx.company;
  }

  // --- object views (plain objects; nested fields with arguments are functions) ---

  private projectView(p: BlueProject) {
    const company = this.store.companies.find((c) => c.id === p.companyId);
    return { ...p, archived: false, company: company && this.stamp(company), ...this.times() };
  }

  private times() {
    return { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z' };
  }

  private stamp<T extends object>(o: T) {
    return { ...this.times(), ...o };
  }

  private listView(l: BlueTodoList) {
    const project = this.store.projects.find((p) => p.id === l.projectId);
    return { ...this.stamp(l), isDisabled: false, isLocked: false, project: project && this.projectView(project) };
  }

  private fieldView(f: BlueCustomFieldDef, value?: string) {
    const options = f.options.map((o) => this.stamp(o));
    const base = { ...this.stamp(f), description: null, customFieldOptions: options };
    if (value === undefined) return { ...base, value: null };
    const picked = value.split(',').map((v) => v.trim());
    const selected = options.filter((o) => picked.includes(o.id));
    switch (f.type) {
      case 'NUMBER':
      case 'PERCENT':
      case 'RATING':
        return { ...base, number: Number(value), value: Number(value) };
      case 'CHECKBOX':
        return {
          ...base,
          checked: ['true', '1', 'checked'].includes(value),
          value: ['true', '1', 'checked'].includes(value),
        };
      case 'SELECT_SINGLE':
        return { ...base, selectedOption: selected[0] ?? null, value: selected[0]?.title ?? null };
      case 'SELECT_MULTI':
        return { ...base, selectedOptions: selected, value: selected.map((o) => o.title) };
      default:
        return { ...base, text: value, value };
    }
  }

  private userView(u: BlueUser) {
    return this.stamp(u);
  }

  /** A todo as GraphQL serves it and as webhook payloads carry it (`currentValue`). */
  todoView(t: BlueTodoRecord) {
    const list = this.store.todoLists.find((l) => l.id === t.todoListId);
    const s = this.store;
    return {
      id: t.id,
      uid: t.uid,
      title: t.title,
      text: t.text,
      html: t.html,
      position: t.position,
      startedAt: t.startedAt,
      duedAt: t.duedAt,
      done: t.done,
      archived: t.archived,
      commentCount: 0,
      checklistCount: t.checklists.length,
      checklistCompletedCount: 0,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      todoList: list && this.listView(list),
      createdBy: ((u) => u && this.userView(u))(s.users.find((u) => u.id === t.createdById)),
      users: s.users.filter((u) => t.assigneeIds.includes(u.id)).map((u) => this.userView(u)),
      tags: s.tags.filter((g) => t.tagIds.includes(g.id)).map((g) => this.stamp(g)),
      customFields: s.customFields
        .filter((f) => f.projectId === t.projectId)
        .map((f) => this.fieldView(f, t.values[f.id])),
      checklists: [...t.checklists].sort((a, b) => a.position - b.position).map((c) => this.checklistView(t, c)),
    };
  }

  private checklistView(t: BlueTodoRecord, c: BlueChecklistRecord): Record<string, unknown> {
    const view: Record<string, unknown> = { ...this.stamp(c), todo: () => this.todoView(t) };
    view.checklistItems = [...c.items]
      .sort((a, b) => a.position - b.position)
      .map((i) => ({ ...this.stamp(i), checklist: view }));
    return view;
  }

  /**
   * A todo as Blue's webhooks deliver it: the stored entity, not the GraphQL type (Blue's webhook
   * docs, heyblueteam/website 2.webhooks.md): `todoListId`, `createdById`, `position` as a
   * string, `todoList` with its `project` and `company` rows, and join rows for assignees, tags
   * and custom field values that carry ids only.
   */
  todoJson(t: BlueTodoRecord): Record<string, unknown> {
    const s = this.store;
    const list = s.todoLists.find((l) => l.id === t.todoListId);
    const project = list && s.projects.find((p) => p.id === list.projectId);
    const company = project && s.companies.find((c) => c.id === project.companyId);
    const row = (extra: Record<string, unknown>) => ({
      id: blueId(),
      uid: blueId(),
      todoId: t.id,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      ...extra,
    });
    return {
      id: t.id,
      uid: t.uid,
      title: t.title,
      html: t.html || null,
      text: t.text || null,
      position: String(t.position),
      archived: t.archived,
      done: t.done,
      startedAt: t.startedAt,
      duedAt: t.duedAt,
      timezone: null,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      createdById: t.createdById,
      todoListId: t.todoListId,
      todoCustomFields: Object.entries(t.values).map(([customFieldId, value]) => row({ customFieldId, value })),
      todoUsers: t.assigneeIds.map((userId) => row({ userId })),
      todoTags: t.tagIds.map((tagId) => row({ tagId })),
      todoList: list && {
        ...this.stamp(list),
        createdById: t.createdById,
        project: project && {
          ...this.stamp(project),
          archived: false,
          isTemplate: false,
          category: 'GENERAL',
          company: company && this.stamp(company),
        },
      },
    };
  }

  private webhookView(w: BlueWebhookRecord, withSecret: boolean) {
    return { ...w, secret: withSecret ? w.secret : null };
  }

  private root() {
    const s = this.store;
    type Args = Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const num = (v: unknown, d: number) => (typeof v === 'number' ? v : d);
    return {
      currentUser: (_: Args, ctx: Context) => this.userView(ctx.user),
      // Like project(id:), company(id:) takes an id or a slug (the header's company when absent).
      company: (args: Args, ctx: Context) => {
        const ref = str(args.id);
        const company = ref ? s.companies.find((c) => c.id === ref || c.slug === ref) : this.requireCompany(ctx);
        if (!company || (ctx.company && ctx.company.id !== company.id))
          throw fail('FORBIDDEN', 'You do not have access to this company.');
        return this.stamp(company);
      },
      project: (args: Args, ctx: Context) => this.projectView(this.findProject(ctx, str(args.id))),
      projectList: (args: Args, ctx: Context) => {
        const filter = args.filter as { companyIds: string[]; ids?: string[]; search?: string };
        // Blue does not document what companyIds does with a slug; the sandbox assumes the worst
        // (ids only, a slug matches nothing), which is why the app resolves slugs first.
        const companies = s.companies.filter((c) => filter.companyIds.includes(c.id));
        const skip = num(args.skip, 0);
        const take = num(args.take, 20);
        const all = s.projects.filter(
          (p) =>
            companies.some((c) => c.id === p.companyId) &&
            p.userIds.includes(ctx.user.id) &&
            (!filter.ids || filter.ids.includes(p.id)) &&
            (!filter.search || p.name.toLowerCase().includes(filter.search.toLowerCase())),
        );
        const sort = ((args.sort as string[] | null | undefined) ?? [])[0];
        if (sort?.startsWith('name_'))
          all.sort((a, b) => (sort === 'name_DESC' ? -1 : 1) * a.name.localeCompare(b.name));
        return {
          items: all.slice(skip, skip + take).map((p) => this.projectView(p)),
          pageInfo: pageInfo(all.length, skip, take),
          totalCount: all.length,
        };
      },
      todoLists: (args: Args, ctx: Context) => {
        const project = this.findProjectById(ctx, str(args.projectId));
        return s.todoLists
          .filter((l) => l.projectId === project.id)
          .sort((a, b) => a.position - b.position)
          .map((l) => this.listView(l));
      },
      customFields: (args: Args, ctx: Context) => {
        const filter = (args.filter ?? {}) as { projectId?: string; types?: string[] };
        // Without a filter the header's project (id or slug) applies.
        const project = filter.projectId
          ? this.findProjectById(ctx, filter.projectId)
          : this.findProject(ctx, undefined);
        const skip = num(args.skip, 0);
        const take = num(args.take, 500);
        const all = s.customFields
          .filter((f) => f.projectId === project.id && (!filter.types || filter.types.includes(f.type)))
          .sort((a, b) => a.position - b.position);
        return {
          items: all.slice(skip, skip + take).map((f) => this.fieldView(f)),
          pageInfo: pageInfo(all.length, skip, take),
        };
      },
      projectUserList: (args: Args, ctx: Context) => {
        const project = this.findProjectById(ctx, str(args.projectId));
        const search = str(args.search)?.toLowerCase();
        const skip = num(args.skip, 0);
        const first = num(args.first, 50);
        const all = s.users.filter(
          (u) =>
            project.userIds.includes(u.id) && (!search || `${u.fullName} ${u.email}`.toLowerCase().includes(search)),
        );
        return {
          users: all.slice(skip, skip + first).map((u) => this.userView(u)),
          pageInfo: pageInfo(all.length, skip, first),
          totalCount: all.length,
        };
      },
      tagList: (args: Args, ctx: Context) => {
        const filter = args.filter as { projectIds?: string[]; search?: string; tagIds?: string[] };
        const projectIds = filter.projectIds?.length ? this.projectIdsFilter(ctx, filter.projectIds) : undefined;
        const skip = num(args.skip, 0);
        const first = num(args.first, 500);
        const all = s.tags.filter(
          (g) =>
            (!projectIds || projectIds.includes(g.projectId)) &&
            (!filter.tagIds || filter.tagIds.includes(g.id)) &&
            (!filter.search || g.title.toLowerCase().includes(filter.search.toLowerCase())),
        );
        return {
          items: all.slice(skip, skip + first).map((g) => this.stamp(g)),
          pageInfo: pageInfo(all.length, skip, first),
          totalCount: all.length,
        };
      },
      // The older root query, the one that sorts by updatedAt (TodoOrderByInput): same filter,
      // `first` for `limit`.
      todos: (args: Args, ctx: Context) => {
        const page = this.root()
          .todoQueries(args, ctx)
          .todos({ filter: args.filter, sort: args.orderBy ? [args.orderBy] : [], limit: args.first, skip: args.skip });
        return { ...page, totalCount: page.pageInfo.totalItems };
      },
      todoQueries: (_: Args, ctx: Context) => ({
        todos: (args: Args) => {
          const f = args.filter as {
            companyIds: string[];
            projectIds?: string[];
            todoIds?: string[];
            todoListIds?: string[];
            assigneeIds?: string[];
            tagIds?: string[];
            done?: boolean | null;
            search?: string;
          };
          // Ids only, as projectList: a slug (or an unknown id) matches nothing.
          const company = s.companies.find((c) => f.companyIds.includes(c.id));
          const projectIds = f.projectIds ? this.projectIdsFilter(ctx, f.projectIds) : undefined;
          const sort = ((args.sort as string[] | undefined) ?? [])[0] ?? 'position_ASC';
          const [key, dir] = sort.split('_') as [keyof BlueTodoRecord, string];
          const limit = Math.min(num(args.limit, 20), 500);
          const skip = num(args.skip, 0);
          const all = s.todos
            .filter((t) => {
              const project = s.projects.find((p) => p.id === t.projectId);
              return (
                !!company &&
                project?.companyId === company.id &&
                project.userIds.includes(ctx.user.id) &&
                (!projectIds || projectIds.includes(t.projectId)) &&
                (!f.todoIds || f.todoIds.includes(t.id)) &&
                (!f.todoListIds || f.todoListIds.includes(t.todoListId)) &&
                // Any of the listed assignees / tags (each Zap filter sends one).
                (!f.assigneeIds || f.assigneeIds.some((id) => t.assigneeIds.includes(id))) &&
                (!f.tagIds || f.tagIds.some((id) => t.tagIds.includes(id))) &&
                (f.done === undefined || f.done === null || t.done === f.done) &&
                (!f.search || t.title.toLowerCase().includes(f.search.toLowerCase()))
              );
            })
            .sort((a, b) => {
              const x = textOf(a[key]);
              const y = textOf(b[key]);
              const c = key === 'position' ? a.position - b.position : x.localeCompare(y);
              return dir === 'DESC' ? -c : c;
            });
          return {
            items: all.slice(skip, skip + limit).map((t) => this.todoView(t)),
            pageInfo: pageInfo(all.length, skip, limit),
          };
        },
      }),
      todo: (args: Args, ctx: Context) => {
        const t = s.todos.find((x) => x.id === str(args.id));
        const project = t && s.projects.find((p) => p.id === t.projectId);
        if (!t || !project?.userIds.includes(ctx.user.id)) throw fail('TODO_NOT_FOUND', 'Todo not found.');
        return this.todoView(t);
      },
      user: (args: Args, ctx: Context) => {
        // Someone the caller shares a project with (a comment's author, an assignee).
        const u = s.users.find((x) => x.id === str(args.id));
        const shared = u && s.projects.some((p) => p.userIds.includes(u.id) && p.userIds.includes(ctx.user.id));
        if (!u || !shared) throw fail('USER_NOT_FOUND', 'User not found.');
        return this.userView(u);
      },
      webhooks: (args: Args, ctx: Context) => {
        const filter = (args.filter ?? {}) as { enabled?: boolean };
        const skip = num(args.skip, 0);
        const take = num(args.take, 20);
        const all = s.webhooks.filter(
          (w) => w.ownerId === ctx.user.id && (filter.enabled === undefined || w.enabled === filter.enabled),
        );
        return {
          items: all.slice(skip, skip + take).map((w) => this.webhookView(w, false)),
          pageInfo: pageInfo(all.length, skip, take),
        };
      },
      createTodo: (args: Args, ctx: Context) => this.createTodo(args.input as CreateTodoArgs, ctx),
      createWebhook: (args: Args, ctx: Context) => {
        const input = args.input as {
          name?: string | null;
          url: string;
          events?: string[] | null;
          projectIds?: string[] | null;
        };
        let parsed: URL;
        try {
          parsed = new URL(input.url);
        } catch {
          throw fail('BAD_USER_INPUT', 'The webhook URL is not a valid URL.');
        }
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
          throw fail('BAD_USER_INPUT', 'The webhook URL must use http or https.');
        // Blue scopes webhooks by workspace id: a slug names no workspace the user is in.
        const projectIds = (input.projectIds ?? []).map((id) => this.findProjectById(ctx, id).id);
        const now = new Date().toISOString();
        const hook: BlueWebhookRecord = {
          id: blueId(),
          uid: blueId(),
          name: input.name ?? null,
          url: input.url,
          secret: randomBytes(32).toString('hex'),
          status: 'HEALTHY',
          events: input.events ?? [],
          projectIds,
          enabled: true,
          ownerId: ctx.user.id,
          createdAt: now,
          updatedAt: now,
        };
        s.webhooks.push(hook);
        // The secret is returned by createWebhook only.
        return this.webhookView(hook, true);
      },
      deleteWebhook: (args: Args, ctx: Context) => {
        const { webhookId } = args.input as { webhookId: string };
        const index = s.webhooks.findIndex((w) => w.id === webhookId && w.ownerId === ctx.user.id);
        if (index < 0) throw fail('WEBHOOK_NOT_FOUND', 'Webhook not found.');
        s.webhooks.splice(index, 1);
        return { success: true, operationId: null };
      },
      ...this.recordMutations(),
    };
  }

  /** A record the token's user can see, or TODO_NOT_FOUND (Blue does not tell "forbidden" apart). */
  private findTodo(ctx: Context, id: unknown): BlueTodoRecord {
    const t = this.store.todos.find((x) => x.id === id);
    const project = t && this.store.projects.find((p) => p.id === t.projectId);
    if (!t || !project?.userIds.includes(ctx.user.id)) throw fail('TODO_NOT_FOUND', `Todo ${String(id)} not found.`);
    return t;
  }

  private projectMembers(t: BlueTodoRecord, ids: readonly string[]): string[] {
    const project = this.store.projects.find((p) => p.id === t.projectId);
    for (const id of ids) {
      if (!this.store.users.some((u) => u.id === id)) throw fail('USER_NOT_FOUND', `User ${id} not found.`);
      if (!project?.userIds.includes(id)) throw fail('BAD_USER_INPUT', `User ${id} is not a member of this project.`);
    }
    return [...new Set(ids)];
  }

  private projectTag(t: BlueTodoRecord, id: string): string {
    if (!this.store.tags.some((g) => g.id === id && g.projectId === t.projectId))
      throw fail('TAG_NOT_FOUND', `Tag ${id} not found.`);
    return id;
  }

  /** A tag of the record's project by title (first match), created when missing, as Blue does. */
  private tagByTitle(t: BlueTodoRecord, title: string, color?: string | null): string {
    let found = this.store.tags.find(
      (g) => g.projectId === t.projectId && g.title === title && (!color || g.color === color),
    );
    if (!found) {
      found = { id: blueId(), uid: blueId(), title, color: color ?? '#4a9fff', projectId: t.projectId };
      this.store.tags.push(found);
    }
    return found.id;
  }

  private touch(t: BlueTodoRecord): void {
    t.updatedAt = new Date().toISOString();
  }

  /**
   * Runs a change of a record and delivers the webhook events it makes (previousValue and
   * currentValue in the entity shape), after the mutation has answered, as Blue does.
   */
  private change<T>(t: BlueTodoRecord, apply: () => T): T {
    const prev = structuredClone(t);
    const before = this.todoJson(t);
    const result = apply();
    const events = recordEvents(prev, t);
    if (events.length) {
      const after = this.todoJson(t);
      this.later(() => events.forEach((e) => this.emit(e, t.projectId, before, after)));
    }
    return result;
  }

  private later(deliver: () => void): void {
    void this.pending.add(
      new Promise<void>((resolve) =>
        setImmediate(() => {
          deliver();
          resolve();
        }),
      ),
    );
  }

  private editTodo(t: BlueTodoRecord, input: Record<string, unknown>, ctx: Context) {
    const s = this.store;
    if (typeof input.todoListId === 'string') {
      const list = s.todoLists.find((l) => l.id === input.todoListId);
      const project = list && s.projects.find((p) => p.id === list.projectId);
      if (!list || !project?.userIds.includes(ctx.user.id))
        throw fail('TODO_LIST_NOT_FOUND', `Todo list ${input.todoListId} not found.`);
      if (list.id !== t.todoListId) {
        const inList = s.todos.filter((x) => x.todoListId === list.id).map((x) => x.position);
        t.position = Math.max(0, ...inList) + 65535;
      }
      t.todoListId = list.id;
      t.projectId = list.projectId;
    }
    if (typeof input.title === 'string') {
      if (!input.title.trim()) throw fail('BAD_USER_INPUT', 'Title cannot be empty.');
      t.title = input.title;
    }
    if (typeof input.html === 'string') {
      t.html = input.html;
      t.text = typeof input.text === 'string' ? input.text : input.html.replace(/<[^>]*>/g, '');
    } else if (typeof input.text === 'string') {
      t.text = input.text;
    }
    if (typeof input.position === 'number') t.position = input.position;
    const startedAt = dateOrNull(input.startedAt, 'startedAt');
    if (startedAt !== undefined) t.startedAt = startedAt;
    const duedAt = dateOrNull(input.duedAt, 'duedAt');
    if (duedAt !== undefined) t.duedAt = duedAt;
    if (Array.isArray(input.tags)) {
      t.tagIds = [
        ...new Set(
          (input.tags as { id?: string | null; title?: string | null; color?: string | null }[]).map((tag) => {
            if (tag.id) return this.projectTag(t, tag.id);
            if (tag.title) return this.tagByTitle(t, tag.title, tag.color);
            throw fail('BAD_USER_INPUT', 'A tag needs an id or a title.');
          }),
        ),
      ];
    }
    // An editTodo with only the todoId changes nothing (the actions send one to read the record).
    if (Object.keys(input).some((k) => k !== 'todoId' && input[k] !== undefined && input[k] !== null)) this.touch(t);
    return this.todoView(t);
  }

  private updateTodo(t: BlueTodoRecord, input: Record<string, unknown>): void {
    const s = this.store;
    if (typeof input.done === 'boolean') t.done = input.done;
    if (typeof input.tagId === 'string') t.tagIds = [...new Set([...t.tagIds, this.projectTag(t, input.tagId)])];
    if (typeof input.removeTagId === 'string') t.tagIds = t.tagIds.filter((id) => id !== input.removeTagId);
    if (typeof input.assigneeId === 'string')
      t.assigneeIds = this.projectMembers(t, [...t.assigneeIds, input.assigneeId]);
    if (typeof input.unassigneeId === 'string') t.assigneeIds = t.assigneeIds.filter((id) => id !== input.unassigneeId);
    if (typeof input.todoListId === 'string') {
      const list = s.todoLists.find((l) => l.id === input.todoListId);
      if (!list) throw fail('TODO_LIST_NOT_FOUND', `Todo list ${input.todoListId} not found.`);
      t.todoListId = list.id;
      t.projectId = list.projectId;
    }
    this.touch(t);
  }

  /** The record mutations of Blue's schema that the actions send (editTodo, updateTodos, ...). */
  private recordMutations() {
    const s = this.store;
    type Args = { input: Record<string, unknown> };
    const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return {
      editTodo: ({ input }: Args, ctx: Context) => {
        const t = this.findTodo(ctx, input.todoId);
        return this.change(t, () => this.editTodo(t, input, ctx));
      },
      setTodoCustomField: ({ input }: Args, ctx: Context) => {
        const t = this.findTodo(ctx, input.todoId);
        const field = s.customFields.find((f) => f.id === input.customFieldId && f.projectId === t.projectId);
        if (!field) throw fail('CUSTOM_FIELD_NOT_FOUND', `Custom field ${String(input.customFieldId)} not found.`);
        const value = typedValue(field, input);
        const problem = checkCustomFieldValue(field, value);
        if (problem) throw fail('BAD_USER_INPUT', `Custom field "${field.name}" (${field.type}) ${problem}.`);
        return this.change(t, () => {
          t.values[field.id] = value;
          this.touch(t);
          return true;
        });
      },
      updateTodos: ({ input }: Args, ctx: Context) => {
        const filter = (input.filter ?? {}) as { todoIds?: string[]; todoListId?: string };
        if (!filter.todoIds?.length && !filter.todoListId)
          throw fail('BAD_USER_INPUT', 'updateTodos needs filter.todoIds or filter.todoListId.');
        const todos = filter.todoIds?.length
          ? filter.todoIds.map((id) => this.findTodo(ctx, id))
          : s.todos.filter((x) => x.todoListId === filter.todoListId);
        for (const t of todos) this.change(t, () => this.updateTodo(t, input));
        return true;
      },
      setTodoTags: ({ input }: Args, ctx: Context) => {
        const t = this.findTodo(ctx, input.todoId);
        const ids = strs(input.tagIds).map((id) => this.projectTag(t, id));
        const byTitle = strs(input.tagTitles).map((title) => this.tagByTitle(t, title));
        return this.change(t, () => {
          t.tagIds = [...new Set([...ids, ...byTitle])];
          this.touch(t);
          return true;
        });
      },
      setTodoAssignees: ({ input }: Args, ctx: Context) => {
        const t = this.findTodo(ctx, input.todoId);
        const ids = this.projectMembers(t, strs(input.assigneeIds));
        return this.change(t, () => {
          t.assigneeIds = ids;
          this.touch(t);
          return { success: true, operationId: null };
        });
      },
      addTodoAssignees: ({ input }: Args, ctx: Context) => {
        const t = this.findTodo(ctx, input.todoId);
        const ids = this.projectMembers(t, [...t.assigneeIds, ...strs(input.assigneeIds)]);
        return this.change(t, () => {
          t.assigneeIds = ids;
          this.touch(t);
          return { success: true, operationId: null };
        });
      },
      removeTodoAssignees: ({ input }: Args, ctx: Context) => {
        const t = this.findTodo(ctx, input.todoId);
        const gone = new Set(strs(input.assigneeIds));
        return this.change(t, () => {
          t.assigneeIds = t.assigneeIds.filter((id) => !gone.has(id));
          this.touch(t);
          return { success: true, operationId: null };
        });
      },
      createComment: ({ input }: Args, ctx: Context) => {
        if (input.category !== 'TODO')
          throw fail('BAD_USER_INPUT', 'The sandbox only keeps comments on records (category TODO).');
        const t = this.findTodo(ctx, input.categoryId);
        const html = textOf(input.html);
        if (!html.trim() && !textOf(input.text).trim()) throw fail('BAD_USER_INPUT', 'A comment cannot be empty.');
        const now = new Date().toISOString();
        const comment: BlueCommentRecord = {
          id: blueId(),
          uid: blueId(),
          html,
          text: textOf(input.text),
          category: 'TODO',
          categoryId: t.id,
          userId: ctx.user.id,
          createdAt: now,
          updatedAt: now,
        };
        s.comments.push(comment);
        this.later(() => this.emit('COMMENT_CREATED', t.projectId, null, { ...comment }));
        return { ...comment, user: this.userView(ctx.user), todo: () => this.todoView(t) };
      },
      createChecklist: ({ input }: Args, ctx: Context) => {
        const t = this.findTodo(ctx, input.todoId);
        if (typeof input.title !== 'string' || !input.title.trim())
          throw fail('BAD_USER_INPUT', 'A checklist needs a title.');
        const checklist: BlueChecklistRecord = {
          id: blueId(),
          uid: blueId(),
          title: input.title,
          position: Number(input.position),
          items: [],
        };
        t.checklists.push(checklist);
        this.touch(t);
        return this.checklistView(t, checklist);
      },
      createChecklistItem: ({ input }: Args, ctx: Context) => {
        const t = s.todos.find((x) => x.checklists.some((c) => c.id === input.checklistId));
        const checklist = t?.checklists.find((c) => c.id === input.checklistId);
        if (!t || !checklist) throw fail('CHECKLIST_NOT_FOUND', `Checklist ${String(input.checklistId)} not found.`);
        this.findTodo(ctx, t.id);
        if (typeof input.title !== 'string' || !input.title.trim())
          throw fail('BAD_USER_INPUT', 'A checklist item needs a title.');
        const item = { id: blueId(), uid: blueId(), title: input.title, position: Number(input.position), done: false };
        checklist.items.push(item);
        this.touch(t);
        const view = this.checklistView(t, checklist);
        return (view.checklistItems as { id: string }[]).find((i) => i.id === item.id);
      },
    };
  }

  private createTodo(input: CreateTodoArgs, ctx: Context) {
    const s = this.store;
    this.requireCompany(ctx);
    if (!ctx.projectHeader)
      throw fail('BAD_USER_INPUT', 'The X-Bloo-Project-ID header is required to create a record.');
    const project = this.findProject(ctx, ctx.projectHeader);
    if (!input.title.trim()) throw fail('BAD_USER_INPUT', 'Title cannot be empty.');
    const lists = s.todoLists.filter((l) => l.projectId === project.id).sort((a, b) => a.position - b.position);
    const list = input.todoListId ? lists.find((l) => l.id === input.todoListId) : lists[0];
    if (!list) throw fail('TODO_LIST_NOT_FOUND', 'Todo list not found.');
    for (const id of input.assigneeIds ?? []) {
      if (!project.userIds.includes(id)) throw fail('BAD_USER_INPUT', `User ${id} is not a member of this project.`);
    }
    const values: Record<string, string> = {};
    for (const cf of input.customFields ?? []) {
      if (!cf?.customFieldId) throw fail('BAD_USER_INPUT', 'customFieldId is required.');
      const field = s.customFields.find((f) => f.id === cf.customFieldId && f.projectId === project.id);
      if (!field) throw fail('CUSTOM_FIELD_NOT_FOUND', 'Custom field not found.');
      const value = cf.value ?? '';
      const problem = checkCustomFieldValue(field, value);
      if (problem) throw fail('BAD_USER_INPUT', `Custom field "${field.name}" (${field.type}) ${problem}.`);
      values[field.id] = value;
    }
    const tagIds: string[] = [];
    for (const tag of input.tags ?? []) {
      if (tag.id) {
        if (!s.tags.some((g) => g.id === tag.id && g.projectId === project.id))
          throw fail('BAD_USER_INPUT', `Tag ${tag.id} not found.`);
        tagIds.push(tag.id);
      } else if (tag.title) {
        let found = s.tags.find(
          (g) => g.projectId === project.id && g.title === tag.title && (!tag.color || g.color === tag.color),
        );
        if (!found) {
          found = {
            id: blueId(),
            uid: blueId(),
            title: tag.title,
            color: tag.color ?? '#4a9fff',
            projectId: project.id,
          };
          s.tags.push(found);
        }
        tagIds.push(found.id);
      } else {
        throw fail('BAD_USER_INPUT', 'A tag needs an id or a title.');
      }
    }
    for (const d of [input.startedAt, input.duedAt]) {
      if (d && Number.isNaN(Date.parse(d))) throw fail('BAD_USER_INPUT', `Invalid date: ${d}`);
    }
    const inList = s.todos.filter((t) => t.todoListId === list.id).map((t) => t.position);
    const position =
      input.position ?? (input.placement === 'TOP' ? Math.min(65535, ...inList) / 2 : Math.max(0, ...inList) + 65535);
    const now = new Date().toISOString();
    const description = input.description ?? '';
    const todo: BlueTodoRecord = {
      id: blueId(),
      uid: blueId(),
      title: input.title,
      html: description,
      text: description.replace(/<[^>]*>/g, ''),
      position,
      todoListId: list.id,
      projectId: project.id,
      startedAt: input.startedAt ?? null,
      duedAt: input.duedAt ?? null,
      done: false,
      archived: false,
      assigneeIds: input.assigneeIds ?? [],
      tagIds,
      values,
      checklists: (input.checklists ?? []).map((c, i) => ({
        id: blueId(),
        uid: blueId(),
        title: c.title,
        position: c.position ?? i,
        items: [],
      })),
      createdById: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    };
    s.todos.push(todo);
    // Blue delivers after the mutation has answered.
    const json = this.todoJson(todo);
    void this.pending.add(
      new Promise<void>((resolve) =>
        setImmediate(() => {
          this.emit('TODO_CREATED', project.id, null, json);
          resolve();
        }),
      ),
    );
    return this.todoView(todo);
  }

  /** Delivers one event to every enabled webhook subscribed to it for that project. */
  emit(
    event: string,
    projectId: string,
    previousValue: Record<string, unknown> | null,
    currentValue: Record<string, unknown> | null,
  ): void {
    const targets = this.store.webhooks.filter(
      (w) =>
        w.enabled &&
        (w.events.length === 0 || w.events.includes(event)) &&
        (w.projectIds.length === 0 || w.projectIds.includes(projectId)),
    );
    for (const hook of targets) {
      const body = JSON.stringify({
        event,
        webhook: {
          id: hook.id,
          uid: hook.uid,
          name: hook.name,
          url: hook.url,
          events: hook.events,
          projectIds: hook.projectIds,
        },
        previousValue,
        currentValue,
      });
      const signature = blueSignature(hook.secret, body);
      void this.pending.add(
        deliver(hook.url, body, () => ({ 'X-Signature': signature }), this.retry).then((result) => {
          if (!result.ok) {
            // Blue disables a webhook whose deliveries keep failing.
            hook.enabled = false;
            hook.status = 'UNHEALTHY';
          }
          this.deliveries.push({
            webhookId: hook.id,
            url: hook.url,
            event,
            body,
            signature,
            ok: result.ok,
            attempts: result.attempts,
          });
          this.options.log?.(
            `delivered ${event} to ${hook.url}: ${result.attempts.map((a) => a.status ?? a.error).join(' -> ')}`,
          );
        }),
      );
    }
  }
}

interface CreateTodoArgs {
  todoListId?: string | null;
  title: string;
  position?: number | null;
  startedAt?: string | null;
  duedAt?: string | null;
  notify?: boolean | null;
  description?: string | null;
  placement?: 'TOP' | 'BOTTOM' | null;
  assigneeIds?: string[] | null;
  checklists?: { title: string; position?: number | null }[] | null;
  customFields?: ({ customFieldId?: string | null; value?: string | null } | null)[] | null;
  tags?: { id?: string | null; title?: string | null; color?: string | null }[] | null;
}

export async function startBlueServer(options: BlueServerOptions): Promise<BlueServer> {
  return new BlueServer(options).start();
}
