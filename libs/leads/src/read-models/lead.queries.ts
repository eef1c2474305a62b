import { sql } from 'kysely';
import { NotFoundError } from '#ltc/kernel';
import type { ReadModelDb } from '#ltc/projections';
import { leadListDb, type LeadListRow } from './lead-list.projection.js';
import type { LeadPageView, LeadView } from './lead.views.js';

export interface LeadListFilter {
  readonly status?: string;
  readonly source?: string;
  readonly region?: string;
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Reads of the lead list read model, always within the caller's tenant. */
export async function findLead(db: ReadModelDb, tenantId: string, leadId: string): Promise<LeadView> {
  const row = await leadListDb(db)
    .selectFrom('lead_list')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Lead', leadId);
  return toView(row);
}

export async function listLeads(db: ReadModelDb, tenantId: string, filter: LeadListFilter): Promise<LeadPageView> {
  let query = leadListDb(db).selectFrom('lead_list').where('tenant_id', '=', tenantId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.region) query = query.where('region', '=', filter.region);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
    query = query.where(sql<boolean>`search_text like ${pattern} escape '\\'`);
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('captured_at', 'desc')
      .orderBy('lead_id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string | number | bigint>().as('total')).executeTakeFirst(),
  ]);
  return { items: rows.map(toView), total: Number(count?.total ?? 0), limit: filter.limit, offset: filter.offset };
}

function toView(row: LeadListRow): LeadView {
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
    complete: Boolean(row.complete),
    capturedAt: row.captured_at,
    revision: Number(row.revision),
  };
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
