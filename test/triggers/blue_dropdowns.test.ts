import { describe, expect, it } from '@jest/globals';
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import { LIST_PROJECTS } from '../../blue/projects.js';
import { caught } from '../support/errors.js';
import { AUTH, replyOnce, type CapturedCall, useNock } from '../blue/fixtures.js';

const appTester = zapier.createAppTester(App);
useNock();
const perform = (key: 'blue_project_list' | 'blue_custom_field_list') =>
  (App.triggers[key].operation as { perform: unknown }).perform as never;

describe('Blue dropdown triggers', () => {
  it('lists projects page by page', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, {
      data: { projectList: { items: [{ id: 'p1', name: 'Sales', slug: 'sales' }], pageInfo: { hasNextPage: false } } },
    });
    const result = await appTester(perform('blue_project_list'), {
      authData: AUTH,
      inputData: {},
      meta: { page: 2 },
    } as never);
    expect(result).toEqual([{ id: 'p1', name: 'Sales', slug: 'sales' }]);
    expect(calls[0]!.query).toBe(LIST_PROJECTS);
    expect(calls[0]!.variables).toEqual({ companyId: AUTH.blueCompanyId, skip: 100, take: 50 });
    expect(calls[0]!.headers['x-bloo-company-id']).toBe(AUTH.blueCompanyId);
  });

  it('lists the custom fields of the picked project', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, {
      data: {
        customFields: {
          items: [{ id: 'cf1', name: 'Status', type: 'SELECT_SINGLE', customFieldOptions: [] }],
          pageInfo: { hasNextPage: false },
        },
      },
    });
    const result = await appTester(perform('blue_custom_field_list'), {
      authData: AUTH,
      inputData: { projectId: 'cproj00000000000000000009' },
      meta: { page: 0 },
    } as never);
    expect(result).toEqual([{ id: 'cf1', name: 'Status', type: 'SELECT_SINGLE' }]);
    expect(calls[0]!.variables).toEqual({ projectId: 'cproj00000000000000000009', skip: 0, take: 500 });
    expect(calls[0]!.headers['x-bloo-project-id']).toBe('cproj00000000000000000009');
  });

  it("defaults to the connection's project and reports Blue errors", async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, {
      data: null,
      errors: [{ message: 'Project not found', extensions: { code: 'PROJECT_NOT_FOUND' } }],
    });
    const err = await caught(
      appTester(perform('blue_custom_field_list'), { authData: AUTH, inputData: {}, meta: {} } as never),
    );
    expect(calls[0]!.variables).toMatchObject({ projectId: 'cprojdefault0000000000001' });
    expect(err.code).toBe('blue_not_found');
  });

  it('asks for Blue credentials when the connection has none', async () => {
    const err = await caught(
      appTester(perform('blue_project_list'), { authData: {}, inputData: {}, meta: {} } as never),
    );
    expect(err.code).toBe('blue_credentials_missing');
  });
});
