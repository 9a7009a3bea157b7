// Event type names the sandbox's Codat (Svix) server knows, so it can reject unknown `filterTypes`
// as Svix does: the webhook events of Codat's published Webhooks spec plus six product and report
// events Codat documents elsewhere. Names only, no example bodies. The app's catalog (codat/events.ts)
// is tested against this list, and this list against Codat's spec where that is available.
const DATA_TYPES = [
  'bankAccounts', 'bankTransactions', 'billCreditNotes', 'billPayments', 'bills', 'chartOfAccounts',
  'creditNotes', 'customers', 'directCosts', 'directIncomes', 'invoices', 'items', 'journalEntries',
  'journals', 'payments', 'purchaseOrders', 'suppliers', 'transfers',
] as const;

const NAMED = [
  'company.created', 'company.deleted', 'company.product.added', 'company.product.removed',
  'connection.created', 'connection.connected', 'connection.failed', 'connection.disconnected',
  'connection.reconnected', 'connection.deleted',
  'read.completed', 'read.completed.initial',
  'expenses.sync.successful', 'expenses.sync.unsuccessful',
  'bankFeeds.sourceAccount.connected', 'bankFeeds.sourceAccount.disconnected',
  'client.rateLimit.reached', 'client.rateLimit.reset',
  'reports.categorizedBankStatement.generate.successful', 'reports.categorizedBankStatement.generate.unsuccessful',
  'reports.creditModel.generate.successful', 'reports.creditModel.generate.unsuccessful',
  'reports.spendAnalysis.generate.successful', 'reports.spendAnalysis.generate.unsuccessful',
];

/** Legacy names Codat deprecated on 2025-01-10 (still accepted), each with a newer replacement. */
export const CODAT_DEPRECATED_EVENT_TYPES: readonly string[] = [
  'DataConnectionStatusChanged', 'DataSyncCompleted', 'DatasetDataChanged', 'DataSyncStatusChangedToError',
  'PushOperationStatusChanged', 'PushOperationTimedOut', 'SyncCompleted', 'SyncFailed',
  'ClientRateLimitReached', 'ClientRateLimitReset',
];

/** Legacy names Codat still lists without deprecating them. */
const LEGACY = ['AccountCategoriesUpdated', 'NewCompanySynchronized', 'SyncConnectionDeleted'];

export const CODAT_EVENT_TYPES: readonly string[] = [
  ...NAMED,
  ...LEGACY,
  ...CODAT_DEPRECATED_EVENT_TYPES,
  ...DATA_TYPES.flatMap((t) => [`${t}.write.successful`, `${t}.write.unsuccessful`]),
];
