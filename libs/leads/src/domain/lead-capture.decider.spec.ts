import { LEAD, NOW, capture, given, historyOf } from '../../test/lead-decider.support.js';

describe('Lead › capture', () => {
  it('given no lead, when captured, then LeadCaptured marks a lead with an email complete', () => {
    const data = given([]).when(capture).thenEmitsOne('LeadCaptured');
    expect(data).toMatchObject({
      leadId: LEAD,
      source: 'website',
      complete: true,
      capturedAt: '2026-03-01T10:00:00.000Z',
    });
  });

  it('given no lead, when captured without email or phone, then it is incomplete', () => {
    const data = given([])
      .when({ ...capture, contact: { person: 'Ingrid', email: null, phone: null } })
      .thenEmitsOne('LeadCaptured');
    expect(data.complete).toBe(false);
  });

  it('given no lead, when captured from a service ticket, then LeadCaptured names the ticket; else it names none', () => {
    const fromTicket = given([])
      .when({ ...capture, source: 'service', raisedFromTicket: 'ticket-7' })
      .thenEmitsOne('LeadCaptured');
    expect(fromTicket).toMatchObject({ source: 'service', raisedFromTicket: 'ticket-7' });
    expect(given([]).when(capture).thenEmitsOne('LeadCaptured')).not.toHaveProperty('raisedFromTicket');
  });

  it('given a captured lead, when captured again, then LEAD_ALREADY_EXISTS', () => {
    given(historyOf(capture)).when(capture).thenFails('LEAD_ALREADY_EXISTS');
  });

  it('given a voided capture, when captured, then LEAD_CAPTURE_SUPERSEDED; any other command finds no lead', () => {
    const voided = [
      {
        type: 'LeadCaptureVoided' as const,
        data: { leadId: LEAD, contactKind: 'email' as const, at: NOW.toISOString() },
      },
    ];
    given(voided).when(capture).thenFails('LEAD_CAPTURE_SUPERSEDED');
    given(voided)
      .when({ type: 'TagLead', leadId: LEAD, category: 'free', tag: 'x', now: NOW })
      .thenFails('LEAD_NOT_FOUND');
  });

  it('given no lead, when any other command, then the lead is not found', () => {
    given([]).when({ type: 'TagLead', leadId: LEAD, category: 'free', tag: 'x', now: NOW }).thenFails('LEAD_NOT_FOUND');
  });
});

describe('Lead › enrichment', () => {
  it('records a touch and an interaction on an existing lead, even a closed one', () => {
    const history = historyOf(capture, {
      type: 'DisqualifyLead',
      leadId: LEAD,
      reasonCode: 'no_need',
      note: null,
      now: NOW,
    });
    expect(
      given(history)
        .when({ type: 'RecordLeadTouch', leadId: LEAD, source: 'webinar', note: 'again', now: NOW })
        .thenEmitsOne('LeadTouchRecorded').source,
    ).toBe('webinar');
    expect(
      given(history)
        .when({
          type: 'RecordLeadTouch',
          leadId: LEAD,
          source: 'service',
          note: null,
          raisedFromTicket: 't-9',
          now: NOW,
        })
        .thenEmitsOne('LeadTouchRecorded'),
    ).toMatchObject({ source: 'service', raisedFromTicket: 't-9' });
    const interaction = given(history)
      .when({
        type: 'RecordLeadInteraction',
        leadId: LEAD,
        kind: 'webinar_attended',
        detail: null,
        at: new Date('2026-02-27T09:00:00Z'),
        now: NOW,
      })
      .thenEmitsOne('LeadInteractionRecorded');
    expect(interaction.at).toBe('2026-02-27T09:00:00.000Z');
  });

  it('tags once: the same tag again, or removing an absent one, writes nothing', () => {
    const tag = {
      type: 'TagLead' as const,
      leadId: LEAD,
      category: 'cognitive_mode' as const,
      tag: 'price-first',
      now: NOW,
    };
    const history = historyOf(capture, tag);
    given(history).when(tag).thenNothing();
    expect(
      given(history)
        .when({ ...tag, type: 'UntagLead' })
        .thenEmitsOne('LeadUntagged').tag,
    ).toBe('price-first');
    given(history)
      .when({ ...tag, type: 'UntagLead', tag: 'quality-first' })
      .thenNothing();
  });

  it('scores with the breakdown, and an identical score under the same model writes nothing', () => {
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
    const history = historyOf(capture, score);
    expect(given(history).state).toMatchObject({ score: { value: 72, tier: 'A', attemptTarget: 6 } });
    given(history).when(score).thenNothing();
    expect(
      given(history)
        .when({ ...score, modelVersion: 2 })
        .thenEmitsOne('LeadScored').modelVersion,
    ).toBe(2);
  });
});
