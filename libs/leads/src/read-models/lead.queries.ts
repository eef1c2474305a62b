import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { InvalidInputError, NotFoundError } from '#ltc/kernel';
import type { ReadModelDb } from '#ltc/projections';
import {
  POOL_STATUSES,
  REP_VISIBLE_POOL_METHODS,
  isLeadVisible,
  type LeadScope,
  type LeadVisibilityFacts,
} from '../domain/lead-visibility.js';
import { PG_SEARCH_VECTOR, dialectOf, ftsMatch, searchWords, tsQuery } from './lead-list.search.js';
import { tagKeyOf, type LeadListSideTables } from './lead-list.side-tables.js';
import { leadListDb, type LeadListRow, type LeadListTables } from './lead-list.table.js';
import { SORT_KEYS, afterCursor, decodeCursor, encodeCursor, type LeadOrder } from './lead-page.cursor.js';
import type { LeadPageView, LeadView } from './lead.views.js';

export interface LeadListFilter {
  readonly status?: readonly string[];
  readonly ownerId?: string;
  readonly source?: string;
  readonly region?: string;
  readonly team?: string;
  readonly tier?: string;
  readonly tag?: string;
  readonly slaState?: string;
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
  /** Continue after this position (a `nextCursor`); replaces `offset` for deep pages. */
  readonly cursor?: string;
  /** `exact` counts the matches even on cursor pages, which otherwise carry no total. */
  readonly count?: 'exact';
  readonly order?: LeadOrder;
  /** Only the leads this scope may see (see domain/lead-visibility.ts); omitted = the whole tenant. */
  readonly scope?: LeadScope;
}

/**
 * Reads of the lead list read model, always within the caller's tenant. With a scope, a lead
 * the caller may not see is as unknown as one that does not exist (404 LEAD_NOT_FOUND).
 */
export async function findLeadRow(
  db: ReadModelDb,
  tenantId: string,
  leadId: string,
  scope: LeadScope = { kind: 'tenant' },
): Promise<LeadListRow> {
  const row = await leadListDb(db)
    .selectFrom('lead_list')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .executeTakeFirst();
  if (!row || !isLeadVisible(scope, visibilityFactsOf(row))) throw new NotFoundError('Lead', leadId);
  return row;
}

export function visibilityFactsOf(row: LeadListRow): LeadVisibilityFacts {
  return { ownerId: row.owner_id, offeredTo: row.offer_rep_id, status: row.status, poolMethod: row.pool_method };
}

/**
 * Offset pages stop counting the matches here unless asked for `count=exact`: a count
 * reads every matching row, and at a few hundred thousand leads that was most of a page's
 * time (measured: 25–45 ms per two-filter count at 283k leads, serialised behind the one
 * read connection, so 1–1.4 s at 32 connections). Past it a page says `totalAtLeast`,
 * as CRMs show "10,000+".
 */
export const COUNT_CAP = 10_000;

/**
 * One page of the lead list. Offset pages (what clients that predate cursors send) carry
 * a `total`: from the maintained counts when only statuses filter the tenant's whole list,
 * else counted up to {@link COUNT_CAP} (beyond it, `totalAtLeast`); cursor pages count only
 * when asked. `count=exact` always counts every match. Every page names the cursor of the
 * next one (null at the end), found by reading one lead more than the limit.
 */
export async function listLeads(db: ReadModelDb, tenantId: string, filter: LeadListFilter): Promise<LeadPageView> {
  const order = filter.order ?? 'newest';
  const after = filter.cursor === undefined ? undefined : decodeCursor(order, filter.cursor);
  if (after && filter.offset > 0) {
    throw new InvalidInputError('cursor', 'conflictsWithOffset', 'cursor and offset cannot be combined; send one');
  }
  const words = filter.q === undefined ? undefined : searchWords(filter.q);
  if (words?.length === 0) return { items: [], total: 0, limit: filter.limit, offset: filter.offset, nextCursor: null };
  let page = filtered(db, tenantId, filter, words, 'page').selectAll();
  if (after) page = page.where(afterCursor(order, after));
  for (const key of SORT_KEYS[order]) page = page.orderBy(key.sql, key.direction);
  const wantTotal = after === undefined || filter.count === 'exact';
  const [rows, counted] = await Promise.all([
    page
      .limit(filter.limit + 1)
      .offset(filter.offset)
      .execute(),
    wantTotal ? totalOf(db, tenantId, filter, words) : undefined,
  ]);
  const items = rows.slice(0, filter.limit);
  const last = items.at(-1);
  return {
    items: items.map(toLeadView),
    ...totalFields(counted, rows.length > 0 ? filter.offset + rows.length : 0),
    limit: filter.limit,
    offset: filter.offset,
    nextCursor: rows.length > filter.limit && last ? encodeCursor(order, last) : null,
  };
}

