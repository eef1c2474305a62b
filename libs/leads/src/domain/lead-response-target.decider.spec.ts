import { LEAD, NOW, assignedLead, given } from '../../test/lead-decider.support.js';
import type { LeadEvent } from './lead.events.js';

/** The response clock follows the tier: scoring after assignment re-targets the first-contact due time. */
describe('Lead › response target re-targeted by tier', () => {
  const tighter = '2026-03-01T10:01:00.000Z';
  const retarget = (history: readonly LeadEvent[], responseDueAt = tighter, assignmentNo = 1) =>
    given(history).when({
      type: 'RetargetLeadResponse',
      leadId: LEAD,
      assignmentNo,
      responseDueAt,
      reason: 'tier A: 60 s',
      now: NOW,
    });

  it('given an owned lead not yet contacted, when re-targeted, then LeadResponseRetargeted and the new due time', () => {
    const history = assignedLead();
    const data = retarget(history).thenEmitsOne('LeadResponseRetargeted');
    expect(data).toEqual({
      leadId: LEAD,
      repId: 'rep-a',
      assignmentNo: 1,
      previousDueAt: '2026-03-01T10:05:00.000Z',
      responseDueAt: '2026-03-01T10:01:00.000Z',
      reason: 'tier A: 60 s',
      at: NOW.toISOString(),
    });
    const lead = given(retarget(history).history).state;
    expect(lead.status !== 'none' && lead.responseDueAt).toBe('2026-03-01T10:01:00.000Z');
  });

  it('changes nothing for the same due time, another assignment, or a lead already contacted', () => {
    const history = assignedLead();
    retarget(history, '2026-03-01T10:05:00.000Z').thenNothing();
    retarget(history, tighter, 2).thenNothing();
    const contacted = given(history).when({
      type: 'RecordContactAttempt',
      leadId: LEAD,
      repId: 'rep-a',
      onBehalfOfOwner: false,
      channel: 'phone',
      outcome: 'no_answer',
      note: null,
      now: NOW,
    }).history;
    retarget(contacted).thenNothing();
  });

  it('ignores a warning or breach timer set for the due time before the re-target', () => {
    const retargeted = retarget(assignedLead()).history;
    const breach = (responseDueAt: string) =>
      given(retargeted).when({
        type: 'BreachLeadResponse',
        leadId: LEAD,
        assignmentNo: 1,
        escalation: 'notify_manager',
        responseDueAt,
        now: NOW,
      });
    const warn = (responseDueAt: string) =>
      given(retargeted).when({ type: 'WarnLeadResponse', leadId: LEAD, assignmentNo: 1, responseDueAt, now: NOW });
    breach('2026-03-01T10:05:00.000Z').thenNothing();
    warn('2026-03-01T10:05:00.000Z').thenNothing();
    expect(breach('2026-03-01T10:01:00.000Z').thenEmitsOne('LeadResponseSlaBreached').dueAt).toBe(
      '2026-03-01T10:01:00.000Z',
    );
  });
});
