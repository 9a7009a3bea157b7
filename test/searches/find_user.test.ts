// Find User: the exact document and variables sent, exact matching by email or name, empty results
// and refused input (nothing sent).
import { describe, expect, it } from '@jest/globals';
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../../index.js';
import { FIND_PROJECT_USERS } from '../../blue/users.js';
import { AUTH, replyOnce, useNock, type CapturedCall } from '../blue/fixtures.js';
import { readError } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
useNock();
const perform = App.searches.find_user.operation.perform;

// projectUserList's real shape (Blue's schema: ProjectUserList.users: [User!]!).
const MEMBERS = [
  { id: 'cuser1', fullName: 'Jane Doe', email: 'jane@example.com' },
  { id: 'cuser2', fullName: 'Joanne Doe', email: 'jo.jane@example.com' },
  { id: 'cuser3', fullName: 'jane  doe', email: 'jane.doe@other.example' },
];

async function run(inputData: Record<string, unknown>, users: unknown[] = MEMBERS) {
  const calls: CapturedCall[] = [];
  const scope = replyOnce(calls, 200, { data: { projectUserList: { users } } });
  const result = await appTester<unknown[], Bundle>(perform as never, { authData: AUTH, inputData } as never);
  return { result, calls, scope };
}

describe('Find User', () => {
  it('sends one projectUserList query narrowed by the email, and keeps the exact email match only', async () => {
    const { result, calls, scope } = await run({ email: ' JANE@example.com ' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toBe(FIND_PROJECT_USERS);
    expect(calls[0]!.variables).toEqual({ projectId: AUTH.blueProjectId, search: 'JANE@example.com', first: 100 });
    expect(calls[0]!.headers['x-bloo-project-id']).toBe(AUTH.blueProjectId);
    expect(result).toEqual([
      { id: 'cuser1', fullName: 'Jane Doe', email: 'jane@example.com', label: 'Jane Doe (jane@example.com)' },
    ]);
    scope.done();
  });

  it('by name: every member with that full name (case and spacing ignored), not partial matches', async () => {
    const { result, calls } = await run({ name: 'Jane Doe' });
    expect(calls[0]!.variables).toMatchObject({ search: 'Jane Doe' });
    expect((result as { id: string }[]).map((u) => u.id)).toEqual(['cuser1', 'cuser3']);
  });

  it('email wins over name when both are given', async () => {
    const { result, calls } = await run({ email: 'jane.doe@other.example', name: 'Joanne Doe' });
    expect(calls[0]!.variables).toMatchObject({ search: 'jane.doe@other.example' });
    expect((result as { id: string }[]).map((u) => u.id)).toEqual(['cuser3']);
  });

  it('nothing found is an empty result, not an error', async () => {
    expect((await run({ email: 'nobody@example.com' }, [])).result).toEqual([]);
    expect((await run({ name: 'Jane' })).result).toEqual([]);
  });

  it.each([
    [{}, /Enter an email or a name/],
    [{ email: '  ', name: '' }, /Enter an email or a name/],
    [{ email: 'jane at example' }, /"jane at example" is not an email address/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    let caught: unknown;
    try {
      await appTester(perform as never, { authData: AUTH, inputData } as never);
    } catch (err) {
      caught = err;
    }
    expect(readError(caught).message).toMatch(message);
  });

  it('resolves a slug connection to the project id first (projectUserList takes ids)', async () => {
    const calls: CapturedCall[] = [];
    replyOnce(calls, 200, { data: { project: { id: 'cprojresolved00000000000001' } } });
    replyOnce(calls, 200, { data: { projectUserList: { users: MEMBERS } } });
    await appTester(
      perform as never,
      { authData: { ...AUTH, blueProjectId: 'sales-pipeline' }, inputData: { email: 'jane@example.com' } } as never,
    );
    expect(calls.map((c) => c.variables)).toEqual([
      { id: 'sales-pipeline' },
      { projectId: 'cprojresolved00000000000001', search: 'jane@example.com', first: 100 },
    ]);
  });
});
