// The catalog of Codat webhook event types: the single source for the trigger's choices, its
// fallback samples (when Codat has no message of a type yet) and its output field labels.
// Event names and example shapes follow Codat's Webhooks and Platform specs;
// the examples are compact stand-ins written for this app, not copies of Codat's.
export type EventGroup =
  'companies' | 'products' | 'connections' | 'reads' | 'writes' | 'rateLimits' | 'bankFeeds' | 'expenses' | 'reports';

export const EVENT_GROUP_LABELS: Readonly<Record<EventGroup, string>> = {
  companies: 'Companies',
  products: 'Product Changes',
  connections: 'Connections',
  reads: 'Reads',
  writes: 'Writes',
  rateLimits: 'Rate Limits',
  bankFeeds: 'Bank Feeds',
  expenses: 'Expenses',
  reports: 'Reports',
};

/** Payload families: types of one family share example builder and output fields. */
export type EventShape =
  | 'company'
  | 'product'
  | 'connection'
  | 'read'
  | 'write'
  | 'rateLimit'
  | 'bankFeed'
  | 'expenses'
  | 'report'
  /** Codat's rule envelope `{RuleType, CompanyId, Data, ...}`: only AccountCategoriesUpdated still uses it. */
  | 'rule';

export interface CodatEventType {
  readonly key: string;
  /** Title Case name shown in the dropdown and as `eventLabel`. */
  readonly label: string;
  readonly group: EventGroup;
  readonly shape: EventShape;
  /** Rule envelopes carry a human `RuleType` instead of the event type's key. */
  readonly ruleType?: string;
  /** The body Codat delivers for this type (envelope included). */
  readonly example: Readonly<Record<string, unknown>>;
}

export interface OutputFieldSpec {
  key: string;
  label: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'datetime';
  list?: boolean;
}

/** The 18 values of `{dataType}` in `{dataType}.write.*`, with their Title Case names. */
export const WRITE_DATA_TYPES: Readonly<Record<string, string>> = {
  bankAccounts: 'Bank Accounts',
  bankTransactions: 'Bank Transactions',
  billCreditNotes: 'Bill Credit Notes',
  billPayments: 'Bill Payments',
  bills: 'Bills',
  chartOfAccounts: 'Chart of Accounts',
  creditNotes: 'Credit Notes',
  customers: 'Customers',
  directCosts: 'Direct Costs',
  directIncomes: 'Direct Incomes',
  invoices: 'Invoices',
  items: 'Items',
  journalEntries: 'Journal Entries',
  journals: 'Journals',
  payments: 'Payments',
  purchaseOrders: 'Purchase Orders',
  suppliers: 'Suppliers',
  transfers: 'Transfers',
};

/** Input value meaning "every event type" (the consumer is created without filterTypes). */
export const ALL_EVENT_TYPES = 'all';

// ---- Example building blocks -------------------------------------------------------------

export const EXAMPLE_DATE = '2024-08-08T17:10:34.015Z';
const COMPANY_ID = '0498e921-9b53-4396-a412-4f2f5983b0a2';
const CONNECTION_ID = '2e9d2c44-f675-40ba-8049-353bfcb5e171';
const CLIENT_ID = 'bae71d36-ff47-420a-b4a6-f8c9ddf41140';
const COMPANY_REF = {
  id: COMPANY_ID,
  name: 'Toft Stores',
  description: 'Requested early access to the new financing scheme.',
  links: { portal: `https://app.codat.io/companies/${COMPANY_ID}/summary` },
};

/**
 * A stable, uuid-looking id per example so samples are distinct and reproducible. FNV-1a, four
 * times with different offsets: the catalog builds about 70 of these at load, and a non-cryptographic
 * hash costs nothing there where sha256 through node:crypto cost a millisecond of cold start.
 */
