// Recent real records and comments of a Blue project, for the REST-hook triggers' performList
// (the Zap editor's "test trigger"), plus typed examples when the project has none yet.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { requireBlueCredentials } from './config.js';
import { gql } from './gql.js';

export const RECENT_TODOS = gql`
  query ZapierRecentTodos($companyId: String!, $projectId: String!, $done: Boolean, $limit: Int!) {
    todoQueries {
      todos(
        filter: { companyIds: [$companyId], projectIds: [$projectId], done: $done, showCompleted: true }
        sort: [createdAt_DESC]
        limit: $limit
      ) {
        items {
          id
          uid
          title
          text
          html
          position
          done
          archived
          startedAt
          duedAt
          createdAt
          updatedAt
          commentCount
          todoList { id title }
          users { id fullName email }
          tags { id title color }
          customFields { id name type value }
        }
      }
    }
  }
`;

// Blue has no project-wide comment query; the project's activity feed lists new comments.
export const RECENT_COMMENTS = gql`
  query ZapierRecentComments($projectId: String!, $first: Int!) {
    activityList(projectId: $projectId, categories: [CREATE_COMMENT], first: $first, orderBy: createdAt_DESC) {
      activities {
        id
        comment {
          id
          uid
          text
          html
          category
          createdAt
          updatedAt
          user { id fullName email }
          todo { id title }
        }
      }
    }
  }
`;

const person = zod.looseObject({ id: zod.string(), fullName: zod.nullish(zod.string()), email: zod.nullish(zod.string()) });

const todoSchema = zod.looseObject({
  id: zod.string(),
  uid: zod.nullish(zod.string()),
  title: zod.string(),
  text: zod.nullish(zod.string()),
  html: zod.nullish(zod.string()),
  position: zod.nullish(zod.number()),
  done: zod.boolean(),
  archived: zod.nullish(zod.boolean()),
  startedAt: zod.nullish(zod.string()),
  duedAt: zod.nullish(zod.string()),
  createdAt: zod.string(),
  updatedAt: zod.string(),
  commentCount: zod.nullish(zod.number()),
  todoList: zod.nullish(zod.looseObject({ id: zod.string(), title: zod.string() })),
  users: zod.nullish(zod.array(person)),
  tags: zod.nullish(zod.array(zod.looseObject({ id: zod.string(), title: zod.string(), color: zod.nullish(zod.string()) }))),
  customFields: zod.nullish(
    zod.array(zod.looseObject({ id: zod.string(), name: zod.string(), type: zod.string(), value: zod.unknown() })),
  ),
});
export type BlueTodo = zod.infer<typeof todoSchema>;

const commentSchema = zod.looseObject({
  id: zod.string(),
  uid: zod.nullish(zod.string()),
  text: zod.string(),
  html: zod.nullish(zod.string()),
  category: zod.nullish(zod.string()),
  createdAt: zod.string(),
  updatedAt: zod.string(),
  user: zod.nullish(person),
  todo: zod.nullish(zod.looseObject({ id: zod.string(), title: zod.string() })),
});
export type BlueComment = zod.infer<typeof commentSchema>;

const todosResponse = zod.object({ todoQueries: zod.object({ todos: zod.object({ items: zod.array(todoSchema) }) }) });
const commentsResponse = zod.object({
  activityList: zod.object({ activities: zod.array(zod.looseObject({ id: zod.string(), comment: zod.nullish(commentSchema) })) }),
});

export const RECENT_LIMIT = 10;

/** The project's newest records (optionally only done ones), newest first. */
export async function recentTodos(
  z: ZObject,
  bundle: Bundle,
  projectId: string,
  options: { done?: boolean; limit?: number } = {},
): Promise<BlueTodo[]> {
  const { companyId } = requireBlueCredentials(z, bundle.authData);
  const data = await blueQuery(z, bundle, {
    query: RECENT_TODOS,
    // `done` is left out (not null) when not filtering, so Blue applies no done filter.
    variables: { companyId, projectId, limit: options.limit ?? RECENT_LIMIT, ...(options.done === undefined ? {} : { done: options.done }) },
    projectId,
    action: 'load recent records for the sample',
    schema: todosResponse,
  });
  return data.todoQueries.todos.items;
}

/** The project's newest comments, newest first. */
export async function recentComments(z: ZObject, bundle: Bundle, projectId: string, limit = RECENT_LIMIT): Promise<BlueComment[]> {
  const data = await blueQuery(z, bundle, {
    query: RECENT_COMMENTS,
    variables: { projectId, first: limit },
    projectId,
    action: 'load recent comments for the sample',
    schema: commentsResponse,
  });
  return data.activityList.activities.flatMap((a) => (a.comment ? [a.comment] : []));
}

export const EXAMPLE_TODO: BlueTodo = {
  id: 'clx0example0todo0000000001',
  uid: 'example-record',
  title: 'Example record (your project has no records yet)',
  text: 'Order #1042 for ACME Corp',
  html: '<p>Order #1042 for ACME Corp</p>',
  position: 65535,
  done: false,
  archived: false,
  startedAt: null,
  duedAt: '2026-01-15T17:00:00.000Z',
  createdAt: '2026-01-05T09:30:00.000Z',
  updatedAt: '2026-01-05T09:45:00.000Z',
  commentCount: 1,
  todoList: { id: 'clx0example0list0000000001', title: 'Orders' },
  users: [{ id: 'clx0example0user0000000001', fullName: 'Ada Lovelace', email: 'ada@example.com' }],
  tags: [{ id: 'clx0example0tag00000000001', title: 'Priority', color: '#ff0000' }],
  customFields: [{ id: 'clx0example0field000000001', name: 'Order Status', type: 'SELECT_SINGLE', value: 'Confirmed' }],
};

export const EXAMPLE_COMMENT: BlueComment = {
  id: 'clx0example0comment0000001',
  uid: 'example-comment',
  text: 'Example comment (your project has no comments yet)',
  html: '<p>Example comment (your project has no comments yet)</p>',
  category: 'TODO',
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
  user: { id: 'clx0example0user0000000001', fullName: 'Ada Lovelace', email: 'ada@example.com' },
  todo: { id: 'clx0example0todo0000000001', title: 'Order #1042' },
};
