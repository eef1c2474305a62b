import { LEAD, NOW, assignedLead, capture, given, historyOf } from '../../test/lead-decider.support.js';
import type { LeadEvent } from './lead.events.js';

/** The progress number the lead has reached: what a recycle timer set now would carry. */
const progressOf = (history: readonly LeadEvent[]): number => {
  const state = given(history).state;
  return state.status === 'none' ? -1 : state.progressNo;
};

describe('Lead › response clock and recycling', () => {
  const assigned = () => assignedLead();

  it('given no first contact, when the breach timer fires, then LeadResponseSlaBreached with the escalation', () => {
    const data = given(assigned())
      .when({ type: 'BreachLeadResponse', leadId: LEAD, assignmentNo: 1, escalation: 'reassign', now: NOW })
      .thenEmitsOne('LeadResponseSlaBreached');
    expect(data).toMatchObject({ repId: 'rep-a', escalation: 'reassign', dueAt: '2026-03-01T10:05:00.000Z' });
  });

  it('given a first contact, when the breach timer fires, then nothing happens (the timer is stale)', () => {
    const history = given(assigned()).when({
      type: 'RecordContactAttempt',
      leadId: LEAD,
      repId: 'rep-a',
      onBehalfOfOwner: false,
      channel: 'phone',
      outcome: 'reached',
      note: null,
      now: new Date('2026-03-01T10:03:00Z'),
    }).history;
    given(history)
      .when({ type: 'BreachLeadResponse', leadId: LEAD, assignmentNo: 1, escalation: 'reassign', now: NOW })
      .thenNothing();
    const attempt = history.at(-1);
    expect(attempt?.type === 'LeadContactAttempted' && attempt.data.secondsSinceAssignment).toBe(180);
  });

  it('given progress since the recycle timer was set, when it fires, then nothing happens; otherwise LeadRecycled', () => {
    const history = assigned();
    const progressNo = progressOf(history);
    expect(
      given(history)
        .when({ type: 'RecycleLead', leadId: LEAD, progressNo, reason: 'idle', now: NOW })
        .thenEmitsOne('LeadRecycled').previousRepId,
    ).toBe('rep-a');
    const attempted = given(history).when({
      type: 'RecordContactAttempt',
      leadId: LEAD,
      repId: 'rep-a',
      onBehalfOfOwner: false,
      channel: 'email',
      outcome: 'no_answer',
      note: null,
      now: NOW,
    }).history;
    given(attempted).when({ type: 'RecycleLead', leadId: LEAD, progressNo, reason: 'idle', now: NOW }).thenNothing();
  });
});

describe('Lead › outcome', () => {
  it('given an unqualified lead, when converted, then LEAD_NOT_QUALIFIED; a disqualified lead refuses everything', () => {
    const history = historyOf(capture);
    given(history).when({ type: 'ConvertLead', leadId: LEAD, dealId: 'd1', now: NOW }).thenFails('LEAD_NOT_QUALIFIED');
    const disqualified = given(history).when({
      type: 'DisqualifyLead',
      leadId: LEAD,
      reasonCode: 'spam',
      note: null,
      now: NOW,
    }).history;
    given(disqualified)
      .when({ type: 'QualifyLead', leadId: LEAD, budget: 'b', authority: 'a', need: 'n', timeline: 't', now: NOW })
      .thenFails('LEAD_CLOSED');
  });

  it('given a nurtured lead, when the date comes, then it is reactivated to its owner', () => {
    const history = historyOf(
      capture,
      { type: 'NurtureLead', leadId: LEAD, reactivateOn: new Date('2026-06-01T00:00:00Z'), reason: null, now: NOW },
      { type: 'ReactivateLead', leadId: LEAD, now: NOW },
    );
    expect(given(history).state.status).toBe('new');
    given(history).when({ type: 'ReactivateLead', leadId: LEAD, now: NOW }).thenNothing();
  });
});

