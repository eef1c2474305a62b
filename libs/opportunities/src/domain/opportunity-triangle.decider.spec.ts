import {
  DEAL,
  NOW,
  PEOPLE,
  ar,
  at,
  fr,
  given,
  handoff,
  historyOf,
  manager,
  open,
  sr,
  triangle,
} from '../../test/opportunity-decider.support.js';
import type { AcceptHandoff, DeclineHandoff, FlagHandoffOverdue } from './opportunity.commands.js';
import type { Actor } from './opportunity-vocabulary.js';

const accept = (actor: Actor, now = NOW): AcceptHandoff => ({
  type: 'AcceptHandoff',
  opportunityId: DEAL,
  actor,
  now,
  handoffId: 'h1',
});
const decline = (actor: Actor): DeclineHandoff => ({
  type: 'DeclineHandoff',
  opportunityId: DEAL,
  actor,
  now: NOW,
  handoffId: 'h1',
  reason: 'bid team full this week',
});
const overdue = (step: 1 | 2, now: Date): FlagHandoffOverdue => ({
  type: 'FlagHandoffOverdue',
  opportunityId: DEAL,
  actor: { id: 'timer', salesManager: false },
  now,
  handoffId: 'h1',
  step,
  salesManager: manager.id,
});
const leaderOf = (history: Parameters<typeof given>[0]): string | null => {
  const state = given(history).state;
  return state.status === 'none' ? null : state.leader;
};

describe('Opportunity › triangle', () => {
  it('given a deal, when the triangle is first set, then TriangleFormed; later changes are one event per seat', () => {
    expect(given(historyOf(open)).when(triangle).thenEmitsOne('TriangleFormed')).toMatchObject({
      sr: sr.id,
      sponsor: manager.id,
    });
    const data = given(historyOf(open, triangle))
      .when({ ...triangle, sr: 'sid-sr' })
      .thenEmitsOne('TriangleMemberChanged');
    expect(data).toMatchObject({ seat: 'sr', personId: 'sid-sr', previousPersonId: sr.id });
    given(historyOf(open, triangle)).when(triangle).thenNothing();
  });

  it('refuses someone unknown (400 on the seat), someone without the role, and one person in two roles', () => {
    given(historyOf(open))
      .when({ ...triangle, fr: 'nobody' })
      .thenFails({ code: 'VALIDATION_FAILED', field: 'fr', rule: 'knownPerson' });
    given(historyOf(open))
      .when({ ...triangle, sr: fr.id })
      .thenFails('PERSON_LACKS_ROLE');
    given(historyOf(open))
      .when({ ...triangle, sponsor: 'nobody' })
      .thenFails({ field: 'sponsor', rule: 'knownPerson' });
    given(historyOf(open))
      .when({ ...triangle, fr: sr.id, people: { ...PEOPLE, [sr.id]: ['sr', 'fr'] } })
      .thenFails('TRIANGLE_MEMBER_REPEATED');
  });

  it('given the SR leads, when the triangle drops the SR, then TRIANGLE_CHANGE_STRANDS_LEAD', () => {
    const srLeads = historyOf(open, triangle, handoff(sr.id), accept(sr));
    given(srLeads)
      .when({ ...triangle, sr: null })
      .thenFails('TRIANGLE_CHANGE_STRANDS_LEAD');
  });
});

describe('Opportunity › handoffs', () => {
  const requested = () => historyOf(open, triangle, handoff(sr.id));

  it('given the AR leads, when a handoff to the SR is requested, then HandoffRequested due after the 24 h target', () => {
    const data = given(historyOf(open, triangle)).when(handoff(sr.id)).thenEmitsOne('HandoffRequested');
    expect(data).toMatchObject({
      from: ar.id,
      to: sr.id,
      phase: 'bid',
      dueAt: '2026-03-02T10:00:00.000Z',
      escalateAt: '2026-03-03T10:00:00.000Z',
    });
  });

  it('only the receiver accepts a handoff: then the receiver leads', () => {
    given(requested()).when(accept(ar)).thenFails('HANDOFF_NOT_RECEIVER');
    given(requested()).when(accept(fr)).thenFails('HANDOFF_NOT_RECEIVER');
    const accepted = given(requested()).when(accept(sr, at('2026-03-01T11:30:00Z')));
    expect(accepted.thenEmitsOne('HandoffAccepted').secondsToAccept).toBe(5400);
    expect(leaderOf(accepted.history)).toBe(sr.id);
    given(accepted.history).when(accept(sr)).thenNothing();
  });

  it('given a request, when the receiver declines with a reason, then the requester keeps the lead', () => {
    const declined = given(requested()).when(decline(sr));
    expect(declined.thenEmitsOne('HandoffDeclined').reason).toBe('bid team full this week');
    expect(leaderOf(declined.history)).toBe(ar.id);
    given(declined.history).when(accept(sr)).thenFails('HANDOFF_ALREADY_ANSWERED');
    given(requested())
      .when({ ...decline(sr), reason: ' ' })
      .thenFails({ field: 'reason', rule: 'notEmpty' });
  });

  it('refuses a request from someone who does not lead, to oneself, outside the triangle, or while one is pending', () => {
    given(historyOf(open, triangle))
      .when(handoff(fr.id, 'h1', sr))
      .thenFails('HANDOFF_REQUESTER_NOT_LEADER');
    given(historyOf(open, triangle)).when(handoff(ar.id)).thenFails('HANDOFF_TO_SELF');
    given(historyOf(open, triangle)).when(handoff('sid-sr')).thenFails('HANDOFF_RECEIVER_NOT_IN_TRIANGLE');
    given(requested()).when(handoff(fr.id, 'h2')).thenFails('HANDOFF_ALREADY_PENDING');
    given(requested()).when(handoff(fr.id)).thenFails('HANDOFF_ALREADY_EXISTS');
    given(requested())
      .when({ ...accept(sr), handoffId: 'h9' })
      .thenFails('HANDOFF_NOT_FOUND');
  });

  it('given an unanswered handoff, when its timers fire, then HandoffOverdue tells the sponsor and step 2 escalates', () => {
    const late = given(requested()).when(overdue(1, at('2026-03-02T10:00:00Z')));
    expect(late.thenEmitsOne('HandoffOverdue')).toMatchObject({ to: sr.id, sponsor: manager.id });
    given(late.history)
      .when(overdue(1, at('2026-03-02T10:00:01Z')))
      .thenNothing();
    const escalated = given(late.history).when(overdue(2, at('2026-03-03T10:00:00Z')));
    expect(escalated.thenEmitsOne('HandoffEscalated').escalatedTo).toBe(manager.id);
  });

  it('given an answered handoff or a timer firing early, when the overdue timer fires, then nothing (stale)', () => {
    given(historyOf(open, triangle, handoff(sr.id), accept(sr)))
      .when(overdue(1, at('2026-03-02T10:00:00Z')))
      .thenNothing();
    given(requested())
      .when(overdue(1, at('2026-03-02T09:59:59Z')))
      .thenNothing();
  });
});
