import type { PipelineStage } from '../../domain/pipeline.types.js';
import { asDays, ascending, nearestRank, winRate } from './nearest-rank.js';
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
  const bySource = new Map<string | null, OpportunityMemberRow[]>();
  for (const deal of deals) bySource.set(deal.source, [...(bySource.get(deal.source) ?? []), deal]);
  return [...bySource.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([source, rows]) => {
      const won = rows.filter((row) => row.status === 'won').length;
      const lostRows = rows.filter((row) => row.status === 'lost');
      const reasons = new Map<string, number>();
      for (const row of lostRows)
        reasons.set(row.loss_reason ?? 'unknown', (reasons.get(row.loss_reason ?? 'unknown') ?? 0) + 1);
      return {
        source,
        deals: rows.length,
        open: rows.length - won - lostRows.length,
        won,
        lost: lostRows.length,
        winRate: winRate(won, lostRows.length),
        lossReasons: [...reasons.entries()]
          .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
          .map(([reasonCode, count]) => ({ reasonCode, count })),
      };
    });
}
