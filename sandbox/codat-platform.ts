// A local stand-in for the part of Codat's Platform API the app's actions use, after the Platform
// spec (reference/codat/Codat-Platform.json): companies (create, list with paging, `query` and
// `tags`, get), their connections, and data refreshes. Basic auth with the Base64 API key;
// errors in Codat's ErrorMessage shape. Served by the Codat sandbox server (codat-server.ts).
import { randomUUID } from 'node:crypto';
import type http from 'node:http';

export interface PlatformConnection {
  id: string;
  integrationId: string;
  integrationKey: string;
  sourceId: string;
  platformName: string;
  linkUrl: string;
  status: 'PendingAuth' | 'Linked' | 'Unlinked' | 'Deauthorized';
  lastSync: string | null;
  created: string;
  sourceType: 'Accounting' | 'Banking' | 'BankFeed' | 'Commerce' | 'Expense' | 'Other' | 'Unknown';
}

export interface PlatformCompany {
  id: string;
  name: string;
  description: string;
  redirect: string;
  /** Absent until the first sync, as in the spec's create example. */
  lastSync?: string;
  created: string;
  createdByUserName: string;
  products: string[];
  tags: Record<string, string>;
  dataConnections: PlatformConnection[];
}

export interface PullOperation {
  id: string;
  companyId: string;
  connectionId: string;
  dataType: string;
  status: string;
  /** Absent while queued (the spec types it as a string when present). */
  statusDescription?: string;
  requested: string;
  progress: number;
  isCompleted: boolean;
  isErrored: boolean;
}

export interface CodatPlatformOptions {
  /** The API key; requests carry `Authorization: Basic <Base64 of it>`. */
  apiKey: string;
  companies?: PlatformCompany[];
}

// The spec's DataType enum.
const DATA_TYPES = new Set([
  'accountTransactions',
  'balanceSheet',
  'bankAccounts',
  'bankTransactions',
  'billCreditNotes',
  'billPayments',
  'bills',
  'cashFlowStatement',
  'chartOfAccounts',
  'company',
  'creditNotes',
  'customers',
  'directCosts',
  'directIncomes',
  'invoices',
  'itemReceipts',
  'items',
  'journalEntries',
  'journals',
  'paymentMethods',
  'payments',
  'profitAndLoss',
  'purchaseOrders',
  'salesOrders',
  'suppliers',
  'taxRates',
  'trackingCategories',
  'transfers',
  'banking-accountBalances',
  'banking-accounts',
  'banking-transactionCategories',
  'banking-transactions',
  'commerce-companyInfo',
  'commerce-customers',
  'commerce-disputes',
  'commerce-locations',
  'commerce-orders',
  'commerce-paymentMethods',
  'commerce-payments',
  'commerce-productCategories',
  'commerce-products',
  'commerce-taxComponents',
  'commerce-transactions',
]);
/** What POST /data/all queues: the data types set to "fetch on first link" (a typical default set). */
const FETCH_ON_FIRST_LINK = ['company', 'chartOfAccounts', 'invoices', 'customers'];

type Reply = { status: number; body: unknown };

const correlationId = () => randomUUID().replace(/-/g, '');
/** Codat's ErrorMessage. */
const error = (status: number, message: string, service = 'PublicApi'): Reply => ({
  status,
  body: {
    statusCode: status,
    service,
    error: message,
    correlationId: correlationId(),
    canBeRetried: 'Unknown',
    detailedErrorCode: 0,
  },
});
const malformed = (message = 'Malformed query.') => error(400, `Error parsing query - ${message}`, 'ClientsApi');

