import type { RoutingDeferralReason } from '#ltc/leads/domain';
import type { Blocker, BlockerKind } from './rep-candidate.js';

export interface RoutingDeferral {
  readonly reason: RoutingDeferralReason;
  /** One line with the counts behind the reason, e.g. "all 3 active reps at capacity". */
  readonly detail: string;
}

/** What keeps an active rep with a sales role from the lead, most fundamental first. */
const PRIMARY: readonly Exclude<BlockerKind, 'inactive' | 'no_sales_role'>[] = [
  'away',
  'capacity',
  'territory',
  'excluded',
];

const SOLE_REASON: Partial<Record<BlockerKind, RoutingDeferralReason>> = {
  away: 'all_unavailable',
  capacity: 'all_at_capacity',
  territory: 'no_territory_match',
};

const WORDS: Record<(typeof PRIMARY)[number], string> = {
  away: 'away',
  capacity: 'at capacity',
  territory: 'outside the territory',
  excluded: 'excluded this time',
};

/**
 * Summarises why none of the candidates could take a lead (every candidate has at least
 * one blocker). Each active seller counts once, under its most fundamental blocker, so
 * "all at capacity" means raising capacity (or closing leads) is what lets the lead move.
 */
export function deferralOf(candidates: readonly { readonly blockers: readonly Blocker[] }[]): RoutingDeferral {
  if (candidates.length === 0) return { reason: 'no_reps', detail: 'no reps to route to' };
  const sellers = candidates.filter(
    (c) => !c.blockers.some((b) => b.kind === 'inactive' || b.kind === 'no_sales_role'),
  );
  if (sellers.length === 0) {
    return {
      reason: 'no_active_reps',
      detail: `none of the ${candidates.length} rep(s) is active with a sales role`,
    };
  }
  const counts = new Map<(typeof PRIMARY)[number], number>();
  for (const seller of sellers) {
    const primary = PRIMARY.find((kind) => seller.blockers.some((b) => b.kind === kind)) ?? 'excluded';
    counts.set(primary, (counts.get(primary) ?? 0) + 1);
  }
  const parts = PRIMARY.flatMap((kind) => {
    const n = counts.get(kind);
    return n === undefined ? [] : [`${n} ${WORDS[kind]}`];
  });
  const [only] = counts.keys();
  const sole = counts.size === 1 && only !== undefined ? SOLE_REASON[only] : undefined;
  if (sole !== undefined && only !== undefined) {
    return { reason: sole, detail: `all ${sellers.length} active rep(s) ${WORDS[only]}` };
  }
  return { reason: 'no_eligible_rep', detail: `of ${sellers.length} active rep(s): ${parts.join(', ')}` };
}
