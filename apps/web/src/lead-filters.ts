// The lead desk's filters, kept in the page address (`#/leads?status=pooled&order=priority`) so a
// view can be bookmarked, shared and restored with the back button. Framework-free for unit specs.
import type { operations } from './api/schema';
import { LEAD_ORDERS, LEAD_SOURCES, LEAD_STATUSES, LEAD_TIERS, SLA_STATES } from './api/vocabulary';

/** The query GET /leads takes, as the API's OpenAPI document describes it. */
export type LeadListQuery = NonNullable<operations['QueryLeadsController_list']['parameters']['query']>;

// The value lists come from the API's document (generated), so the desk offers what GET /leads takes.
export { LEAD_ORDERS, LEAD_SOURCES, LEAD_STATUSES, LEAD_TIERS, SLA_STATES } from './api/vocabulary';
export const PAGE_SIZE = 25;

export type LeadOrder = (typeof LEAD_ORDERS)[number];

export interface LeadFilters {
  readonly status: readonly (typeof LEAD_STATUSES)[number][];
  readonly owner?: string;
  readonly source?: LeadListQuery['source'];
  readonly tier?: LeadListQuery['tier'];
  readonly tag?: string;
  readonly sla?: LeadListQuery['sla'];
  readonly q?: string;
  readonly order: LeadOrder;
  readonly offset: number;
}

export const NO_FILTERS: LeadFilters = { status: [], order: 'priority', offset: 0 };

const TEXT_FILTERS = ['owner', 'tag', 'q'] as const;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/**
 * Filters from an address's query. Values the API would refuse (an unknown status, a negative
 * offset) are dropped rather than sent: a hand-edited address shows the list, not a 400.
 */
export function filtersFromQuery(query: URLSearchParams): LeadFilters {
  const status = (query.get('status') ?? '').split(',').flatMap((given) => oneOf(LEAD_STATUSES, given) ?? []);
  const offset = Number(query.get('offset') ?? '0');
  const filters: Record<string, unknown> = {
    status,
    order: oneOf(LEAD_ORDERS, query.get('order')) ?? 'priority',
    offset: Number.isInteger(offset) && offset > 0 ? offset - (offset % PAGE_SIZE) : 0,
  };
  for (const name of TEXT_FILTERS) {
    const value = query.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const source = oneOf(LEAD_SOURCES, query.get('source'));
  if (source) filters['source'] = source;
  const tier = oneOf(LEAD_TIERS, query.get('tier'));
  if (tier) filters['tier'] = tier;
  const sla = oneOf(SLA_STATES, query.get('sla'));
  if (sla) filters['sla'] = sla;
  return filters as unknown as LeadFilters;
}

/** The address query of `filters`, defaults left out so a plain list has a plain address. */
export function filtersToQuery(filters: LeadFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.status.length > 0) query.set('status', filters.status.join(','));
  for (const name of [...TEXT_FILTERS, 'source', 'tier', 'sla'] as const) {
    const value = filters[name];
    if (value) query.set(name, value);
  }
  if (filters.order !== 'priority') query.set('order', filters.order);
  if (filters.offset > 0) query.set('offset', String(filters.offset));
  return query;
}

/** A change of filter starts again on the first page; a page change keeps the filters. */
export function withFilter(filters: LeadFilters, change: Partial<Omit<LeadFilters, 'offset'>>): LeadFilters {
  return { ...filters, ...change, offset: 0 };
}

export function withPage(filters: LeadFilters, offset: number): LeadFilters {
  return { ...filters, offset: Math.max(0, offset - (offset % PAGE_SIZE)) };
}

/** The query GET /leads takes for `filters`, a page of {@link PAGE_SIZE}. */
export function leadListQuery(filters: LeadFilters): LeadListQuery {
  return {
    order: filters.order,
    limit: PAGE_SIZE,
    offset: filters.offset,
    ...(filters.status.length > 0 ? { status: [...filters.status] } : {}),
    ...(filters.owner ? { owner: filters.owner } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.tier ? { tier: filters.tier } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.sla ? { sla: filters.sla } : {}),
    ...(filters.q ? { q: filters.q } : {}),
  };
}
