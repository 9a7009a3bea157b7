// A Codat operation on a connection without Codat fields (or Blue without Blue's) says which
// fields to add, before any request.
import { beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
const triggers = App.triggers as unknown as Record<string, { operation: Record<string, unknown> }>;
const creates = App.creates as unknown as Record<string, { operation: Record<string, unknown> }>;

const blueOnly = {
  blueTokenId: 'id',
  blueTokenSecret: 'SECRET-blue-123',
  blueCompanyId: 'acme',
  blueProjectId: 'sales',
};
const codatOnly = { codatClientId: 'client-1', codatZapierKey: 'sk_integ_SECRET123.eu' };

function run(fn: unknown, bundle: Record<string, unknown>) {
  return appTester(fn as never, bundle as unknown as Bundle);
}

beforeAll(() => nock.disableNetConnect());

describe('operations on a connection without that service', () => {
  it('Codat subscribe on a Blue-only connection names both Codat fields', async () => {
    const err = await caught(
      run(triggers.codat_event!.operation.performSubscribe, {
        authData: blueOnly,
        inputData: { eventTypes: ['company.created'] },
        targetUrl: 'https://hooks.zapier.com/1',
      }),
    );
    expect(err.code).toBe('codat_credentials_missing');
    expect(err.message).toContain('"Codat Client ID" and "Codat Zapier Integration Key"');
  });

  it('Codat performList with only the Client ID names the missing key', async () => {
    const err = await caught(
      run(triggers.codat_event!.operation.performList, {
        authData: { codatClientId: 'client-1' },
        inputData: { eventTypes: ['company.created'] },
      }),
    );
    expect(err.message).toContain('add "Codat Zapier Integration Key"');
    expect(err.message).not.toContain('"Codat Client ID"');
  });

  it('Blue Create Todo on a Codat-only connection names the Blue fields, without secrets', async () => {
    const err = await caught(
      run(creates.create_todo!.operation.perform, {
        authData: codatOnly,
        inputData: { todoListId: 'l1', title: 'Hello' },
      }),
    );
    expect(err.code).toBe('blue_credentials_missing');
    for (const label of ['Blue Token ID', 'Blue Token Secret', 'Blue Company ID', 'Blue Project ID']) {
      expect(err.message).toContain(label);
    }
    expect(err.raw).not.toContain(codatOnly.codatZapierKey);
  });

  it('Blue subscribe with a half-filled Blue set names only what is missing', async () => {
    const err = await caught(
      run(triggers.new_todo!.operation.performSubscribe, {
        authData: { blueTokenId: 'id', blueTokenSecret: 'SECRET-blue-123' },
        inputData: {},
        targetUrl: 'https://hooks.zapier.com/2',
      }),
    );
    expect(err.message).toContain('"Blue Company ID" and "Blue Project ID"');
    expect(err.raw).not.toContain('SECRET-blue-123');
  });
  it.each([
    ['codat_create_company', { name: 'Technicalium' }],
    ['codat_refresh_company_data', { companyId: '8a210b68-6988-11ed-a1eb-0242ac120002' }],
  ])('Codat action %s with trigger credentials only names "Codat API Key", without secrets', async (key, inputData) => {
    const err = await caught(
      run(creates[key]!.operation.perform, { authData: { ...codatOnly, ...blueOnly }, inputData }),
    );
    expect(err.code).toBe('codat_api_key_missing');
    expect(err.message).toContain('"Codat API Key"');
    expect(err.message).toMatch(/Codat triggers work without it/);
    expect(err.raw).not.toContain(codatOnly.codatZapierKey);
  });
});
