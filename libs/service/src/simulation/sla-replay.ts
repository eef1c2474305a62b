import type { RecordedEvent } from '#ltc/event-store';
import type { SimulationOutcome, SimulationReplay, SimulationRequest } from '#ltc/platform';
import { parseServiceCalendarEvent, type SlaPolicyDefinition } from '../domain/config/index.js';
import { parseTicketEvent } from '../domain/ticket-event.js';
import type { TicketAccepted } from '../domain/ticket.events.js';
import { CalendarVersions, proposedSnapshot } from './proposed-policy.js';
import { slaAssumptions } from './sla-assumptions.js';
import { slaSections } from './sla-outcome.js';
import { TicketSlaReplay } from './ticket-sla-replay.js';

/**
 * A tenant's service history replayed under an SLA policy: the calendars as they were configured
 * (for a proposal naming another calendar), and every ticket accepted in the period (under the
 * scope's policy, when one is given), each on its own `TicketSlaReplay`. Facts dated at or after
 * the period's end are ignored, so the answer stays the same as the log grows.
 */
export class SlaReplay implements SimulationReplay {
  private readonly calendars = new CalendarVersions();
  private readonly tickets = new Map<string, TicketSlaReplay>();
  private readonly from: number;
  private readonly to: number;

  constructor(private readonly request: SimulationRequest<SlaPolicyDefinition>) {
    this.from = request.period.from.getTime();
    this.to = request.period.to.getTime();
  }

  apply(recorded: RecordedEvent): void {
    const calendar = parseServiceCalendarEvent(recorded);
    if (calendar !== undefined) {
      if (Date.parse(calendar.data.at) < this.to) this.calendars.record(calendar.data.calendar);
      return;
    }
    const event = parseTicketEvent(recorded);
    if (event === undefined || Date.parse(event.data.at) >= this.to) return;
    if (event.type === 'TicketAccepted') this.accepted(event);
    else this.tickets.get(event.data.ticketId)?.apply(event);
  }

  outcome(): SimulationOutcome {
    const periodEnd = this.request.period.to;
    const results = [...this.tickets.values()].map((ticket) => ticket.finish(periodEnd));
    return { sections: slaSections(results), assumptions: slaAssumptions(this.request.policy !== null) };
  }

  private accepted(event: TicketAccepted): void {
    const { data } = event;
    if (Date.parse(data.at) < this.from) return;
    if (this.request.scope !== null && data.policy.policyId !== this.request.scope) return;
    const { policy } = this.request;
    const replayed =
      policy === null ? data.policy : proposedSnapshot(policy, data.policy, this.calendars, data.ticketId);
    this.tickets.set(data.ticketId, new TicketSlaReplay(event, replayed, policy !== null));
  }
}
