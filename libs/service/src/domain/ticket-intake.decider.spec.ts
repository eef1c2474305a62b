import { InvalidInputError, NotFoundError } from '#ltc/kernel';
import {
  BERLIN_OFFICE,
  HOUR,
  MINUTE,
  POLICY,
  T0,
  accept,
  after,
  at,
  given,
  lastPlan,
  opened,
  play,
} from '../../test/ticket-decider.support.js';
import type { AssignTicket, GradeTicket, ReapplySlaPolicy, RespondToTicket } from './ticket.commands.js';
import { priorityOf } from './priority-matrix.js';

const grade = (ms: number, grading: Partial<GradeTicket['grading']>, extra: Partial<GradeTicket> = {}) =>
  at<GradeTicket>(ms, {
    type: 'GradeTicket',
    grading: { priority: null, impact: null, urgency: null, ...grading },
    reason: 'new facts',
    ...extra,
  });

describe('Ticket › accept', () => {
  it('registers the ticket with its customer context and policy copy, and starts both clocks (plan 1)', () => {
    const events = given([]).when(accept()).events;
    expect(events.map((e) => e.type)).toEqual(['TicketAccepted', 'TicketSlaPlanned', 'TicketSlaPlanned']);
    expect(events[0]?.data).toMatchObject({ policy: POLICY, grading: { priority: 'P1', basis: 'direct' } });
    expect(events[1]?.data).toMatchObject({
      clock: 'response',
      plan: 1,
      state: 'running',
      elapsedMs: 0,
      targetMs: 10 * MINUTE,
      warnAt: after(7.5 * MINUTE).toISOString(),
      breachAt: after(10 * MINUTE).toISOString(),
      policyVersion: 1,
    });
    expect(events[2]?.data).toMatchObject({ clock: 'resolution', targetMs: 600 * MINUTE });
  });

  it('grades from impact × urgency, or P3 until graded', () => {
    const matrix = given([]).when(accept({ grading: { priority: null, impact: 'high', urgency: 'medium' } })).events;
    expect(matrix[0]?.data).toMatchObject({
      grading: { priority: 'P2', impact: 'high', urgency: 'medium', basis: 'matrix' },
    });
    const none = given([]).when(accept({ grading: { priority: null, impact: null, urgency: null } })).events;
    expect(none[0]?.data).toMatchObject({ grading: { priority: 'P3', basis: 'default' } });
    expect([
      priorityOf('high', 'high'),
      priorityOf('medium', 'high'),
      priorityOf('high', 'low'),
      priorityOf('low', 'low'),
    ]).toEqual(['P1', 'P2', 'P3', 'P4']);
  });

  it('plans on the business calendar: Friday 17:30 in Berlin with 4 hours to respond is due Monday 12:30', () => {
    const friday = new Date('2026-03-06T16:30:00.000Z'); // 17:30 CET
    const policy = {
      ...POLICY,
      calendar: BERLIN_OFFICE,
      targets: { ...POLICY.targets, P2: { responseMinutes: 240, resolutionMinutes: 960 } },
    };
    const events = given([]).when(
      accept({ now: friday, policy, grading: { priority: 'P2', impact: null, urgency: null } }),
    ).events;
    expect(events[1]?.data).toMatchObject({ breachAt: '2026-03-09T11:30:00.000Z' });
  });

  it('refuses a second acceptance, one grading axis alone, and an empty subject', () => {
    given(opened()).when(accept()).thenFails('TICKET_ALREADY_EXISTS');
    given([])
      .when(accept({ grading: { priority: null, impact: 'high', urgency: null } }))
      .thenFails(InvalidInputError, { field: 'urgency' });
    given([])
      .when(accept({ subject: '  ' }))
      .thenFails({ field: 'subject', rule: 'notEmpty' });
    given([])
      .when(accept({ customer: { ...accept().customer, account: '' } }))
      .thenFails({ field: 'customerAccount' });
  });
});

