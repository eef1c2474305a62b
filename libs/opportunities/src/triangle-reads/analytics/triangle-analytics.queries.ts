import type { ReadModelDb } from '#ltc/projections';
import type { PipelineStage } from '../../domain/pipeline.types.js';
import { listPipelines } from '../../pipelines/pipeline.queries.js';
import type { DealGrouping } from './deal-groupings.js';
import { outcomesBy, type DealOutcome } from './deal-outcomes.js';
import {
  outcomesBySource,
  stageVelocity,
  stageVelocityBy,
  type GroupStageVelocity,
  type SourceOutcome,
  type StageVelocity,
} from './stage-velocity.js';
import { stageVisits } from './stage-visits.js';
import { triangleScorecard, type PersonScore, type TriangleScore } from './triangle-scorecard.js';
import { triangleReadsDb } from '../projections/triangle-reads.tables.js';

export interface StageVelocityReport {
  readonly pipelineId: string;
  readonly stages: StageVelocity[];
  readonly bySource: SourceOutcome[];
  /** Asked for with a grouping: the same stages for each group's deals alone. */
  readonly groups?: GroupStageVelocity[];
}

const dealsOf = (db: ReadModelDb, tenantId: string, pipelineId: string | undefined) => {
  let query = triangleReadsDb(db).selectFrom('opportunity_members').selectAll().where('tenant_id', '=', tenantId);
  if (pipelineId !== undefined) query = query.where('pipeline_id', '=', pipelineId);
  return query.orderBy('opportunity_id').execute();
};

const periodsOf = (db: ReadModelDb, tenantId: string, pipelineId: string | undefined) => {
  let query = triangleReadsDb(db).selectFrom('opportunity_stage_periods').selectAll().where('tenant_id', '=', tenantId);
  if (pipelineId !== undefined) query = query.where('pipeline_id', '=', pipelineId);
  return query.orderBy('opportunity_id').orderBy('segment_no').execute();
};

/** The pipeline's stages in order; a pipeline nobody configured yields none (and so an empty report). */
async function stagesOf(db: ReadModelDb, tenantId: string, pipelineId: string): Promise<readonly PipelineStage[]> {
  const pipeline = (await listPipelines(db, tenantId)).find((candidate) => candidate.pipelineId === pipelineId);
  return pipeline?.stages ?? [];
}

export async function stageVelocityReport(
  db: ReadModelDb,
  tenantId: string,
  pipelineId: string,
  by?: DealGrouping,
): Promise<StageVelocityReport> {
  const [stages, periods, deals] = await Promise.all([
    stagesOf(db, tenantId, pipelineId),
    periodsOf(db, tenantId, pipelineId),
    dealsOf(db, tenantId, pipelineId),
  ]);
  const visits = stageVisits(periods);
  return {
    pipelineId,
    stages: stageVelocity(stages, visits),
    bySource: outcomesBySource(deals),
    ...(by === undefined ? {} : { groups: stageVelocityBy(stages, visits, deals, by) }),
  };
}

/** Win rate and loss reasons per source, team or AR, over one pipeline or (undefined) all. */
export async function winRateReport(
  db: ReadModelDb,
  tenantId: string,
  pipelineId: string | undefined,
  by: DealGrouping,
): Promise<DealOutcome[]> {
  return outcomesBy(await dealsOf(db, tenantId, pipelineId), by);
}

export async function triangleScorecardReport(
  db: ReadModelDb,
  tenantId: string,
  pipelineId: string | undefined,
): Promise<{ triangles: TriangleScore[]; people: PersonScore[] }> {
  const [deals, periods, handoffs] = await Promise.all([
    dealsOf(db, tenantId, pipelineId),
    periodsOf(db, tenantId, pipelineId),
    triangleReadsDb(db).selectFrom('opportunity_handoffs').selectAll().where('tenant_id', '=', tenantId).execute(),
  ]);
  return triangleScorecard({ deals, periods, handoffs });
}
