// Signed webhook deliveries of a chosen size, as Zapier hands them to a hook's perform: the raw
// request (headers renamed the way Zapier does) plus the parsed body, and the subscribeData the
// Zap's subscribe step would have stored. Shared by the in-process timing and the memory children.
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { blueSignature } from '../sandbox/blue-server.js';
import { toCleanedRequest, toRawRequest } from '../sandbox/catch-hook.js';
import { newSigningSecret } from '../sandbox/codat-server.js';
import { demoAuthData } from '../sandbox/seed.js';

export type Service = 'codat' | 'blue';

/** Which trigger of the app each service's delivery goes to, and with which selection. */
export const HOOKS = {
  codat: { triggerKey: 'codat_event', eventType: 'invoices.write.successful' },
  blue: { triggerKey: 'new_todo', eventType: 'TODO_CREATED' },
} as const;

export interface Delivery {
  service: Service;
  bytes: number;
  bundle: Record<string, unknown>;
}

/** Appends `item(i)` to `array` until the JSON body reaches `bytes` (then the body is at least that big). */
function grow(body: Record<string, unknown>, array: unknown[], item: (i: number) => unknown, bytes: number): string {
  // Track the length instead of re-serialising the body per item (quadratic at 10 MB).
  let length = JSON.stringify(body).length;
  for (let i = 0; length < bytes; i++) {
    const next = item(i);
    length += JSON.stringify(next).length + (array.length ? 1 : 0);
    array.push(next);
  }
  return JSON.stringify(body);
}

function codatBody(bytes: number): string {
  const lineItems: unknown[] = [];
  const envelope = {
    id: randomUUID(),
    eventType: HOOKS.codat.eventType,
    generatedDate: new Date().toISOString(),
    payload: {
      referenceCompany: { id: '0498e921-9b53-4396-a412-4f2f5983b0a2', name: 'Bank of Dave' },
      connectionId: '51baa045-4836-4317-a42e-3542e991e581',
      dataType: 'invoices',
      pushOperationKey: randomUUID(),
      status: 'Success',
      record: { id: 'INV-0001', invoiceNumber: 'INV-0001', currency: 'GBP', totalAmount: 0, lineItems },
    },
  };
  return grow(
    envelope,
    lineItems,
    (i) => ({
      description: `Consulting, week ${i}`,
      unitAmount: 120.5,
      quantity: (i % 7) + 1,
      taxRateRef: { id: 'TAX001', name: 'VAT 20%' },
      itemRef: { id: `ITEM-${i % 50}`, name: 'Consulting hours' },
      accountRef: { id: '4000', name: 'Sales' },
    }),
    bytes,
  );
}

function blueBody(bytes: number): string {
  const checklistItems: unknown[] = [];
  const body = {
    event: HOOKS.blue.eventType,
    webhook: { id: 'csandboxwebhook000000001', name: 'Zapier: New Record' },
    previousValue: null,
    currentValue: {
      id: 'csandboxtodo0000000000001',
      uid: 'a1b2c3d4e5',
      title: 'Onboard Bank of Dave',
      html: '<p>Created from Codat.</p>',
      done: false,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      // Blue's entity shape, complete: perform shapes it without fetching the record.
      position: '65535',
      createdById: 'csandboxuser0000000000001',
      todoListId: 'csandboxlist0000000000001',
      todoList: {
        id: 'csandboxlist0000000000001',
        title: 'New Clients',
        projectId: 'csandboxproject0000000001',
        project: { id: 'csandboxproject0000000001', name: 'Onboarding' },
      },
      todoUsers: [],
      todoTags: [],
      todoCustomFields: [],
      checklists: [{ id: 'csandboxchecklist00000001', title: 'KYC', checklistItems }],
    },
  };
  return grow(
    body,
    checklistItems,
    (i) => ({
      id: `citem${String(i).padStart(20, '0')}`,
      title: `Collect document ${i}`,
      done: i % 3 === 0,
      position: i * 65535,
    }),
    bytes,
  );
}

/**
 * A signed delivery of about `bytes` for `service`, with the bundle Zapier would pass perform
 * (rawRequest, cleanedRequest, subscribeData as stored at subscribe), signed with `withSecret` or a
 * fresh secret.
 */
export function signedDelivery(service: Service, bytes: number, withSecret?: string): Delivery {
  const authData = demoAuthData();
  let content: string;
  let headers: Record<string, string>;
  let subscribeData: Record<string, unknown>;
  let inputData: Record<string, unknown>;
  if (service === 'codat') {
    const secret = withSecret ?? newSigningSecret();
    content = codatBody(bytes);
    const msgId = `msg_${randomUUID().replace(/-/g, '')}`;
    const now = new Date();
    headers = {
      'webhook-id': msgId,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(msgId, now, content),
    };
    subscribeData = { id: 'ep_bench', secret, eventTypes: [HOOKS.codat.eventType] };
    inputData = { eventTypes: [HOOKS.codat.eventType] };
  } else {
    const secret = withSecret ?? `whsec_${randomUUID()}`;
    content = blueBody(bytes);
    headers = { 'x-signature': blueSignature(secret, content) };
    subscribeData = {
      id: 'csandboxwebhook000000001',
      secret,
      projectId: 'client-onboarding',
      events: [HOOKS.blue.eventType],
    };
    inputData = {};
  }
  const rawRequest = toRawRequest(
    'POST',
    '/hooks/catch/bench/',
    {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(content)),
      'user-agent': 'bench',
      ...headers,
    },
    content,
  );
  const bundle = {
    authData,
    inputData,
    subscribeData,
    targetUrl: 'https://hooks.zapier.com/hooks/standard/0/bench/',
    rawRequest,
    cleanedRequest: toCleanedRequest(rawRequest),
    meta: {
      isLoadingSample: false,
      isFillingDynamicDropdown: false,
      isTestingAuth: false,
      isPopulatingDedupe: false,
      limit: -1,
      page: 0,
      isBulkRead: false,
      timezone: null,
    },
  };
  return { service, bytes: content.length, bundle };
}

/**
 * A Zapier app with one hook trigger doing nothing but `return [bundle.cleanedRequest]`, or with
 * `parseRaw`, `return [JSON.parse(bundle.rawRequest.content)]`: the least any hook does that uses
 * the bytes a signature covers rather than Zapier's cleaned copy of them (the "parse floor").
 */
export function trivialApp(platformVersion: string, { parseRaw = false } = {}) {
  type HookBundle = { cleanedRequest?: unknown; rawRequest?: { content?: string } };
  const perform = parseRaw
    ? (_z: unknown, bundle: HookBundle) => [JSON.parse(bundle.rawRequest?.content ?? 'null') as unknown]
    : (_z: unknown, bundle: HookBundle) => [bundle.cleanedRequest];
  return {
    version: '1.0.0',
    platformVersion,
    triggers: {
      trivial: {
        key: 'trivial',
        noun: 'Hook',
        display: { label: 'Trivial Hook', description: 'Triggers when anything is posted.' },
        operation: {
          type: 'hook',
          perform,
          sample: { id: '1' },
        },
      },
    },
  };
}
