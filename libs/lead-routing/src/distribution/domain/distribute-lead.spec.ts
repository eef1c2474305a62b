import { DEFAULT_DISTRIBUTION_POLICY, type DistributionPolicy } from './distribution-policy.js';
import { distributeLead, type DistributionDecision, type DistributionRequest } from './distribute-lead.js';
import { NO_LOAD, type LeadForDistribution, type RepCandidate, type RepLoad } from './rep-candidate.js';

const now = new Date('2026-03-02T10:00:00.000Z');

const lead: LeadForDistribution = {
  leadId: 'lead-1',
  source: 'website',
  direction: null,
  tier: null,
  region: 'EMEA',
  language: 'sv',
  industry: 'logistics',
  estimatedDealSize: 250_000,
};

function rep(
  repId: string,
  overrides: Partial<Omit<RepCandidate, 'load'>> & { load?: Partial<RepLoad> } = {},
): RepCandidate {
  return {
    repId,
    active: true,
    availability: { status: 'active' },
    territories: { regions: [], languages: [], industries: [], dealSizeBands: [] },
    capacity: { maxOpenLeads: 20, dailyQuota: 0 },
    ...overrides,
    load: { ...NO_LOAD, ...overrides.load },
  };
}

const policy = (overrides: Partial<DistributionPolicy> = {}): DistributionPolicy => ({
  ...DEFAULT_DISTRIBUTION_POLICY,
  ...overrides,
});

const decide = (overrides: Partial<DistributionRequest>): DistributionDecision =>
  distributeLead({
    lead,
    policy: policy(),
    policyVersion: 3,
    candidates: [],
    now,
    trigger: 'new_lead',
    ...overrides,
  });

function assigned(decision: DistributionDecision): Extract<DistributionDecision, { kind: 'assign' }> {
  if (decision.kind !== 'assign') throw new Error(`expected an assignment, got ${decision.kind}: ${decision.reason}`);
  return decision;
}

const lineOf = (decision: DistributionDecision, repId: string) => decision.candidates.find((c) => c.repId === repId);

