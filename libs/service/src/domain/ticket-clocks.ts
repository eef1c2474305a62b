import { pastOf, planClock } from './sla-clock.js';
import type { TicketSlaPlanned } from './ticket.events.js';
import type { SlaClockState, Ticket } from './ticket.state.js';
import { SLA_CLOCKS, type Priority, type SlaClockName, type SlaPolicySnapshot } from './service-vocabulary.js';

type ClockRunState = SlaClockState['state'];

export interface Replanning {
  /** The clocks to plan again (default: those not stopped). */
  readonly clocks?: readonly SlaClockName[];
  /** Their state from now on (default: as they are). */
  readonly state?: ClockRunState;
  readonly priority?: Priority;
  readonly policy?: SlaPolicySnapshot;
}

/**
 * New schedules for a ticket's clocks at `now`: the business time each used so far measured on
 * the calendar it ran on, then planned under the (new) priority, policy and state. The one place
 * a re-grade, pause, resume, first response, resolution, failed verification, reopen or policy
 * re-application changes a clock, so each keeps the time used and the pause history alike.
 */
export function replan(ticket: Ticket, now: Date, replanning: Replanning = {}): TicketSlaPlanned[] {
  const clocks = replanning.clocks ?? SLA_CLOCKS.filter((name) => ticket.clocks[name].state !== 'stopped');
  const policy = replanning.policy ?? ticket.policy;
  const priority = replanning.priority ?? ticket.grading.priority;
  return clocks.map((name) => {
    const clock = ticket.clocks[name];
    const past = pastOf(clock, ticket.policy.calendar, now);
    return planClock(name, past, policy, priority, replanning.state ?? clock.state, ticket.ticketId, now);
  });
}

/** The clocks that run now (not paused, not met). */
export const runningClocks = (ticket: Ticket): SlaClockName[] =>
  SLA_CLOCKS.filter((name) => ticket.clocks[name].state === 'running');

/** The clocks a wait paused. */
export const pausedClocks = (ticket: Ticket): SlaClockName[] =>
  SLA_CLOCKS.filter((name) => ticket.clocks[name].state === 'paused');
