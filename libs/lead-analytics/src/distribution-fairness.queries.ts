import type { ReadModelDb } from '#ltc/projections';
import { repLoads } from '#ltc/lead-routing';
import type { AnalysisWindow } from './domain/analysis-window.js';
import { distributionFairness, type DistributionFairness } from './domain/distribution-fairness.js';
import { leadAssignmentsDb } from './lead-assignments.projection.js';
import { loadRepCapacities } from './rep-capacities.js';

/**
 * Assignments in the window per rep and method (from `lead_assignments`), with each
 * rep's open leads now (from the distribution ledger, the same figure
 * `GET /distribution/workload` shows) against their capacity (`lead_sales_reps`).
 */
export async function distributionReport(
  db: ReadModelDb,
  tenantId: string,
  query: { readonly window: AnalysisWindow; readonly method?: string },
  now: Date,
): Promise<DistributionFairness> {
  let select = leadAssignmentsDb(db)
    .selectFrom('lead_assignments')
    .select((eb) => ['rep_id', 'method', eb.fn.countAll<string | number | bigint>().as('assignments')])
    .where('tenant_id', '=', tenantId);
  if (query.window.from !== null) select = select.where('assigned_at', '>=', query.window.from);
  if (query.window.before !== null) select = select.where('assigned_at', '<', query.window.before);
  if (query.method !== undefined) select = select.where('method', '=', query.method);
  const counts = await select.groupBy(['rep_id', 'method']).execute();
  const loads = await repLoads(db, tenantId, now);
  return distributionFairness({
    counts: counts.map((row) => ({ repId: row.rep_id, method: row.method, count: Number(row.assignments) })),
    reps: await loadRepCapacities(db, tenantId),
    openLeads: new Map([...loads].map(([repId, load]) => [repId, load.openLeads])),
  });
}
