import type { OpportunityMemberRow } from '../projections/triangle-reads.tables.js';

/**
 * What deals can be grouped by: the lead's source, the team the deal was opened in
 * (docs/adr/0024), or the AR holding the deal's seat now. All three are folded from the
 * deal's own events, so a rebuild groups every deal the same way.
 */
export const DEAL_GROUPINGS = ['source', 'team', 'ar'] as const;
export type DealGrouping = (typeof DEAL_GROUPINGS)[number];

export type GroupedDeal = Pick<OpportunityMemberRow, 'opportunity_id' | 'source' | 'team_id' | 'ar_id'>;
export type ClosingDeal = GroupedDeal & Pick<OpportunityMemberRow, 'status' | 'loss_reason'>;

/** The deal's group; null: from no lead (source), opened in no team (team), no AR. */
export function dealGroupOf(deal: GroupedDeal, by: DealGrouping): string | null {
  switch (by) {
    case 'source':
      return deal.source;
    case 'team':
      return deal.team_id;
    case 'ar':
      return deal.ar_id;
  }
}

/** Keys in alphabetical order, the null group last (as the report by source always listed them). */
const byKey = (a: string | null, b: string | null): number => (a === null ? 1 : b === null ? -1 : a.localeCompare(b));

/** The deals of each group, the groups in key order. */
export function groupsOf<T extends GroupedDeal>(deals: readonly T[], by: DealGrouping): [string | null, T[]][] {
  const groups = new Map<string | null, T[]>();
  for (const deal of deals) {
    const key = dealGroupOf(deal, by);
    groups.set(key, [...(groups.get(key) ?? []), deal]);
  }
  return [...groups.entries()].sort(([a], [b]) => byKey(a, b));
}