describe('Ticket › grade', () => {
  it('moves the targets and keeps the time used', () => {
    const history = play(opened(), grade(4 * MINUTE, { priority: 'P2' }));
    expect(lastPlan(history, 'response')).toMatchObject({
      plan: 2,
      elapsedMs: 4 * MINUTE,
      targetMs: 20 * MINUTE,
      breachAt: after(20 * MINUTE).toISOString(),
      warnAt: after(15 * MINUTE).toISOString(),
    });
    expect(history.find((e) => e.type === 'TicketGraded')?.data).toMatchObject({ previousPriority: 'P1' });
  });

  it('keeps the pause history: a re-grade while paused stays paused, with the time used before the pause', () => {
    const history = play(
      opened(),
      at(3 * MINUTE, { type: 'StartWaiting', reason: 'customer', note: null }),
      grade(30 * MINUTE, { priority: 'P3' }),
    );
    expect(lastPlan(history, 'response')).toMatchObject({
      state: 'paused',
      elapsedMs: 3 * MINUTE,
      targetMs: 30 * MINUTE,
      breachAt: null,
    });
    const resumed = play(history, at(60 * MINUTE, { type: 'ResumeTicket' }));
    expect(lastPlan(resumed, 'response')).toMatchObject({
      state: 'running',
      elapsedMs: 3 * MINUTE,
      breachAt: after(87 * MINUTE).toISOString(),
    });
  });

  it('a re-grade to a target already used up is due at once; a re-classification alone moves no clock', () => {
    const history = play(opened(), grade(12 * MINUTE, { priority: 'P1' }, { category: 'software' }));
    expect(history.at(-1)?.type).toBe('TicketGraded');
    const tighter = play(opened(), grade(0, { priority: 'P2' }), grade(15 * MINUTE, { priority: 'P1' }));
    expect(lastPlan(tighter, 'response')).toMatchObject({ warnAt: null, breachAt: after(15 * MINUTE).toISOString() });
  });

  it('the same grading again changes nothing; nothing to grade is a 400', () => {
    given(opened())
      .when(grade(MINUTE, { priority: 'P1' }))
      .thenNothing();
    given(opened()).when(grade(MINUTE, {})).thenFails({ field: 'priority', rule: 'required' });
    given([])
      .when(grade(MINUTE, { priority: 'P2' }))
      .thenFails(NotFoundError);
  });
});

describe('Ticket › assign and respond', () => {
  const assign = (owner: AssignTicket['owner']) =>
    at<AssignTicket>(MINUTE, { type: 'AssignTicket', owner, reason: null });

  it('assigns on the current line; the same owner again is nothing; no owner is a 400', () => {
    const data = given(opened())
      .when(assign({ group: 'hotline', engineer: 'lena' }))
      .thenEmitsOne('TicketAssigned');
    expect(data).toMatchObject({ line: 1, owner: { group: 'hotline', engineer: 'lena' }, automatic: false });
    given(opened())
      .when(assign({ group: 'hotline', engineer: 'ali' }))
      .thenNothing();
    given(opened())
      .when(assign({ group: ' ', engineer: null }))
      .thenFails({ rule: 'ownerRequired' });
  });

  it('the first response stops the response clock, on time or late, once', () => {
    const respond = (ms: number) => at<RespondToTicket>(ms, { type: 'RespondToTicket', message: 'On it' });
    const onTime = given(opened()).when(respond(9 * MINUTE)).events;
    expect(onTime[0]?.data).toMatchObject({ elapsedMs: 9 * MINUTE, withinTarget: true });
    expect(onTime[1]?.data).toMatchObject({ clock: 'response', state: 'stopped', warnAt: null, breachAt: null });
    expect(given(opened()).when(respond(11 * MINUTE)).events[0]?.data).toMatchObject({ withinTarget: false });
    given(play(opened(), respond(MINUTE)))
      .when(respond(2 * MINUTE))
      .thenFails('TICKET_ALREADY_RESPONDED');
  });
});

describe('Ticket › re-apply the policy', () => {
  it('binds the running ticket to the new version, keeping the time used', () => {
    const policy = {
      ...POLICY,
      version: 2,
      targets: { ...POLICY.targets, P1: { responseMinutes: 30, resolutionMinutes: 900 } },
    };
    const history = play(
      opened(),
      at<ReapplySlaPolicy>(5 * MINUTE, { type: 'ReapplySlaPolicy', policy, reason: 'contract upgraded' }),
    );
    expect(history.find((e) => e.type === 'TicketSlaPolicyReapplied')?.data).toMatchObject({ previousVersion: 1 });
    expect(lastPlan(history, 'response')).toMatchObject({
      elapsedMs: 5 * MINUTE,
      targetMs: 30 * MINUTE,
      policyVersion: 2,
    });
    given(history)
      .when(at<ReapplySlaPolicy>(6 * MINUTE, { type: 'ReapplySlaPolicy', policy, reason: null }))
      .thenNothing();
  });

  it('measures the time used on the old calendar up to the switch', () => {
    const policy = { ...POLICY, version: 2, calendar: BERLIN_OFFICE };
    // Accepted Monday 10:00 Berlin (09:00Z); re-applied at 11:00 with 1 hour used around the clock.
    const history = play(opened(), at<ReapplySlaPolicy>(HOUR, { type: 'ReapplySlaPolicy', policy, reason: null }));
    // 9 of the 10 hours left on office hours: Monday 11:00–18:00 (7 h), then Tuesday 09:00–11:00 Berlin.
    expect(T0.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(lastPlan(history, 'resolution')).toMatchObject({ elapsedMs: HOUR, breachAt: '2026-03-03T10:00:00.000Z' });
  });
});
