import type { OpportunityState } from '../domain/opportunity.state.js';
import { pendingHandoff, triangleMembers } from '../domain/opportunity.state.js';
import type { OpportunityCommandInput } from './opportunity-command.input.js';

/**
 * The handoff a handed-over contract asks of its deal: from whoever leads it to the FR, in
 * phase `execution`, under `handoffId` (derived from the dispatch key, so a redelivery names
 * the same handoff). Null when there is nothing to ask — the FR already leads, a handoff to
 * them is pending, the deal is unknown, or the request could never pass (another handoff is
 * waiting, the FR is not in the deal's triangle): refusing would stop the process manager
 * for good on an event it can never handle differently; the leader then hands off by hand.
 */
export function fulfilmentHandoff(
  state: OpportunityState,
  to: string,
  handoffId: string,
): Extract<OpportunityCommandInput, { type: 'RequestHandoff' }> | null {
  if (state.status === 'none' || state.status === 'lost') return null;
  if (state.leader === to || pendingHandoff(state) !== undefined) return null;
  if (!triangleMembers(state.triangle).includes(to)) return null;
  return {
    type: 'RequestHandoff',
    opportunityId: state.opportunityId,
    actor: { id: state.leader, salesManager: false },
    handoffId,
    to,
    phase: 'execution',
    notes: 'The contract is handed over: the FR leads its execution',
    openItems: [],
  };
}
