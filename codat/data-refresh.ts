// Refreshing a Codat company's data: the data types (Platform spec `DataType`), the company's
// connections (for the one-connection refresh) and Codat's answer, a `PullOperation`.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { companyIdInput, companyPath } from './company.js';
import { platformRequest } from './platform.js';

/** Codat's data type keys, as the Platform spec's `DataType` enum lists them. */
export const DATA_TYPES = [
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
] as const;
const DATA_TYPE_SET: ReadonlySet<string> = new Set(DATA_TYPES);

const words = (camel: string) => camel.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

/** "banking-accountBalances" -> "Banking: Account Balances". */
export function dataTypeLabel(key: string): string {
  const [prefix, rest] = key.includes('-') ? key.split('-', 2) : [undefined, key];
  return prefix ? `${words(prefix)}: ${words(rest)}` : words(key);
}

// The object form of choices: a third of the nodes core compiles on every invocation.
export const dataTypeChoices = (): Record<string, string> =>
  Object.fromEntries(DATA_TYPES.map((value) => [value, dataTypeLabel(value)]));

export const pullOperationSchema = zod.lazy(() =>
  zod.looseObject({
    id: zod.string(),
    companyId: zod.string(),
    connectionId: zod.string(),
    dataType: zod.string(),
    status: zod.string(),
    statusDescription: zod.nullish(zod.string()),
    errorMessage: zod.nullish(zod.string()),
    requested: zod.string(),
    progress: zod.number(),
    isCompleted: zod.boolean(),
    isErrored: zod.boolean(),
  }),
);

export type RefreshOutput = {
  companyId: string;
  /** The data type refreshed, or "all". */
  dataType: string;
  status: string;
  /** The pull operation Codat queued (one data type only; "all" answers 204 without ids). */
  id: string | null;
  connectionId: string | null;
  statusDescription: string | null;
  requested: string | null;
  progress: number | null;
  isCompleted: boolean | null;
  isErrored: boolean | null;
};

export const refreshOutputFields = [
  { key: 'companyId', label: 'Company ID' },
  { key: 'dataType', label: 'Data Type' },
  { key: 'status', label: 'Status' },
  { key: 'id', label: 'Pull Operation ID' },
  { key: 'connectionId', label: 'Connection ID' },
  { key: 'statusDescription', label: 'Status Description' },
  { key: 'requested', label: 'Requested At', type: 'datetime' },
  { key: 'progress', label: 'Progress', type: 'integer' },
  { key: 'isCompleted', label: 'Is Completed', type: 'boolean' },
  { key: 'isErrored', label: 'Is Errored', type: 'boolean' },
] as const;

// The Platform spec's PullOperation example.
export const refreshSample: RefreshOutput = {
  companyId: '4645bd78-8988-45bc-ac9e-67ba5df6e4e5',
  dataType: 'invoices',
  status: 'Initial',
  id: '97d60846-f07a-4d42-b5a0-0bdcc6ebf56b',
  connectionId: '51baa045-4836-4317-a42e-3542e991e581',
  statusDescription: 'Paused until 2022-10-23T00:00:00.000Z',
  requested: '2022-11-14T11:18:37.2798351Z',
  progress: 10,
  isCompleted: false,
  isErrored: false,
};

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalid = (z: ZObject, message: string) => new z.errors.Error(message, 'invalid_input', 400);

export interface RefreshRequest {
  companyId: string;
  dataType?: string;
  connectionId?: string;
}

