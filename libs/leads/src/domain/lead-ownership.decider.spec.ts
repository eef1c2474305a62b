import { LEAD, NOW, capture, given, historyOf } from '../../test/lead-decider.support.js';

describe('Lead › assignment', () => {
  const assign = {
    type: 'AssignLead' as const,
    leadId: LEAD,
    repId: 'rep-a',
    method: 'round_robin' as const,
    policyVersion: 1,
    candidates: [{ repId: 'rep-a', eligible: true, chosen: true, reason: 'least recently assigned' }],
    reason: 'round robin',
    responseTargetSeconds: 120,
    now: NOW,
  };

  it('given a new lead, when assigned, then LeadAssigned explains itself and sets the response deadline', () => {
    const data = given(historyOf(capture)).when(assign).thenEmitsOne('LeadAssigned');
    expect(data).toMatchObject({ repId: 'rep-a', assignmentNo: 1, method: 'round_robin', previousRepId: null });
    expect(data.responseDueAt).toBe('2026-03-01T10:02:00.000Z');
    expect(data.candidates).toHaveLength(1);
  });

  it('given a lead claimed meanwhile, when routing assigns on the older state, then LEAD_ASSIGNMENT_CHANGED', () => {
    const history = historyOf(capture, { ...assign, repId: 'rep-b', method: 'manual' });
    given(history)
      .when({ ...assign, expectedAssignmentNo: 0 })
      .thenFails('LEAD_ASSIGNMENT_CHANGED');
  });

  it('given an owned lead, when claimed by another rep, then LEAD_ALREADY_CLAIMED', () => {
    given(historyOf(capture, assign))
      .when({ type: 'ClaimLead', leadId: LEAD, repId: 'rep-z', responseTargetSeconds: null, now: NOW })
      .thenFails('LEAD_ALREADY_CLAIMED');
  });

  it('given a pooled lead, when claimed, then the claimer owns it with the pool method', () => {
    const history = historyOf(capture, {
      type: 'PoolLead',
      leadId: LEAD,
      method: 'shark_tank',
      policyVersion: 1,
      notifiedRepIds: ['a', 'b'],
      reason: 'pool',
      now: NOW,
    });
    const data = given(history)
      .when({ type: 'ClaimLead', leadId: LEAD, repId: 'b', responseTargetSeconds: null, now: NOW })
      .thenEmitsOne('LeadAssigned');
    expect(data).toMatchObject({ repId: 'b', method: 'shark_tank' });
  });

  it('given a shotgun offer to one rep, another rep cannot accept it, and an expired offer timer is stale after a decline', () => {
    const offer = {
      type: 'OfferLead' as const,
      leadId: LEAD,
      offerId: 'o1',
      repId: 'a',
      round: 1,
      policyVersion: 1,
      expiresAt: new Date('2026-03-01T10:02:00Z'),
      now: NOW,
    };
    const offered = historyOf(capture, offer);
    given(offered)
      .when({ type: 'AcceptLeadOffer', leadId: LEAD, repId: 'b', responseTargetSeconds: null, now: NOW })
      .thenFails('OFFER_NOT_FOR_YOU');
    const declined = given(offered).when({
      type: 'DeclineLeadOffer',
      leadId: LEAD,
      repId: 'a',
      reason: null,
      now: NOW,
    }).history;
    given(declined).when({ type: 'ExpireLeadOffer', leadId: LEAD, offerId: 'o1', now: NOW }).thenNothing();
  });
});
