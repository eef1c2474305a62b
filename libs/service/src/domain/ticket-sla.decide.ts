import { evolveTicket } from './ticket.evolve.js';
import { iso } from './ticket-guards.js';
import type { FlagSlaBreach, FlagSlaWarning } from './ticket.commands.js';
import type { TicketEvent } from './ticket.events.js';
import type { Ticket, TicketState } from './ticket.state.js';
import type { EscalationRule, SlaClockName } from './service-vocabulary.js';

type Threshold = 'warning' | 'breach';

/**
 * From a clock's timer, for the plan it was set for: the warning is raised once, stamped with the
 * instant it was planned for (`dueAt`), whenever the timer actually fired. A timer of an older
 * plan (the clock was paused, re-graded, met since), of a closed ticket or fired early decides nothing.
 */
export function decideSlaWarning(command: FlagSlaWarning, state: TicketState): TicketEvent[] {
  return decideThreshold('warning', command, state);
}

export function decideSlaBreach(command: FlagSlaBreach, state: TicketState): TicketEvent[] {
  return decideThreshold('breach', command, state);
}

function decideThreshold(
  threshold: Threshold,
  command: FlagSlaWarning | FlagSlaBreach,
  state: TicketState,
): TicketEvent[] {
  if (state.status === 'none' || state.status === 'closed') return [];
  const clock = state.clocks[command.clock];
  if (clock.plan !== command.plan || clock.state !== 'running') return [];
  const dueAt = threshold === 'warning' ? clock.warnAt : clock.breachAt;
  const raised = threshold === 'warning' ? clock.warned || clock.breached : clock.breached;
  if (dueAt === null || raised || command.now.getTime() < Date.parse(dueAt)) return [];
  const data = { ticketId: state.ticketId, clock: command.clock, plan: command.plan, dueAt, at: iso(command.now) };
  const flagged: TicketEvent =
    threshold === 'warning' ? { type: 'TicketSlaWarned', data } : { type: 'TicketSlaBreached', data };
  return [flagged, ...escalations(threshold, command, evolveTicket(state, flagged) as Ticket)];
}

const applies = (rule: EscalationRule, threshold: Threshold, clock: SlaClockName): boolean =>
  rule.on === threshold && (rule.clock === 'any' || rule.clock === clock);

/** What the policy does on this threshold, each action decided on the ticket as the previous one left it. */
function escalations(threshold: Threshold, command: FlagSlaWarning | FlagSlaBreach, ticket: Ticket): TicketEvent[] {
  const events: TicketEvent[] = [];
  let current = ticket;
  for (const rule of ticket.policy.escalations.filter((r) => applies(r, threshold, command.clock))) {
    const event = actionOf(rule, threshold, command, current);
    if (event === null) continue;
    events.push(event);
    current = evolveTicket(current, event) as Ticket;
  }
  return events;
}

function actionOf(
  rule: EscalationRule,
  threshold: Threshold,
  command: FlagSlaWarning | FlagSlaBreach,
  ticket: Ticket,
): TicketEvent | null {
  const at = iso(command.now);
  const what = `the ${command.clock} SLA ${threshold === 'warning' ? 'is at risk' : 'is breached'}`;
  switch (rule.action) {
    case 'notify_group_lead':
      return {
        type: 'TicketGroupLeadNotified',
        data: {
          ticketId: ticket.ticketId,
          group: ticket.owner.group,
          groupLead: command.groupLead,
          cause: threshold === 'warning' ? 'sla_warning' : 'sla_breach',
          clock: command.clock,
          taskId: null,
          at,
        },
      };
    case 'reassign_to_group_lead':
      if (command.groupLead === null || ticket.owner.engineer === command.groupLead) return null;
      return {
        type: 'TicketAssigned',
        data: {
          ticketId: ticket.ticketId,
          by: command.actor.id,
          at,
          line: ticket.line,
          owner: { group: ticket.owner.group, engineer: command.groupLead },
          reason: `Reassigned to the group lead: ${what}`,
          automatic: true,
        },
      };
    case 'escalate_line':
      if (ticket.line === 3 || ticket.status === 'resolved') return null;
      return {
        type: 'TicketEscalated',
        data: {
          ticketId: ticket.ticketId,
          by: command.actor.id,
          at,
          fromLine: ticket.line,
          toLine: ticket.line === 1 ? 2 : 3,
          reason: `Escalated by the SLA policy: ${what}`,
          owner: { group: command.nextLineGroup, engineer: null },
          automatic: true,
        },
      };
  }
}