function exampleId(seed: string): string {
  let hex = '';
  for (const offset of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let h = offset;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function envelope(key: string, payload: Record<string, unknown>): Record<string, unknown> {
  return { id: exampleId(key), eventType: key, generatedDate: EXAMPLE_DATE, payload };
}

const payloads = {
  company: () => ({
    id: COMPANY_ID,
    name: COMPANY_REF.name,
    description: COMPANY_REF.description,
    redirect: `https://link.codat.io/company/${COMPANY_ID}`,
    created: '2024-08-01T09:00:00.000Z',
    tags: { region: 'uk' },
  }),
  product: (added: boolean) => ({
    id: COMPANY_ID,
    name: COMPANY_REF.name,
    description: COMPANY_REF.description,
    productId: 'lending',
    productName: 'Lending',
    products: added ? ['accounting', 'banking', 'lending'] : ['accounting', 'banking'],
  }),
  connection: (status: string) => ({
    referenceCompany: COMPANY_REF,
    connection: {
      id: CONNECTION_ID,
      integrationKey: 'gbol',
      platformName: 'Xero',
      sourceType: 'Accounting',
      status,
      linkUrl: `https://link-api.codat.io/companies/${COMPANY_ID}/connections/${CONNECTION_ID}/start`,
      created: '2024-08-08T17:00:00.000Z',
    },
  }),
  // Codat's ReadCompletedWebhook payload; a failed read lists the data type that did not complete.
  read: (outcome: ReadOutcome) => ({
    referenceCompany: COMPANY_REF,
    modifiedFromDate: '2024-08-01T00:00:00.000Z',
    dataTypes: [
      { connectionId: CONNECTION_ID, dataType: 'invoices', recordsModified: true, status: 'Complete' },
      ...(outcome === 'ok'
        ? []
        : [{ connectionId: CONNECTION_ID, dataType: 'bills', recordsModified: false, status: 'FetchError' }]),
    ],
  }),
  write: (dataType: string, ok: boolean) => ({
    id: exampleId(`${dataType}-write`),
    type: ok ? 'Create' : 'Update',
    referenceCompany: COMPANY_REF,
    connectionId: CONNECTION_ID,
    requestedOnDate: '2024-08-08T17:10:00.000Z',
    completedOnDate: '2024-08-08T17:10:34.000Z',
    status: ok ? 'Success' : 'Failed',
    ...(ok ? { record: { id: `${dataType}-1001` } } : {}),
  }),
  rateLimit: (reached: boolean) => ({
    dailyQuota: 12000,
    quotaRemaining: reached ? 0 : 12000,
    expiryDate: '2024-08-09T00:00:00.000Z',
  }),
  bankFeed: (connected: boolean) => ({
    referenceCompany: COMPANY_REF,
    connectionId: CONNECTION_ID,
    sourceAccount: {
      id: 'acc-002',
      accountName: 'Business Current Account',
      currency: 'GBP',
      balance: 99.99,
      status: connected ? 'connected' : 'disconnected',
    },
  }),
  expenses: (ok: boolean) => ({
    referenceCompany: COMPANY_REF,
    syncId: exampleId('expenses-sync'),
    transactions: [
      { id: 'txn-001', status: 'Completed', errorMessage: null },
      ok
        ? { id: 'txn-002', status: 'Completed', errorMessage: null }
        : { id: 'txn-002', status: 'Failed', errorMessage: 'Insufficient funds' },
    ],
  }),
  report: (report: string) => ({ id: exampleId(`report-${report}`), referenceCompany: COMPANY_REF }),
};

/** Rule envelope: `{ClientId, ClientName, CompanyId, DataConnectionId, RuleId, RuleType, AlertId, Message, Data}`. */
function ruleBody(
  key: string,
  ruleType: string,
  message: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ClientId: CLIENT_ID,
    ClientName: 'Example Lender',
    CompanyId: COMPANY_ID,
    DataConnectionId: CONNECTION_ID,
    RuleId: exampleId(`rule-${key}`),
    RuleType: ruleType,
    AlertId: exampleId(key),
    Message: message,
    Data: data,
  };
}

// ---- The catalog ---------------------------------------------------------------------------

function current(
  key: string,
  label: string,
  group: EventGroup,
  shape: EventShape,
  payload: Record<string, unknown>,
): CodatEventType {
  return { key, label, group, shape, example: envelope(key, payload) };
}

/** How a read ended: every data type complete, some failed, or either (plain `read.completed`). */
type ReadOutcome = 'ok' | 'failed' | 'mixed';

const CONNECTION_EVENTS: ReadonlyArray<[string, string, string]> = [
  ['created', 'Connection Created', 'PendingAuth'],
  ['connected', 'Connection Connected', 'Linked'],
  ['failed', 'Connection Failed', 'PendingAuth'],
  ['disconnected', 'Connection Disconnected', 'Unlinked'],
  ['reconnected', 'Connection Reconnected', 'Linked'],
  ['deleted', 'Connection Deleted', 'Unlinked'],
];

/** The `read.completed*` series (codat-docs multiple-use-cases: success, failure and the first read). */
const READ_EVENTS: ReadonlyArray<[string, string, ReadOutcome]> = [
  ['read.completed', 'Read Completed', 'mixed'],
  ['read.completed.initial', 'Initial Read Completed', 'ok'],
  ['read.completed.successful', 'Read Completed Successfully', 'ok'],
  ['read.completed.unsuccessful', 'Read Completed Unsuccessfully', 'failed'],
  ['read.completed.successful.initial', 'Initial Read Completed Successfully', 'ok'],
];

const REPORTS: ReadonlyArray<[string, string]> = [
  ['categorizedBankStatement', 'Categorized Bank Statement'],
  ['creditModel', 'Credit Model'],
  ['spendAnalysis', 'Spend Analysis'],
];

export const CODAT_EVENT_TYPES: readonly CodatEventType[] = [
  current('company.created', 'Company Created', 'companies', 'company', payloads.company()),
  current('company.deleted', 'Company Deleted', 'companies', 'company', payloads.company()),
  current('company.product.added', 'Company Product Added', 'products', 'product', payloads.product(true)),
  current('company.product.removed', 'Company Product Removed', 'products', 'product', payloads.product(false)),
  ...CONNECTION_EVENTS.map(([suffix, label, status]) =>
    current(`connection.${suffix}`, label, 'connections', 'connection', payloads.connection(status)),
  ),
  ...READ_EVENTS.map(([key, label, outcome]) => current(key, label, 'reads', 'read', payloads.read(outcome))),
  ...Object.entries(WRITE_DATA_TYPES).flatMap(([dataType, name]) => [
    current(
      `${dataType}.write.successful`,
      `${name} Write Successful`,
      'writes',
      'write',
      payloads.write(dataType, true),
    ),
    current(
      `${dataType}.write.unsuccessful`,
      `${name} Write Unsuccessful`,
      'writes',
      'write',
      payloads.write(dataType, false),
    ),
  ]),
  current('client.rateLimit.reached', 'Rate Limit Reached', 'rateLimits', 'rateLimit', payloads.rateLimit(true)),
  current('client.rateLimit.reset', 'Rate Limit Reset', 'rateLimits', 'rateLimit', payloads.rateLimit(false)),
  current(
    'bankFeeds.sourceAccount.connected',
    'Bank Feed Source Account Connected',
    'bankFeeds',
    'bankFeed',
    payloads.bankFeed(true),
  ),
  current(
    'bankFeeds.sourceAccount.disconnected',
    'Bank Feed Source Account Disconnected',
    'bankFeeds',
    'bankFeed',
    payloads.bankFeed(false),
  ),
  current('expenses.sync.successful', 'Expense Sync Successful', 'expenses', 'expenses', payloads.expenses(true)),
  current('expenses.sync.unsuccessful', 'Expense Sync Unsuccessful', 'expenses', 'expenses', payloads.expenses(false)),
  ...REPORTS.flatMap(([report, name]) => [
    current(
      `reports.${report}.generate.successful`,
      `${name} Report Generated`,
      'reports',
      'report',
      payloads.report(report),
    ),
    current(
      `reports.${report}.generate.unsuccessful`,
      `${name} Report Generation Failed`,
      'reports',
      'report',
      payloads.report(report),
    ),
  ]),
  // Not among the rule types Codat retired on 2025-01-10 (codat-docs blog/241004-deprecation-legacy-
  // webhook-event-types.md lists twelve, not this one), so still current: the one type left that
  // Codat delivers in the rule envelope.
  {
    key: 'AccountCategoriesUpdated',
    label: 'Account Categories Updated',
    group: 'reports',
    shape: 'rule',
    ruleType: 'Account Categories Updated',
    example: ruleBody(
      'AccountCategoriesUpdated',
      'Account Categories Updated',
      `Account categories updated for company ${COMPANY_ID}.`,
      {
        modifiedDate: EXAMPLE_DATE,
      },
    ),
  },
];

/**
 * The rule types Codat stopped delivering after 2025-01-10, with their replacements from Codat's
 * migration guide (codat-docs docs/using-the-api/webhooks/migrating-to-new-event-types.md). A Zap
 * on one would never fire, and Svix refuses a whole subscribe that names an unknown type.
 */
export const RETIRED_EVENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  ClientRateLimitReached: ['client.rateLimit.reached'],
  ClientRateLimitReset: ['client.rateLimit.reset'],
  DataConnectionStatusChanged: [
    'connection.created',
    'connection.connected',
    'connection.disconnected',
    'connection.reconnected',
    'connection.deleted',
  ],
  DataSyncCompleted: ['read.completed'],
  DataSyncStatusChangedToError: ['read.completed'],
  DatasetDataChanged: ['read.completed'],
  NewCompanySynchronized: ['read.completed.initial'],
  PushOperationStatusChanged: ['{dataType}.write.successful', '{dataType}.write.unsuccessful'],
  PushOperationTimedOut: ['{dataType}.write.unsuccessful'],
  SyncCompleted: ['expenses.sync.successful'],
  SyncFailed: ['expenses.sync.unsuccessful'],
  SyncConnectionDeleted: ['connection.deleted'],
};

