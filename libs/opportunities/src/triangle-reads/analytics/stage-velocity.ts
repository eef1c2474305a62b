import type { PipelineStage } from '../../domain/pipeline.types.js';
import { groupsOf, type DealGrouping, type GroupedDeal } from './deal-groupings.js';
import { outcomesBy } from './deal-outcomes.js';
import { asDays, ascending, nearestRank } from './nearest-rank.js';
import { secondsBetween, type StageVisit } from './stage-visits.js';
import type { OpportunityMemberRow } from '../projections/triangle-reads.tables.js';

export interface StageVelocity {
  readonly stageId: string;
  readonly name: string;
  /** Deals that ever entered the stage. */
  readonly deals: number;
  /** Stays that ended (the days below are over these). */
  readonly completedVisits: number;
  readonly medianDays: number | null;
  readonly p90Days: number | null;
  /** The next stage in the pipeline's order (lost is never "next"); null for the last. */
  readonly nextStageId: string | null;
  /** Deals that entered this stage and later entered the next. */
  readonly convertedToNext: number;
  /** convertedToNext / deals; null when no deal entered, or no next stage. */
  readonly conversionRate: number | null;
}

export interface GroupStageVelocity {
  readonly key: string | null;
  /** Deals of the group in the pipeline. */
  readonly deals: number;
  readonly stages: StageVelocity[];
}

export interface SourceOutcome {
  /** The lead source; null: deals opened directly, from no lead. */
  readonly source: string | null;
  readonly deals: number;
  readonly open: number;
  readonly won: number;
  readonly lost: number;
  readonly winRate: number | null;
  readonly lossReasons: { readonly reasonCode: string; readonly count: number }[];
}

/** Stage velocity of one pipeline: days per stage (nearest rank), conversion to the next stage. */
export function stageVelocity(stages: readonly PipelineStage[], visits: readonly StageVisit[]): StageVelocity[] {
  const forward = stages.filter((stage) => stage.outcome !== 'lost');
  return stages.map((stage) => {
    const here = visits.filter((visit) => visit.stageId === stage.id);
    const days = ascending(
      here.flatMap((visit) => (visit.leftAt === null ? [] : [secondsBetween(visit.enteredAt, visit.leftAt)])),
    );
    const deals = new Set(here.map((visit) => visit.opportunityId));
    const index = forward.findIndex((candidate) => candidate.id === stage.id);
    const next = index < 0 ? undefined : forward[index + 1];
    const converted = next
      ? [...deals].filter((deal) => {
          const firstHere = Math.min(...here.filter((v) => v.opportunityId === deal).map((v) => v.visitNo));
          return visits.some((v) => v.opportunityId === deal && v.stageId === next.id && v.visitNo > firstHere);
        }).length
      : 0;
    return {
      stageId: stage.id,
      name: stage.name,
      deals: deals.size,
      completedVisits: days.length,
      medianDays: asDays(nearestRank(days, 50)),
      p90Days: asDays(nearestRank(days, 90)),
      nextStageId: next?.id ?? null,
      convertedToNext: converted,
      conversionRate: next && deals.size > 0 ? converted / deals.size : null,
    };
  });
}

/** Win rate and loss reasons per lead source, closing the loop from deals back to lead quality. */
export function outcomesBySource(deals: readonly OpportunityMemberRow[]): SourceOutcome[] {
  return outcomesBy(deals, 'source').map(({ key, ...outcome }) => ({ source: key, ...outcome }));
}

/** Stage velocity of one pipeline for each group's deals alone. */
export function stageVelocityBy(
  stages: readonly PipelineStage[],
  visits: readonly StageVisit[],
  deals: readonly GroupedDeal[],
  by: DealGrouping,
): GroupStageVelocity[] {
  return groupsOf(deals, by).map(([key, rows]) => {
    const ids = new Set(rows.map((row) => row.opportunity_id));
    return {
      key,
      deals: ids.size,
      stages: stageVelocity(
        stages,
        visits.filter((visit) => ids.has(visit.opportunityId)),
      ),
    };
  });
}
