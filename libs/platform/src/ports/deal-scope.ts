import type { RecordRule } from '../auth/permissions/permission-matrix.js';
import type { TeamMemberships } from './team-memberships.port.js';

/**
 * What of the tenant's deals (and the contracts and histories that follow them) a caller sees:
 * the rule the opportunities and contracts contexts share, each applying it to its own records.
 *
 * - admins and auditors see every deal of their tenant (auditors only read);
 * - a sales manager sees the deals of their teams (the team a deal was opened in, ADR 0024) and
 *   those a member sees; a sales manager in no team is the head of sales and sees every deal, as
 *   with leads;
 * - everyone else (a member) sees the deals whose triangle they sit in, and the deal a handoff
 *   waits on them for.
 */
export type DealScope =
  | { readonly kind: 'tenant' }
  | { readonly kind: 'team'; readonly personId: string; readonly teams: readonly string[] }
  | { readonly kind: 'member'; readonly personId: string };

export interface DealCaller {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly tenantId: string;
}

/** The facts of a deal (or its contract) sight depends on: its team and the people it names. */
export interface DealSightFacts {
  readonly team: string | null;
  /** Its triangle's seats, its sponsor, whoever a pending handoff waits on (null: empty seat). */
  readonly people: readonly (string | null)[];
}

const TENANT_WIDE_ROLES: ReadonlySet<string> = new Set(['admin', 'auditor']);

/** Sales managers and admins approve discounts and amendments, reopen deals and read others' inboxes. */
export const isSalesManager = (roles: readonly string[]): boolean =>
  roles.includes('sales_manager') || roles.includes('admin');

/** The caller's scope; asks for their teams only when they are a sales manager. */
export async function loadDealScope(memberships: TeamMemberships, caller: DealCaller): Promise<DealScope> {
  if (caller.roles.some((role) => TENANT_WIDE_ROLES.has(role))) return { kind: 'tenant' };
  if (!caller.roles.includes('sales_manager')) return { kind: 'member', personId: caller.userId };
  const teams = await memberships.teamsOf(caller.tenantId, caller.userId);
  return teams.length === 0 ? { kind: 'tenant' } : { kind: 'team', personId: caller.userId, teams };
}

export function canSeeDealOf(scope: DealScope, facts: DealSightFacts): boolean {
  if (scope.kind === 'tenant') return true;
  if (facts.people.includes(scope.personId)) return true;
  return isTeamDeal(scope, facts.team);
}

/**
 * Whether the deal is one the caller manages: every deal for a tenant-wide scope, their teams'
 * for a team manager, none for a member. Where a manager's privileges apply (approving a
 * discount or an amendment, reopening a deal); a seat in another team's triangle shows a deal, it
 * does not make its manager.
 */
export function isTeamDeal(scope: DealScope, team: string | null): boolean {
  if (scope.kind === 'tenant') return true;
  return scope.kind === 'team' && team !== null && scope.teams.includes(team);
}

/** The matrix cell of a sales manager's deal routes (deals, their contracts and histories): `DealScope`'s `team`. */
export const TEAM_DEALS: RecordRule = {
  scope: 'team',
  label: 'team deals',
  description:
    'Deals opened in their teams (the team they belong to or manage) and those whose triangle they sit in or a handoff waits on them for, with the contracts and histories of those deals; a manager with no team sees all.',
};

/** The cell of a manager's privilege (approving a discount or an amendment, reopening a deal): `isTeamDeal`. */
export const MANAGES_TEAM_DEALS: RecordRule = {
  scope: 'team',
  label: 'manages team deals',
  description:
    'Only on the deals (and contracts) of their teams: a seat in another team’s triangle shows a deal, it does not make them its manager; a manager with no team manages all.',
};

/**
 * The cell of the deal analytics for sales managers: the tenant's aggregates, not their team's
 * slice. They compare teams and ARs with one another (per team, per AR, per source), which a
 * slice could not, and list no deal.
 */
export const TENANT_AGGREGATES: RecordRule = {
  scope: 'tenant',
  label: 'all, aggregates',
  description: 'The tenant’s figures per team, AR or source, to compare them with one another; lists no deal.',
};

/** The matrix cells of the deal scope, for the permission tables of deals, contracts and histories. */
export const DEAL_RECORD_RULES = {
  team: TEAM_DEALS,
  manages: MANAGES_TEAM_DEALS,
  aggregates: TENANT_AGGREGATES,
} as const;
