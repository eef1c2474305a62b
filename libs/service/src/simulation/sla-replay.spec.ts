import type { RecordedEvent } from '#ltc/event-store';
import { InvalidInputError } from '#ltc/kernel';
import type { ComparisonSection, SimulationRequest } from '#ltc/platform';
import { HOUR, MINUTE, POLICY, T0, accept, after, at, lena, play, timer } from '../../test/ticket-decider.support.js';
import type { SlaPolicyDefinition } from '../domain/config/index.js';
import type { TicketCommand } from '../domain/ticket.commands.js';
import type { TicketEvent } from '../domain/ticket.events.js';
import { slaSimulation } from './sla.simulation.js';

/*
 * Histories written by the real ticket decider, the timers' commands given where an on-time
 * timer worker would have given them. POLICY (24x7, warns at 75 %): P1 10 min to respond and 600
 * to resolve, P2 20 / 1200, P3 30 / 1800; waiting for the customer pauses the clocks.
 */

const ticket = (ticketId: string, ms: number, commands: (id: string) => TicketCommand[]): TicketEvent[] =>
  play([], ...[accept({ ticketId, now: after(ms) }), ...commands(ticketId)]);

const on = <C extends TicketCommand>(ticketId: string, command: C): C => ({ ...command, ticketId });
const flag = (
  id: string,
  ms: number,
  kind: 'FlagSlaWarning' | 'FlagSlaBreach',
  clock: 'response' | 'resolution',
  plan: number,
) => on(id, at(ms, { type: kind, clock, plan, groupLead: 'lena', nextLineGroup: 'experts' }, timer));
const respond = (id: string, ms: number) => on(id, at(ms, { type: 'RespondToTicket', message: 'On it' }));
const resolve = (id: string, ms: number) => on(id, at(ms, { type: 'ResolveTicket', resolution: 'Replaced the modem' }));

/** A P1 answered late: warned at 7.5 min, breached at 10 (the timers fired a minute later), answered at 12. */
const lateP1 = ticket('tk-late', 0, (id) => [
  flag(id, 8 * MINUTE, 'FlagSlaWarning', 'response', 1),
  flag(id, 11 * MINUTE, 'FlagSlaBreach', 'response', 1),
  respond(id, 12 * MINUTE),
  resolve(id, 100 * MINUTE),
]);

/** A P2 answered after exactly 5 minutes and solved in half an hour. */
const quickP2 = ticket('tk-quick', MINUTE, (id) => [
  on(id, at(MINUTE, { type: 'GradeTicket', grading: { priority: 'P2', impact: null, urgency: null }, reason: null })),
  respond(id, 6 * MINUTE),
  resolve(id, 30 * MINUTE),
]);

/** A P1 that waited an hour for the customer 2 minutes in (paused), answered 4 minutes after: 6 minutes used. */
const waitingP1 = ticket('tk-wait', 2 * MINUTE, (id) => [
  on(id, at(4 * MINUTE, { type: 'StartWaiting', reason: 'customer', note: null })),
  on(id, at(64 * MINUTE, { type: 'ResumeTicket' })),
  respond(id, 68 * MINUTE),
  resolve(id, 100 * MINUTE),
]);

/**
 * A P3 re-graded to P1 at 10 min (600 min to resolve, 10 used), resolved at 200, failed its
 * verification at 210 (running again from 200 used), so it warned at 460 and breached at 610
 * (escalated by the policy to line 2), and was resolved at 700.
 */
const regradedP1 = ticket('tk-regraded', 0, (id) => [
  on(id, at(0, { type: 'GradeTicket', grading: { priority: 'P3', impact: null, urgency: null }, reason: null })),
  respond(id, 5 * MINUTE),
  on(
    id,
    at(10 * MINUTE, {
      type: 'GradeTicket',
      grading: { priority: 'P1', impact: null, urgency: null },
      reason: 'Fleet down',
    }),
  ),
  resolve(id, 200 * MINUTE),
  on(
    id,
    at(
      210 * MINUTE,
      { type: 'VerifyTicket', rootCause: 'Firmware', preventiveAction: 'Update', noNewProblems: false, note: null },
      lena,
    ),
  ),
  flag(id, 461 * MINUTE, 'FlagSlaWarning', 'resolution', 5),
  flag(id, 611 * MINUTE, 'FlagSlaBreach', 'resolution', 5),
  resolve(id, 700 * MINUTE),
]);

