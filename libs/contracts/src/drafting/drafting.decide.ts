import type { RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerEffect } from '#ltc/projections';
import type { ContractHandedOver } from '../domain/contract.events.js';
import { contractIdForDeal } from '../contract-streams.js';
import type { WonDealFacts } from '../won-deal/won-deal-facts.js';

/**
 * A won deal drafts its contract, under the deal's own id, with the winning quote and the
 * deal's triangle as they stood at the win (`facts`: folded by the shell up to the event, so a
 * replay drafts the same). A deal that is not won at that point (`null`) drafts nothing. The
 * dispatch is keyed by the event, and the decider ignores a repeated draft, so it happens once.
 */
export function decideDraftOnWin(event: RecordedEvent, facts: WonDealFacts | null): ProcessManagerEffect[] {
  if (event.type !== 'OpportunityWon' || facts === null) return [];
  const payload = {
    contractId: contractIdForDeal(facts.dealId),
    dealId: facts.dealId,
    quoteVersion: facts.quoteVersion,
    quoteTotal: facts.quoteTotal,
    triangle: facts.triangle,
  };
  return [{ kind: 'dispatch', command: { type: 'contract.DraftContract', payload } }];
}

/**
 * A handed-over contract passes the deal's lead to the FR through the deal's own handoff
 * (requested from whoever leads, acknowledged by the FR, with its overdue timer).
 */
export function decideHandOffOnHandover(event: RecordedEvent): ProcessManagerEffect[] {
  if (event.type !== 'ContractHandedOver') return [];
  const { dealId, to } = event.data as ContractHandedOver['data'];
  return [
    { kind: 'dispatch', command: { type: 'opportunity.HandOffToFulfilment', payload: { opportunityId: dealId, to } } },
  ];
}

/** What the drafting manager does with one event it listens to. */
export const decideDrafting = (event: RecordedEvent, facts: WonDealFacts | null): ProcessManagerEffect[] => [
  ...decideDraftOnWin(event, facts),
  ...decideHandOffOnHandover(event),
];
