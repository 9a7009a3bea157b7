// A Blue comment: its GraphQL selection, the response schema, and the one output shape, built from
// the GraphQL type (`user {..}`, `todo {..}`) or from the stored entity a webhook delivers (Blue's
// Comment row: `userId`, `category` and `categoryId`, the record's id when category is TODO).
// A delivery carries no names, so `enrichComment` loads the author's and the record's once.
import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { gql } from './gql.js';
import { firstStr, obj, str, type Obj } from './read.js';
import { isAuthError } from './record.js';
import type { FilterableRecord } from './record-filters.js';

export const COMMENT_SELECTION = `
  id
  uid
  text
  html
  category
  createdAt
  updatedAt
  user { id fullName email }
  todo { id title }
`;

// Blue has no project-wide comment query; the project's activity feed lists new comments.
export const RECENT_COMMENTS = gql`
  query ZapierRecentComments($projectId: String!, $first: Int!) {
    activityList(projectId: $projectId, categories: [CREATE_COMMENT], first: $first, orderBy: createdAt_DESC) {
      activities {
        id
        comment { ${COMMENT_SELECTION} }
      }
    }
  }
`;

const person = zod.lazy(() =>
  zod.looseObject({
    id: zod.string(),
    fullName: zod.nullish(zod.string()),
    email: zod.nullish(zod.string()),
  }),
);

export const commentSchema = zod.lazy(() =>
  zod.looseObject({
    id: zod.string(),
    uid: zod.nullish(zod.string()),
    text: zod.string(),
    html: zod.nullish(zod.string()),
    category: zod.nullish(zod.string()),
    createdAt: zod.string(),
    updatedAt: zod.string(),
    user: zod.nullish(person),
    todo: zod.nullish(zod.looseObject({ id: zod.string(), title: zod.string() })),
  }),
);
export type BlueCommentGraphql = zod.infer<typeof commentSchema>;

export type CommentOutput = {
  id: string | null;
  uid: string | null;
  text: string | null;
  html: string | null;
  category: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  user: { id: string | null; fullName: string | null; email: string | null };
  /** The record commented on (for category TODO). */
  todo: { id: string | null; title: string | null };
};

/** The output for a comment in either form; never throws (unreadable values become null). */
export function commentOutput(input: unknown): CommentOutput {
  const raw = obj(input) ?? {};
  const user = obj(raw.user);
  const todo = obj(raw.todo);
  const category = str(raw.category);
  return {
    id: str(raw.id),
    uid: str(raw.uid),
    text: typeof raw.text === 'string' ? raw.text : null,
    html: typeof raw.html === 'string' ? raw.html : null,
    category,
    createdAt: str(raw.createdAt),
    updatedAt: str(raw.updatedAt),
    user: { id: firstStr(user?.id, raw.userId), fullName: str(user?.fullName), email: str(user?.email) },
    todo: {
      id: firstStr(todo?.id, raw.todoId, category === 'TODO' ? raw.categoryId : null),
      title: typeof todo?.title === 'string' ? todo.title : null,
    },
  };
}

const commentsResponse = zod.lazy(() =>
  zod.object({
    activityList: zod.object({
      activities: zod.array(zod.looseObject({ id: zod.string(), comment: zod.nullish(commentSchema) })),
    }),
  }),
);

/** The project's newest comments, newest first, in GraphQL form. */
export async function recentComments(
  z: ZObject,
  bundle: Bundle,
  projectId: string,
  limit = 10,
): Promise<BlueCommentGraphql[]> {
  const data = await blueQuery(z, bundle, {
    query: RECENT_COMMENTS,
    variables: { projectId, first: limit },
    projectId,
    action: 'load recent comments for the sample',
    schema: commentsResponse,
  });
  return data.activityList.activities.flatMap((a) => (a.comment ? [a.comment] : []));
}

// Blue has no query for one comment (only commentList per record, paged, and the activity feed),
// but a delivered comment names its author (userId) and record (categoryId): what the output lacks
// is their names, which `user(id:)` and `todo(id:)` give. Both go in one document as aliased root
// fields (one request); a comment on a discussion or status update has no record to ask for.
const AUTHOR = 'author: user(id: $userId) { id fullName email }';
const RECORD = 'record: todo(id: $todoId) { id title }';
export const COMMENT_AUTHOR_AND_RECORD = gql`
  query ZapierCommentAuthorAndRecord($userId: String!, $todoId: String!) { ${AUTHOR} ${RECORD} }
`;
export const COMMENT_AUTHOR = gql`
  query ZapierCommentAuthor($userId: String!) { ${AUTHOR} }
`;
export const COMMENT_RECORD = gql`
  query ZapierCommentRecord($todoId: String!) { ${RECORD} }
`;
// With a list / tag / assignee filter, the record part also asks what the filter reads, so the
// filter is judged from the same response (one request per delivery, issue 12).
const FILTER_RECORD = 'record: todo(id: $todoId) { id title todoList { id } tags { id } users { id } }';
export const COMMENT_AUTHOR_AND_FILTER_RECORD = gql`
  query ZapierCommentAuthorAndFilterRecord($userId: String!, $todoId: String!) { ${AUTHOR} ${FILTER_RECORD} }
`;
export const COMMENT_FILTER_RECORD = gql`
  query ZapierCommentFilterRecord($todoId: String!) { ${FILTER_RECORD} }
`;