describe('Distribution › round robin', () => {
  it('assigns the least recently assigned eligible rep and explains every candidate', () => {
    const decision = assigned(
      decide({
        candidates: [
          rep('cleo', {
            load: { lastAssignedAt: '2026-03-02T09:00:00.000Z', lastAssignedSeq: '00000000000000000030' },
          }),
          rep('ana', { load: { lastAssignedAt: '2026-03-02T09:30:00.000Z', lastAssignedSeq: '00000000000000000040' } }),
          rep('bo', { load: { lastAssignedAt: '2026-03-02T08:00:00.000Z', lastAssignedSeq: '00000000000000000010' } }),
        ],
      }),
    );
    expect(decision).toMatchObject({ method: 'round_robin', repId: 'bo', responseTargetSeconds: 300 });
    expect(decision.reason).toContain('round robin (policy v3): bo was least recently assigned among 3 eligible');
    expect(decision.candidates.map((c) => [c.repId, c.eligible, c.chosen])).toEqual([
      ['ana', true, false],
      ['bo', true, true],
      ['cleo', true, false],
    ]);
    expect(lineOf(decision, 'bo')?.reason).toContain('least recently assigned (last 2026-03-02T08:00:00.000Z)');
    expect(lineOf(decision, 'ana')?.reason).toContain('assigned more recently');
  });

  it('orders by the ledger sequence, so equal times (a burst of leads) still rotate', () => {
    const sameTime = '2026-03-02T10:00:00.000Z';
    const decision = assigned(
      decide({
        candidates: [
          rep('ana', { load: { lastAssignedAt: sameTime, lastAssignedSeq: '00000000000000000002' } }),
          rep('bo', { load: { lastAssignedAt: sameTime, lastAssignedSeq: '00000000000000000001' } }),
        ],
      }),
    );
    expect(decision.repId).toBe('bo');
  });

  it('prefers reps never assigned, then breaks ties by rep id', () => {
    const decision = assigned(
      decide({
        candidates: [
          rep('cleo'),
          rep('bo'),
          rep('ana', { load: { lastAssignedAt: '2026-03-01T00:00:00.000Z', lastAssignedSeq: '01' } }),
        ],
      }),
    );
    expect(decision.repId).toBe('bo');
    expect(lineOf(decision, 'cleo')?.reason).toContain('bo comes first by rep id');
  });

  it('distributes 300 leads over 3 reps exactly 100 each when the load is updated after every pick', () => {
    const reps = new Map(
      ['ana', 'bo', 'cleo'].map((id) => [id, rep(id, { capacity: { maxOpenLeads: 500, dailyQuota: 0 } })]),
    );
    const counts = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const decision = assigned(decide({ candidates: [...reps.values()] }));
      counts.set(decision.repId, (counts.get(decision.repId) ?? 0) + 1);
      const chosen = reps.get(decision.repId);
      if (!chosen) throw new Error('unknown rep');
      reps.set(decision.repId, {
        ...chosen,
        load: { ...chosen.load, openLeads: chosen.load.openLeads + 1, lastAssignedSeq: String(i).padStart(20, '0') },
      });
    }
    expect(Object.fromEntries(counts)).toEqual({ ana: 100, bo: 100, cleo: 100 });
  });

  it('never picks an inactive, away, full or over-quota rep, and says why', () => {
    const decision = decide({
      candidates: [
        rep('ana', { active: false }),
        rep('bo', { availability: { status: 'away', until: '2026-03-09T00:00:00.000Z' } }),
        rep('cleo', { load: { openLeads: 20 } }),
        rep('dana', { capacity: { maxOpenLeads: 20, dailyQuota: 5 }, load: { assignedToday: 5 } }),
        rep('eli', { availability: { status: 'away', until: null } }),
      ],
    });
    expect(decision.kind).toBe('unassignable');
    expect(decision.reason).toContain('no eligible rep among 5');
    expect(decision.kind === 'unassignable' && decision.deferral).toEqual({
      reason: 'no_eligible_rep',
      detail: 'of 4 active rep(s): 2 away, 2 at capacity',
    });
    expect(decision.candidates.every((c) => !c.eligible && !c.chosen)).toBe(true);
    expect(lineOf(decision, 'ana')?.reason).toBe('inactive (deactivated)');
    expect(lineOf(decision, 'bo')?.reason).toBe('away until 2026-03-09T00:00:00.000Z');
    expect(lineOf(decision, 'cleo')?.reason).toBe('at capacity 20/20 open leads');
    expect(lineOf(decision, 'dana')?.reason).toBe('daily quota reached 5/5 today');
    expect(lineOf(decision, 'eli')?.reason).toBe('away (no return date)');
  });

  it('never routes to a rep without a sales role (a fulfilment-only rep)', () => {
    const decision = assigned(decide({ candidates: [rep('ana', { roles: ['fr'] }), rep('bo', { roles: ['sr'] })] }));
    expect(decision.repId).toBe('bo');
    expect(lineOf(decision, 'ana')).toMatchObject({ eligible: false, reason: 'no sales role (ar or sr)' });
  });

  it('counts a rep whose away time has passed as available again', () => {
    const decision = assigned(
      decide({ candidates: [rep('bo', { availability: { status: 'away', until: '2026-03-01T00:00:00.000Z' } })] }),
    );
    expect(decision.repId).toBe('bo');
  });

  it('skips excluded reps (e.g. the owner who missed the response target) with the given reason', () => {
    const decision = assigned(
      decide({
        trigger: 'sla_breach',
        candidates: [rep('ana'), rep('bo')],
        excluded: [{ repId: 'ana', reason: 'missed the response target on this lead' }],
      }),
    );
    expect(decision.repId).toBe('bo');
    expect(lineOf(decision, 'ana')).toEqual({
      repId: 'ana',
      eligible: false,
      chosen: false,
      reason: 'missed the response target on this lead',
    });
  });

  it('uses the tighter of the tier and source response targets', () => {
    const targets = { default: 300, byTier: { A: 120 }, bySource: { website: 60 } };
    const p = policy({ responseTargetSeconds: targets });
    expect(assigned(decide({ policy: p, candidates: [rep('ana')] })).responseTargetSeconds).toBe(60);
    const tierA = { ...lead, tier: 'A' as const, source: 'webinar' as const };
    expect(assigned(decide({ policy: p, lead: tierA, candidates: [rep('ana')] })).responseTargetSeconds).toBe(120);
  });
});

