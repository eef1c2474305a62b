import { replan } from '../domain/ticket-clocks.js';
import { decideResume, decideWait } from '../domain/ticket-handling.decide.js';
import { decideReapply } from '../domain/ticket-intake.decide.js';
import { decideSlaBreach, decideSlaWarning } from '../domain/ticket-sla.decide.js';
import { evolveTicket } from '../domain/ticket.evolve.js';
import type {
  TicketAccepted,
  TicketEvent,
  TicketSlaPlanned,
  TicketSlaPolicyReapplied,
  TicketWaitEnded,
  TicketWaitStarted,
} from '../domain/ticket.events.js';
import { initialTicketState, type Ticket, type TicketState } from '../domain/ticket.state.js';
import {
  SLA_CLOCKS,
  type Actor,
  type Line,
  type Priority,
  type SlaClockName,
  type SlaPolicySnapshot,
} from '../domain/service-vocabulary.js';

/** Which clocks of a ticket warned and which breached (each counted once, however often it was raised). */
export interface RaisedClocks {
  readonly warned: ReadonlySet<SlaClockName>;
  readonly breached: ReadonlySet<SlaClockName>;
}

/** One ticket of the period: as recorded, and as it would have gone under the replayed policy. */
export interface TicketSlaResult {
  readonly priority: Priority;
  readonly line: Line;
  readonly actual: RaisedClocks;
  readonly simulated: RaisedClocks;
}

interface Threshold {
  readonly clock: SlaClockName;
  readonly kind: 'warning' | 'breach';
  readonly dueAt: number;
  readonly plan: number;
}

const TIMER: Actor = { id: 'system:simulation', roles: [] };
const actorOf = (by: string): Actor => ({ id: by, roles: [] });

/**
 * One ticket replayed under a policy snapshot in place of the one it was accepted with. The
 * recorded events are folded by the real `evolveTicket`; each recorded re-plan of a clock is
 * made again by the real `replan` at the same instant, so the time used is measured on the
 * replayed policy's calendar and the targets are the replayed policy's. The decisions the
 * policy itself shapes are taken again by the real deciders: whether a wait pauses the clocks
 * (`decideWait`, `decideResume`), a re-application (`decideReapply`), and the warnings and
 * breaches, raised by `decideSlaWarning` / `decideSlaBreach` at the instant they fall due, as an
 * on-time timer would. A clock met past its target counts as breached on both sides, as the
 * record's `withinTarget` has it, timer or not.
 */
export class TicketSlaReplay {
  private ticket: Ticket;
  private readonly actualWarned = new Set<SlaClockName>();
  private readonly actualBreached = new Set<SlaClockName>();
  private readonly simulatedWarned = new Set<SlaClockName>();
  private readonly simulatedBreached = new Set<SlaClockName>();

  /**
   * @param policy the snapshot the replay runs the ticket under
   * @param keepsPolicy true: a later re-application is ignored (a proposal stands for the ticket's
   *   whole life); false: re-applications happen as recorded (the control)
   */
  constructor(
    accepted: TicketAccepted,
    policy: SlaPolicySnapshot,
    private readonly keepsPolicy: boolean,
  ) {
    this.ticket = evolveTicket(initialTicketState(), { ...accepted, data: { ...accepted.data, policy } }) as Ticket;
  }

  /** The next recorded event of this ticket (dated before the period's end). */
  apply(event: Exclude<TicketEvent, TicketAccepted>): void {
    this.raiseDue(Date.parse(event.data.at));
    switch (event.type) {
      case 'TicketSlaWarned':
        this.actualWarned.add(event.data.clock);
        return;
      case 'TicketSlaBreached':
        this.actualBreached.add(event.data.clock);
        return;
      case 'TicketResponded':
      case 'TicketResolved':
        // Met late counts as breached even where no timer had raised it yet (one due the very instant it was met).
        if (!event.data.withinTarget)
          this.actualBreached.add(event.type === 'TicketResponded' ? 'response' : 'resolution');
        this.fold(event);
        return;
      case 'TicketSlaPlanned':
        return this.replanned(event);
      case 'TicketWaitStarted':
        return this.waitStarted(event);
      case 'TicketWaitEnded':
        return this.waitEnded(event);
      case 'TicketSlaPolicyReapplied':
        return this.reapplied(event);
      default:
        this.fold(event);
    }
  }

