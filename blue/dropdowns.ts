// Data behind Create Todo's dynamic dropdowns: the connection's project's lists, users and tags.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { requireBlueCredentials } from './config.js';
import { blueCompanyId, blueProjectId } from './project-ref.js';
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

const todoListsSchema = zod.lazy(() =>
  zod.object({
    todoLists: zod.array(zod.object({ id: zod.string(), title: zod.string(), position: zod.nullish(zod.number()) })),
  }),
);
const usersSchema = zod.lazy(() =>
  zod.object({
    projectUserList: zod.object({
      users: zod.array(
        zod.object({ id: zod.string(), fullName: zod.nullish(zod.string()), email: zod.nullish(zod.string()) }),
      ),
      pageInfo: zod.nullish(zod.object({ hasNextPage: zod.boolean() })),
    }),
  }),
);
const tagsSchema = zod.lazy(() =>
  zod.object({
    tagList: zod.object({
      items: zod.array(zod.object({ id: zod.string(), title: zod.string(), color: zod.nullish(zod.string()) })),
      pageInfo: zod.nullish(zod.object({ hasNextPage: zod.boolean() })),
    }),
  }),
);

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

/**
 * The project a step works in: the step's own Project pick (record actions offer one; Zapier
 * sends the form's values to its dropdowns too), else the connection's Blue Project ID.
 */
export function stepProjectRef(z: ZObject, bundle: Bundle): string {
  const picked = (bundle.inputData as Record<string, unknown> | undefined)?.projectId;
  return (typeof picked === 'string' && picked.trim()) || requireBlueCredentials(z, bundle.authData).projectId;
}

/** Zapier's page number for dropdowns (0 when absent). */
export function dropdownPage(bundle: Bundle): number {
  const page = Number(bundle.meta?.page ?? 0);
  return Number.isInteger(page) && page > 0 ? page : 0;
}

/** The project's todo lists in board order (Blue returns them all at once). */
export async function todoListChoices(z: ZObject, bundle: Bundle): Promise<TodoListChoice[]> {
  // These filters take the workspace id, not the slug the connection may hold.
  const projectId = await blueProjectId(z, bundle, stepProjectRef(z, bundle));
  const data = await blueQuery(z, bundle, {
    query: LIST_TODO_LISTS,
    variables: { projectId },
    projectId,
    action: "list the project's todo lists",
    schema: todoListsSchema,
  });
  return [...data.todoLists]
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map(({ id, title }) => ({ id, title }));
}

/** One page of the project's users. */
export async function userChoices(z: ZObject, bundle: Bundle): Promise<UserChoice[]> {
  // These filters take the workspace id, not the slug the connection may hold.
  const projectId = await blueProjectId(z, bundle, stepProjectRef(z, bundle));
  const data = await blueQuery(z, bundle, {
    query: LIST_PROJECT_USERS,
    variables: { projectId, first: DROPDOWN_PAGE_SIZE, skip: dropdownPage(bundle) * DROPDOWN_PAGE_SIZE },
    projectId,
    action: "list the project's users",
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
  const projectId = await blueProjectId(z, bundle, stepProjectRef(z, bundle));
  const data = await blueQuery(z, bundle, {
    query: LIST_TAGS,
    variables: {
      filter: { projectIds: [projectId] },
      first: DROPDOWN_PAGE_SIZE,
      skip: dropdownPage(bundle) * DROPDOWN_PAGE_SIZE,
    },
    projectId,
    action: "list the project's tags",
    schema: tagsSchema,
  });
  return data.tagList.items.map((t) => ({ id: t.id, title: t.title, color: t.color ?? '' }));
}

export const LIST_RECORD_CHOICES = gql`
  query ZapierRecordChoices($companyId: String!, $projectId: String!, $limit: Int!, $skip: Int!) {
    todoQueries {
      todos(filter: { companyIds: [$companyId], projectIds: [$projectId], showCompleted: true }, sort: [createdAt_DESC], limit: $limit, skip: $skip) {
        items { id title todoList { title } }
      }
    }
  }
`;

const recordChoicesSchema = zod.lazy(() =>
  zod.object({
    todoQueries: zod.object({
      todos: zod.object({
        items: zod.array(
          zod.object({
            id: zod.string(),
            title: zod.string(),
            todoList: zod.nullish(zod.object({ title: zod.string() })),
          }),
        ),
      }),
    }),
  }),
);

export interface RecordChoice {
  id: string;
  title: string;
  /** What the dropdown shows: the title and its list, since titles repeat. */
  label: string;
}

/** One page of the project's records, newest first, for the record actions' Record dropdown. */
export async function recordChoices(z: ZObject, bundle: Bundle): Promise<RecordChoice[]> {
  // The todos filter takes ids, not the slugs the connection may hold (a project slug's lookup
  // brings its company's id, so at most one request resolves both).
  const projectId = await blueProjectId(z, bundle, stepProjectRef(z, bundle));
  const companyId = await blueCompanyId(z, bundle);
  const data = await blueQuery(z, bundle, {
    query: LIST_RECORD_CHOICES,
    variables: { companyId, projectId, limit: DROPDOWN_PAGE_SIZE, skip: dropdownPage(bundle) * DROPDOWN_PAGE_SIZE },
    projectId,
    action: "list the project's records",
    schema: recordChoicesSchema,
  });
  return data.todoQueries.todos.items.map((t) => ({
    id: t.id,
    title: t.title,
    label: t.todoList?.title ? `${t.title} (${t.todoList.title})` : t.title,
  }));
}
