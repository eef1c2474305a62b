import { aggregateStream } from '#ltc/commanding';
import type { EventStore, RecordedEvent } from '#ltc/event-store';
import { decidingProcessManager, type ProcessManager } from '#ltc/projections';
import { parseOpportunityEvent } from '../domain/opportunity-event.js';
import { opportunityDecider } from '../domain/opportunity.decider.js';
import { DEAL_CLOSING_EVENTS, decideHandoffTimers } from './handoff-timers.decide.js';

const HANDOFF_EVENTS = ['HandoffRequested', 'HandoffAccepted', 'HandoffDeclined'] as const;

/**
 * Watches every handoff's acceptance target with durable timers (see `decideHandoffTimers`).
 * Each deal's events are handled in log order, so a cancel never overtakes its schedule.
 */
export function handoffTimersProcessManager({ store }: { readonly store: EventStore }): ProcessManager {
  return decidingProcessManager({
    name: 'opportunity_handoff_timers',
    filter: { eventTypes: [...HANDOFF_EVENTS, ...DEAL_CLOSING_EVENTS] },
    partitionKey: (event) => event.stream,
    load: (event) => pendingAtEvent(store, event),
    decide: decideHandoffTimers,
  });
}

/**
 * The handoffs pending on a closing deal as of that event (the deal folded up to it, so a
 * later reopening and a new handoff never change what this event decides); none otherwise.
 */
async function pendingAtEvent(store: EventStore, event: RecordedEvent): Promise<string[]> {
  if (!(DEAL_CLOSING_EVENTS as readonly string[]).includes(event.type)) return [];
  const { state } = await aggregateStream(store, opportunityDecider, event.stream, {
    parse: parseOpportunityEvent,
    upTo: event.position,
  });
  if (state.status === 'none') return [];
  return state.handoffs.filter((handoff) => handoff.status === 'pending').map((handoff) => handoff.handoffId);
}
