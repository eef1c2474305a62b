import { ascending, nearestRankPercentile } from './percentile.js';

/** One assignment as speed-to-lead sees it, already labelled with the group it counts in. */
export interface ResponseFact {
  /** Source, rep or team, by the report's grouping; null = no team. */
  readonly key: string | null;
  readonly responseDueAt: string;
  readonly firstContactAt: string | null;
  readonly secondsToFirstContact: number | null;
  /** Whether the first contact came by the due time; null until contacted. */
  readonly withinTarget: boolean | null;
  /** Set when the assignment ended (reassigned, pooled, closed…) before any contact. */
  readonly endedAt: string | null;
}

/**
 * Where an assignment stands against its response target at `now`:
 * - `met` / `late`: contacted within / after the target;
 * - `overdue`: nobody contacted it yet and the due time has passed;
 * - `pending`: nobody contacted it yet and there is still time;
 * - `missed`: it left its owner uncontacted after the due time;
 * - `dropped`: it left its owner uncontacted before the due time (the target never came into play).
 */
export type ResponseOutcome = 'met' | 'late' | 'overdue' | 'pending' | 'missed' | 'dropped';

export function responseOutcome(fact: ResponseFact, now: Date): ResponseOutcome {
  if (fact.firstContactAt !== null) return fact.withinTarget ? 'met' : 'late';
  const due = Date.parse(fact.responseDueAt);
  if (fact.endedAt !== null) return Date.parse(fact.endedAt) > due ? 'missed' : 'dropped';
  return now.getTime() > due ? 'overdue' : 'pending';
}

/** The speed-to-lead figures of a set of assignments. */
export interface SpeedToLeadFigures {
  readonly assignments: number;
  readonly contacted: number;
  /** Nearest-rank median of the seconds from assignment to first contact; null with no contact. */
  readonly medianSeconds: number | null;
  /** Nearest-rank 90th percentile of the same. */
  readonly p90Seconds: number | null;
  readonly withinTarget: number;
  /**
   * Of the assignments whose target is decided (met, late, overdue, missed), the share
   * met; pending and dropped ones are left out. Null when none is decided yet.
   */
  readonly withinTargetShare: number | null;
  /** Not contacted yet and still owned: overdue plus pending. */
  readonly waiting: number;
  /** Waiting and past the due time at `now`. */
  readonly overdue: number;
}

export function speedToLeadFigures(facts: readonly ResponseFact[], now: Date): SpeedToLeadFigures {
  const counts: Record<ResponseOutcome, number> = { met: 0, late: 0, overdue: 0, pending: 0, missed: 0, dropped: 0 };
  const seconds: number[] = [];
  for (const fact of facts) {
    counts[responseOutcome(fact, now)] += 1;
    if (fact.firstContactAt !== null && fact.secondsToFirstContact !== null) seconds.push(fact.secondsToFirstContact);
  }
  const sorted = ascending(seconds);
  const decided = counts.met + counts.late + counts.overdue + counts.missed;
  return {
    assignments: facts.length,
    contacted: counts.met + counts.late,
    medianSeconds: nearestRankPercentile(sorted, 50),
    p90Seconds: nearestRankPercentile(sorted, 90),
    withinTarget: counts.met,
    withinTargetShare: decided > 0 ? counts.met / decided : null,
    waiting: counts.overdue + counts.pending,
    overdue: counts.overdue,
  };
}

export interface SpeedToLeadGroup extends SpeedToLeadFigures {
  readonly key: string | null;
}

/** The figures of every group (sorted by key, no-key last) and of all facts together. */
export function speedToLeadByGroup(
  facts: readonly ResponseFact[],
  now: Date,
): { readonly total: SpeedToLeadFigures; readonly groups: SpeedToLeadGroup[] } {
  const byKey = new Map<string | null, ResponseFact[]>();
  for (const fact of facts) {
    const group = byKey.get(fact.key);
    if (group) group.push(fact);
    else byKey.set(fact.key, [fact]);
  }
  const keys = [...byKey.keys()].sort(compareKeys);
  return {
    total: speedToLeadFigures(facts, now),
    groups: keys.map((key) => ({ key, ...speedToLeadFigures(byKey.get(key) ?? [], now) })),
  };
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
