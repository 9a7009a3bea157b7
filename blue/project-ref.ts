// A Blue project or company reference (the connection's "ID or slug", or a trigger's pick) turned
// into the ID that Blue's filters and webhook scopes require. project(id:) and company(id:)
// accept either, so one query resolves a slug; a value that already is an ID costs nothing.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from '../common/zod.js';
import { blueQuery } from './client.js';
import { requireBlueCredentials } from './config.js';
import { gql } from './gql.js';

// The project's company comes along, so an operation with a project slug and a company slug
// resolves both in this one request.
export const PROJECT_ID_QUERY = gql`
  query ZapierProjectId($id: String) {
    project(id: $id) { id company { id } }
  }
`;

export const COMPANY_ID_QUERY = gql`
  query ZapierCompanyId($id: String) {
    company(id: $id) { id }
  }
`;

const nonEmpty = zod.lazy(() => zod.string().check(zod.minLength(1)));
const projectIdSchema = zod.lazy(() =>
  zod.object({
    project: zod.object({ id: nonEmpty, company: zod.optional(zod.nullable(zod.object({ id: nonEmpty }))) }),
  }),
);
const companyIdSchema = zod.lazy(() => zod.object({ company: zod.object({ id: nonEmpty }) }));

/** Company ids resolved during one invocation (Zapier builds a fresh bundle for each). */
const companyIds = new WeakMap<object, Map<string, Promise<string>>>();

function companyMemo(bundle: Bundle): Map<string, Promise<string>> {
  let memo = companyIds.get(bundle);
  if (!memo) {
    memo = new Map<string, Promise<string>>();
    companyIds.set(bundle, memo);
  }
  return memo;
}

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
  const companyRef = requireBlueCredentials(z, bundle.authData).companyId.trim();
  const companyId = data.project.company?.id;
  const memo = companyMemo(bundle);
  // Only for a slug, and only if this invocation has not looked the company up already.
  if (companyId && !looksLikeBlueId(companyRef) && !memo.has(companyRef)) {
    memo.set(companyRef, Promise.resolve(companyId));
  }
  return data.project.id;
}

/**
 * The connection company's ID for filters (todos' and projectList's companyIds). Blue documents
 * the X-Bloo-Company-ID header as taking an id or a slug, but not what its filters do with a
 * slug; if they match ids only, a slug finds nothing (and Find or Create duplicates records), so
 * a slug is resolved: with company(id:), once per invocation, or for free where blueProjectId
 * already resolved a project slug. An id costs nothing.
 */
export async function blueCompanyId(z: ZObject, bundle: Bundle): Promise<string> {
  const value = requireBlueCredentials(z, bundle.authData).companyId.trim();
  if (looksLikeBlueId(value)) return value;
  const memo = companyMemo(bundle);
  let pending = memo.get(value);
  if (!pending) {
    pending = blueQuery(z, bundle, {
      query: COMPANY_ID_QUERY,
      variables: { id: value },
      action: `find the Blue company "${value}"`,
      schema: companyIdSchema,
    }).then((data) => data.company.id);
    // A failed lookup is not kept: the error reaches the caller, and nothing is cached.
    void pending.catch(() => memo.delete(value));
    memo.set(value, pending);
  }
  return pending;
}
