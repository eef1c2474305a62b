import type { RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerEffect } from '#ltc/projections';
import type { HandoffAccepted, HandoffDeclined, HandoffRequested } from '../domain/opportunity.events.js';

/** The two steps of a handoff's acceptance target: overdue (the sponsor is told), then escalated (the sales manager). */
const STEPS = [1, 2] as const;

/** The events that close a deal: nobody is chased for a handoff on a won or lost deal. */
export const DEAL_CLOSING_EVENTS = ['OpportunityWon', 'OpportunityLost'] as const;

/** One durable timer per handoff and step, named by the handoff, so a redelivered request schedules it once. */
export const handoffTimerId = (handoffId: string, step: 1 | 2): string => `handoff-overdue-${handoffId}-${step}`;

const cancelBoth = (handoffId: string): ProcessManagerEffect[] =>
  STEPS.map((step) => ({ kind: 'cancel', timerId: handoffTimerId(handoffId, step) }));

/**
 * A requested handoff is watched by two durable timers: step 1 at its due time, step 2 at
 * its escalation time, each sending `opportunity.FlagHandoffOverdue` (which decides nothing
 * for a handoff answered meanwhile). An accepted or declined handoff cancels both; so does
 * closing the deal (won or lost) for the handoffs still pending then (`pendingAtEvent`: the
 * deal's pending handoffs as of the event, read by the shell).
 */
export function decideHandoffTimers(
  event: RecordedEvent,
  pendingAtEvent: readonly string[] = [],
): ProcessManagerEffect[] {
  switch (event.type) {
    case 'HandoffRequested': {
      const { opportunityId, handoffId, dueAt, escalateAt } = event.data as HandoffRequested['data'];
      const at = { 1: dueAt, 2: escalateAt };
      return STEPS.map((step) => ({
        kind: 'schedule',
        timer: {
          timerId: handoffTimerId(handoffId, step),
          dueAt: new Date(at[step]),
          command: { type: 'opportunity.FlagHandoffOverdue', payload: { opportunityId, handoffId, step } },
        },
      }));
    }
    case 'HandoffAccepted':
    case 'HandoffDeclined':
      return cancelBoth((event.data as (HandoffAccepted | HandoffDeclined)['data']).handoffId);
    case 'OpportunityWon':
    case 'OpportunityLost':
      return pendingAtEvent.flatMap(cancelBoth);
    default:
      return [];
  }
}
