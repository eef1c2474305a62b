import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import type { OpportunityOpened } from '#ltc/opportunities/events';
import { addMissingColumns, type Projection, type ReadModelDb, type ReadModelTransaction } from '#ltc/projections';
import { parseContractEvent } from '../domain/contract-event.js';

/**
 * One row per deal: when its pipeline started (the lead's capture, or the deal's opening when
 * the deal's events do not carry it) and when its cash was collected (the contract closed).
 */
export type PipelineLengthRow = {
  tenant_id: string;
  deal_id: string;
  pipeline_id: string;
  /** The lead's source; null for a deal opened directly. */
  source: string | null;
  /** The sales team the deal was opened in (docs/adr/0024); null: none recorded. */
  team_id: string | null;
  started_at: string;
  /** `lead_capture` or `deal_opened`: which moment `started_at` is. */
  started_from: string;
  cash_collected_at: string | null;
};

export type PipelineLengthTables = { contract_pipeline_length: PipelineLengthRow };

export const pipelineLengthDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<PipelineLengthTables>();

/** What conversion adds to the lead on OpportunityOpened, and the team; older events lack them. */
type OpenedWithCapture = Omit<OpportunityOpened['data'], 'team'> & {
  lead: { capturedAt?: string | null } | null;
  team?: string | null;
};

export const pipelineLengthProjection: Projection = {
  name: 'contract_pipeline_length',
  // 2: the deal's team (pipeline length per team).
  version: 2,
  filter: { streamPrefixes: ['opportunity-', 'contract-'] },
  async setup(db) {
    await db.schema
      .createTable('contract_pipeline_length')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('deal_id', 'text', (c) => c.notNull())
      .addColumn('pipeline_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('team_id', 'text')
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('started_from', 'text', (c) => c.notNull())
      .addColumn('cash_collected_at', 'text')
      .addPrimaryKeyConstraint('contract_pipeline_length_pk', ['tenant_id', 'deal_id'])
      .execute();
    // A store of version 1 lacks the team; the version bump then refills every row.
    await addMissingColumns(db, 'contract_pipeline_length', [['team_id', 'text']]);
  },
  async reset(trx) {
    await sql`delete from contract_pipeline_length`.execute(trx);
  },
  apply: applyPipelineLengthEvent,
};

async function applyPipelineLengthEvent(trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> {
  const tenantId = recorded.metadata.tenantId;
  const db = pipelineLengthDb(trx);
  if (recorded.type === 'OpportunityOpened') {
    const d = recorded.data as OpenedWithCapture;
    const captured = d.lead?.capturedAt ?? null;
    const row: PipelineLengthRow = {
      tenant_id: tenantId,
      deal_id: d.opportunityId,
      pipeline_id: d.pipelineId,
      source: d.lead?.source ?? null,
      team_id: d.team ?? null,
      started_at: captured ?? d.at,
      started_from: captured ? 'lead_capture' : 'deal_opened',
      cash_collected_at: null,
    };
    await db
      .insertInto('contract_pipeline_length')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .execute();
    return;
  }
  const event = parseContractEvent(recorded);
  if (event?.type !== 'ContractClosed') return;
  await db
    .updateTable('contract_pipeline_length')
    .set({ cash_collected_at: event.data.at })
    .where('tenant_id', '=', tenantId)
    .where('deal_id', '=', event.data.dealId)
    .execute();
}
