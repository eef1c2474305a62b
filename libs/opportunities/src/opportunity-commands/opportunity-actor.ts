import type { RequestContext } from '#ltc/platform';
import type { Actor } from '../domain/opportunity-vocabulary.js';
import type { OpportunityState } from '../domain/opportunity.state.js';
import { pendingHandoff } from '../domain/opportunity.state.js';
import { isSalesManager, type DealMembers } from '../opportunity-access.js';

/** Who gives a command: always the token's subject, a sales manager when the token says so. */
export const actorOf = (ctx: RequestContext): Actor => ({
  id: ctx.caller.userId,
  salesManager: isSalesManager(ctx.caller.roles),
});

/** The people of a deal whose sight of it `canSeeDeal` decides, from the deal's own stream state. */
export function membersOf(state: OpportunityState): DealMembers {
  if (state.status === 'none') return { ar: null, sr: null, fr: null, sponsor: null };
  return { ...state.triangle, pendingHandoffTo: pendingHandoff(state)?.to ?? null };
}