let position = 0n;
const recorded = (event: TicketEvent): RecordedEvent => {
  position += 1n;
  return {
    id: `e-${String(position)}`,
    stream: `ticket-${event.data.ticketId}`,
    revision: 0n,
    position,
    type: event.type,
    data: event.data,
    metadata: {
      actor: { userId: 'ali', role: 'service_agent' },
      correlationId: 'c',
      causationId: 'c',
      commandId: `cmd-${String(position)}`,
      tenantId: 'acme',
      schemaVersion: 1,
    },
    recordedAt: new Date(Date.parse(String((event.data as { at: string }).at))),
  };
};

const LOG: readonly RecordedEvent[] = [...lateP1, ...quickP2, ...waitingP1, ...regradedP1].map(recorded);
const PERIOD = { from: new Date(T0.getTime() - HOUR), to: after(1000 * MINUTE) };

function simulate(
  policy: SlaPolicyDefinition | null,
  options: { log?: readonly RecordedEvent[]; period?: SimulationRequest<unknown>['period']; scope?: string } = {},
) {
  const request = { policy, period: options.period ?? PERIOD, scope: options.scope ?? null };
  const replay = slaSimulation.start(request);
  for (const event of options.log ?? LOG) replay.apply(event);
  return replay.outcome();
}

/** `section` as `{ key: [actual, simulated] }`. */
function rows(sections: readonly ComparisonSection[], name: string): Record<string, [number, number]> {
  const section = sections.find((s) => s.name === name);
  if (section === undefined) throw new Error(`no section ${name}`);
  return Object.fromEntries(section.rows.map((row) => [row.key, [row.actual, row.simulated]]));
}

/** The recorded policy as `PUT /sla-policies/{id}` would take it, with some of it changed. */
const proposal = (changes: Partial<SlaPolicyDefinition> = {}): SlaPolicyDefinition =>
  slaSimulation.parsePolicy({
    name: 'Proposal',
    targets: POLICY.targets,
    calendarId: null,
    pauseOn: POLICY.pauseOn,
    warnAtPercent: POLICY.warnAtPercent,
    escalations: POLICY.escalations,
    ola: POLICY.ola,
    independentVerification: POLICY.independentVerification,
    reopenWindowDays: POLICY.reopenWindowDays,
    ...changes,
  }) as SlaPolicyDefinition;

const withTargets = (changes: Partial<SlaPolicyDefinition['targets']>): Partial<SlaPolicyDefinition> => ({
  targets: { ...POLICY.targets, ...changes },
});

