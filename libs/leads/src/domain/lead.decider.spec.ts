import type { CaptureLead, LeadCommand } from './lead.commands.js';
import type { LeadEvent } from './lead.events.js';
import { leadDecider } from './lead.decider.js';

/** Given events, when a command, then events (or a DomainError code). */
export const given = (events: readonly LeadEvent[]) => events.reduce(leadDecider.evolve, leadDecider.initialState());
export const when = (history: readonly LeadEvent[], command: LeadCommand): LeadEvent[] =>
  leadDecider.decide(command, given(history)) as LeadEvent[];
type DataOf<T extends LeadEvent['type']> = LeadEvent extends infer E
  ? E extends { type: T; data: infer D }
    ? D
    : never
  : never;

export function then<T extends LeadEvent['type']>(events: LeadEvent[], type: T): DataOf<T> {
  expect(events.map((e) => e.type)).toEqual([type]);
  return events[0]?.data as DataOf<T>;
}
export const rejects = (history: readonly LeadEvent[], command: LeadCommand, code: string): void => {
  expect(() => leadDecider.decide(command, given(history))).toThrow(expect.objectContaining({ code }) as Error);
};

export const NOW = new Date('2026-03-01T10:00:00Z');
export const LEAD = '4f3c2b1a-0000-4000-8000-000000000001';

export const capture: CaptureLead = {
  type: 'CaptureLead',
  leadId: LEAD,
  name: 'Fleet telematics upgrade',
  company: 'Nordfrakt AB',
  contact: { person: 'Ingrid Lund', email: 'ingrid@nordfrakt.example', phone: null },
  source: 'website',
  region: 'EMEA',
  language: 'sv',
  industry: 'logistics',
  estimatedDealSize: 250000,
  notes: null,
  direction: 'inbound',
  now: NOW,
};

describe('Lead › capture', () => {
  it('given no lead, when captured, then LeadCaptured marks a lead with an email complete', () => {
    const data = then(when([], capture), 'LeadCaptured');
    expect(data).toMatchObject({
      leadId: LEAD,
      source: 'website',
      complete: true,
      capturedAt: '2026-03-01T10:00:00.000Z',
    });
  });

  it('given no lead, when captured without email or phone, then it is incomplete', () => {
    const data = then(
      when([], { ...capture, contact: { person: 'Ingrid', email: null, phone: null } }),
      'LeadCaptured',
    );
    expect(data.complete).toBe(false);
  });

  it('given a captured lead, when captured again, then LEAD_ALREADY_EXISTS', () => {
    rejects(when([], capture), capture, 'LEAD_ALREADY_EXISTS');
  });

  it('given no lead, when any other command, then the lead is not found', () => {
    rejects([], { type: 'TagLead', leadId: LEAD, category: 'free', tag: 'x', now: NOW }, 'LEAD_NOT_FOUND');
  });
});

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

describe('Lead › response clock and recycling', () => {
  const assigned = () => {
    const history = [...when([], capture)];
    history.push(
      ...when(history, {
        type: 'AssignLead',
        leadId: LEAD,
        repId: 'rep-a',
        method: 'manual',
        policyVersion: null,
        candidates: [],
        reason: 'manual',
        responseTargetSeconds: 300,
        now: NOW,
      }),
    );
    return history;
  };

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

describe('Lead › enrichment', () => {
  const captured = () => [...when([], capture)];

  it('records a touch and an interaction on an existing lead, even a closed one', () => {
    const history = captured();
    history.push(
      ...when(history, { type: 'DisqualifyLead', leadId: LEAD, reasonCode: 'no_need', note: null, now: NOW }),
    );
    expect(
      then(
        when(history, { type: 'RecordLeadTouch', leadId: LEAD, source: 'webinar', note: 'again', now: NOW }),
        'LeadTouchRecorded',
      ).source,
    ).toBe('webinar');
    const interaction = then(
      when(history, {
        type: 'RecordLeadInteraction',
        leadId: LEAD,
        kind: 'webinar_attended',
        detail: null,
        at: new Date('2026-02-27T09:00:00Z'),
        now: NOW,
      }),
      'LeadInteractionRecorded',
    );
    expect(interaction.at).toBe('2026-02-27T09:00:00.000Z');
  });

  it('tags once: the same tag again, or removing an absent one, writes nothing', () => {
    const history = captured();
    const tag = {
      type: 'TagLead' as const,
      leadId: LEAD,
      category: 'cognitive_mode' as const,
      tag: 'price-first',
      now: NOW,
    };
    history.push(...when(history, tag));
    expect(when(history, tag)).toEqual([]);
    expect(then(when(history, { ...tag, type: 'UntagLead' }), 'LeadUntagged').tag).toBe('price-first');
    expect(when(history, { ...tag, type: 'UntagLead', tag: 'quality-first' })).toEqual([]);
  });

  it('scores with the breakdown, and an identical score under the same model writes nothing', () => {
    const history = captured();
    const score = {
      type: 'ScoreLead' as const,
      leadId: LEAD,
      score: 72,
      tier: 'A' as const,
      attemptTarget: 6,
      responseTargetSeconds: 300,
      modelVersion: 1,
      breakdown: [
        { ruleId: 'has-email', kind: 'fit' as const, label: 'Has email', points: 72, reason: 'email is present' },
      ],
      now: NOW,
    };
    history.push(...when(history, score));
    expect(given(history)).toMatchObject({ score: { value: 72, tier: 'A', attemptTarget: 6 } });
    expect(when(history, score)).toEqual([]);
    expect(then(when(history, { ...score, modelVersion: 2 }), 'LeadScored').modelVersion).toBe(2);
  });
});

describe('Lead › timers that find the lead moved on', () => {
  const owned = () => {
    const history = [...when([], capture)];
    history.push(
      ...when(history, {
        type: 'AssignLead',
        leadId: LEAD,
        repId: 'rep-a',
        method: 'manual',
        policyVersion: null,
        candidates: [],
        reason: 'm',
        responseTargetSeconds: 300,
        now: NOW,
      }),
    );
    return history;
  };

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
