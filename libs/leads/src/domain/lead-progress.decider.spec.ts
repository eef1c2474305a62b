import { LEAD, NOW, assignedLead, capture, given, rejects, then, when } from '../../test/lead-decider.support.js';

describe('Lead › response clock and recycling', () => {
  const assigned = () => assignedLead();

  it('given no first contact, when the breach timer fires, then LeadResponseSlaBreached with the escalation', () => {
    const data = then(
      when(assigned(), { type: 'BreachLeadResponse', leadId: LEAD, assignmentNo: 1, escalation: 'reassign', now: NOW }),
      'LeadResponseSlaBreached',
    );
    expect(data).toMatchObject({ repId: 'rep-a', escalation: 'reassign', dueAt: '2026-03-01T10:05:00.000Z' });
  });

  it('given a first contact, when the breach timer fires, then nothing happens (the timer is stale)', () => {
    const history = assigned();
    history.push(
      ...when(history, {
        type: 'RecordContactAttempt',
        leadId: LEAD,
        repId: 'rep-a',
        onBehalfOfOwner: false,
        channel: 'phone',
        outcome: 'reached',
        note: null,
        now: new Date('2026-03-01T10:03:00Z'),
      }),
    );
    expect(
      when(history, { type: 'BreachLeadResponse', leadId: LEAD, assignmentNo: 1, escalation: 'reassign', now: NOW }),
    ).toEqual([]);
    const attempt = history.at(-1);
    expect(attempt?.type === 'LeadContactAttempted' && attempt.data.secondsSinceAssignment).toBe(180);
  });

  it('given progress since the recycle timer was set, when it fires, then nothing happens; otherwise LeadRecycled', () => {
    const history = assigned();
    const state = given(history);
    const progressNo = state.status === 'none' ? -1 : state.progressNo;
    expect(
      then(when(history, { type: 'RecycleLead', leadId: LEAD, progressNo, reason: 'idle', now: NOW }), 'LeadRecycled')
        .previousRepId,
    ).toBe('rep-a');
    history.push(
      ...when(history, {
        type: 'RecordContactAttempt',
        leadId: LEAD,
        repId: 'rep-a',
        onBehalfOfOwner: false,
        channel: 'email',
        outcome: 'no_answer',
        note: null,
        now: NOW,
      }),
    );
    expect(when(history, { type: 'RecycleLead', leadId: LEAD, progressNo, reason: 'idle', now: NOW })).toEqual([]);
  });
});

describe('Lead › outcome', () => {
  it('given an unqualified lead, when converted, then LEAD_NOT_QUALIFIED; a disqualified lead refuses everything', () => {
    const history = [...when([], capture)];
    rejects(history, { type: 'ConvertLead', leadId: LEAD, dealId: 'd1', now: NOW }, 'LEAD_NOT_QUALIFIED');
    history.push(...when(history, { type: 'DisqualifyLead', leadId: LEAD, reasonCode: 'spam', note: null, now: NOW }));
    rejects(
      history,
      { type: 'QualifyLead', leadId: LEAD, budget: 'b', authority: 'a', need: 'n', timeline: 't', now: NOW },
      'LEAD_CLOSED',
    );
  });

  it('given a nurtured lead, when the date comes, then it is reactivated to its owner', () => {
    const history = [...when([], capture)];
    history.push(
      ...when(history, {
        type: 'NurtureLead',
        leadId: LEAD,
        reactivateOn: new Date('2026-06-01T00:00:00Z'),
        reason: null,
        now: NOW,
      }),
    );
    history.push(...when(history, { type: 'ReactivateLead', leadId: LEAD, now: NOW }));
    expect(given(history).status).toBe('new');
    expect(when(history, { type: 'ReactivateLead', leadId: LEAD, now: NOW })).toEqual([]);
  });
});

describe('Lead › timers that find the lead moved on', () => {
  const owned = () => assignedLead();

  it('warns about the response target only for the current assignment', () => {
    const history = owned();
    expect(
      then(when(history, { type: 'WarnLeadResponse', leadId: LEAD, assignmentNo: 1, now: NOW }), 'LeadResponseWarning')
        .repId,
    ).toBe('rep-a');
    expect(when(history, { type: 'WarnLeadResponse', leadId: LEAD, assignmentNo: 0, now: NOW })).toEqual([]);
  });

  it('warns before recycling only while nothing has happened since', () => {
    const history = owned();
    const state = given(history);
    const progressNo = state.status === 'none' ? -1 : state.progressNo;
    const warn = {
      type: 'WarnLeadRecycle' as const,
      leadId: LEAD,
      progressNo,
      recycleAt: new Date('2026-03-08T10:00:00Z'),
      now: NOW,
    };
    expect(then(when(history, warn), 'LeadRecycleWarning').recycleAt).toBe('2026-03-08T10:00:00.000Z');
    expect(when(history, { ...warn, progressNo: progressNo + 1 })).toEqual([]);
  });

  it('archives a lead left in the pool, but not one that is being worked', () => {
    const history = owned();
    rejects(
      history,
      { type: 'ArchiveLead', leadId: LEAD, progressNo: null, reason: 'cleanup', now: NOW },
      'LEAD_IN_WORK',
    );
    history.push(...when(history, { type: 'RecycleLead', leadId: LEAD, progressNo: null, reason: 'idle', now: NOW }));
    expect(
      then(
        when(history, { type: 'ArchiveLead', leadId: LEAD, progressNo: null, reason: 'cleanup', now: NOW }),
        'LeadArchived',
      ).reason,
    ).toBe('cleanup');
  });

  it('accepts a shotgun offer addressed to the rep, then qualifies and converts with the deal id', () => {
    const history = [...when([], capture)];
    history.push(
      ...when(history, {
        type: 'OfferLead',
        leadId: LEAD,
        offerId: 'o1',
        repId: 'a',
        round: 1,
        policyVersion: 1,
        expiresAt: new Date('2026-03-01T10:02:00Z'),
        now: NOW,
      }),
    );
    history.push(
      ...when(history, { type: 'AcceptLeadOffer', leadId: LEAD, repId: 'a', responseTargetSeconds: null, now: NOW }),
    );
    expect(given(history)).toMatchObject({ status: 'assigned', owner: 'a' });
    history.push(
      ...when(history, {
        type: 'QualifyLead',
        leadId: LEAD,
        budget: 'b',
        authority: 'a',
        need: 'n',
        timeline: 't',
        now: NOW,
      }),
    );
    expect(
      then(when(history, { type: 'ConvertLead', leadId: LEAD, dealId: 'deal-1', now: NOW }), 'LeadConverted'),
    ).toMatchObject({ dealId: 'deal-1', repId: 'a' });
  });
});
