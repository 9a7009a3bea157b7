// Find User: a member of the connection's project by email or by name, for mapping people from
// other apps to Blue assignees. Blue's projectUserList narrows by `search` (one request); the exact
// match is decided here, so "ann@x.com" never finds "joann@x.com".
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { requireBlueCredentials } from './config.js';
import { gql } from './gql.js';
import { text } from './inputs.js';
import { blueProjectId } from './project-ref.js';

/** Enough for any name Blue's search narrows to; members with the same name all come back. */
export const FIND_USER_LIMIT = 100;

export const FIND_PROJECT_USERS = gql`
  query ZapierFindProjectUsers($projectId: String!, $search: String!, $first: Int!) {
    projectUserList(projectId: $projectId, search: $search, first: $first) {
      users { id fullName email }
    }
  }
`;

const usersSchema = zod.lazy(() =>
  zod.object({
    projectUserList: zod.object({
      users: zod.array(
        zod.object({ id: zod.string(), fullName: zod.nullish(zod.string()), email: zod.nullish(zod.string()) }),
      ),
    }),
  }),
);

/** A project member: the shape of the Assignees dropdown (blue_user_list) and of record assignees. */
export type UserOutput = {
  id: string;
  fullName: string;
  email: string;
  /** Name and email, since names can repeat. */
  label: string;
};

export const USER_SAMPLE: UserOutput = {
  id: 'cuser000000000000000001',
  fullName: 'Jane Doe',
  email: 'jane@example.com',
  label: 'Jane Doe (jane@example.com)',
};

export const USER_OUTPUT_FIELDS = [
  { key: 'id', label: 'User ID', type: 'string' },
  { key: 'fullName', label: 'Full Name', type: 'string' },
  { key: 'email', label: 'Email', type: 'string' },
  { key: 'label', label: 'Name and Email', type: 'string' },
] as const;

const squash = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function userOutput(u: { id: string; fullName?: string | null; email?: string | null }): UserOutput {
  const fullName = u.fullName?.trim() ?? '';
  const email = u.email?.trim() ?? '';
  return { id: u.id, fullName, email, label: fullName && email ? `${fullName} (${email})` : fullName || email || u.id };
}

export interface UserQuery {
  email?: string;
  name?: string;
}

/** Members whose email (when given) or else full name equals the query, ignoring case and spacing. */
export function matchingUsers(users: readonly UserOutput[], q: UserQuery): UserOutput[] {
  if (q.email) return users.filter((u) => squash(u.email) === squash(q.email!));
  if (q.name) return users.filter((u) => squash(u.fullName) === squash(q.name!));
  return [];
}

export async function findUsers(z: ZObject, bundle: Bundle): Promise<UserOutput[]> {
  const email = text(bundle.inputData.email);
  const name = text(bundle.inputData.name);
  if (!email && !name) {
    throw new z.errors.Error('Enter an email or a name to find a Blue user.', 'blue_find_user_empty', 400);
  }
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new z.errors.Error(
      `"${email}" is not an email address. Map an email, or leave Email empty and search by Name.`,
      'blue_find_user_email',
      400,
    );
  }
  // projectUserList takes the workspace id, not the slug the connection may hold.
  const projectId = await blueProjectId(z, bundle, requireBlueCredentials(z, bundle.authData).projectId);
  const data = await blueQuery(z, bundle, {
    query: FIND_PROJECT_USERS,
    variables: { projectId, search: email ?? name, first: FIND_USER_LIMIT },
    action: 'find the project member',
    schema: usersSchema,
  });
  return matchingUsers(data.projectUserList.users.map(userOutput), { ...(email ? { email } : { name: name! }) });
}
