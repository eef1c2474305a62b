/**
 * Who may see which lead: the one rule behind every lead read (lists, detail, timeline) and
 * every command on a lead. A lead the caller may not see answers 404, exactly like an
 * unknown one, so its existence does not leak.
 *
 * - admins and auditors see every lead of the tenant;
 * - a manager (sales or service) who manages a team, or belongs to one, sees the leads owned
 *   by or offered to that team's reps, the pool and leads nobody owns yet; a manager with no
 *   team is the head of sales and sees the whole tenant;
 * - everyone else (AR, SR, FR, service agents) sees the leads they own, leads offered to them,
 *   the pool they may pull from (cherry pick and shark tank; blind-pull leads stay unseen) and
 *   leads still waiting to be routed (new, no owner, no offer) — so a rep who captures a lead
 *   nobody can take yet still finds it.
 *
 * Leads carry no team of their own yet, so "the team's leads" are the leads of its reps, and the
 * pool and the routing queue are the tenant's, shared by every team.
 */

/** Pool methods whose leads reps may look at before claiming (blind pull is taken unseen). */
export const REP_VISIBLE_POOL_METHODS = ['cherry_pick', 'shark_tank'] as const;
export const POOL_STATUSES = ['pooled', 'recycled'] as const;

const TENANT_WIDE_ROLES: ReadonlySet<string> = new Set(['admin', 'auditor']);
const MANAGER_ROLES: ReadonlySet<string> = new Set(['sales_manager', 'service_manager']);

/** The caller as far as visibility goes; `teamMembers` are the reps of the teams they manage or belong to. */
export interface LeadReader {
  readonly userId: string;
  readonly roles: readonly string[];
  /** Rep ids of the caller's teams (including the caller when they are a rep); empty = no team. */
  readonly teamMembers: readonly string[];
  /** The caller's teams (the one they belong to and those they manage); absent = not known. */
  readonly teams?: readonly string[];
}

/** What a reader may see, in a form both the pure check and a database query can apply. */
export type LeadScope =
  | { readonly kind: 'tenant' }
  | { readonly kind: 'team'; readonly userId: string; readonly members: readonly string[] }
  | { readonly kind: 'own'; readonly userId: string };

/** The facts of a lead visibility depends on. */
export interface LeadVisibilityFacts {
  readonly ownerId: string | null;
  readonly offeredTo: string | null;
  readonly status: string;
  readonly poolMethod: string | null;
}

export function leadScopeOf(reader: LeadReader): LeadScope {
  if (reader.roles.some((role) => TENANT_WIDE_ROLES.has(role))) return { kind: 'tenant' };
  if (reader.roles.some((role) => MANAGER_ROLES.has(role))) {
    return reader.teamMembers.length === 0
      ? { kind: 'tenant' }
      : { kind: 'team', userId: reader.userId, members: reader.teamMembers };
  }
  return { kind: 'own', userId: reader.userId };
}

export function isLeadVisible(scope: LeadScope, lead: LeadVisibilityFacts): boolean {
  switch (scope.kind) {
    case 'tenant':
      return true;
    case 'team': {
      const people = [scope.userId, ...scope.members];
      return (
        (lead.ownerId === null && lead.offeredTo === null) ||
        isPooled(lead) ||
        (lead.ownerId !== null && people.includes(lead.ownerId)) ||
        (lead.offeredTo !== null && people.includes(lead.offeredTo))
      );
    }
    case 'own':
      return (
        lead.ownerId === scope.userId ||
        lead.offeredTo === scope.userId ||
        isWaitingForRouting(lead) ||
        (isPooled(lead) && (REP_VISIBLE_POOL_METHODS as readonly (string | null)[]).includes(lead.poolMethod))
      );
    default: {
      const unknownScope: never = scope;
      return unknownScope;
    }
  }
}

/**
 * Which part of the unassigned queue (leads routing could not place, all unowned) a reader
 * sees: whoever sees the whole tenant sees all of it; a team's manager (or member) the leads
 * waiting for their teams and those routed tenant-wide (no team), which every team may take.
 */
export function unassignedQueueScopeOf(reader: LeadReader): { readonly teams: readonly string[] } | 'all' {
  return leadScopeOf(reader).kind === 'tenant' ? 'all' : { teams: reader.teams ?? [] };
}

function isWaitingForRouting(lead: LeadVisibilityFacts): boolean {
  return lead.status === 'new' && lead.ownerId === null && lead.offeredTo === null;
}

function isPooled(lead: LeadVisibilityFacts): boolean {
  return (POOL_STATUSES as readonly string[]).includes(lead.status);
}
