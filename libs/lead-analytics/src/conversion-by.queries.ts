import type { ReadModelDb } from '#ltc/projections';
import type { AnalysisWindow } from './domain/analysis-window.js';
import {
  conversionBy,
  type ConversionDimension,
  type ConversionGroup,
  type FunnelLead,
} from './domain/conversion-by.js';
import { leadFunnelDb } from './lead-funnel.projection.js';
import type { LeadWonDealsTables } from './lead-won-deals.projection.js';

export interface ConversionByReport {
  readonly total: ConversionGroup;
  readonly groups: ConversionGroup[];
}

/** The leads captured in the window, grouped by `by`, with how many converted and how many won a deal. */
export async function conversionByReport(
  db: ReadModelDb,
  tenantId: string,
  window: AnalysisWindow,
  by: ConversionDimension,
): Promise<ConversionByReport> {
  let funnel = leadFunnelDb(db)
    .selectFrom('lead_funnel')
    .select([
      'lead_id',
      'source',
      'tier',
      'first_method',
      'first_assigned_at',
      'first_contact_at',
      'attempts',
      'converted_at',
    ])
    .where('tenant_id', '=', tenantId);
  if (window.from !== null) funnel = funnel.where('captured_at', '>=', window.from);
  if (window.before !== null) funnel = funnel.where('captured_at', '<', window.before);
  const rows = await funnel.execute();
  const won = await db
    .withTables<LeadWonDealsTables>()
    .selectFrom('lead_won_deals')
    .select('lead_id')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('won', '=', 1)
    .execute();
  const wonLeads = new Set(won.map((row) => row.lead_id));
  const leads = rows.map((row): FunnelLead => ({
    source: row.source,
    tier: row.tier,
    firstMethod: row.first_method,
    firstAssignedAt: row.first_assigned_at,
    firstContactAt: row.first_contact_at,
    attempts: Number(row.attempts ?? 0),
    converted: row.converted_at !== null,
    won: wonLeads.has(row.lead_id),
  }));
  return conversionBy(leads, by);
}
