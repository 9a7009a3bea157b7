// Company slugs where Blue's filters want ids: the connection's Company ID may be a slug (the
// X-Bloo-Company-ID header takes either), but todos' and projectList's companyIds get the id. A
// slug costs one request per operation: company(id:), or nothing extra when a project slug is
// resolved anyway (its project(id:) query brings the company's id). Ids cost nothing.
import { describe, expect, it } from '@jest/globals';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../index.js';
import { LIST_RECORD_CHOICES } from '../../blue/dropdowns.js';
import { COMPANY_ID_QUERY, PROJECT_ID_QUERY, blueCompanyId } from '../../blue/project-ref.js';
import { LIST_PROJECTS } from '../../blue/projects.js';
import { FIND_TODOS, UPDATED_TODOS } from '../../blue/record-search.js';
import { RECENT_TODOS } from '../../blue/record.js';
import { caught } from '../support/errors.js';
import { AUTH, TODO, replyOnce, type CapturedCall, useNock } from './fixtures.js';

const appTester = zapier.createAppTester(App);
useNock();

const COMPANY_ID = 'clx9k2m4p0000acme1234efgh';
const PROJECT_ID = AUTH.blueProjectId;
const RESOLVED_PROJECT = 'clx9k2m4p0000sale5678ijkl';
/** The connection with each of company and project as a slug or an id. */
const auths = {
  'company slug, project id': { ...AUTH, blueCompanyId: 'acme' },
  'company id, project id': { ...AUTH, blueCompanyId: COMPANY_ID },
  'company slug, project slug': { ...AUTH, blueCompanyId: 'acme', blueProjectId: 'sales-pipeline' },
} as const;
type AuthCase = keyof typeof auths;

const companyReply = { data: { company: { id: COMPANY_ID } } };
const projectReply = { data: { project: { id: RESOLVED_PROJECT, company: { id: COMPANY_ID } } } };
const empty = { data: { todoQueries: { todos: { items: [] } } } };

type Fn = never;
const trigger = (key: string) =>
  (App.triggers as unknown as Record<string, { operation: { perform: Fn; performList?: Fn } }>)[key]!.operation;

/** The resolves an auth case costs, in order, with their replies. */
function resolves(calls: CapturedCall[], c: AuthCase): void {
  if (c === 'company slug, project id') replyOnce(calls, 200, companyReply);
  if (c === 'company slug, project slug') replyOnce(calls, 200, projectReply);
}

function expectResolves(calls: CapturedCall[], c: AuthCase): CapturedCall[] {
  if (c === 'company id, project id') {
    expect(calls).toHaveLength(1);
    return calls;
  }
  expect(calls).toHaveLength(2);
  if (c === 'company slug, project id') {
    expect(calls[0]!.query).toBe(COMPANY_ID_QUERY);
    expect(calls[0]!.variables).toEqual({ id: 'acme' });
  } else {
    // One query resolves both: no company(id:) request.
    expect(calls[0]!.query).toBe(PROJECT_ID_QUERY);
    expect(calls[0]!.variables).toEqual({ id: 'sales-pipeline' });
  }
  // The header keeps the connection's value: Blue accepts an id or a slug there.
  expect(calls[0]!.headers['x-bloo-company-id']).toBe('acme');
  return calls.slice(1);
}

const projectOf = (c: AuthCase) => (c === 'company slug, project slug' ? RESOLVED_PROJECT : PROJECT_ID);
const CASES = Object.keys(auths) as AuthCase[];

