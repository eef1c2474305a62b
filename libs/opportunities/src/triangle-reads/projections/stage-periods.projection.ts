import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelTransaction } from '#ltc/projections';
import { parseOpportunityEvent } from '../../domain/opportunity-event.js';
import type { OpportunityEvent } from '../../domain/opportunity.events.js';
import { putRow, triangleReadsDb, type OpportunityStagePeriodRow } from './triangle-reads.tables.js';

const KEY = ['tenant_id', 'opportunity_id', 'segment_no'] as const;

/**
 * Stage periods behind stage velocity and the scorecard's days per stage while leading:
 * entering a stage (opening, a stage change, winning, losing, reopening) starts a new visit;
 * an accepted handoff ends the leader's segment of the visit and starts the receiver's.
 * Times come from the events only, so a rebuild writes the same rows.
 */
export const stagePeriodsProjection: Projection = {
  name: 'opportunity_stage_periods',
  version: 1,
  filter: { streamPrefixes: ['opportunity-'] },

  async setup(db) {
    await db.schema
      .createTable('opportunity_stage_periods')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('opportunity_id', 'text', (c) => c.notNull())
      .addColumn('segment_no', 'integer', (c) => c.notNull())
      .addColumn('visit_no', 'integer', (c) => c.notNull())
      .addColumn('pipeline_id', 'text', (c) => c.notNull())
      .addColumn('stage_id', 'text', (c) => c.notNull())
      .addColumn('leader_id', 'text', (c) => c.notNull())
      .addColumn('entered_at', 'text', (c) => c.notNull())
      .addColumn('left_at', 'text')
      .addPrimaryKeyConstraint('opportunity_stage_periods_pk', [...KEY])
      .execute();
    await db.schema
      .createIndex('opportunity_stage_periods_by_pipeline')
      .ifNotExists()
      .on('opportunity_stage_periods')
      .columns(['tenant_id', 'pipeline_id', 'stage_id'])
      .execute();
  },

  async reset(trx) {
    await triangleReadsDb(trx).deleteFrom('opportunity_stage_periods').execute();
  },

  async apply(trx, recorded: RecordedEvent) {
    const event = parseOpportunityEvent(recorded);
    if (event) await applyStagePeriodEvent(trx, recorded.metadata.tenantId, event);
  },
};

/** What starts a new period: a new stage (a new visit) or a new leader (same visit). */
function nextPeriod(event: OpportunityEvent): { stageId?: string; leaderId?: string; at: string } | undefined {
  switch (event.type) {
    case 'OpportunityStageChanged':
    case 'OpportunityWon':
    case 'OpportunityLost':
    case 'OpportunityReopened':
      return { stageId: event.data.stageId, at: event.data.at };
    case 'HandoffAccepted':
      return { leaderId: event.data.to, at: event.data.at };
    default:
      return undefined;
  }
}

async function applyStagePeriodEvent(trx: ReadModelTransaction, tenantId: string, event: OpportunityEvent) {
  if (event.type === 'OpportunityOpened') {
    const d = event.data;
    const first: OpportunityStagePeriodRow = {
      tenant_id: tenantId,
      opportunity_id: d.opportunityId,
      segment_no: 1,
      visit_no: 1,
      pipeline_id: d.pipelineId,
      stage_id: d.stageId,
      leader_id: d.owner,
      entered_at: d.at,
      left_at: null,
    };
    // A replayed opening must not restart the deal's history.
    if (await currentPeriod(trx, tenantId, d.opportunityId)) return;
    await putRow(trx, 'opportunity_stage_periods', first, KEY);
    return;
  }
  const next = nextPeriod(event);
  if (!next) return;
  const current = await currentPeriod(trx, tenantId, event.data.opportunityId);
  if (!current) return;
  await putRow(trx, 'opportunity_stage_periods', { ...current, left_at: next.at }, KEY);
  const newVisit = next.stageId !== undefined;
  const following: OpportunityStagePeriodRow = {
    ...current,
    segment_no: current.segment_no + 1,
    visit_no: newVisit ? current.visit_no + 1 : current.visit_no,
    stage_id: next.stageId ?? current.stage_id,
    leader_id: next.leaderId ?? current.leader_id,
    entered_at: next.at,
    left_at: null,
  };
  await putRow(trx, 'opportunity_stage_periods', following, KEY);
}

/** The deal's latest period (the one it is in now). */
async function currentPeriod(
  trx: ReadModelTransaction,
  tenantId: string,
  opportunityId: string,
): Promise<OpportunityStagePeriodRow | undefined> {
  const row = await triangleReadsDb(trx)
    .selectFrom('opportunity_stage_periods')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('opportunity_id', '=', opportunityId)
    .orderBy('segment_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { ...row, segment_no: Number(row.segment_no), visit_no: Number(row.visit_no) };
}
