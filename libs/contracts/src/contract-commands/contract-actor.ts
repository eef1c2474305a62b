import { isSalesManager, isTeamDeal, type RequestContext } from '#ltc/platform';
import type { Actor } from '../domain/contract-vocabulary.js';
import type { ContractState } from '../domain/contract.state.js';
import { canSeeContract, type ContractScope } from '../contract-access.js';

/** Who gives a command: always the token's subject, a sales manager when the token says so. */
export const actorOf = (ctx: RequestContext): Actor => ({
  id: ctx.caller.userId,
  salesManager: isSalesManager(ctx.caller.roles),
});

/**
 * The actor as the contract's deal sees them: a team's sales manager is a sales manager (who
 * decides on amendments) of their teams' contracts only, not of one whose triangle they sit in.
 */
export const actorOn = (actor: Actor, scope: ContractScope, team: string | null): Actor =>
  scope.kind === 'team' && !isTeamDeal(scope, team) ? { ...actor, salesManager: false } : actor;

/**
 * Whether the caller sees the contract, on its own stream state: its deal's team (`team`), its
 * triangle as drafted, the triangle the handover meeting was scheduled with, and the FR it was
 * handed over to.
 */
export function canSeeContractState(scope: ContractScope, state: ContractState, team: string | null): boolean {
  if (state.status === 'none') return scope.kind === 'tenant';
  if (canSeeContract(scope, state.triangle, team) || canSeeContract(scope, state.handover.triangle, team)) return true;
  return scope.kind !== 'tenant' && state.handedOverTo === scope.personId;
}
