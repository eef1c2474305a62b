import type { TriangleRole } from '../../domain/opportunity-vocabulary.js';
import { asDays, ascending, nearestRank, winRate } from './nearest-rank.js';
import { secondsBetween } from './stage-visits.js';
import type {
  OpportunityHandoffRow,
  OpportunityMemberRow,
  OpportunityStagePeriodRow,
} from '../projections/triangle-reads.tables.js';

/** The common KPI of a triangle, or of one person in one role. */
export interface ScoreFigures {
  readonly deals: number;
  readonly won: number;
  readonly lost: number;
  readonly winRate: number | null;
  /** Per stage, median days in it (nearest rank) while leading: the triangle's leader, or the person. */
  readonly medianDaysPerStage: {
    readonly stageId: string;
    readonly stays: number;
    readonly medianDays: number | null;
  }[];
  readonly medianHandoffAcceptanceSeconds: number | null;
  readonly handoffsOverdue: number;
}

export interface TriangleScore extends ScoreFigures {
  readonly ar: string | null;
  readonly sr: string | null;
  readonly fr: string | null;
}

export interface PersonScore extends ScoreFigures {
  readonly personId: string;
  readonly role: TriangleRole;
}

export interface ScorecardInput {
  readonly deals: readonly OpportunityMemberRow[];
  readonly periods: readonly OpportunityStagePeriodRow[];
  readonly handoffs: readonly OpportunityHandoffRow[];
}

const ROLE_COLUMNS = { ar: 'ar_id', sr: 'sr_id', fr: 'fr_id' } as const satisfies Record<
  TriangleRole,
  keyof OpportunityMemberRow
>;

/**
 * Figures over a set of deals. `leader` narrows the days per stage to the stretches that
 * person led, and the handoffs to those asked of them; without it, the whole deal counts.
 */
function figures(input: ScorecardInput, dealIds: ReadonlySet<string>, leader?: string): ScoreFigures {
  const deals = input.deals.filter((deal) => dealIds.has(deal.opportunity_id));
  const won = deals.filter((deal) => deal.status === 'won').length;
  const lost = deals.filter((deal) => deal.status === 'lost').length;
  // Seconds led per (deal, stay), summed over the leader's finished segments of that stay.
  const stays = new Map<string, { stageId: string; seconds: number }>();
  for (const period of input.periods) {
    if (!dealIds.has(period.opportunity_id) || period.left_at === null) continue;
    if (leader !== undefined && period.leader_id !== leader) continue;
    const key = `${period.opportunity_id}\u0000${Number(period.visit_no)}`;
    const seconds = secondsBetween(period.entered_at, period.left_at);
    stays.set(key, { stageId: period.stage_id, seconds: (stays.get(key)?.seconds ?? 0) + seconds });
  }
  const byStage = new Map<string, number[]>();
  for (const stay of stays.values()) byStage.set(stay.stageId, [...(byStage.get(stay.stageId) ?? []), stay.seconds]);
  const handoffs = input.handoffs.filter(
    (h) => dealIds.has(h.opportunity_id) && (leader === undefined || h.to_id === leader),
  );
  const acceptance = ascending(
    handoffs.flatMap((h) =>
      h.status === 'accepted' && h.seconds_to_accept !== null ? [Number(h.seconds_to_accept)] : [],
    ),
  );
  return {
    deals: deals.length,
    won,
    lost,
    winRate: winRate(won, lost),
    medianDaysPerStage: [...byStage.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([stageId, seconds]) => ({
        stageId,
        stays: seconds.length,
        medianDays: asDays(nearestRank(ascending(seconds), 50)),
      })),
    medianHandoffAcceptanceSeconds: nearestRank(acceptance, 50),
    handoffsOverdue: handoffs.filter((h) => Number(h.overdue) === 1).length,
  };
}

/** The scorecard per triangle (its current AR, SR, FR) and per person in each role. */
export function triangleScorecard(input: ScorecardInput): { triangles: TriangleScore[]; people: PersonScore[] } {
  const triangles = new Map<string, { ar: string | null; sr: string | null; fr: string | null; ids: Set<string> }>();
  const people = new Map<string, { personId: string; role: TriangleRole; ids: Set<string> }>();
  for (const deal of input.deals) {
    const key = JSON.stringify([deal.ar_id, deal.sr_id, deal.fr_id]);
    const triangle = triangles.get(key) ?? { ar: deal.ar_id, sr: deal.sr_id, fr: deal.fr_id, ids: new Set<string>() };
    triangle.ids.add(deal.opportunity_id);
    triangles.set(key, triangle);
    for (const role of ['ar', 'sr', 'fr'] as const) {
      const personId = deal[ROLE_COLUMNS[role]];
      if (personId === null) continue;
      const personKey = `${role}\u0000${personId}`;
      const person = people.get(personKey) ?? { personId, role, ids: new Set<string>() };
      person.ids.add(deal.opportunity_id);
      people.set(personKey, person);
    }
  }
  const byName = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');
  return {
    triangles: [...triangles.values()]
      .map(({ ar, sr, fr, ids }) => ({ ar, sr, fr, ...figures(input, ids) }))
      .sort((a, b) => byName(a.ar, b.ar) || byName(a.sr, b.sr) || byName(a.fr, b.fr)),
    people: [...people.values()]
      .map(({ personId, role, ids }) => ({ personId, role, ...figures(input, ids, personId) }))
      .sort((a, b) => a.role.localeCompare(b.role) || a.personId.localeCompare(b.personId)),
  };
}