/** The tenant's leads that match every filter (visibility included), not yet ordered. */
function filtered(
  db: ReadModelDb,
  tenantId: string,
  filter: LeadListFilter,
  words: readonly string[] | undefined,
  purpose: 'page' | 'count',
) {
  const scope = filter.scope;
  const sqlite = dialectOf(db) === 'sqlite';
  let query = leadListDb(db).selectFrom('lead_list');
  if (scope && scope.kind !== 'tenant') {
    query = query.where((eb) => visibleIn(eb, tenantId, scope));
    // The page walks the tenant's leads in page order and stops when it is full (a scope
    // shows a good share of them); the count has no order to follow and unions the branches.
    if (purpose === 'page') query = query.where('tenant_id', '=', tenantId);
  }
  // likely(): tells SQLite's planner the tenant term selects nearly every row, so a search
  // starts from the words' matches in the FTS index instead of walking the tenant's leads.
  else if (words && sqlite) query = query.where(sql<boolean>`likely(tenant_id = ${tenantId})`);
  else query = query.where('tenant_id', '=', tenantId);
  if (words) query = query.where(sqlite ? ftsMatches(words) : sql<boolean>`${PG_SEARCH_VECTOR} @@ ${tsQuery(words)}`);
  if (filter.status?.length) query = query.where('status', 'in', [...filter.status]);
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.region) query = query.where('region', '=', filter.region);
  if (filter.team) query = query.where('team', '=', filter.team);
  if (filter.tier) query = query.where('tier', '=', filter.tier);
  if (filter.slaState) query = query.where('sla_state', '=', filter.slaState);
  if (filter.tag) {
    const tag = tagKeyOf(filter.tag);
    query = query.where(
      sql<boolean>`lead_id in (select lead_id from lead_list_tags where tenant_id = ${tenantId} and tag = ${tag})`,
    );
  }
  return query;
}

const ftsMatches = (words: readonly string[]) =>
  sql<boolean>`lead_list.rowid in (select rowid from lead_list_fts where lead_list_fts match ${ftsMatch(words)})`;

/** Filters the maintained counts answer exactly: statuses alone, over the tenant's whole list. */
function countedByStatus(filter: LeadListFilter): boolean {
  const { scope, ownerId, source, region, team, tier, tag, slaState, q } = filter;
  const others = [ownerId, source, region, team, tier, tag, slaState, q].some((value) => value !== undefined);
  return (scope === undefined || scope.kind === 'tenant') && !others;
}

/** How many leads match: exact, or (a capped count that hit the cap) at least this many. */
type Counted = { readonly exact: number } | { readonly atLeast: number };

/** `seen`: the offset plus the rows this page read (0 for none), a floor for a capped count on a deep page. */
function totalFields(counted: Counted | undefined, seen: number): { total?: number; totalAtLeast?: number } {
  if (counted === undefined) return {};
  if ('exact' in counted) return { total: counted.exact };
  return { totalAtLeast: Math.max(counted.atLeast, seen) };
}

async function totalOf(
  db: ReadModelDb,
  tenantId: string,
  filter: LeadListFilter,
  words: readonly string[] | undefined,
): Promise<Counted> {
  if (countedByStatus(filter)) {
    let counts = db
      .withTables<LeadListSideTables>()
      .selectFrom('lead_list_counts')
      .select((eb) => eb.fn.sum<string | number | bigint | null>('leads').as('total'))
      .where('tenant_id', '=', tenantId);
    if (filter.status?.length) counts = counts.where('status', 'in', [...filter.status]);
    const row = await counts.executeTakeFirst();
    return { exact: Number(row?.total ?? 0) };
  }
  const matches = filtered(db, tenantId, filter, words, 'count').select(sql<number>`1`.as('one'));
  const exact = filter.count === 'exact';
  const row = await db
    .selectFrom((exact ? matches : matches.limit(COUNT_CAP + 1)).as('matches'))
    .select((eb) => eb.fn.countAll<string | number | bigint>().as('total'))
    .executeTakeFirst();
  const total = Number(row?.total ?? 0);
  return exact || total <= COUNT_CAP ? { exact: total } : { atLeast: total };
}

