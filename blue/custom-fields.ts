// Reading a project's custom fields (used by dropdowns, trigger filters and Create Todo's form).
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { gql } from './gql.js';

export const CUSTOM_FIELD_PAGE_SIZE = 500;

export const LIST_CUSTOM_FIELDS = gql`
  query ZapierListCustomFields($projectId: String!, $skip: Int!, $take: Int!) {
    customFields(filter: { projectId: $projectId }, skip: $skip, take: $take) {
      items {
        id
        name
        type
        currency
        customFieldOptions { id title color }
      }
      pageInfo { hasNextPage }
    }
  }
`;

const customFieldSchema = zod.lazy(() =>
  zod.object({
    id: zod.string(),
    name: zod.string(),
    type: zod.string(),
    currency: zod.nullish(zod.string()),
    customFieldOptions: zod.nullish(
      zod.array(zod.object({ id: zod.string(), title: zod.string(), color: zod.nullish(zod.string()) })),
    ),
  }),
);
export type BlueCustomField = zod.infer<typeof customFieldSchema>;

const pageSchema = zod.lazy(() =>
  zod.object({
    customFields: zod.object({
      items: zod.array(customFieldSchema),
      pageInfo: zod.object({ hasNextPage: zod.boolean() }),
    }),
  }),
);

/** One page of custom fields (`page` from 0), for dropdowns that page through Zapier. `projectId` is an id, not a slug. */
export async function customFieldPage(
  z: ZObject,
  bundle: Bundle,
  projectId: string,
  page: number,
): Promise<{ items: BlueCustomField[]; hasNextPage: boolean }> {
  const data = await blueQuery(z, bundle, {
    query: LIST_CUSTOM_FIELDS,
    variables: { projectId, skip: page * CUSTOM_FIELD_PAGE_SIZE, take: CUSTOM_FIELD_PAGE_SIZE },
    projectId,
    action: "list the project's custom fields",
    schema: pageSchema,
  });
  return { items: data.customFields.items, hasNextPage: data.customFields.pageInfo.hasNextPage };
}

/** Every custom field of a project (pages of 500; most projects need one request). */
export async function listCustomFields(z: ZObject, bundle: Bundle, projectId: string): Promise<BlueCustomField[]> {
  const all: BlueCustomField[] = [];
  for (let page = 0; page < 50; page++) {
    const { items, hasNextPage } = await customFieldPage(z, bundle, projectId, page);
    all.push(...items);
    if (!hasNextPage || items.length === 0) break;
  }
  return all;
}
