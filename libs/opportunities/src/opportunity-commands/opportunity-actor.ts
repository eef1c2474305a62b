import { isSalesManager, type RequestContext } from '#ltc/platform';
import type { Actor } from '../domain/opportunity-vocabulary.js';
import type { OpportunityState } from '../domain/opportunity.state.js';
import { pendingHandoff } from '../domain/opportunity.state.js';
import type { DealMembers, OpportunityScope } from '../opportunity-access.js';

/** Who gives a command: always the token's subject, a sales manager when the token says so. */
export const actorOf = (ctx: RequestContext): Actor => ({
  id: ctx.caller.userId,
  salesManager: isSalesManager(ctx.caller.roles),
});

/** The actor narrowed to the deals they manage: a team's sales manager manages their teams' deals only. */
export const actorIn = (actor: Actor, scope: OpportunityScope): Actor =>
  scope.kind === 'team' ? { ...actor, managerOf: scope.teams } : actor;

/** The facts of a deal whose sight of it `canSeeDeal` decides, from the deal's own stream state. */
export function membersOf(state: OpportunityState): DealMembers {
  if (state.status === 'none') return { team: null, ar: null, sr: null, fr: null, sponsor: null };
  return { team: state.team, ...state.triangle, pendingHandoffTo: pendingHandoff(state)?.to ?? null };
}
