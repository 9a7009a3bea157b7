// Pages of the company's projects, for the triggers' project dropdown.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { blueCompanyId } from './project-ref.js';
import { gql } from './gql.js';

export const PROJECT_PAGE_SIZE = 50;

export const LIST_PROJECTS = gql`
  query ZapierListProjects($companyId: String!, $skip: Int!, $take: Int!) {
    projectList(filter: { companyIds: [$companyId], archived: false }, sort: [name_ASC], skip: $skip, take: $take) {
      items { id name slug }
      pageInfo { hasNextPage }
    }
  }
`;

const projectSchema = zod.lazy(() =>
  zod.object({ id: zod.string(), name: zod.string(), slug: zod.nullish(zod.string()) }),
);
export type BlueProject = zod.infer<typeof projectSchema>;

const pageSchema = zod.lazy(() =>
  zod.object({
    projectList: zod.object({ items: zod.array(projectSchema), pageInfo: zod.object({ hasNextPage: zod.boolean() }) }),
  }),
);

/** One page of the connection company's active projects (`page` from 0). */
export async function projectPage(
  z: ZObject,
  bundle: Bundle,
  page: number,
): Promise<{ items: BlueProject[]; hasNextPage: boolean }> {
  // The filter takes the company's id, not the slug the connection may hold.
  const companyId = await blueCompanyId(z, bundle);
  const data = await blueQuery(z, bundle, {
    query: LIST_PROJECTS,
    variables: { companyId, skip: page * PROJECT_PAGE_SIZE, take: PROJECT_PAGE_SIZE },
    action: "list the company's projects",
    schema: pageSchema,
  });
  return { items: data.projectList.items, hasNextPage: data.projectList.pageInfo.hasNextPage };
}