/** What Refresh Company Data's inputs ask for, refused before sending when impossible. */
export function refreshRequest(z: ZObject, inputData: Record<string, unknown>): RefreshRequest {
  const companyId = companyIdInput(z, inputData.companyId);
  const dataType = text(inputData.dataType);
  const connectionId = text(inputData.connectionId);
  if (dataType && !DATA_TYPE_SET.has(dataType)) {
    throw invalid(
      z,
      `Data Type "${dataType.slice(0, 60)}" is not a Codat data type: pick one from the list (e.g. invoices).`,
    );
  }
  if (connectionId && !dataType) {
    // POST /data/all has no connection parameter: it refreshes every connection.
    throw invalid(z, 'Connection needs a Data Type: Codat refreshes all data types on every connection at once.');
  }
  if (connectionId && !UUID.test(connectionId)) {
    throw invalid(
      z,
      `Connection "${connectionId.slice(0, 60)}" is not a Codat connection ID (a UUID): pick it from the dropdown.`,
    );
  }
  return { companyId, ...(dataType ? { dataType } : {}), ...(connectionId ? { connectionId } : {}) };
}

export async function refreshCompanyData(z: ZObject, bundle: Bundle): Promise<RefreshOutput> {
  const req = refreshRequest(z, bundle.inputData);
  if (!req.dataType) {
    await platformRequest(z, bundle, {
      method: 'POST',
      path: `${companyPath(req.companyId)}/data/all`,
      action: 'refresh all data of the Codat company',
      notFound: `the company ${req.companyId}`,
    });
    // 204: Codat queued a pull of every data type set to fetch on first link, without ids.
    return {
      companyId: req.companyId,
      dataType: 'all',
      status: 'Queued',
      id: null,
      connectionId: null,
      statusDescription: null,
      requested: null,
      progress: null,
      isCompleted: null,
      isErrored: null,
    };
  }
  const op = (await platformRequest(z, bundle, {
    method: 'POST',
    path: `${companyPath(req.companyId)}/data/queue/${encodeURIComponent(req.dataType)}`,
    ...(req.connectionId ? { params: { connectionId: req.connectionId } } : {}),
    action: `refresh the ${req.dataType} of the Codat company`,
    notFound: req.connectionId
      ? `the company ${req.companyId} or its connection ${req.connectionId}`
      : `the company ${req.companyId}`,
    schema: pullOperationSchema,
  }))!;
  return {
    companyId: op.companyId,
    dataType: op.dataType,
    status: op.status,
    id: op.id,
    connectionId: op.connectionId,
    statusDescription: op.statusDescription ?? null,
    requested: op.requested,
    progress: op.progress,
    isCompleted: op.isCompleted,
    isErrored: op.isErrored,
  };
}

const connectionPageSchema = zod.lazy(() =>
  zod.looseObject({
    results: zod.array(
      zod.looseObject({
        id: zod.string(),
        platformName: zod.string(),
        sourceType: zod.nullish(zod.string()),
        status: zod.nullish(zod.string()),
      }),
    ),
    totalResults: zod.number(),
  }),
);

export interface ConnectionChoice {
  id: string;
  platformName: string;
  /** "Xero (Accounting, Linked)". */
  label: string;
}

/** One page of the chosen company's connections; none until a company is chosen. */
export async function connectionChoices(z: ZObject, bundle: Bundle): Promise<ConnectionChoice[]> {
  const companyId = text(bundle.inputData?.companyId);
  // A company mapped from an earlier step reaches the dropdown as its placeholder, not a UUID:
  // nothing to list yet (a Connection ID can still be mapped), rather than an error in the editor.
  if (!UUID.test(companyId)) return [];
  const id = companyIdInput(z, companyId);
  const zapierPage = Number(bundle.meta?.page ?? 0);
  const page = (Number.isInteger(zapierPage) && zapierPage > 0 ? zapierPage : 0) + 1;
  const data = await platformRequest(z, bundle, {
    method: 'GET',
    path: `${companyPath(id)}/connections`,
    params: { page, pageSize: 100 },
    action: 'list the connections of the Codat company',
    notFound: `the company ${id}`,
    schema: connectionPageSchema,
    // Past the last page a 404 ends the list; on the first it means the company is gone (an error).
    allowNotFound: page > 1,
  });
  return (data?.results ?? []).map((c) => {
    const details = [c.sourceType, c.status].filter(Boolean).join(', ');
    return {
      id: c.id,
      platformName: c.platformName,
      label: details ? `${c.platformName} (${details})` : c.platformName,
    };
  });
}