describe('Distribution › territory', () => {
  const p = policy({ method: 'territory' });

  it('assigns among reps whose territories match, round robin among them', () => {
    const decision = assigned(
      decide({
        policy: p,
        candidates: [
          rep('ana', { territories: { regions: ['APAC'], languages: [], industries: [], dealSizeBands: [] } }),
          rep('bo', {
            territories: { regions: ['EMEA'], languages: ['sv', 'en'], industries: [], dealSizeBands: ['large'] },
          }),
          rep('cleo', {
            territories: { regions: ['emea'], languages: [], industries: ['Logistics'], dealSizeBands: [] },
            load: { lastAssignedSeq: '05', lastAssignedAt: '2026-03-02T09:00:00.000Z' },
          }),
          rep('dana', { territories: { regions: [], languages: ['de'], industries: [], dealSizeBands: ['small'] } }),
        ],
      }),
    );
    expect(decision.method).toBe('territory');
    expect(decision.repId).toBe('bo');
    expect(decision.reason).toContain('in a matching territory');
    expect(lineOf(decision, 'ana')?.reason).toBe('region EMEA does not match territory APAC');
    expect(lineOf(decision, 'cleo')).toMatchObject({ eligible: true, chosen: false });
    expect(lineOf(decision, 'dana')?.reason).toBe(
      'language sv does not match territory de; deal size 250000 (large) does not match territory small',
    );
  });

  it('matches a language by its primary subtag and ignores unknown lead attributes', () => {
    const english = { ...lead, language: 'en-GB', region: null, industry: null, estimatedDealSize: null };
    const decision = assigned(
      decide({
        policy: p,
        lead: english,
        candidates: [
          rep('ana', {
            territories: { regions: ['APAC'], languages: ['en'], industries: ['retail'], dealSizeBands: ['small'] },
          }),
        ],
      }),
    );
    expect(decision.repId).toBe('ana');
  });

  it('prefers the more specific territory match over a rep who covers any territory', () => {
    const decision = assigned(
      decide({
        policy: p,
        candidates: [
          rep('ana'),
          rep('bo', {
            territories: { regions: ['EMEA'], languages: ['sv'], industries: ['logistics'], dealSizeBands: [] },
            load: { lastAssignedSeq: '09', lastAssignedAt: '2026-03-02T09:50:00.000Z' },
          }),
          rep('cleo', {
            territories: { regions: ['EMEA'], languages: [], industries: [], dealSizeBands: [] },
            load: { lastAssignedSeq: '01', lastAssignedAt: '2026-03-02T08:00:00.000Z' },
          }),
        ],
      }),
    );
    expect(decision.repId).toBe('bo');
    expect(decision.reason).toContain('most specific territory match (region, language, industry)');
    expect(lineOf(decision, 'bo')?.reason).toContain('most specific territory match (region, language, industry)');
    expect(lineOf(decision, 'ana')).toMatchObject({ eligible: true, chosen: false });
    expect(lineOf(decision, 'ana')?.reason).toContain('less specific territory match (any territory)');
    expect(lineOf(decision, 'cleo')?.reason).toContain('less specific territory match (region)');
  });

  it('is unassignable when no territory matches', () => {
    const decision = decide({
      policy: p,
      candidates: [
        rep('ana', { territories: { regions: ['APAC'], languages: [], industries: [], dealSizeBands: [] } }),
      ],
    });
    expect(decision.kind).toBe('unassignable');
    expect(decision.kind === 'unassignable' && decision.deferral.reason).toBe('no_territory_match');
  });
});

