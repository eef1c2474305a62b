import type { Lead } from './lead.state.js';

/**
 * Who may see which lead: the one rule behind every lead read (lists, detail, timeline) and
 * every command a person sends on a lead. A lead the caller may not see answers 404, exactly
 * like an unknown one, so its existence does not leak. Reads apply it to the lead list read
 * model; commands apply it to the lead's own stream state, so a lead captured or assigned a
 * moment ago is judged as it is now, not as a lagging projection last saw it.
 *
 * - admins, auditors and marketing see every lead of the tenant (marketing only lists them, without
 *   deal money, and captures: the permission matrix grants it no other lead route);
 * - a manager (sales or service) who manages a team, or belongs to one, sees the leads owned
 *   by or offered to that team's reps, the pool and leads nobody owns yet; a manager with no
 *   team is the head of sales and sees the whole tenant;
 * - everyone else (AR, SR, FR, service agents) sees the leads they own, leads offered to them,
 *   the pool they may pull from (cherry pick and shark tank; blind-pull leads stay unseen) and
 *   leads still waiting to be routed (new, no owner, no offer) — so a rep who captures a lead
 *   nobody can take yet still finds it.
 *
 * "The team's leads" are the leads its reps own or are offered; the pool and the routing queue are
 * the tenant's, shared by every team. A lead does carry a team (`LeadTeamSet`), which picks its
 * distribution policy, but visibility is not yet judged by it: a manager sees a lead of their team
 * that no rep has yet through the shared queue.
 */

/** Pool methods whose leads reps may look at before claiming (blind pull is taken unseen). */
export const REP_VISIBLE_POOL_METHODS = ['cherry_pick', 'shark_tank'] as const;
export const POOL_STATUSES = ['pooled', 'recycled'] as const;

const TENANT_WIDE_ROLES: ReadonlySet<string> = new Set(['admin', 'auditor', 'marketing']);
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

/** Whether the caller's scope depends on their teams: only a manager's does, so only theirs needs looking up. */
export function scopeDependsOnTeams(roles: readonly string[]): boolean {
  return !roles.some((role) => TENANT_WIDE_ROLES.has(role)) && roles.some((role) => MANAGER_ROLES.has(role));
}

/** The facts visibility depends on, from the lead's own stream state. */
export function visibilityFactsOfLead(lead: Lead): LeadVisibilityFacts {
  return {
    ownerId: lead.owner,
    offeredTo: lead.offer?.repId ?? null,
    status: lead.status,
    poolMethod: lead.poolMethod,
  };
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
        (isPooled(lead) && isRepVisiblePoolMethod(lead.poolMethod))
      );
    default: {
      const unknownScope: never = scope;
      return unknownScope;
    }
  }
}

/**
 * A claim on a lead another rep has just claimed from a pool the caller may pull from: the
 * caller could see it there a moment ago, so it answers 409 LEAD_ALREADY_CLAIMED (the race was
 * lost) rather than 404, which would read as "that lead never existed".
 */
export function isVisibleForClaim(scope: LeadScope, lead: Lead): boolean {
  if (isLeadVisible(scope, visibilityFactsOfLead(lead))) return true;
  if (lead.owner === null || lead.claimedFrom === null) return false;
  return isLeadVisible(scope, { ownerId: null, offeredTo: null, status: 'pooled', poolMethod: lead.claimedFrom });
}

/** A recycled lead carries no pool method: it is claimed as a cherry pick (lead-ownership.decide.ts), so reps see it. */
function isRepVisiblePoolMethod(method: string | null): boolean {
  return (REP_VISIBLE_POOL_METHODS as readonly string[]).includes(method ?? 'cherry_pick');
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