const NAME_FORBIDDEN = /[^A-Za-z0-9\s\-',&@.?!]/g;

/** One clause of Codat's query language: `field op value`, op one of = != ~. */
function parseClauses(text: string): { field: string; op: '=' | '!=' | '~'; value: string }[] | undefined {
  const clauses = text.split('&&').map((c) => c.trim());
  const out: { field: string; op: '=' | '!=' | '~'; value: string }[] = [];
  for (const clause of clauses) {
    const m = /^([A-Za-z0-9_.-]+)\s*(!=|=|~)\s*(.*)$/.exec(clause);
    if (!m || m[3] === '') return undefined;
    out.push({ field: m[1]!, op: m[2] as '=' | '!=' | '~', value: m[3]!.trim() });
  }
  return out;
}

function matches(actual: string | undefined, op: '=' | '!=' | '~', value: string): boolean {
  const a = (actual ?? '').toLowerCase();
  const v = value.toLowerCase();
  return op === '=' ? a === v : op === '!=' ? a !== v : a.includes(v);
}

export class CodatPlatform {
  readonly companies: PlatformCompany[];
  readonly pullOperations: PullOperation[] = [];

  constructor(readonly options: CodatPlatformOptions) {
    this.companies = [...(options.companies ?? [])];
  }

  /** Answers a request under /companies; errors are replies too, in Codat's shape. */
  route(method: string, url: URL, headers: http.IncomingHttpHeaders, rawBody: string): Reply {
    const expected = `Basic ${Buffer.from(this.options.apiKey, 'utf8').toString('base64')}`;
    if (headers.authorization !== expected) return error(401, 'Unauthorized');
    const [, companyId, sub, dataSub, dataType, ...rest] = url.pathname
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
    if (rest.length) return error(404, 'Not found');
    if (!companyId) {
      if (method === 'GET') return this.list(url);
      if (method === 'POST') return this.create(rawBody);
      return error(405, 'Method not allowed');
    }
    const company = this.companies.find((c) => c.id === companyId);
    if (!company) return error(404, `No company was found with ID ${companyId}`, 'ClientsApi');
    if (!sub && method === 'GET') return { status: 200, body: company };
    if (sub === 'connections' && !dataSub && method === 'GET')
      return this.page(url, company.dataConnections, `/companies/${company.id}/connections`);
    if (sub === 'data' && dataSub === 'all' && !dataType && method === 'POST') {
      for (const conn of company.dataConnections.filter((c) => c.status === 'Linked')) {
        for (const type of FETCH_ON_FIRST_LINK) this.queue(company, conn, type);
      }
      return { status: 204, body: undefined };
    }
    if (sub === 'data' && dataSub === 'queue' && dataType && method === 'POST') {
      if (!DATA_TYPES.has(dataType)) return error(400, 'Error processing request - not valid.');
      const connectionId = url.searchParams.get('connectionId');
      const linked = company.dataConnections.filter((c) => c.status === 'Linked');
      const conn = connectionId ? company.dataConnections.find((c) => c.id === connectionId) : linked[0];
      if (!conn)
        return error(
          404,
          connectionId ? `Data connection ${connectionId} not found` : `No data connection for company ${company.id}`,
        );
      return { status: 200, body: this.queue(company, conn, dataType) };
    }
    return error(404, 'Not found');
  }

  private queue(company: PlatformCompany, conn: PlatformConnection, dataType: string): PullOperation {
    const op: PullOperation = {
      id: randomUUID(),
      companyId: company.id,
      connectionId: conn.id,
      dataType,
      status: 'Queued',
      requested: new Date().toISOString(),
      progress: 0,
      isCompleted: false,
      isErrored: false,
    };
    this.pullOperations.push(op);
    return op;
  }

  private paging(url: URL): { page: number; pageSize: number } | Reply {
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 100);
    if (!Number.isInteger(page) || page < 1) return malformed('page must be an integer of at least 1.');
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 5000)
      return malformed('pageSize must be an integer from 1 to 5000.');
    return { page, pageSize };
  }

  /** PagingInfo around a slice of `items`. */
  private page(url: URL, items: readonly unknown[], self: string): Reply {
    const paging = this.paging(url);
    if ('status' in paging) return paging;
    const { page, pageSize } = paging;
    const href = (p: number) => ({ href: `${self}?page=${p}&pageSize=${pageSize}` });
    const last = Math.max(1, Math.ceil(items.length / pageSize));
    return {
      status: 200,
      body: {
        results: items.slice((page - 1) * pageSize, page * pageSize),
        pageNumber: page,
        pageSize,
        totalResults: items.length,
        _links: {
          self: { href: self },
          current: href(page),
          ...(page < last ? { next: href(page + 1) } : {}),
          ...(page > 1 ? { previous: href(page - 1) } : {}),
        },
      },
    };
  }

  private list(url: URL): Reply {
    let found = this.companies;
    const query = url.searchParams.get('query');
    if (query !== null) {
      const clauses = parseClauses(query);
      if (!clauses) return malformed();
      for (const { field } of clauses) {
        if (!['id', 'name', 'description'].includes(field))
          return malformed(`Could not resolve property ${field} on Company`);
      }
      found = found.filter((c) =>
        clauses.every(({ field, op, value }) => matches(c[field as 'id' | 'name' | 'description'], op, value)),
      );
    }
    const tags = url.searchParams.get('tags');
    if (tags !== null) {
      const clauses = parseClauses(tags);
      if (!clauses) return malformed();
      found = found.filter((c) => clauses.every(({ field, op, value }) => matches(c.tags[field], op, value)));
    }
    return this.page(url, found, '/companies');
  }

  private create(rawBody: string): Reply {
    let input: unknown;
    try {
      input = JSON.parse(rawBody);
    } catch {
      return error(400, 'Error processing request - not valid.');
    }
    if (!input || typeof input !== 'object' || Array.isArray(input))
      return error(400, 'Error processing request - not valid.');
    const { name, description, tags } = input as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') return error(400, 'Company name is required.');
    // Codat drops characters outside the name pattern rather than refusing them.
    const cleaned = name.replace(NAME_FORBIDDEN, '').replace(/\s+/g, ' ').trim();
    if (!cleaned) return error(400, 'Company name must contain at least one valid character.');
    if (description !== undefined && typeof description !== 'string')
      return error(400, 'Description must be a string.');
    if (tags !== undefined) {
      if (!tags || typeof tags !== 'object' || Array.isArray(tags))
        return error(400, 'Tags must be an object of strings.');
      const entries = Object.entries(tags);
      if (entries.length > 10) return error(400, 'A company can have at most 10 tags.');
      for (const [k, v] of entries) {
        if (k.length < 1 || k.length > 27) return error(400, 'Tag keys must have 1 to 27 characters.');
        if (typeof v !== 'string' || v.length > 100)
          return error(400, 'Tag values must be strings of at most 100 characters.');
      }
    }
    const id = randomUUID();
    const company: PlatformCompany = {
      id,
      name: cleaned,
      description: description ?? '',
      redirect: `https://link.codat.io/company/${id}`,
      created: new Date().toISOString(),
      createdByUserName: 'Sandbox API key',
      products: [],
      tags: { ...((tags as Record<string, string> | undefined) ?? {}) },
      dataConnections: [],
    };
    this.companies.push(company);
    return { status: 200, body: company };
  }
}