describe('Distribution › top producer', () => {
  const p = policy({ method: 'top_producer' });

  it('gives the lead to the rep furthest below their performance-weighted share', () => {
    const decision = assigned(
      decide({
        policy: p,
        candidates: [
          rep('ana', { load: { recentAssigned: 10, recentConverted: 5 } }),
          rep('bo', { load: { recentAssigned: 10, recentConverted: 1 } }),
        ],
      }),
    );
    expect(decision.repId).toBe('ana');
    expect(lineOf(decision, 'ana')?.reason).toContain('highest performance-weighted deficit: conversion 38%');
    expect(lineOf(decision, 'bo')?.reason).toContain('smaller deficit');
  });

  it('over many leads gives better converters more leads, and nobody none', () => {
    let reps = [
      rep('ana', { capacity: { maxOpenLeads: 1000, dailyQuota: 0 }, load: { recentAssigned: 0, recentConverted: 0 } }),
      rep('bo', { capacity: { maxOpenLeads: 1000, dailyQuota: 0 }, load: { recentAssigned: 0, recentConverted: 0 } }),
    ];
    // ana converts 40 % of her leads, bo 10 %.
    const counts: Record<string, number> = { ana: 0, bo: 0 };
    for (let i = 0; i < 200; i++) {
      const decision = assigned(decide({ policy: p, candidates: reps }));
      counts[decision.repId] = (counts[decision.repId] ?? 0) + 1;
      reps = reps.map((r) => {
        if (r.repId !== decision.repId) return r;
        const assignedNow = r.load.recentAssigned + 1;
        const rate = r.repId === 'ana' ? 0.4 : 0.1;
        return {
          ...r,
          load: {
            ...r.load,
            recentAssigned: assignedNow,
            recentConverted: Math.floor(assignedNow * rate),
            lastAssignedSeq: String(i).padStart(5, '0'),
          },
        };
      });
    }
    expect(counts['ana']).toBeGreaterThan(counts['bo'] ?? 0);
    expect(counts['bo']).toBeGreaterThan(0);
  });

  it('with no history behaves like round robin (ties by least recently assigned, then rep id)', () => {
    const decision = assigned(decide({ policy: p, candidates: [rep('bo'), rep('ana')] }));
    expect(decision.repId).toBe('ana');
  });
});

describe('Distribution › pull methods', () => {
  it('shark tank pools the lead and notifies every eligible rep, not those at the claim cap', () => {
    const decision = decide({
      policy: policy({ method: 'shark_tank', claimCapPerRep: 3 }),
      candidates: [rep('ana'), rep('bo', { load: { openLeads: 3 } }), rep('cleo', { active: false }), rep('dana')],
    });
    expect(decision).toMatchObject({ kind: 'pool', method: 'shark_tank', notifiedRepIds: ['ana', 'dana'] });
    expect(lineOf(decision, 'bo')?.reason).toBe('at the claim cap 3/3 open leads');
    expect(lineOf(decision, 'ana')?.reason).toContain('notified; the first to claim wins');
    expect(decision.candidates.some((c) => c.chosen)).toBe(false);
  });

  it.each(['cherry_pick', 'blind_pull'] as const)('%s pools the lead without notifying anyone', (method) => {
    const decision = decide({ policy: policy({ method }), candidates: [rep('ana')] });
    expect(decision).toMatchObject({ kind: 'pool', method, notifiedRepIds: [] });
  });
});