// Codat's legacy docs and Portal also wrote the rule types as words ("New company synchronized"), so
// a custom value in any case and spacing is recognised. Dots are kept: `client.rateLimit.reached`
// is current, `ClientRateLimitReached` retired.
const retiredForm = (key: string) => key.toLowerCase().replace(/[\s_-]+/g, '');
const RETIRED_BY_FORM = new Map(Object.entries(RETIRED_EVENT_TYPES).map(([k, v]) => [retiredForm(k), v]));

/** The replacements of a retired type, or undefined for a type Codat still delivers (or never had). */
export function retiredReplacement(key: string): readonly string[] | undefined {
  return RETIRED_BY_FORM.get(retiredForm(key));
}

const BY_KEY = new Map(CODAT_EVENT_TYPES.map((e) => [e.key, e]));

export function findEventType(key: string): CodatEventType | undefined {
  return BY_KEY.get(key);
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const BY_RULE_TYPE = new Map<string, CodatEventType>();
for (const e of CODAT_EVENT_TYPES) {
  if (e.shape !== 'rule') continue;
  BY_RULE_TYPE.set(squash(e.key), e);
  if (e.ruleType) BY_RULE_TYPE.set(squash(e.ruleType), e);
}

/** Rule envelopes name their type with a human `RuleType` ("Account Categories Updated"): map it back. */
export function eventTypeForRuleType(ruleType: string): CodatEventType | undefined {
  return BY_RULE_TYPE.get(squash(ruleType));
}

export function eventLabel(key: string): string {
  return findEventType(key)?.label ?? key;
}

// ---- Dropdown -----------------------------------------------------------------------------

export interface EventChoice {
  value: string;
  label: string;
  sample: string;
}

const GROUP_ORDER = Object.keys(EVENT_GROUP_LABELS) as EventGroup[];

/** "All Event Types" first, then every type grouped. */
export function eventTypeChoices(): EventChoice[] {
  const all: EventChoice = { value: ALL_EVENT_TYPES, label: 'All Event Types', sample: ALL_EVENT_TYPES };
  const ordered = [...CODAT_EVENT_TYPES].sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group));
  return [
    all,
    ...ordered.map((e) => ({
      value: e.key,
      label: `${EVENT_GROUP_LABELS[e.group]}: ${e.label}`,
      sample: e.key,
    })),
  ];
}

