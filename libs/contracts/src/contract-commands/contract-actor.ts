import type { RequestContext } from '#ltc/platform';
import type { Actor } from '../domain/contract-vocabulary.js';
import type { ContractState } from '../domain/contract.state.js';
import { canSeeContract, isSalesManager, type ContractScope } from '../contract-access.js';

/** Who gives a command: always the token's subject, a sales manager when the token says so. */
export const actorOf = (ctx: RequestContext): Actor => ({
  id: ctx.caller.userId,
  salesManager: isSalesManager(ctx.caller.roles),
});

/**
 * Whether the caller sees the contract, on its own stream state: its triangle as drafted, the
 * triangle the handover meeting was scheduled with, and the FR it was handed over to.
 */
export function canSeeContractState(scope: ContractScope, state: ContractState): boolean {
  if (state.status === 'none') return scope.kind === 'tenant';
  if (canSeeContract(scope, state.triangle) || canSeeContract(scope, state.handover.triangle)) return true;
  return scope.kind === 'member' && state.handedOverTo === scope.personId;
}