describe('Distribution › shotgun', () => {
  const p = policy({ method: 'shotgun', offerTimeoutSeconds: 90, maxOfferRounds: 3 });

  it('offers to the next rep in rotation with an expiry', () => {
    const decision = decide({ policy: p, candidates: [rep('bo'), rep('ana')] });
    expect(decision).toMatchObject({
      kind: 'offer',
      repId: 'ana',
      round: 1,
      offerId: 'lead-1:1',
      expiresAt: '2026-03-02T10:01:30.000Z',
    });
  });

  it('skips reps already offered the lead in this cycle', () => {
    const decision = decide({
      policy: p,
      trigger: 'offer_declined',
      candidates: [rep('ana'), rep('bo'), rep('cleo')],
      excluded: [{ repId: 'ana', reason: 'declined the offer in round 1' }],
      offers: { madeThisCycle: 1, nextRound: 2 },
    });
    expect(decision).toMatchObject({ kind: 'offer', repId: 'bo', round: 2, offerId: 'lead-1:2' });
    expect(lineOf(decision, 'ana')?.reason).toBe('declined the offer in round 1');
  });

  it('falls back to the pool after the last round, or when nobody is left', () => {
    const exhausted = decide({ policy: p, candidates: [rep('ana')], offers: { madeThisCycle: 3, nextRound: 4 } });
    expect(exhausted).toMatchObject({ kind: 'pool', method: 'cherry_pick' });
    expect(exhausted.reason).toContain('offered 3 time(s) without an acceptance');
    const nobody = decide({
      policy: p,
      candidates: [rep('ana')],
      excluded: [{ repId: 'ana', reason: 'declined' }],
      offers: { madeThisCycle: 1, nextRound: 2 },
    });
    expect(nobody).toMatchObject({ kind: 'pool', method: 'cherry_pick' });
    expect(nobody.reason).toContain('nobody left to offer it to');
  });

  it('reassigns by round robin after a breach, since an owned lead cannot be offered', () => {
    const decision = assigned(decide({ policy: p, trigger: 'sla_breach', candidates: [rep('ana')] }));
    expect(decision.method).toBe('round_robin');
    expect(decision.reason).toContain('an owned lead cannot be offered');
  });
});

describe('Distribution › manual and hybrid', () => {
  it('manual leaves the lead for a manager and still explains who could take it', () => {
    const decision = decide({
      policy: policy({ method: 'manual' }),
      candidates: [rep('ana'), rep('bo', { active: false })],
    });
    expect(decision.kind).toBe('manual');
    expect(decision.candidates).toEqual([
      expect.objectContaining({ repId: 'ana', eligible: true, chosen: false }),
      expect.objectContaining({ repId: 'bo', eligible: false, reason: 'inactive (deactivated)' }),
    ]);
  });

  const hybrid = policy({
    method: 'hybrid',
    hybrid: { bySource: { partner: 'manual' }, inbound: 'round_robin', outbound: 'cherry_pick', default: 'shotgun' },
  });

  it('hybrid picks by source first, then by direction', () => {
    expect(decide({ policy: hybrid, lead: { ...lead, source: 'partner' }, candidates: [rep('ana')] }).kind).toBe(
      'manual',
    );
    const inbound = assigned(decide({ policy: hybrid, candidates: [rep('ana')] }));
    expect(inbound.method).toBe('round_robin');
    expect(inbound.reason).toContain('hybrid: inbound → round robin');
    const outbound = decide({ policy: hybrid, lead: { ...lead, source: 'sales_generated' }, candidates: [rep('ana')] });
    expect(outbound).toMatchObject({ kind: 'pool', method: 'cherry_pick' });
  });

  it('hybrid falls back to its default when neither source nor direction has a method', () => {
    const p = policy({ method: 'hybrid', hybrid: { bySource: {}, inbound: null, outbound: null, default: 'shotgun' } });
    expect(decide({ policy: p, candidates: [rep('ana')] }).kind).toBe('offer');
  });
});