describe('SLA what-if › the replay', () => {
  it('replayed under the recorded snapshots (the control), reproduces every recorded figure', () => {
    const { sections } = simulate(null);
    expect(rows(sections, 'tickets_per_priority')).toEqual({
      P1: [3, 3],
      P2: [1, 1],
      P3: [0, 0],
      P4: [0, 0],
      all: [4, 4],
    });
    expect(rows(sections, 'response_breaches_per_priority')).toMatchObject({ P1: [1, 1], P2: [0, 0], all: [1, 1] });
    expect(rows(sections, 'resolution_breaches_per_priority')).toMatchObject({ P1: [1, 1], all: [1, 1] });
    expect(rows(sections, 'warnings_per_priority')).toMatchObject({ P1: [2, 2], P2: [0, 0], all: [2, 2] });
    expect(rows(sections, 'within_target_share_per_priority')).toEqual({
      P1: [33.3, 33.3],
      P2: [100, 100],
      all: [50, 50],
    });
    expect(rows(sections, 'breaches_per_line')).toEqual({ line_1: [1, 1], line_2: [1, 1], line_3: [0, 0] });
    for (const section of sections) for (const row of section.rows) expect(row.simulated).toBe(row.actual);
  });

  it('the same proposal as recorded gives the same figures as the control', () => {
    expect(simulate(proposal()).sections).toEqual(simulate(null).sections);
  });

  it('looser targets: fewer breaches and warnings', () => {
    const { sections } = simulate(proposal(withTargets({ P1: { responseMinutes: 60, resolutionMinutes: 720 } })));
    expect(rows(sections, 'response_breaches_per_priority')).toMatchObject({ P1: [1, 0] });
    expect(rows(sections, 'resolution_breaches_per_priority')).toMatchObject({ P1: [1, 0] });
    // The re-graded ticket's resolution still warns (540 of 720 minutes, at 550), later than it did.
    expect(rows(sections, 'warnings_per_priority')).toMatchObject({ P1: [2, 1] });
    expect(rows(sections, 'within_target_share_per_priority')).toMatchObject({ P1: [33.3, 100], all: [50, 100] });
  });

  it('tighter targets: more breaches; an answer at the very instant the target runs out is within it', () => {
    const exactly = simulate(proposal(withTargets({ P2: { responseMinutes: 5, resolutionMinutes: 1200 } })));
    expect(rows(exactly.sections, 'response_breaches_per_priority')).toMatchObject({ P2: [0, 0] });
    expect(rows(exactly.sections, 'warnings_per_priority')).toMatchObject({ P2: [0, 1] });
    const tighter = simulate(proposal(withTargets({ P2: { responseMinutes: 4, resolutionMinutes: 20 } })));
    expect(rows(tighter.sections, 'response_breaches_per_priority')).toMatchObject({ P2: [0, 1] });
    expect(rows(tighter.sections, 'resolution_breaches_per_priority')).toMatchObject({ P2: [0, 1] });
    expect(rows(tighter.sections, 'within_target_share_per_priority')).toMatchObject({ P2: [100, 0] });
  });

  it("a policy that does not pause on the customer's wait lets the clock run through it", () => {
    const { sections } = simulate(proposal({ pauseOn: [] }));
    // The waiting P1 used 66 minutes of its 10 by its answer; the others never waited.
    expect(rows(sections, 'response_breaches_per_priority')).toMatchObject({ P1: [1, 2] });
    const pausing = simulate(proposal({ pauseOn: ['customer', 'third_party'] }));
    expect(pausing.sections).toEqual(simulate(null).sections);
  });

  it('a clock still running at the end of the period is judged on the time it used by then', () => {
    const open = ticket('tk-open', 0, () => []);
    const log = open.map(recorded);
    const early = simulate(null, { log, period: { from: PERIOD.from, to: after(9 * MINUTE) } });
    expect(rows(early.sections, 'warnings_per_priority')).toMatchObject({ P1: [0, 1] });
    expect(rows(early.sections, 'response_breaches_per_priority')).toMatchObject({ P1: [0, 0] });
    const late = simulate(null, { log, period: { from: PERIOD.from, to: after(11 * MINUTE) } });
    expect(rows(late.sections, 'response_breaches_per_priority')).toMatchObject({ P1: [0, 1] });
  });

  it('ignores what is dated at or after the period end, and tickets accepted before it began', () => {
    const to = after(50 * MINUTE);
    const before = simulate(null, { period: { from: PERIOD.from, to } });
    const grown = simulate(null, {
      log: [...LOG, ...ticket('tk-later', 60 * MINUTE, () => []).map(recorded)],
      period: { from: PERIOD.from, to },
    });
    expect(grown).toEqual(before);
    // From 90 seconds on, only the tickets accepted at 2 minutes (tk-wait) count.
    const later = simulate(null, { period: { from: after(1.5 * MINUTE), to: PERIOD.to } });
    expect(rows(later.sections, 'tickets_per_priority')).toMatchObject({ P1: [1, 1], all: [1, 1] });
  });

  it('a scope keeps the tickets accepted under that policy only', () => {
    const { sections } = simulate(proposal(), { scope: 'gold' });
    expect(rows(sections, 'tickets_per_priority')).toMatchObject({ all: [0, 0] });
    expect(rows(simulate(null, { scope: 'default' }).sections, 'tickets_per_priority')).toMatchObject({ all: [4, 4] });
  });

  it('is a pure function of the events and the request', () => {
    const policy = proposal(withTargets({ P1: { responseMinutes: 5, resolutionMinutes: 300 } }));
    expect(simulate(policy)).toEqual(simulate(policy));
  });

  it('a proposal naming a calendar the tenant did not have is refused, naming policy.calendarId', () => {
    expect(() => simulate(proposal({ calendarId: 'office' }))).toThrow(
      expect.objectContaining({ field: 'policy.calendarId', rule: 'knownCalendar' }),
    );
  });

  it('a proposal on a calendar configured before the tickets replays their business time on it', () => {
    const office = recorded({
      type: 'TicketProgressRecorded',
      data: { ticketId: 'x', by: 'sam', at: T0.toISOString(), note: 'placeholder', visibility: 'internal' },
    });
    const calendarEvent: RecordedEvent = {
      ...office,
      stream: 'serviceCalendar-acme:office',
      type: 'ServiceCalendarConfigured',
      data: {
        previousVersion: null,
        actor: 'sam',
        at: new Date(T0.getTime() - 2 * HOUR).toISOString(),
        // Closed the whole day of T0 (a holiday): no business time passes during the period.
        calendar: {
          calendarId: 'office',
          version: 1,
          name: 'Office',
          timeZone: 'Europe/Berlin',
          week: { 1: [{ from: '09:00', to: '18:00' }] },
          holidays: ['2026-03-02'],
        },
      },
    };
    const { sections } = simulate(proposal({ calendarId: 'office' }), { log: [calendarEvent, ...LOG] });
    expect(rows(sections, 'response_breaches_per_priority')).toMatchObject({ all: [1, 0] });
    expect(rows(sections, 'warnings_per_priority')).toMatchObject({ all: [2, 0] });
  });
});

