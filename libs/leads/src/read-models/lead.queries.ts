import { sql, type ExpressionBuilder } from 'kysely';
import { NotFoundError } from '#ltc/kernel';
import type { ReadModelDb } from '#ltc/projections';
import {
  POOL_STATUSES,
  REP_VISIBLE_POOL_METHODS,
  isLeadVisible,
  type LeadScope,
  type LeadVisibilityFacts,
} from '../domain/lead-visibility.js';
import { leadListDb, type LeadListRow, type LeadListTables } from './lead-list.table.js';
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
  readonly order?: 'newest' | 'oldest' | 'priority';
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

export async function listLeads(db: ReadModelDb, tenantId: string, filter: LeadListFilter): Promise<LeadPageView> {
  let query = leadListDb(db).selectFrom('lead_list').where('tenant_id', '=', tenantId);
  const scope = filter.scope;
  if (scope && scope.kind !== 'tenant') query = query.where((eb) => visibleIn(eb, scope));
  if (filter.status?.length) query = query.where('status', 'in', [...filter.status]);
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.region) query = query.where('region', '=', filter.region);
  if (filter.team) query = query.where('team', '=', filter.team);
  if (filter.tier) query = query.where('tier', '=', filter.tier);
  if (filter.slaState) query = query.where('sla_state', '=', filter.slaState);
  if (filter.tag) {
    // A tag with its category ("cognitive_mode:price-first") or alone ("price-first").
    const pattern = filter.tag.includes(':') ? `%|${escapeLike(filter.tag)}|%` : `%:${escapeLike(filter.tag)}|%`;
    query = query.where(sql<boolean>`tags_index like ${pattern} escape '\\'`);
  }
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
    query = query.where(sql<boolean>`search_text like ${pattern} escape '\\'`);
  }
  let ordered = query.selectAll();
  if (filter.order === 'priority') {
    // Tier A first, then the highest score, then the oldest: higher tiers are worked first
    // (docs/domain.md › Leads › Conversion).
    ordered = ordered
      .orderBy(sql`coalesce(tier, 'Z')`)
      .orderBy(sql`coalesce(score, -1)`, 'desc')
      .orderBy('captured_at');
  } else {
    ordered = ordered.orderBy('captured_at', filter.order === 'oldest' ? 'asc' : 'desc');
  }
  const [rows, count] = await Promise.all([
    ordered.orderBy('lead_id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<string | number | bigint>().as('total')).executeTakeFirst(),
  ]);
  return { items: rows.map(toLeadView), total: Number(count?.total ?? 0), limit: filter.limit, offset: filter.offset };
}

type LeadListExpressions = ExpressionBuilder<LeadListTables, 'lead_list'>;

/** {@link isLeadVisible} as a WHERE clause, so paging and totals count only visible leads. */
function visibleIn(eb: LeadListExpressions, scope: Exclude<LeadScope, { kind: 'tenant' }>) {
  const pooled = eb('status', 'in', [...POOL_STATUSES]);
  if (scope.kind === 'own') {
    return eb.or([
      eb('owner_id', '=', scope.userId),
      eb('offer_rep_id', '=', scope.userId),
      eb.and([eb('status', '=', 'new'), eb('owner_id', 'is', null), eb('offer_rep_id', 'is', null)]),
      // No pool method (a recycled lead) is claimed as a cherry pick: see isLeadVisible.
      eb.and([pooled, eb.or([eb('pool_method', 'in', [...REP_VISIBLE_POOL_METHODS]), eb('pool_method', 'is', null)])]),
    ]);
  }
  const people = [scope.userId, ...scope.members];
  return eb.or([
    eb.and([eb('owner_id', 'is', null), eb('offer_rep_id', 'is', null)]),
    pooled,
    eb('owner_id', 'in', people),
    eb('offer_rep_id', 'in', people),
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
    capturedAt: row.captured_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
  };
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
