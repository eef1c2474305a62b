import { LEAD, NOW, capture, given, rejects, then, when } from '../../test/lead-decider.support.js';

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

  it('given a voided capture, when captured, then LEAD_CAPTURE_SUPERSEDED; any other command finds no lead', () => {
    const voided = [
      {
        type: 'LeadCaptureVoided' as const,
        data: { leadId: LEAD, contactKind: 'email' as const, at: NOW.toISOString() },
      },
    ];
    rejects(voided, capture, 'LEAD_CAPTURE_SUPERSEDED');
    rejects(voided, { type: 'TagLead', leadId: LEAD, category: 'free', tag: 'x', now: NOW }, 'LEAD_NOT_FOUND');
  });

  it('given no lead, when any other command, then the lead is not found', () => {
    rejects([], { type: 'TagLead', leadId: LEAD, category: 'free', tag: 'x', now: NOW }, 'LEAD_NOT_FOUND');
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