type LeadListExpressions = ExpressionBuilder<LeadListTables, 'lead_list'>;

/**
 * {@link isLeadVisible} as a WHERE clause, so paging and totals count only visible leads.
 * Each branch names the tenant itself: a count (which leaves the top-level tenant term out)
 * then answers every branch from its own index and combines them (a multi-index OR)
 * instead of walking all of the tenant's leads to test each one.
 */
function visibleIn(eb: LeadListExpressions, tenantId: string, scope: Exclude<LeadScope, { kind: 'tenant' }>) {
  const inTenant = (...terms: Expression<SqlBool>[]) => eb.and([eb('tenant_id', '=', tenantId), ...terms]);
  const pooled = eb('status', 'in', [...POOL_STATUSES]);
  if (scope.kind === 'own') {
    return eb.or([
      inTenant(eb('owner_id', '=', scope.userId)),
      inTenant(eb('offer_rep_id', '=', scope.userId)),
      inTenant(eb('status', '=', 'new'), eb('owner_id', 'is', null), eb('offer_rep_id', 'is', null)),
      inTenant(pooled, eb('pool_method', 'in', [...REP_VISIBLE_POOL_METHODS])),
      // No pool method (a recycled lead) is claimed as a cherry pick: see isLeadVisible.
      inTenant(pooled, eb('pool_method', 'is', null)),
    ]);
  }
  const people = [scope.userId, ...scope.members];
  return eb.or([
    inTenant(eb('owner_id', 'is', null), eb('offer_rep_id', 'is', null)),
    inTenant(pooled),
    inTenant(eb('owner_id', 'in', people)),
    inTenant(eb('offer_rep_id', 'in', people)),
  ]);
}

/** The oldest pooled lead of a method, for blind pull. */
export async function nextPooledLead(
  db: ReadModelDb,
  tenantId: string,
  methods: readonly string[],
  skip: readonly string[],
): Promise<string | undefined> {
  let query = leadListDb(db)
    .selectFrom('lead_list')
    .select('lead_id')
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['pooled', 'recycled'])
    .where('pool_method', 'in', [...methods]);
  if (skip.length) query = query.where('lead_id', 'not in', [...skip]);
  const row = await query
    .orderBy(sql`coalesce(tier, 'Z')`)
    .orderBy('captured_at')
    .limit(1)
    .executeTakeFirst();
  return row?.lead_id;
}

export function toLeadView(row: LeadListRow): LeadView {
  return {
    id: row.lead_id,
    status: row.status,
    name: row.name,
    company: row.company,
    contactPerson: row.contact_person,
    email: row.email,
    phone: row.phone,
    source: row.source as LeadView['source'],
    region: row.region,
    language: row.language,
    industry: row.industry,
    team: row.team,
    estimatedDealSize: row.estimated_deal_size === null ? null : Number(row.estimated_deal_size),
    dealSize:
      row.deal_size_minor === null || row.deal_size_currency === null
        ? null
        : { amountMinor: Number(row.deal_size_minor), currency: row.deal_size_currency },
    direction: row.direction,
    complete: Boolean(row.complete),
    score: row.score === null ? null : Number(row.score),
    tier: row.tier,
    ownerId: row.owner_id,
    assignmentMethod: row.assignment_method,
    assignedAt: row.assigned_at,
    responseDueAt: row.response_due_at,
    firstContactAt: row.first_contact_at,
    attempts: Number(row.attempts),
    attemptTarget: row.attempt_target === null ? null : Number(row.attempt_target),
    slaState: row.sla_state,
    poolMethod: row.pool_method,
    offeredTo: row.offer_rep_id,
    tags: JSON.parse(row.tags) as string[],
    touches: Number(row.touches),
    interactions: Number(row.interactions),
    disqualifyReason: row.disqualify_reason,
    reactivateOn: row.reactivate_on,
    dealId: row.deal_id,
    raisedFromTicket: row.raised_from_ticket,
    capturedAt: row.captured_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
  };
}
