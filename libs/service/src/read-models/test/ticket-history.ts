import { InMemoryEventStore, type EventMetadata, type EventStore } from '#ltc/event-store';
import { ProjectionRunner, type Projection, type ReadModelHandle } from '#ltc/projections';
import { ALWAYS } from '../../domain/clock/business-calendar.js';
import type { Owner, Priority, SlaClockName, SlaPolicySnapshot } from '../../domain/service-vocabulary.js';
import type { TicketAccepted, TicketEvent, TicketSlaPlanned } from '../../domain/ticket.events.js';
import { ticketStream } from '../../service-streams.js';

export { sqliteTestDb as sqliteDb, postgresTestDb as postgresDb, type TestDb } from '#ltc/testing';

const HOUR = 3_600_000;

export const POLICY: SlaPolicySnapshot = {
  policyId: 'default',
  version: 0,
  targets: {
    P1: { responseMinutes: 30, resolutionMinutes: 240 },
    P2: { responseMinutes: 60, resolutionMinutes: 480 },
    P3: { responseMinutes: 240, resolutionMinutes: 1440 },
    P4: { responseMinutes: 480, resolutionMinutes: 2880 },
  },
  calendarId: null,
  calendarVersion: null,
  calendar: ALWAYS,
  pauseOn: ['customer'],
  warnAtPercent: 75,
  escalations: [],
  ola: { byLine: { 1: 240, 2: 480, 3: 960 }, byKind: {} },
  independentVerification: false,
  reopenWindowDays: 7,
};

/** The metadata of an event a person of the tenant caused. */
export const metadata = (tenantId: string, userId: string): EventMetadata => ({
  actor: { userId, role: 'service_agent' },
  correlationId: 'corr',
  causationId: 'cause',
  commandId: `cmd-${Math.random().toString(36).slice(2)}`,
  tenantId,
  schemaVersion: 1,
});

/** `2026-03-02T08:00Z` plus `hours`: the instants of a history. */
export const at = (hours: number): string => new Date(Date.UTC(2026, 2, 2, 8) + hours * HOUR).toISOString();

/**
 * Ticket histories as the ticket decider writes them, event by event, on one ticket: each
 * builder takes the hour it happens at and gives the events one command appends.
 */
export class TicketScript {
  private plans: Record<SlaClockName, number> = { response: 0, resolution: 0 };
  private targets: Record<SlaClockName, number> = { response: 0, resolution: 0 };

  constructor(readonly ticketId: string) {}

  accepted(
    hour: number,
    options: {
      priority?: Priority;
      account?: string;
      dealTeam?: string[];
      subject?: string;
      product?: string | null;
      category?: string | null;
      followUpOf?: string | null;
    } = {},
  ): TicketEvent[] {
    const priority = options.priority ?? 'P3';
    const accepted: TicketAccepted = {
      type: 'TicketAccepted',
      data: {
        ticketId: this.ticketId,
        by: 'hal-hotline',
        at: at(hour),
        channel: 'hotline',
        customer: {
          account: options.account ?? 'Nordic Freight AB',
          contractId: 'c-1',
          entitlement: 'contract',
          warranty: 'in_warranty',
          warrantyEndsOn: '2027-06-30',
          dealTeam: options.dealTeam ?? ['ann-ar', 'sam-sr'],
        },
        contact: { name: 'Ola Nordmann', email: null, phone: null },
        product: options.product === undefined ? 'fleet-tracker' : options.product,
        category: options.category === undefined ? 'hardware' : options.category,
        subject: options.subject ?? `Tracker ${this.ticketId} offline`,
        description: 'The trackers stopped reporting.',
        grading: { priority, impact: null, urgency: null, basis: priority === 'P3' ? 'default' : 'direct' },
        policy: POLICY,
        followUpOf: options.followUpOf ?? null,
      },
    };
    const targets = POLICY.targets[priority];
    this.targets = { response: targets.responseMinutes * 60_000, resolution: targets.resolutionMinutes * 60_000 };
    return [accepted, this.plan('response', hour, 'running', 0), this.plan('resolution', hour, 'running', 0)];
  }

  /** A new schedule of `clock`, running from `elapsedMs` at `hour` on a 24×7 calendar (or paused or stopped). */
  plan(
    clock: SlaClockName,
    hour: number,
    state: 'running' | 'paused' | 'stopped',
    elapsedMs: number,
    targetMs = this.targets[clock],
  ): TicketSlaPlanned {
    this.plans[clock] += 1;
    this.targets[clock] = targetMs;
    const start = Date.parse(at(hour)) - elapsedMs;
    const instant = (share: number): string | null => {
      const when = start + targetMs * share;
      return state === 'running' && when > Date.parse(at(hour)) ? new Date(when).toISOString() : null;
    };
    return {
      type: 'TicketSlaPlanned',
      data: {
        ticketId: this.ticketId,
        clock,
        plan: this.plans[clock],
        targetMs,
        elapsedMs,
        state,
        warnAt: instant(0.75),
        breachAt: instant(1),
        policyVersion: 0,
        at: at(hour),
      },
    };
  }

  warned(clock: SlaClockName, hour: number): TicketEvent {
    const d = { ticketId: this.ticketId, clock, plan: this.plans[clock], dueAt: at(hour), at: at(hour) };
    return { type: 'TicketSlaWarned', data: d };
  }

  breached(clock: SlaClockName, hour: number): TicketEvent {
    const d = { ticketId: this.ticketId, clock, plan: this.plans[clock], dueAt: at(hour), at: at(hour) };
    return { type: 'TicketSlaBreached', data: d };
  }

