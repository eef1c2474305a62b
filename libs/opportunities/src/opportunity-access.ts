import { canSeeDealOf, type DealScope } from '#ltc/platform';

/**
 * Who may see which deal: the one rule behind every opportunity read and every command a
 * person sends on a deal (the shared `DealScope`: admins and auditors the tenant, a sales
 * manager their teams' deals, everyone else the deals whose triangle they sit in or a handoff
 * waits on them for). A deal the caller may not see answers 404, exactly like an unknown one,
 * so its existence does not leak. `DealScopes` gives a request's scope.
 */
export type OpportunityScope = DealScope;

/** The facts of a deal visibility depends on: its team, its seats and whoever a pending handoff waits on. */
export interface DealMembers {
  readonly team: string | null;
  readonly ar: string | null;
  readonly sr: string | null;
  readonly fr: string | null;
  readonly sponsor: string | null;
  readonly pendingHandoffTo?: string | null;
}

export function canSeeDeal(scope: OpportunityScope, members: DealMembers): boolean {
  const { team, ar, sr, fr, sponsor, pendingHandoffTo = null } = members;
  return canSeeDealOf(scope, { team, people: [ar, sr, fr, sponsor, pendingHandoffTo] });
}
