// A Blue project reference (the connection's "ID or slug", or a trigger's pick) turned into the
// workspace ID that Blue's filters and webhook scopes require. project(id:) accepts either, so
// one query resolves a slug; a value that already is an ID costs nothing.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { gql } from './gql.js';

export const PROJECT_ID_QUERY = gql`
  query ZapierProjectId($id: String) {
    project(id: $id) { id }
  }
`;

const projectIdSchema = zod.object({ project: zod.object({ id: zod.string().check(zod.minLength(1)) }) });

/**
 * Blue ids are cuids: "c" and 24 lowercase alphanumerics (ids seen run 24 to 26 long). Slugs are
 * lowercase words joined by hyphens; one long enough, hyphen-free and with a digit would be
 * taken for an id, so anything else is resolved: a wrong guess that way costs one request,
 * the other way a FORBIDDEN or a webhook that never fires.
 */
export function looksLikeBlueId(ref: string): boolean {
  return /^c[a-z0-9]{23,31}$/.test(ref) && /[0-9]/.test(ref);
}

/** The workspace ID for a project id or slug: one project(id:) query for a slug, none for an id. */
export async function blueProjectId(z: ZObject, bundle: Bundle, ref: string): Promise<string> {
  const value = ref.trim();
  if (looksLikeBlueId(value)) return value;
  const data = await blueQuery(z, bundle, {
    query: PROJECT_ID_QUERY,
    variables: { id: value },
    // The header may carry the slug: Blue accepts an id or a slug there.
    projectId: value,
    action: `find the Blue project "${value}"`,
    schema: projectIdSchema,
  });
  return data.project.id;
}