  /** The period is over: what falls due before its end is raised; what runs on is judged no further. */
  finish(periodEnd: Date): TicketSlaResult {
    this.raiseDue(periodEnd.getTime());
    return {
      priority: this.ticket.grading.priority,
      line: this.ticket.line,
      actual: { warned: new Set(this.actualWarned), breached: new Set(this.actualBreached) },
      simulated: { warned: new Set(this.simulatedWarned), breached: new Set(this.simulatedBreached) },
    };
  }

  private fold(...events: readonly TicketEvent[]): void {
    this.ticket = events.reduce<TicketState>(evolveTicket, this.ticket) as Ticket;
  }

  /**
   * The record re-planned this clock here (accepted, re-graded, paused, resumed, met, reopened):
   * so does the replay. Met stays met; otherwise the clock runs unless the replayed policy
   * pauses on the wait the ticket is in, which the recorded state cannot know.
   */
  private replanned({ data }: TicketSlaPlanned): void {
    const state = data.state === 'stopped' ? 'stopped' : this.ticket.waiting?.pausesSla ? 'paused' : 'running';
    const plans = replan(this.ticket, new Date(data.at), { clocks: [data.clock], state });
    // Met past its target: breached, as the record's `withinTarget` judges it.
    for (const { data: plan } of plans) {
      if (plan.state === 'stopped' && plan.elapsedMs > plan.targetMs) this.simulatedBreached.add(plan.clock);
    }
    this.fold(...plans);
  }

  /** Whether the wait pauses the clocks is the replayed policy's call (its `pauseOn`). */
  private waitStarted({ data }: TicketWaitStarted): void {
    const command = {
      type: 'StartWaiting',
      ticketId: data.ticketId,
      actor: actorOf(data.by),
      now: new Date(data.at),
      reason: data.reason,
      note: data.note,
    } as const;
    this.fold(...decideWait(command, this.ticket));
  }

  private waitEnded({ data }: TicketWaitEnded): void {
    const command = {
      type: 'ResumeTicket',
      ticketId: data.ticketId,
      actor: actorOf(data.by),
      now: new Date(data.at),
    } as const;
    this.fold(...decideResume(command, this.ticket));
  }

  private reapplied({ data }: TicketSlaPolicyReapplied): void {
    if (this.keepsPolicy) return;
    const command = {
      type: 'ReapplySlaPolicy',
      ticketId: data.ticketId,
      actor: actorOf(data.by),
      now: new Date(data.at),
      policy: data.policy,
      reason: data.reason,
    } as const;
    this.fold(...decideReapply(command, this.ticket));
  }

  /**
   * Raises, in the order they fall due, the warnings and breaches due strictly before `before`
   * (an event at the very instant a target runs out is still within it, as `withinTarget` has it).
   * Only the flag is kept: the escalations a breach would trigger move no SLA clock, and the
   * ticket's line and owner change as recorded.
   */
  private raiseDue(before: number): void {
    for (;;) {
      const next = nextThreshold(this.ticket);
      if (next === null || next.dueAt >= before) return;
      const command = {
        ticketId: this.ticket.ticketId,
        actor: TIMER,
        now: new Date(next.dueAt),
        clock: next.clock,
        plan: next.plan,
        groupLead: null,
        nextLineGroup: null,
      };
      const [raised] =
        next.kind === 'warning'
          ? decideSlaWarning({ ...command, type: 'FlagSlaWarning' }, this.ticket)
          : decideSlaBreach({ ...command, type: 'FlagSlaBreach' }, this.ticket);
      if (raised === undefined) return;
      this.fold(raised);
      (next.kind === 'warning' ? this.simulatedWarned : this.simulatedBreached).add(next.clock);
    }
  }
}

/** The first threshold a running clock of the ticket has yet to raise; a warning before a breach due with it. */
function nextThreshold(ticket: Ticket): Threshold | null {
  let next: Threshold | null = null;
  for (const name of SLA_CLOCKS) {
    const clock = ticket.clocks[name];
    if (clock.state !== 'running' || clock.breached) continue;
    const candidates: Threshold[] = [];
    if (!clock.warned && clock.warnAt !== null) {
      candidates.push({ clock: name, kind: 'warning', dueAt: Date.parse(clock.warnAt), plan: clock.plan });
    }
    if (clock.breachAt !== null) {
      candidates.push({ clock: name, kind: 'breach', dueAt: Date.parse(clock.breachAt), plan: clock.plan });
    }
    for (const candidate of candidates) if (next === null || candidate.dueAt < next.dueAt) next = candidate;
  }
  return next;
}
