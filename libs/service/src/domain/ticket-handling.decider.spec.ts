import { MINUTE, after, at, given, lastPlan, opened, play } from '../../test/ticket-decider.support.js';
import type {
  AssessResolutionPlan,
  DeEscalateTicket,
  EscalateTicket,
  MarkPlanImplemented,
  ProposeResolutionPlan,
  RecordProgress,
  StartWaiting,
} from './ticket.commands.js';

const escalate = (toLine: 1 | 2 | 3, group: string | null = null) =>
  at<EscalateTicket>(MINUTE, {
    type: 'EscalateTicket',
    toLine,
    reason: 'needs experts',
    owner: { group, engineer: null },
  });
const deEscalate = (toLine: 1 | 2 | 3) =>
  at<DeEscalateTicket>(MINUTE, {
    type: 'DeEscalateTicket',
    toLine,
    reason: 'fix shipped',
    owner: { group: 'hotline', engineer: null },
  });
const wait = (ms: number, reason: StartWaiting['reason']) =>
  at<StartWaiting>(ms, { type: 'StartWaiting', reason, note: 'asked' });
const propose = (planId: string) =>
  at<ProposeResolutionPlan>(MINUTE, {
    type: 'ProposeResolutionPlan',
    planId,
    summary: 'Swap antennas',
    steps: ['ship', 'swap'],
  });
const assess = (decision: 'approved' | 'rejected') =>
  at<AssessResolutionPlan>(2 * MINUTE, { type: 'AssessResolutionPlan', decision, note: null });
const implemented = at<MarkPlanImplemented>(3 * MINUTE, { type: 'MarkPlanImplemented', note: 'done' });

describe('Ticket › lines', () => {
  it('escalates up a line at a time or two, and back down, each with its reason and new owner', () => {
    const data = given(opened()).when(escalate(2, 'experts')).thenEmitsOne('TicketEscalated');
    expect(data).toMatchObject({
      fromLine: 1,
      toLine: 2,
      owner: { group: 'experts', engineer: null },
      automatic: false,
    });
    const onThree = play(opened(), escalate(3, 'rnd'));
    given(onThree).when(escalate(2)).thenFails('ESCALATION_NOT_UPWARD');
    given(onThree).when(escalate(3)).thenFails('ESCALATION_NOT_UPWARD');
    expect(given(onThree).when(deEscalate(1)).thenEmitsOne('TicketDeEscalated')).toMatchObject({
      fromLine: 3,
      toLine: 1,
    });
    given(opened()).when(deEscalate(1)).thenFails('DE_ESCALATION_NOT_DOWNWARD');
    given(opened())
      .when(
        at<EscalateTicket>(0, {
          type: 'EscalateTicket',
          toLine: 2,
          reason: ' ',
          owner: { group: null, engineer: null },
        }),
      )
      .thenFails({ field: 'reason' });
  });

  it('records progress for the customer or internal; an empty note is a 400', () => {
    const note = (text: string) =>
      at<RecordProgress>(MINUTE, { type: 'RecordProgress', note: text, visibility: 'customer' });
    expect(given(opened()).when(note('Parts ordered')).thenEmitsOne('TicketProgressRecorded')).toMatchObject({
      visibility: 'customer',
    });
    given(opened()).when(note('')).thenFails({ field: 'note', rule: 'notEmpty' });
  });
});

describe('Ticket › waiting', () => {
  it('a wait the policy pauses on stops both running clocks at the time used', () => {
    const events = given(opened()).when(wait(4 * MINUTE, 'customer')).events;
    expect(events.map((e) => e.type)).toEqual(['TicketWaitStarted', 'TicketSlaPlanned', 'TicketSlaPlanned']);
    expect(events[0]?.data).toMatchObject({ pausesSla: true });
    expect(lastPlan(events, 'response')).toMatchObject({
      state: 'paused',
      elapsedMs: 4 * MINUTE,
      warnAt: null,
      breachAt: null,
      plan: 2,
    });
  });

  it('a wait the policy does not pause on lets the clocks run', () => {
    const events = given(opened()).when(wait(4 * MINUTE, 'third_party')).events;
    expect(events.map((e) => e.type)).toEqual(['TicketWaitStarted']);
    expect(events[0]?.data).toMatchObject({ pausesSla: false });
  });

  it('resuming runs the paused clocks on with the time left; waiting twice or resuming unpaused is a 409', () => {
    const waiting = play(opened(), wait(4 * MINUTE, 'customer'));
    given(waiting)
      .when(wait(5 * MINUTE, 'customer'))
      .thenFails('TICKET_ALREADY_WAITING');
    const resumed = given(waiting).when(at(64 * MINUTE, { type: 'ResumeTicket' })).events;
    expect(resumed[0]).toMatchObject({ type: 'TicketWaitEnded', data: { reason: 'customer' } });
    expect(lastPlan(resumed, 'response')).toMatchObject({
      state: 'running',
      elapsedMs: 4 * MINUTE,
      breachAt: after(70 * MINUTE).toISOString(),
      warnAt: after(67.5 * MINUTE).toISOString(),
    });
    given(opened())
      .when(at(MINUTE, { type: 'ResumeTicket' }))
      .thenFails('TICKET_NOT_WAITING');
  });

  it('keeps every pause across waits: the time used adds up only between them', () => {
    const history = play(
      opened(),
      wait(2 * MINUTE, 'customer'),
      at(10 * MINUTE, { type: 'ResumeTicket' }),
      wait(11 * MINUTE, 'customer'),
      at(30 * MINUTE, { type: 'ResumeTicket' }),
    );
    expect(lastPlan(history, 'response')).toMatchObject({
      elapsedMs: 3 * MINUTE,
      breachAt: after(37 * MINUTE).toISOString(),
    });
  });
});

describe('Ticket › resolution plan', () => {
  it('is proposed, assessed and implemented, in that order', () => {
    const proposed = play(opened(), propose('p1'));
    given(proposed).when(propose('p2')).thenFails('PLAN_PENDING');
    given(proposed).when(implemented).thenFails('PLAN_NOT_APPROVED');
    const approved = play(proposed, assess('approved'));
    given(approved).when(assess('approved')).thenFails('NO_PLAN_TO_ASSESS');
    expect(given(approved).when(implemented).thenEmitsOne('ResolutionPlanImplemented')).toMatchObject({ planId: 'p1' });
  });

  it('a rejected plan makes way for a new one; a plan id is used once', () => {
    const rejected = play(opened(), propose('p1'), assess('rejected'));
    given(rejected).when(propose('p1')).thenFails('PLAN_ALREADY_EXISTS');
    expect(given(rejected).when(propose('p2')).thenEmitsOne('ResolutionPlanProposed')).toMatchObject({ planId: 'p2' });
    given(opened()).when(assess('approved')).thenFails('NO_PLAN_TO_ASSESS');
  });
});