  assigned(hour: number, owner: Owner, line: 1 | 2 | 3 = 1): TicketEvent {
    const d = {
      ticketId: this.ticketId,
      by: 'dora-dispatch',
      at: at(hour),
      line,
      owner,
      reason: null,
      automatic: false,
    };
    return { type: 'TicketAssigned', data: d };
  }

  escalated(hour: number, fromLine: 1 | 2 | 3, toLine: 1 | 2 | 3, owner: Owner): TicketEvent {
    return {
      type: 'TicketEscalated',
      data: {
        ticketId: this.ticketId,
        by: 'eve-eng',
        at: at(hour),
        fromLine,
        toLine,
        reason: 'needs expert',
        owner,
        automatic: false,
      },
    };
  }

  responded(hour: number, elapsedMs: number, withinTarget: boolean): TicketEvent[] {
    return [
      {
        type: 'TicketResponded',
        data: { ticketId: this.ticketId, by: 'eve-eng', at: at(hour), message: 'On it', elapsedMs, withinTarget },
      },
      this.plan('response', hour, 'stopped', elapsedMs),
    ];
  }

  waited(hour: number, elapsedMs: number): TicketEvent[] {
    return [
      {
        type: 'TicketWaitStarted',
        data: { ticketId: this.ticketId, by: 'eve-eng', at: at(hour), reason: 'customer', note: null, pausesSla: true },
      },
      this.plan('resolution', hour, 'paused', elapsedMs),
    ];
  }

  resumed(hour: number, elapsedMs: number): TicketEvent[] {
    return [
      { type: 'TicketWaitEnded', data: { ticketId: this.ticketId, by: 'eve-eng', at: at(hour), reason: 'customer' } },
      this.plan('resolution', hour, 'running', elapsedMs),
    ];
  }

  resolved(hour: number, elapsedMs: number, withinTarget: boolean): TicketEvent[] {
    return [
      {
        type: 'TicketResolved',
        data: { ticketId: this.ticketId, by: 'eve-eng', at: at(hour), resolution: 'Replaced', elapsedMs, withinTarget },
      },
      this.plan('resolution', hour, 'stopped', elapsedMs),
    ];
  }

  closed(hour: number): TicketEvent {
    return { type: 'TicketClosed', data: { ticketId: this.ticketId, by: 'eve-eng', at: at(hour), note: null } };
  }

  callback(hour: number, satisfaction: 1 | 2 | 3 | 4 | 5): TicketEvent {
    return {
      type: 'TicketCallbackRecorded',
      data: { ticketId: this.ticketId, by: 'cara-care', at: at(hour), satisfaction, comment: null },
    };
  }

  reopened(hour: number, elapsedMs: number): TicketEvent[] {
    return [
      { type: 'TicketReopened', data: { ticketId: this.ticketId, by: 'cara-care', at: at(hour), reason: 'Again' } },
      this.plan('resolution', hour, 'running', elapsedMs),
    ];
  }

  taskOpened(hour: number, taskId: string, owner: Owner, line: 1 | 2 | 3 = 2, dueHours = 4): TicketEvent {
    return {
      type: 'TicketTaskOpened',
      data: {
        ticketId: this.ticketId,
        by: 'eve-eng',
        at: at(hour),
        taskId,
        title: `Task ${taskId}`,
        kind: 'diagnosis',
        line,
        owner,
        targetMs: dueHours * HOUR,
        dueAt: at(hour + dueHours),
      },
    };
  }

  taskCompleted(hour: number, taskId: string, onTime: boolean): TicketEvent {
    return {
      type: 'TicketTaskCompleted',
      data: { ticketId: this.ticketId, by: 'eve-eng', at: at(hour), taskId, onTime, note: null },
    };
  }

  taskOverdue(hour: number, taskId: string, dueHour: number): TicketEvent {
    return { type: 'TicketTaskOverdue', data: { ticketId: this.ticketId, taskId, dueAt: at(dueHour), at: at(hour) } };
  }

  requirement(hour: number, requirementId: string, product: string | null, account = 'Nordic Freight AB'): TicketEvent {
    return {
      type: 'ProductRequirementRaised',
      data: {
        ticketId: this.ticketId,
        by: 'eve-eng',
        at: at(hour),
        requirementId,
        title: `Requirement ${requirementId}`,
        description: 'Battery, "long-life", please',
        product,
        customerAccount: account,
      },
    };
  }
}

/** Ticket streams on a real (in-memory) store, one append per step as the shell writes them. */
export class TicketHistory {
  head = 0n;
  private readonly streams = new Map<string, TicketEvent[]>();

  constructor(readonly store: EventStore = new InMemoryEventStore()) {}

  async append(tenantId: string, ticketId: string, ...events: TicketEvent[]): Promise<void> {
    if (events.length === 0) return;
    const result = await this.store.appendToStream(
      ticketStream(ticketId),
      events.map((event) => ({ type: event.type, data: event.data, metadata: metadata(tenantId, 'eve-eng') })),
    );
    this.head = result.position;
    const key = `${tenantId}\u0000${ticketId}`;
    this.streams.set(key, [...(this.streams.get(key) ?? []), ...events]);
  }

  eventsOf(tenantId: string, ticketId: string): readonly TicketEvent[] {
    return this.streams.get(`${tenantId}\u0000${ticketId}`) ?? [];
  }
}

export const runnerFor = (history: TicketHistory, handle: ReadModelHandle, projections: readonly Projection[]) =>
  new ProjectionRunner({ store: history.store, db: handle.db, projections: [...projections], batchSize: 3 });
