import { aggregateStream, type AggregatedStream } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { parseOpportunityEvent } from '../domain/opportunity-event.js';
import type { OpportunityEvent } from '../domain/opportunity.events.js';
import { opportunityDecider } from '../domain/opportunity.decider.js';
import type { OpportunityState } from '../domain/opportunity.state.js';
import { opportunityStream } from '../opportunity-streams.js';

/** A deal's stream folded as it stands now, or as it stood at `asOf` (check `tenantId` before trusting it). */
export const loadDeal = (
  store: EventStore,
  opportunityId: string,
  asOf?: Date,
): Promise<AggregatedStream<OpportunityEvent, OpportunityState>> =>
  aggregateStream(store, opportunityDecider, opportunityStream(opportunityId), {
    parse: parseOpportunityEvent,
    ...(asOf ? { asOf } : {}),
  });
