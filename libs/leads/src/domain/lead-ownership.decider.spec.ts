import { LEAD, NOW, capture, rejects, then, when } from '../../test/lead-decider.support.js';

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
    const data = then(when(when([], capture), assign), 'LeadAssigned');
    expect(data).toMatchObject({ repId: 'rep-a', assignmentNo: 1, method: 'round_robin', previousRepId: null });
    expect(data.responseDueAt).toBe('2026-03-01T10:02:00.000Z');
    expect(data.candidates).toHaveLength(1);
  });

  it('given a lead claimed meanwhile, when routing assigns on the older state, then LEAD_ASSIGNMENT_CHANGED', () => {
    const history = [...when([], capture)];
    history.push(...when(history, { ...assign, repId: 'rep-b', method: 'manual' }));
    rejects(history, { ...assign, expectedAssignmentNo: 0 }, 'LEAD_ASSIGNMENT_CHANGED');
  });

  it('given an owned lead, when claimed by another rep, then LEAD_ALREADY_CLAIMED', () => {
    const history = [...when([], capture)];
    history.push(...when(history, assign));
    rejects(
      history,
      { type: 'ClaimLead', leadId: LEAD, repId: 'rep-z', responseTargetSeconds: null, now: NOW },
      'LEAD_ALREADY_CLAIMED',
    );
  });

  it('given a pooled lead, when claimed, then the claimer owns it with the pool method', () => {
    const history = [...when([], capture)];
    history.push(
      ...when(history, {
        type: 'PoolLead',
        leadId: LEAD,
        method: 'shark_tank',
        policyVersion: 1,
        notifiedRepIds: ['a', 'b'],
        reason: 'pool',
        now: NOW,
      }),
    );
    const data = then(
      when(history, { type: 'ClaimLead', leadId: LEAD, repId: 'b', responseTargetSeconds: null, now: NOW }),
      'LeadAssigned',
    );
    expect(data).toMatchObject({ repId: 'b', method: 'shark_tank' });
  });

  it('given a shotgun offer to one rep, another rep cannot accept it, and an expired offer timer is stale after a decline', () => {
    const history = [...when([], capture)];
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
    history.push(...when(history, offer));
    rejects(
      history,
      { type: 'AcceptLeadOffer', leadId: LEAD, repId: 'b', responseTargetSeconds: null, now: NOW },
      'OFFER_NOT_FOR_YOU',
    );
    history.push(...when(history, { type: 'DeclineLeadOffer', leadId: LEAD, repId: 'a', reason: null, now: NOW }));
    expect(when(history, { type: 'ExpireLeadOffer', leadId: LEAD, offerId: 'o1', now: NOW })).toEqual([]);
  });
});
