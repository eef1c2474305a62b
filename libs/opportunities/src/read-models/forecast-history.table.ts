import { sql } from 'kysely';
import type { ReadModelDb, ReadModelTransaction } from '#ltc/projections';

/**
 * Row shape of `opportunity_forecast_history`: one row per change of a deal's forecast facts
 * (opened, amount, close date, probability, stage, won, lost, reopened), each with the whole
 * set of facts after it and the event's time. The forecast as of any moment is each deal's
 * latest row at or before it, so "how it moved since" is computed from events, not guessed.
 */
export type ForecastHistoryRow = {
  tenant_id: string;
  opportunity_id: string;
  /** The deal stream's revision of the change: orders a deal's rows. */
  seq: number;
  /** The event's `at`. */
  changed_at: string;
  /** The event type that changed the facts. */
  change: string;
  pipeline_id: string;
  status: string;
  stage_id: string;
  forecast_category: string;
  probability_bp: number;
  /** Integer minor units (a string from PostgreSQL's bigint). */
  amount_minor: number | string | null;
  currency: string | null;
  close_date: string | null;
};

export type ForecastHistoryTables = { opportunity_forecast_history: ForecastHistoryRow };

export const forecastHistoryDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<ForecastHistoryTables>();

export async function createForecastHistoryTable(db: ReadModelDb): Promise<void> {
  await db.schema
    .createTable('opportunity_forecast_history')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('opportunity_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('forecast_category', 'text', (c) => c.notNull())
    .addColumn('probability_bp', 'integer', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('close_date', 'text')
    .addPrimaryKeyConstraint('opportunity_forecast_history_pk', ['tenant_id', 'opportunity_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('opportunity_forecast_history_time_idx')
    .ifNotExists()
    .on('opportunity_forecast_history')
    .columns(['tenant_id', 'pipeline_id', 'changed_at'])
    .execute();
}

export async function resetForecastHistory(trx: ReadModelTransaction): Promise<void> {
  await sql`delete from opportunity_forecast_history`.execute(trx);
}
