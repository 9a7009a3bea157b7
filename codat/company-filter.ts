// The company filter every Codat trigger offers: Company IDs and company tags (`key:value`, as Codat
// tags companies). One definition shared by every trigger, so core compiles the fields once each.
import { defineInputFields, type ZObject } from 'zapier-platform-core';
import type { CodatEventOutput } from './envelope.js';

export interface CompanyFilter {
  /** Codat company ids, lower-cased (Codat's ids are UUIDs). */
  ids: string[];
  /** `key:value` tags, as the user wrote them (Codat's tags are case-sensitive). */
  tags: string[];
}

function list(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return [
    ...new Set(
      raw
        .filter((v): v is string => typeof v === 'string')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

export function readCompanyFilter(inputData: Record<string, unknown>): CompanyFilter {
  return { ids: list(inputData.companyIds).map((id) => id.toLowerCase()), tags: list(inputData.companyTags) };
}

export const isFiltered = (filter: CompanyFilter) => filter.ids.length > 0 || filter.tags.length > 0;

/** A tag that is not `key:value` can never match: refused before anything is sent. */
export function requireValidTags(z: ZObject, filter: CompanyFilter): void {
  const bad = filter.tags.filter((t) => !/^[^:]+:.+$/.test(t));
  if (!bad.length) return;
  throw new z.errors.Error(
    `Company tags are written key:value, as Codat tags companies (for example region:uk); ` +
      `fix ${bad.map((t) => `"${t}"`).join(', ')} in "Company Tags".`,
    'codat_company_tag_invalid',
    400,
  );
}

// Svix endpoint channels (reference/svix/openapi.json EndpointIn.channels): 1 to 10 items of up to
// 128 characters from this alphabet. That Codat's messages carry the company's tags as channels is
// inferred (nothing public says so in words), but from several independent facts, enough to use it:
// - Codat's consumers filter by company tags (Platform spec WebhookConsumer.companyTags,
//   `tagKey:tagValue`) with exactly Svix's channel limits: at most 10, each at most 128 characters;
// - a company's tags (Company.tags) are at most 10, keys of 1-27 and values of at most 100
//   characters: `key:value` is at most 27 + 1 + 100 = 128, Svix's MessageIn.channels limits;
// - Codat's Portal edits the tags on the consumer in Monitor > Webhooks > Events, Svix's embedded
//   App Portal, whose endpoint filters are event types and channels (Svix lets a
//   provider rename "Channels": EnvironmentSettings.customStringsOverride.channelsOne/Many), and
//   "any one tag matches" (codat-docs create-consumer.md) is Svix's channel semantics.
// The residual risk: were Codat to name its channels otherwise, a tag-filtered Zap would receive
// nothing. Tags Svix could not take as channels (a space, say) subscribe without channels, and
// perform checks every delivery either way (companyMatches): channels only spare deliveries.
const CHANNEL = /^[a-zA-Z0-9\-_.:+]{1,128}$/;
const MAX_CHANNELS = 10;

/** The channels to subscribe with, or undefined when the tags cannot all be channels (filter in perform only). */
export function channelsFor(filter: CompanyFilter): string[] | undefined {
  if (!filter.tags.length || filter.tags.length > MAX_CHANNELS || !filter.tags.every((t) => CHANNEL.test(t)))
    return undefined;
  return filter.tags;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** `key:value` for every tag of the event's company: `payload.referenceCompany.tags`, or the company payload's own. */
function companyTags(item: CodatEventOutput): Set<string> {
  const payload = record(item.payload);
  const tags =
    record(record(payload?.referenceCompany)?.tags) ??
    (item.eventType.startsWith('company.') ? record(payload?.tags) : undefined);
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tags ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out.add(`${key}:${String(value)}`);
  }
  return out;
}

/**
 * Whether an event passes the filter: one of the Company IDs (if any) and one of the tags (if any).
 * An event about no company (rate limits) passes no filter. This check is the authoritative one:
 * it reads the delivered payload itself, while Svix's channel filter rests on an inference.
 */
export function companyMatches(item: CodatEventOutput, filter: CompanyFilter): boolean {
  if (!isFiltered(filter)) return true;
  if (filter.ids.length && !(item.companyId && filter.ids.includes(item.companyId.toLowerCase()))) return false;
  if (filter.tags.length) {
    const tags = companyTags(item);
    if (!filter.tags.some((t) => tags.has(t))) return false;
  }
  return true;
}

/** Words for the consumer's description in the Codat Portal. */
export function describeFilter(filter: CompanyFilter): string {
  const parts = [
    filter.ids.length
      ? `companies ${filter.ids.slice(0, 5).join(', ')}${filter.ids.length > 5 ? ` and ${filter.ids.length - 5} more` : ''}`
      : '',
    filter.tags.length
      ? `companies tagged ${filter.tags.slice(0, 5).join(' or ')}${filter.tags.length > 5 ? ' or more' : ''}`
      : '',
  ].filter(Boolean);
  return parts.length ? `; only ${parts.join(' and ')}` : '';
}

export const COMPANY_FILTER_FIELDS = defineInputFields([
  {
    key: 'companyIds',
    label: 'Company IDs',
    required: false,
    list: true,
    dynamic: 'codat_company_list.id.label',
    helpText:
      'Only events about these Codat companies (leave empty for every company). The list offers your companies when ' +
      'the connection has a Codat API Key, else the companies of recent events; you can also paste an ID from the ' +
      "company's page in the [Codat Portal](https://app.codat.io).",
  },
  {
    key: 'companyTags',
    label: 'Company Tags',
    required: false,
    list: true,
    helpText:
      'Only events about companies carrying one of these tags, each written key:value as Codat tags companies ' +
      "(e.g. region:uk; case-sensitive). Events that carry no company tags, such as rate limits, don't pass.",
  },
]);
