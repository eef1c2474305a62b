import type { OpportunityStagePeriodRow } from '../projections/triangle-reads.tables.js';

/** One stay of a deal in one stage, from entering to leaving it, whoever led meanwhile. */
export interface StageVisit {
  readonly opportunityId: string;
  readonly visitNo: number;
  readonly stageId: string;
  readonly enteredAt: string;
  /** Null while the deal is still in the stage. */
  readonly leftAt: string | null;
}

export const secondsBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 1000);

/** Joins a deal's segments (split by handoffs) back into visits, in order, per deal. */
export function stageVisits(periods: readonly OpportunityStagePeriodRow[]): StageVisit[] {
  const visits = new Map<string, StageVisit>();
  const ordered = [...periods].sort(
    (a, b) => a.opportunity_id.localeCompare(b.opportunity_id) || Number(a.segment_no) - Number(b.segment_no),
  );
  for (const segment of ordered) {
    const key = `${segment.opportunity_id}\u0000${Number(segment.visit_no)}`;
    const visit = visits.get(key);
    visits.set(key, {
      opportunityId: segment.opportunity_id,
      visitNo: Number(segment.visit_no),
      stageId: segment.stage_id,
      enteredAt: visit?.enteredAt ?? segment.entered_at,
      leftAt: segment.left_at,
    });
  }
  return [...visits.values()];
}