describe('SLA what-if › a proposal', () => {
  const fieldOf = (input: unknown): string | undefined => {
    try {
      slaSimulation.parsePolicy(input);
      return undefined;
    } catch (error) {
      if (error instanceof InvalidInputError) return error.field;
      throw error;
    }
  };
  const valid = {
    name: 'Tight',
    targets: POLICY.targets,
    calendarId: null,
    pauseOn: ['customer'],
    escalations: [],
    ola: { byLine: { 1: 60, 2: 120, 3: 480 } },
    independentVerification: false,
  };

  it('takes the shape PUT /sla-policies/{id} takes, with its defaults', () => {
    expect(slaSimulation.parsePolicy(valid)).toMatchObject({
      warnAtPercent: 75,
      reopenWindowDays: 7,
      ola: { byKind: {} },
    });
  });

  it('names the field of the policy that breaks a rule', () => {
    expect(fieldOf({ ...valid, targets: { ...POLICY.targets, P2: undefined } })).toBe('targets.P2');
    expect(
      fieldOf({ ...valid, targets: { ...POLICY.targets, P1: { responseMinutes: 0, resolutionMinutes: 5 } } }),
    ).toBe('targets.P1.responseMinutes');
    expect(fieldOf({ ...valid, warnAtPercent: 100 })).toBe('warnAtPercent');
    expect(fieldOf({ ...valid, pauseOn: 'customer' })).toBe('pauseOn');
    expect(fieldOf({ ...valid, pauseOn: ['lunch'] })).toBe('pauseOn[0]');
    expect(fieldOf({ ...valid, escalations: [{ on: 'never', clock: 'any', action: 'escalate_line' }] })).toBe(
      'escalations[0].on',
    );
    expect(fieldOf({ ...valid, calendarId: 'Not A Slug' })).toBe('calendarId');
    expect(fieldOf({ ...valid, target: {} })).toBe('target');
    expect(fieldOf({ ...valid, name: ' ' })).toBe('name');
  });
});
