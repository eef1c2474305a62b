import {
  MINUTE,
  POLICY,
  accept,
  after,
  at,
  given,
  lastPlan,
  opened,
  play,
  timer,
} from '../../test/ticket-decider.support.js';
import type { TicketEvent } from './ticket.events.js';
import type { FlagSlaBreach, FlagSlaWarning, GradeTicket } from './ticket.commands.js';

const warn = (ms: number, plan = 1, clock: 'response' | 'resolution' = 'response') =>
  at<FlagSlaWarning>(ms, { type: 'FlagSlaWarning', clock, plan, groupLead: 'lena', nextLineGroup: 'experts' }, timer);
const breach = (ms: number, plan = 1, clock: 'response' | 'resolution' = 'response') =>
  at<FlagSlaBreach>(ms, { type: 'FlagSlaBreach', clock, plan, groupLead: 'lena', nextLineGroup: 'experts' }, timer);
const types = (events: readonly TicketEvent[]) => events.map((e) => e.type);

describe('Ticket › SLA warnings and breaches', () => {
  it('warns once, stamped with the planned instant, and tells the group lead', () => {
    const events = given(opened()).when(warn(8 * MINUTE)).events;
    expect(events[0]).toEqual({
      type: 'TicketSlaWarned',
      data: {
        ticketId: 'tk-1',
        clock: 'response',
        plan: 1,
        dueAt: after(7.5 * MINUTE).toISOString(),
        at: after(8 * MINUTE).toISOString(),
      },
    });
    expect(events[1]).toMatchObject({
      type: 'TicketGroupLeadNotified',
      data: { groupLead: 'lena', group: 'hotline', cause: 'sla_warning', clock: 'response' },
    });
    given(play(opened(), warn(8 * MINUTE)))
      .when(warn(9 * MINUTE))
      .thenNothing();
  });

  it('breaches at 100 % with the policy actions: notify, and for the resolution clock escalate a line', () => {
    const response = given(opened()).when(breach(10 * MINUTE)).events;
    expect(types(response)).toEqual(['TicketSlaBreached', 'TicketGroupLeadNotified']);
    const resolution = given(opened()).when(breach(600 * MINUTE, 1, 'resolution')).events;
    expect(types(resolution)).toEqual(['TicketSlaBreached', 'TicketEscalated', 'TicketGroupLeadNotified']);
    expect(resolution[1]?.data).toMatchObject({
      fromLine: 1,
      toLine: 2,
      automatic: true,
      owner: { group: 'experts', engineer: null },
    });
    expect(resolution[0]?.data).toMatchObject({ dueAt: after(600 * MINUTE).toISOString() });
  });

  it('reassigns to the group lead when the policy says so', () => {
    const policy = {
      ...POLICY,
      escalations: [{ on: 'breach', clock: 'any', action: 'reassign_to_group_lead' }] as const,
    };
    const history = play(
      [],
      accept({ policy }),
      at(0, { type: 'AssignTicket', owner: { group: 'hotline', engineer: 'ali' }, reason: null }),
    );
    const events = given(history).when(breach(10 * MINUTE)).events;
    expect(events[1]).toMatchObject({
      type: 'TicketAssigned',
      data: { owner: { group: 'hotline', engineer: 'lena' }, automatic: true },
    });
  });

  it('a timer of an older plan, a paused or met clock, an early or closed ticket decides nothing', () => {
    const regraded = play(
      opened(),
      at<GradeTicket>(MINUTE, {
        type: 'GradeTicket',
        grading: { priority: 'P2', impact: null, urgency: null },
        reason: null,
      }),
    );
    given(regraded)
      .when(breach(10 * MINUTE, 1))
      .thenNothing();
    expect(lastPlan(regraded, 'response').plan).toBe(2);
    expect(types(given(regraded).when(breach(20 * MINUTE, 2)).events)[0]).toBe('TicketSlaBreached');
    given(opened())
      .when(breach(9 * MINUTE))
      .thenNothing();
    const paused = play(opened(), at(MINUTE, { type: 'StartWaiting', reason: 'customer', note: null }));
    given(paused)
      .when(breach(10 * MINUTE, 2))
      .thenNothing();
    const met = play(opened(), at(MINUTE, { type: 'RespondToTicket', message: 'hi' }));
    given(met)
      .when(breach(10 * MINUTE, 2))
      .thenNothing();
    given([])
      .when(breach(10 * MINUTE))
      .thenNothing();
  });

  it('after a breach, a pause and resume neither lifts it nor raises it again', () => {
    const breached = play(opened(), breach(10 * MINUTE));
    const resumed = play(
      breached,
      at(11 * MINUTE, { type: 'StartWaiting', reason: 'customer', note: null }),
      at(20 * MINUTE, { type: 'ResumeTicket' }),
    );
    expect(lastPlan(resumed, 'response')).toMatchObject({
      state: 'running',
      warnAt: null,
      breachAt: null,
      elapsedMs: 11 * MINUTE,
    });
  });
});
