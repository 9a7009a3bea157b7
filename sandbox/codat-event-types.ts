// Event type names the sandbox's Codat (Svix) server knows, so it can reject unknown `filterTypes`
// as Svix does: the current event types of Codat's published Webhooks spec plus the product, report
// and read-outcome events Codat documents elsewhere. Names only, no example bodies. The app's catalog
// (codat/events.ts) is tested against this list, and this list against Codat's spec where available.
const DATA_TYPES = [
  'bankAccounts',
  'bankTransactions',
  'billCreditNotes',
  'billPayments',
  'bills',
  'chartOfAccounts',
  'creditNotes',
  'customers',
  'directCosts',
  'directIncomes',
  'invoices',
  'items',
  'journalEntries',
  'journals',
  'payments',
  'purchaseOrders',
  'suppliers',
  'transfers',
] as const;

const NAMED = [
  'company.created',
  'company.deleted',
  'company.product.added',
  'company.product.removed',
  'connection.created',
  'connection.connected',
  'connection.failed',
  'connection.disconnected',
  'connection.reconnected',
  'connection.deleted',
  'read.completed',
  'read.completed.initial',
  'read.completed.successful',
  'read.completed.unsuccessful',
  'read.completed.successful.initial',
  'expenses.sync.successful',
  'expenses.sync.unsuccessful',
  'bankFeeds.sourceAccount.connected',
  'bankFeeds.sourceAccount.disconnected',
  'client.rateLimit.reached',
  'client.rateLimit.reset',
  'reports.categorizedBankStatement.generate.successful',
  'reports.categorizedBankStatement.generate.unsuccessful',
  'reports.creditModel.generate.successful',
  'reports.creditModel.generate.unsuccessful',
  'reports.spendAnalysis.generate.successful',
  'reports.spendAnalysis.generate.unsuccessful',
  // Still current in Codat's rule envelope. The rule types retired on 2025-01-10 are unknown here,
  // so naming one fails a subscribe with 422, as Svix does.
  'AccountCategoriesUpdated',
];

export const CODAT_EVENT_TYPES: readonly string[] = [
  ...NAMED,
  ...DATA_TYPES.flatMap((t) => [`${t}.write.successful`, `${t}.write.unsuccessful`]),
];
