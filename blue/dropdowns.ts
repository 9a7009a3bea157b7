// Data behind Create Todo's dynamic dropdowns: the connection's project's lists, users and tags.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { requireBlueCredentials } from './config.js';
import { blueProjectId } from './project-ref.js';
import { gql } from './gql.js';

/** Items per dropdown page; Zapier asks for the next page (bundle.meta.page) on "Load more". */
export const DROPDOWN_PAGE_SIZE = 100;

export const LIST_TODO_LISTS = gql`
  query ZapierListTodoLists($projectId: String!) {
    todoLists(projectId: $projectId) {
      id
      title
      position
    }
  }
`;

export const LIST_PROJECT_USERS = gql`
  query ZapierListProjectUsers($projectId: String!, $first: Int!, $skip: Int!) {
    projectUserList(projectId: $projectId, first: $first, skip: $skip) {
      users { id fullName email }
      pageInfo { hasNextPage }
    }
  }
`;

export const LIST_TAGS = gql`
  query ZapierListTags($filter: TagListFilter!, $first: Int!, $skip: Int!) {
    tagList(filter: $filter, first: $first, skip: $skip) {
      items { id title color }
      pageInfo { hasNextPage }
    }
  }
`;

const todoListsSchema = zod.object({
  todoLists: zod.array(zod.object({ id: zod.string(), title: zod.string(), position: zod.nullish(zod.number()) })),
});
const usersSchema = zod.object({
  projectUserList: zod.object({
    users: zod.array(zod.object({ id: zod.string(), fullName: zod.nullish(zod.string()), email: zod.nullish(zod.string()) })),
    pageInfo: zod.nullish(zod.object({ hasNextPage: zod.boolean() })),
  }),
});
const tagsSchema = zod.object({
  tagList: zod.object({
    items: zod.array(zod.object({ id: zod.string(), title: zod.string(), color: zod.nullish(zod.string()) })),
    pageInfo: zod.nullish(zod.object({ hasNextPage: zod.boolean() })),
  }),
});

export interface TodoListChoice {
  id: string;
  title: string;
}
export interface UserChoice {
  id: string;
  fullName: string;
  email: string;
  /** What the dropdown shows: name and email, since names can repeat. */
  label: string;
}
export interface TagChoice {
  id: string;
  title: string;
  color: string;
}

/** Zapier's page number for dropdowns (0 when absent). */
export function dropdownPage(bundle: Bundle): number {
  const page = Number(bundle.meta?.page ?? 0);
  return Number.isInteger(page) && page > 0 ? page : 0;
}

/** The project's todo lists in board order (Blue returns them all at once). */
export async function todoListChoices(z: ZObject, bundle: Bundle): Promise<TodoListChoice[]> {
  // These filters take the workspace id, not the slug the connection may hold.
  const projectId = await blueProjectId(z, bundle, requireBlueCredentials(z, bundle.authData).projectId);
  const data = await blueQuery(z, bundle, {
    query: LIST_TODO_LISTS,
    variables: { projectId },
    action: 'list the project\'s todo lists',
    schema: todoListsSchema,
  });
  return [...data.todoLists]
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map(({ id, title }) => ({ id, title }));
}

/** One page of the project's users. */
export async function userChoices(z: ZObject, bundle: Bundle): Promise<UserChoice[]> {
  // These filters take the workspace id, not the slug the connection may hold.
  const projectId = await blueProjectId(z, bundle, requireBlueCredentials(z, bundle.authData).projectId);
  const data = await blueQuery(z, bundle, {
    query: LIST_PROJECT_USERS,
    variables: { projectId, first: DROPDOWN_PAGE_SIZE, skip: dropdownPage(bundle) * DROPDOWN_PAGE_SIZE },
    action: 'list the project\'s users',
    schema: usersSchema,
  });
  return data.projectUserList.users.map((u) => {
    const fullName = u.fullName?.trim() ?? '';
    const email = u.email?.trim() ?? '';
    const label = fullName && email ? `${fullName} (${email})` : fullName || email || u.id;
    return { id: u.id, fullName, email, label };
  });
}

/** One page of the project's tags. */
export async function tagChoices(z: ZObject, bundle: Bundle): Promise<TagChoice[]> {
  // These filters take the workspace id, not the slug the connection may hold.
  const projectId = await blueProjectId(z, bundle, requireBlueCredentials(z, bundle.authData).projectId);
  const data = await blueQuery(z, bundle, {
    query: LIST_TAGS,
    variables: { filter: { projectIds: [projectId] }, first: DROPDOWN_PAGE_SIZE, skip: dropdownPage(bundle) * DROPDOWN_PAGE_SIZE },
    action: 'list the project\'s tags',
    schema: tagsSchema,
  });
  return data.tagList.items.map((t) => ({ id: t.id, title: t.title, color: t.color ?? '' }));
}