const ided = zod.lazy(() => zod.looseObject({ id: zod.string() }));
const detailsResponse = zod.lazy(() =>
  zod.object({
    author: zod.nullish(person),
    record: zod.nullish(
      zod.looseObject({
        id: zod.string(),
        title: zod.string(),
        todoList: zod.optional(zod.nullish(ided)),
        tags: zod.optional(zod.nullish(zod.array(ided))),
        users: zod.optional(zod.nullish(zod.array(ided))),
      }),
    ),
  }),
);

/** The commented record as a filter reads it, or why it could not be loaded. */
export type CommentFilterRecord = { ok: true; record: FilterableRecord } | { ok: false; error: unknown };

// The filter's record, loaded by enrichComment, for the trigger's filter: keyed by the delivered
// comment object, which perform hands to both.
const filterRecords = new WeakMap<object, CommentFilterRecord>();

/** The filter's record enrichComment loaded for this delivered comment (undefined: none asked). */
export function commentFilterRecord(delivered: Obj): CommentFilterRecord | undefined {
  return filterRecords.get(delivered);
}

/** The output's names filled from the loaded author and record (the comment's own values win). */
function withNames(out: CommentOutput, details: zod.infer<typeof detailsResponse>): CommentOutput {
  const author = details.author?.id === out.user.id ? details.author : undefined;
  const record = details.record?.id === out.todo.id ? details.record : undefined;
  return {
    ...out,
    user: {
      id: out.user.id,
      fullName: out.user.fullName ?? author?.fullName ?? null,
      email: out.user.email ?? author?.email ?? null,
    },
    todo: { id: out.todo.id, title: out.todo.title ?? record?.title ?? null },
  };
}

/**
 * A delivered comment (and its previous value) in the output shape. When it lacks the author's
 * name or the record's title, both are loaded in one request; none when it has them. If that
 * fails the Zap runs with what the delivery carries (the names stay null) and the log says so;
 * an auth failure is thrown, since every later step would fail the same way.
 */
export async function enrichComment(
  z: ZObject,
  bundle: Bundle,
  delivered: { record: Obj; previousValue: Obj | null; projectId?: string; recordFilter?: boolean },
): Promise<{ current: CommentOutput; previous: CommentOutput | null }> {
  const current = commentOutput(delivered.record);
  const previous = delivered.previousValue ? commentOutput(delivered.previousValue) : null;
  const userId = current.user.id && !current.user.fullName ? current.user.id : null;
  // A record filter needs the record's list, tags and assignees even when the title is delivered.
  const forFilter = Boolean(delivered.recordFilter && current.todo.id);
  const todoId = current.todo.id && (forFilter || current.todo.title === null) ? current.todo.id : null;
  if (!userId && !todoId) return { current, previous };
  const query = forFilter
    ? userId
      ? COMMENT_AUTHOR_AND_FILTER_RECORD
      : COMMENT_FILTER_RECORD
    : userId && todoId
      ? COMMENT_AUTHOR_AND_RECORD
      : userId
        ? COMMENT_AUTHOR
        : COMMENT_RECORD;
  try {
    const details = await blueQuery(z, bundle, {
      query,
      variables: { ...(userId ? { userId } : {}), ...(todoId ? { todoId } : {}) },
      ...(delivered.projectId ? { projectId: delivered.projectId } : {}),
      action: `load the author and record of comment ${current.id ?? ''}`.trim(),
      schema: detailsResponse,
    });
    if (forFilter) {
      const r = details.record;
      filterRecords.set(
        delivered.record,
        r?.id === current.todo.id
          ? {
              ok: true,
              record: { todoList: { id: r.todoList?.id ?? null }, tags: r.tags ?? [], assignees: r.users ?? [] },
            }
          : { ok: false, error: new Error(`Blue returned no record ${current.todo.id ?? ''}`) },
      );
    }
    return { current: withNames(current, details), previous: previous && withNames(previous, details) };
  } catch (err) {
    if (isAuthError(err)) throw err;
    if (forFilter) filterRecords.set(delivered.record, { ok: false, error: err });
    z.console.log(
      `Blue comment ${current.id}: the delivery lacks the ${[userId && "author's name", todoId && "record's title"].filter(Boolean).join(' and ')} ` +
        `and loading them failed (${err instanceof Error ? err.message : String(err)}); the Zap runs with what the delivery carries.`,
    );
    return { current, previous };
  }
}

export const COMMENT_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'text', label: 'Comment Text', type: 'string' },
  { key: 'html', label: 'Comment HTML', type: 'string' },
  { key: 'category', label: 'Category', type: 'string' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
  { key: 'user__id', label: 'Author ID', type: 'string' },
  { key: 'user__fullName', label: 'Author Name', type: 'string' },
  { key: 'user__email', label: 'Author Email', type: 'string' },
  { key: 'todo__id', label: 'Record ID', type: 'string' },
  { key: 'todo__title', label: 'Record Title', type: 'string' },
];

export const EXAMPLE_COMMENT: CommentOutput = commentOutput({
  id: 'clx0example0comment0000001',
  uid: 'example-comment',
  text: 'Example comment (your project has no comments yet)',
  html: '<p>Example comment (your project has no comments yet)</p>',
  category: 'TODO',
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
  user: { id: 'clx0example0user0000000001', fullName: 'Ada Lovelace', email: 'ada@example.com' },
  todo: { id: 'clx0example0todo0000000001', title: 'Order #1042' },
});