describe('Blue companyIds filters with a company slug or id', () => {
  it.each(CASES)('Find Record (%s): the todos filter gets the ids', async (c) => {
    const calls: CapturedCall[] = [];
    resolves(calls, c);
    replyOnce(calls, 200, { data: { todoQueries: { todos: { items: [TODO] } } } });
    const found = await appTester((App.searches.find_todo.operation as { perform: Fn }).perform, {
      authData: auths[c],
      inputData: { title: 'Order #1042' },
    } as never);
    expect(found).toEqual([expect.objectContaining({ id: TODO.id })]);
    const [search] = expectResolves(calls, c);
    expect(search!.query).toBe(FIND_TODOS);
    expect(search!.variables).toEqual({
      filter: { companyIds: [COMPANY_ID], projectIds: [projectOf(c)], search: 'Order #1042', showCompleted: true },
      limit: 100,
    });
  });

  it.each<[string, string, unknown]>([
    ['new_todo_polling', FIND_TODOS, empty],
    ['updated_todo_polling', UPDATED_TODOS, { data: { todos: { items: [] } } }],
  ])('%s polls with the company id', async (key, query, reply) => {
    for (const c of CASES) {
      const calls: CapturedCall[] = [];
      resolves(calls, c);
      replyOnce(calls, 200, reply);
      await appTester(trigger(key).perform, { authData: auths[c], inputData: { tagId: 'tag-1' }, meta: {} } as never);
      const [poll] = expectResolves(calls, c);
      expect(poll!.query).toBe(query);
      expect(poll!.variables).toEqual({
        filter: { companyIds: [COMPANY_ID], projectIds: [projectOf(c)], tagIds: ['tag-1'], showCompleted: true },
        ...(key === 'new_todo_polling' ? { limit: 50 } : { first: 50 }),
      });
    }
  });

  it.each(CASES)('performList of New Record (%s), without and with a filter', async (c) => {
    for (const inputData of [{}, { todoListId: 'list-1' }]) {
      const calls: CapturedCall[] = [];
      resolves(calls, c);
      replyOnce(calls, 200, empty);
      await appTester(trigger('new_todo').performList!, { authData: auths[c], inputData, meta: {} } as never);
      const [list] = expectResolves(calls, c);
      if ('todoListId' in inputData) {
        expect(list!.query).toBe(FIND_TODOS);
        expect(list!.variables).toEqual({
          filter: {
            companyIds: [COMPANY_ID],
            projectIds: [projectOf(c)],
            todoListIds: ['list-1'],
            showCompleted: true,
          },
          limit: 10,
        });
      } else {
        expect(list!.query).toBe(RECENT_TODOS);
        expect(list!.variables).toEqual({ companyId: COMPANY_ID, projectId: projectOf(c), limit: 10 });
      }
    }
  });

  it.each(CASES)('the Record dropdown (%s)', async (c) => {
    const calls: CapturedCall[] = [];
    resolves(calls, c);
    replyOnce(calls, 200, empty);
    await appTester(trigger('blue_record_list').perform, {
      authData: auths[c],
      inputData: {},
      meta: { page: 1 },
    } as never);
    const [list] = expectResolves(calls, c);
    expect(list!.query).toBe(LIST_RECORD_CHOICES);
    expect(list!.variables).toEqual({ companyId: COMPANY_ID, projectId: projectOf(c), limit: 100, skip: 100 });
  });

  it.each<[AuthCase, number]>([
    ['company slug, project id', 2],
    ['company slug, project slug', 2],
    ['company id, project id', 1],
  ])('the Project dropdown (%s) resolves the company only (it needs no project)', async (c, count) => {
    const calls: CapturedCall[] = [];
    if (c !== 'company id, project id') replyOnce(calls, 200, companyReply);
    replyOnce(calls, 200, { data: { projectList: { items: [], pageInfo: { hasNextPage: false } } } });
    await appTester(trigger('blue_project_list').perform, {
      authData: auths[c],
      inputData: {},
      meta: { page: 0 },
    } as never);
    expect(calls).toHaveLength(count);
    if (count === 2) {
      expect(calls[0]!.query).toBe(COMPANY_ID_QUERY);
      expect(calls[0]!.variables).toEqual({ id: 'acme' });
    }
    expect(calls[count - 1]!.query).toBe(LIST_PROJECTS);
    expect(calls[count - 1]!.variables).toEqual({ companyId: COMPANY_ID, skip: 0, take: 50 });
  });

  it('resolves a company slug once per invocation, however often the filters ask', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, companyReply);
    const twice = async (z: ZObject, bundle: Bundle) => [
      await blueCompanyId(z, bundle),
      await blueCompanyId(z, bundle),
    ];
    await expect(appTester(twice as never, { authData: auths['company slug, project id'] } as never)).resolves.toEqual([
      COMPANY_ID,
      COMPANY_ID,
    ]);
    expect(calls).toHaveLength(1);
  });

  it('falls back to company(id:) when the project query brings no company', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { project: { id: RESOLVED_PROJECT, company: null } } });
    replyOnce(calls, 200, companyReply);
    replyOnce(calls, 200, empty);
    await appTester(trigger('blue_record_list').perform, {
      authData: auths['company slug, project slug'],
      inputData: {},
      meta: {},
    } as never);
    expect(calls.map((x) => x.query)).toEqual([PROJECT_ID_QUERY, COMPANY_ID_QUERY, LIST_RECORD_CHOICES]);
    expect(calls[2]!.variables).toMatchObject({ companyId: COMPANY_ID, projectId: RESOLVED_PROJECT });
  });

  it('an unknown company slug is a clear error, and no search is sent', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, {
      data: null,
      errors: [{ message: 'You do not have access to this company.', extensions: { code: 'FORBIDDEN' } }],
    });
    const err = await caught(
      appTester((App.searches.find_todo.operation as { perform: Fn }).perform, {
        authData: auths['company slug, project id'],
        inputData: { title: 'x' },
      } as never),
    );
    expect(calls).toHaveLength(1);
    expect(err.code).toBe('blue_forbidden');
    expect(err.message).toContain('find the Blue company "acme"');
    expect(err.message).not.toContain(AUTH.blueTokenSecret);
  });
});
