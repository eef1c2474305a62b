import type { EventStore, RecordedEvent } from '#ltc/event-store';
import { decidingProcessManager, type ProcessManager } from '#ltc/projections';
import { wonDealFacts, type WonDealFacts } from '../won-deal/won-deal-facts.js';
import { decideDrafting } from './drafting.decide.js';

/** The events the drafting manager reacts to: the deal's win (opportunities) and the contract's handover. */
export const DRAFTING_EVENTS = ['OpportunityWon', 'ContractHandedOver'] as const;

/**
 * Won deal → contract drafted; contract handed over → the deal's lead passes to the FR.
 * Reads the opportunities context's published events (types only) from the deal's stream.
 * A deal and its contract share one id, so partitioning by that id keeps each deal's
 * win before its handover; deals run side by side.
 */
export function draftingProcessManager({ store }: { readonly store: EventStore }): ProcessManager {
  return decidingProcessManager({
    name: 'contract_drafting',
    filter: { eventTypes: [...DRAFTING_EVENTS] },
    partitionKey: (event) => dealIdOf(event),
    load: (event) => factsAtWin(store, event),
    decide: decideDrafting,
  });
}

const dealIdOf = (event: RecordedEvent): string => {
  const dealId = (event.data as { dealId?: unknown; opportunityId?: unknown }).dealId;
  const opportunityId = (event.data as { opportunityId?: unknown }).opportunityId;
  return typeof dealId === 'string' ? dealId : typeof opportunityId === 'string' ? opportunityId : event.stream;
};

/**
 * The won deal's facts as of the win being handled: its stream up to that event, so a
 * replay long after (a reopening, a changed triangle) drafts exactly what the win did.
 */
async function factsAtWin(store: EventStore, event: RecordedEvent): Promise<WonDealFacts | null> {
  if (event.type !== 'OpportunityWon') return null;
  const events = await store.readStream(event.stream);
  return wonDealFacts(events.filter((recorded) => recorded.position <= event.position));
}