// ---- Output fields ------------------------------------------------------------------------

/** Fields every item has (the convenient top-level ones appear when the type carries them). */
export const BASE_OUTPUT_FIELDS: readonly OutputFieldSpec[] = [
  { key: 'id', label: 'Event ID' },
  { key: 'eventType', label: 'Event Type' },
  { key: 'eventLabel', label: 'Event Name' },
  { key: 'generatedDate', label: 'Generated Date', type: 'datetime' },
  { key: 'companyId', label: 'Company ID' },
  { key: 'companyName', label: 'Company Name' },
  { key: 'connectionId', label: 'Connection ID' },
  { key: 'dataType', label: 'Data Type' },
  { key: 'status', label: 'Status' },
];

const COMPANY_REF_FIELDS: OutputFieldSpec[] = [
  { key: 'payload__referenceCompany__description', label: 'Company Description' },
  { key: 'payload__referenceCompany__links__portal', label: 'Company Portal Link' },
];

export const SHAPE_OUTPUT_FIELDS: Readonly<Record<EventShape, readonly OutputFieldSpec[]>> = {
  company: [
    { key: 'payload__description', label: 'Company Description' },
    { key: 'payload__redirect', label: 'Company Link URL' },
    { key: 'payload__created', label: 'Company Created Date', type: 'datetime' },
  ],
  product: [
    { key: 'payload__productId', label: 'Product ID' },
    { key: 'payload__productName', label: 'Product Name' },
    { key: 'payload__products', label: 'Company Products', list: true },
  ],
  connection: [
    ...COMPANY_REF_FIELDS,
    { key: 'payload__connection__platformName', label: 'Platform Name' },
    { key: 'payload__connection__integrationKey', label: 'Integration Key' },
    { key: 'payload__connection__sourceType', label: 'Source Type' },
    { key: 'payload__connection__linkUrl', label: 'Connection Link URL' },
  ],
  read: [
    ...COMPANY_REF_FIELDS,
    { key: 'payload__modifiedFromDate', label: 'Modified From Date', type: 'datetime' },
    { key: 'payload__dataTypes[]dataType', label: 'Read Data Type' },
    { key: 'payload__dataTypes[]status', label: 'Read Status' },
    { key: 'payload__dataTypes[]recordsModified', label: 'Records Modified', type: 'boolean' },
  ],
  write: [
    ...COMPANY_REF_FIELDS,
    { key: 'payload__id', label: 'Write Request ID' },
    { key: 'payload__type', label: 'Write Type' },
    { key: 'payload__requestedOnDate', label: 'Requested On Date', type: 'datetime' },
    { key: 'payload__completedOnDate', label: 'Completed On Date', type: 'datetime' },
    { key: 'payload__record__id', label: 'Record ID' },
  ],
  rateLimit: [
    { key: 'payload__dailyQuota', label: 'Daily Quota', type: 'integer' },
    { key: 'payload__quotaRemaining', label: 'Quota Remaining', type: 'integer' },
    { key: 'payload__expiryDate', label: 'Quota Expiry Date', type: 'datetime' },
  ],
  bankFeed: [
    ...COMPANY_REF_FIELDS,
    { key: 'payload__sourceAccount__id', label: 'Source Account ID' },
    { key: 'payload__sourceAccount__accountName', label: 'Source Account Name' },
    { key: 'payload__sourceAccount__currency', label: 'Source Account Currency' },
    { key: 'payload__sourceAccount__balance', label: 'Source Account Balance', type: 'number' },
  ],
  expenses: [
    ...COMPANY_REF_FIELDS,
    { key: 'payload__syncId', label: 'Sync ID' },
    { key: 'payload__transactions[]id', label: 'Transaction ID' },
    { key: 'payload__transactions[]status', label: 'Transaction Status' },
    { key: 'payload__transactions[]errorMessage', label: 'Transaction Error Message' },
  ],
  report: [...COMPANY_REF_FIELDS, { key: 'payload__id', label: 'Report ID' }],
  rule: [
    { key: 'message', label: 'Message' },
    { key: 'payload__ClientId', label: 'Client ID' },
    { key: 'payload__ClientName', label: 'Client Name' },
    { key: 'payload__RuleType', label: 'Rule Type' },
    { key: 'payload__Data__modifiedDate', label: 'Categories Modified Date', type: 'datetime' },
  ],
};

/** Output fields for the chosen event types (all shapes for "all"), without duplicates. */
export function outputFieldsFor(selected: readonly string[]): OutputFieldSpec[] {
  const all = selected.length === 0 || selected.includes(ALL_EVENT_TYPES);
  const shapes = new Set<EventShape>(
    all
      ? CODAT_EVENT_TYPES.map((e) => e.shape)
      : selected.flatMap((k) => {
          const e = findEventType(k);
          return e ? [e.shape] : [];
        }),
  );
  const seen = new Set<string>(BASE_OUTPUT_FIELDS.map((f) => f.key));
  const out: OutputFieldSpec[] = [];
  for (const shape of shapes) {
    for (const field of SHAPE_OUTPUT_FIELDS[shape]) {
      if (seen.has(field.key)) continue;
      seen.add(field.key);
      out.push(field);
    }
  }
  return out;
}
