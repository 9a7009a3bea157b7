import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import { todoListChoices } from '../../blue/dropdowns.js';
import blueTodoListList from '../../triggers/blue_todo_list_list.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
const authData = {
  blueTokenId: 'tid',
  blueTokenSecret: 'tsecret-123',
  blueCompanyId: 'acme',
  blueProjectId: 'cproj00000000000000000001',
};

describe('blue_todo_list_list (Todo List dropdown)', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  // nock's interceptor is process-wide: release it so test files run later in this worker get their own.
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });

  it("queries todoLists for the connection's project and returns them in board order", async () => {
    let sent: { query: string; variables: unknown } | undefined;
    const scope = nock('https://api.blue.cc')
      .post('/graphql', (body: { query: string; variables: unknown }) => {
        sent = body;
        return true;
      })
      .matchHeader('x-bloo-token-id', 'tid')
      .matchHeader('x-bloo-token-secret', 'tsecret-123')
      .matchHeader('x-bloo-company-id', 'acme')
      .matchHeader('x-bloo-project-id', 'cproj00000000000000000001')
      .reply(200, {
        data: {
          todoLists: [
            { id: 'l2', title: 'Done', position: 2 },
            { id: 'l1', title: 'To Do', position: 1 },
          ],
        },
      });
    const result = await appTester(todoListChoices, { authData } as never);
    expect(result).toEqual([
      { id: 'l1', title: 'To Do' },
      { id: 'l2', title: 'Done' },
    ]);
    expect(sent?.query).toMatch(/^query ZapierListTodoLists\(\$projectId: String!\)/);
    expect(sent?.variables).toEqual({ projectId: 'cproj00000000000000000001' });
    scope.done();
  });

  it('reports a wrong project clearly', async () => {
    nock('https://api.blue.cc')
      .post('/graphql')
      .reply(200, {
        data: null,
        errors: [{ message: 'Project not found', extensions: { code: 'PROJECT_NOT_FOUND' } }],
      });
    const err = await caught(appTester(todoListChoices, { authData } as never));
    expect(err.message).toMatch(
      /could not find the project while trying to list the project's todo lists.*Blue Project ID \("cproj00000000000000000001"\)/,
    );
  });

  it('is a hidden trigger whose sample is the shape of its items, with no output fields (a dropdown needs none)', async () => {
    const t = blueTodoListList;
    expect(t.display.hidden).toBe(true);
    expect(t.display.description).toMatch(/^Triggers when .*\.$/);
    expect(t.operation).not.toHaveProperty('outputFields');
    nock('https://api.blue.cc')
      .post('/graphql')
      .reply(200, { data: { todoLists: [{ id: 'clist1', title: 'Doing' }] } });
    const items = (await appTester(todoListChoices, { authData } as never)) as object[];
    expect(items.map((i) => Object.keys(i).sort())).toEqual([Object.keys(t.operation.sample!).sort()]);
  });
});
