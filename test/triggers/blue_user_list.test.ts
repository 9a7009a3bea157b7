import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import { userChoices } from '../../blue/dropdowns.js';
import blueUserList from '../../triggers/blue_user_list.js';

const appTester = zapier.createAppTester(App);
const authData = {
  blueTokenId: 'tid',
  blueTokenSecret: 'tsecret-123',
  blueCompanyId: 'acme',
  blueProjectId: 'cproj00000000000000000001',
};

function usersPage(users: unknown[], hasNextPage: boolean) {
  const sent: { query: string; variables: Record<string, unknown> }[] = [];
  const scope = nock('https://api.blue.cc')
    .post('/graphql', (body: { query: string; variables: Record<string, unknown> }) => {
      sent.push(body);
      return true;
    })
    .matchHeader('x-bloo-project-id', 'cproj00000000000000000001')
    .reply(200, { data: { projectUserList: { users, pageInfo: { hasNextPage } } } });
  return { sent, scope };
}

describe('blue_user_list (Assignees dropdown)', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  // nock's interceptor is process-wide: release it so test files run later in this worker get their own.
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });

  it('asks for the first page and labels users by name and email', async () => {
    const { sent, scope } = usersPage(
      [
        { id: 'u1', fullName: 'Jane Doe', email: 'jane@example.com' },
        { id: 'u2', fullName: '', email: 'bot@example.com' },
      ],
      true,
    );
    const result = await appTester(userChoices, { authData, meta: { page: 0 } } as never);
    expect(result).toEqual([
      { id: 'u1', fullName: 'Jane Doe', email: 'jane@example.com', label: 'Jane Doe (jane@example.com)' },
      { id: 'u2', fullName: '', email: 'bot@example.com', label: 'bot@example.com' },
    ]);
    expect(sent[0]!.query).toMatch(/^query ZapierListProjectUsers/);
    expect(sent[0]!.variables).toEqual({ projectId: 'cproj00000000000000000001', first: 100, skip: 0 });
    scope.done();
  });

  it('skips the pages already shown when Zapier asks for the next one', async () => {
    const { sent, scope } = usersPage([{ id: 'u101', fullName: 'Late Comer', email: 'late@example.com' }], false);
    const result = await appTester(userChoices, { authData, meta: { page: 2 } } as never);
    expect(result).toHaveLength(1);
    expect(sent[0]!.variables).toEqual({ projectId: 'cproj00000000000000000001', first: 100, skip: 200 });
    scope.done();
  });

  it('can paginate', () => {
    expect(blueUserList.operation.canPaginate).toBe(true);
    expect(blueUserList.display.hidden).toBe(true);
  });
});