describe('Lead › timers that find the lead moved on', () => {
  const owned = () => assignedLead();

  it('warns about the response target only for the current assignment', () => {
    const history = owned();
    expect(
      given(history)
        .when({ type: 'WarnLeadResponse', leadId: LEAD, assignmentNo: 1, now: NOW })
        .thenEmitsOne('LeadResponseWarning').repId,
    ).toBe('rep-a');
    given(history).when({ type: 'WarnLeadResponse', leadId: LEAD, assignmentNo: 0, now: NOW }).thenNothing();
  });

  it('warns before recycling only while nothing has happened since', () => {
    const history = owned();
    const progressNo = progressOf(history);
    const warn = {
      type: 'WarnLeadRecycle' as const,
      leadId: LEAD,
      progressNo,
      recycleAt: new Date('2026-03-08T10:00:00Z'),
      now: NOW,
    };
    expect(given(history).when(warn).thenEmitsOne('LeadRecycleWarning').recycleAt).toBe('2026-03-08T10:00:00.000Z');
    given(history)
      .when({ ...warn, progressNo: progressNo + 1 })
      .thenNothing();
  });

  it('archives a lead left in the pool, but not one that is being worked', () => {
    const history = owned();
    const archive = { type: 'ArchiveLead' as const, leadId: LEAD, progressNo: null, reason: 'cleanup', now: NOW };
    given(history).when(archive).thenFails('LEAD_IN_WORK');
    const recycled = given(history).when({
      type: 'RecycleLead',
      leadId: LEAD,
      progressNo: null,
      reason: 'idle',
      now: NOW,
    }).history;
    expect(given(recycled).when(archive).thenEmitsOne('LeadArchived').reason).toBe('cleanup');
  });

  it('accepts a shotgun offer addressed to the rep, then qualifies and converts with the deal id', () => {
    const accepted = historyOf(
      capture,
      {
        type: 'OfferLead',
        leadId: LEAD,
        offerId: 'o1',
        repId: 'a',
        round: 1,
        policyVersion: 1,
        expiresAt: new Date('2026-03-01T10:02:00Z'),
        now: NOW,
      },
      { type: 'AcceptLeadOffer', leadId: LEAD, repId: 'a', responseTargetSeconds: null, now: NOW },
    );
    expect(given(accepted).state).toMatchObject({ status: 'assigned', owner: 'a' });
    const qualified = given(accepted).when({
      type: 'QualifyLead',
      leadId: LEAD,
      budget: 'b',
      authority: 'a',
      need: 'n',
      timeline: 't',
      now: NOW,
    }).history;
    expect(
      given(qualified)
        .when({ type: 'ConvertLead', leadId: LEAD, dealId: 'deal-1', now: NOW })
        .thenEmitsOne('LeadConverted'),
    ).toMatchObject({ dealId: 'deal-1', repId: 'a' });
  });
});

describe('Lead › conversion carries what the deal opens with', () => {
  const qualifiedLead = () =>
    historyOf(
      capture,
      { type: 'SetLeadTeam', leadId: LEAD, team: 'team-nordics', ruleId: null, reason: 'region', now: NOW },
      { type: 'TagLead', leadId: LEAD, category: 'cognitive_mode', tag: 'price-first', now: NOW },
      {
        type: 'ScoreLead',
        leadId: LEAD,
        score: 72,
        tier: 'A',
        attemptTarget: 6,
        responseTargetSeconds: 300,
        modelVersion: 1,
        breakdown: [],
        now: NOW,
      },
      {
        type: 'AssignLead',
        leadId: LEAD,
        repId: 'rep-a',
        method: 'manual',
        policyVersion: null,
        candidates: [],
        reason: 'manual',
        responseTargetSeconds: 300,
        now: NOW,
      },
      { type: 'QualifyLead', leadId: LEAD, budget: 'b', authority: 'a', need: 'n', timeline: 't', now: NOW },
    );

  it('given a qualified lead, when it converts, then LeadConverted holds its name, company, contact, source, region, team, tags, score, deal size, owner and capture time', () => {
    const data = given(qualifiedLead())
      .when({ type: 'ConvertLead', leadId: LEAD, dealId: 'deal-1', now: NOW })
      .thenEmitsOne('LeadConverted');
    expect(data).toEqual({
      leadId: LEAD,
      dealId: 'deal-1',
      repId: 'rep-a',
      at: NOW.toISOString(),
      name: 'Fleet telematics upgrade',
      company: 'Nordfrakt AB',
      contactPerson: 'Ingrid Lund',
      source: 'website',
      region: 'EMEA',
      team: 'team-nordics',
      tags: ['cognitive_mode:price-first'],
      score: 72,
      estimatedDealSize: { amountMinor: 250_000_00, currency: 'EUR' },
      owner: 'rep-a',
      capturedAt: NOW.toISOString(),
    });
  });

  it('given a lead never scored, tagged or placed in a team, when it converts, then those facts are empty, not missing', () => {
    const history = historyOf(
      capture,
      {
        type: 'AssignLead',
        leadId: LEAD,
        repId: 'rep-b',
        method: 'manual',
        policyVersion: null,
        candidates: [],
        reason: 'manual',
        responseTargetSeconds: 300,
        now: NOW,
      },
      { type: 'QualifyLead', leadId: LEAD, budget: 'b', authority: 'a', need: 'n', timeline: 't', now: NOW },
    );
    expect(
      given(history)
        .when({ type: 'ConvertLead', leadId: LEAD, dealId: 'deal-2', now: NOW })
        .thenEmitsOne('LeadConverted'),
    ).toMatchObject({ team: null, tags: [], score: null, owner: 'rep-b' });
  });
});
