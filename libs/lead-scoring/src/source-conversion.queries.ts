import type { ReadModelDb } from '#ltc/projections';
import type { LeadSource } from '#ltc/leads/domain';
import { sourceConversionDb, type SourceConversionRow } from './source-conversion.projection.js';

/** How well one source's leads convert in a tenant. `rate` is converted / leads (0 with no leads). */
export type SourceConversion = {
  readonly source: LeadSource;
  readonly leads: number;
  readonly converted: number;
  readonly rate: number;
};

/** The measured conversion of one source; zero leads when the tenant has none from it yet. */
export async function sourceConversion(
  db: ReadModelDb,
  tenantId: string,
  source: LeadSource,
): Promise<SourceConversion> {
  const row = await sourceConversionDb(db)
    .selectFrom('source_conversion')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('source', '=', source)
    .executeTakeFirst();
  return row ? toConversion(row) : { source, leads: 0, converted: 0, rate: 0 };
}

/** Every source the tenant has leads from, by source name. */
export async function allSourceConversion(db: ReadModelDb, tenantId: string): Promise<SourceConversion[]> {
  const rows = await sourceConversionDb(db)
    .selectFrom('source_conversion')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('source')
    .execute();
  return rows.map(toConversion);
}

function toConversion(row: SourceConversionRow): SourceConversion {
  // Counts are far below 2^53; Number() also turns a driver's bigint into a JSON-safe number.
  const leads = Number(row.leads);
  const converted = Number(row.converted);
  return { source: row.source as LeadSource, leads, converted, rate: leads > 0 ? converted / leads : 0 };
}
