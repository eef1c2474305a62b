import { DEFAULT_SCORING_MODEL, DEFAULT_SOURCE_CONVERSION_RATES } from './default-scoring-model.js';
import { scoreLead, type LeadForScoring, type LeadInteraction, type ScoreLeadInput } from './score-lead.js';
import type { FitRule, ScoringModel } from './scoring-model.js';
import { parseScoringModel, validateScoringModel } from './validate-scoring-model.js';

const now = new Date('2026-03-10T12:00:00Z');
const daysAgo = (days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();

const bareLead: LeadForScoring = {
  source: 'website',
  region: null,
  language: null,
  industry: null,
  dealSize: null,
  company: null,
  email: null,
  phone: null,
  tags: [],
};

/** A model with no rules and no source prior: every test adds only what it is about. */
const emptyModel: ScoringModel = {
  version: 7,
  fitRules: [],
  behaviourRules: [],
  sourcePrior: { weight: 0, defaultRates: {}, minLeadsForMeasuredRate: 30 },
  tiers: {
    A: { minScore: 60, attemptTarget: 6, responseTargetSeconds: 300 },
    B: { minScore: 30, attemptTarget: 4, responseTargetSeconds: 3600 },
    C: { minScore: 0, attemptTarget: 2, responseTargetSeconds: 86400 },
  },
};

const score = (overrides: Omit<Partial<ScoreLeadInput>, 'lead'> & { lead?: Partial<LeadForScoring> } = {}) =>
  scoreLead({
    interactions: [],
    sourceConversion: undefined,
    model: DEFAULT_SCORING_MODEL,
    now,
    ...overrides,
    lead: { ...bareLead, ...overrides.lead },
  });

const withFit = (...fitRules: FitRule[]): ScoringModel => ({ ...emptyModel, fitRules });
const sum = (lines: readonly { points: number }[]) => lines.reduce((total, line) => total + line.points, 0);
const points = (result: ReturnType<typeof scoreLead>, ruleId: string) =>
  result.breakdown.find((line) => line.ruleId === ruleId)?.points;

describe('Lead scoring › breakdown', () => {
  it('explains every point: the breakdown adds up to the score', () => {
    const interactions: LeadInteraction[] = [
      { kind: 'demo_request', at: daysAgo(1) },
      { kind: 'content_download', at: daysAgo(2) },
      { kind: 'web_visit', at: daysAgo(3) },
    ];
    const result = score({
      lead: { email: 'a@b.example', phone: '+46 8 1', company: 'Nordfrakt', dealSize: 50_000 },
      interactions,
    });
    expect(result.breakdown.map((line) => line.ruleId)).toEqual([
      'has-email',
      'has-phone',
      'has-company',
      'deal-size-20k',
      'demo-request',
      'content-download',
      'web-visit',
      'source_prior',
    ]);
    // 10 + 10 + 5 + 10 fit, 20 + 4 + 1 behaviour, 20 for a website lead's default 20% conversion.
    expect(result.score).toBe(80);
    expect(sum(result.breakdown)).toBe(result.score);
    expect(result.rawScore).toBe(result.score);
    for (const line of result.breakdown) expect(line.reason).not.toBe('');
  });

  it('lists only rules that matched, each with the reason it matched', () => {
    const result = score({
      model: withFit(rule('tag', 'equals', 'Decision_Maker', 7)),
      lead: { tags: ['decision_maker'] },
    });
    expect(result.breakdown).toEqual([
      { ruleId: 'r', kind: 'fit', label: 'rule r', points: 7, reason: 'tagged "decision_maker"' },
      expect.objectContaining({ ruleId: 'source_prior', points: 0 }),
    ]);
    expect(score({ model: withFit(rule('tag', 'equals', 'budget', 7)) }).breakdown.map((l) => l.ruleId)).toEqual([
      'source_prior',
    ]);
  });

  it("fires the default model's tag rules for tags as sales writes them (hyphenated)", () => {
    const result = score({ lead: { tags: ['decision-maker', 'budget-confirmed'] } });
    expect(result.breakdown.filter((line) => line.kind === 'fit').map((line) => [line.ruleId, line.points])).toEqual([
      ['reaches-decision-maker', 10],
      ['budget-confirmed', 10],
    ]);
  });

  it('counts a behaviour at most maxCount times and only within its window', () => {
    const model: ScoringModel = {
      ...emptyModel,
      behaviourRules: [
        { id: 'dl', label: 'Downloads', interaction: 'content_download', points: 4, maxCount: 2, withinDays: 30 },
      ],
    };
    const interactions: LeadInteraction[] = [
      { kind: 'content_download', at: daysAgo(1) },
      { kind: 'content_download', at: daysAgo(5) },
      { kind: 'content_download', at: daysAgo(10) },
      { kind: 'content_download', at: daysAgo(45) },
      { kind: 'web_visit', at: daysAgo(1) },
      { kind: 'content_download', at: '2026-03-11T00:00:00Z' },
    ];
    const line = score({ model, interactions }).breakdown[0];
    expect(line).toEqual({
      ruleId: 'dl',
      kind: 'behaviour',
      label: 'Downloads',
      points: 8,
      reason: '3 × content_download in the last 30 days, counted 2 (the most this rule counts), 4 points each',
    });
  });

  it('matches text ignoring case and spaces, and numbers on dealSize', () => {
    const model = withFit(
      rule('industry', 'in', ['Logistics', 'retail'], 5, 'ind'),
      rule('company', 'contains', 'FRAKT', 3, 'co'),
      rule('dealSize', 'lte', 10_000, -4, 'small'),
      rule('region', 'absent', undefined, -2, 'noregion'),
      rule('language', 'present', undefined, 1, 'lang'),
    );
    const result = score({
      model,
      lead: { industry: ' logistics ', company: 'Nordfrakt AB', dealSize: 9000, language: ' ' },
    });
    expect(result.breakdown.map((l) => [l.ruleId, l.points])).toEqual([
      ['ind', 5],
      ['co', 3],
      ['small', -4],
      ['noregion', -2],
      ['source_prior', 0],
    ]);
  });
});

describe('Lead scoring › source prior', () => {
  const model: ScoringModel = {
    ...emptyModel,
    sourcePrior: { weight: 50, defaultRates: { website: 0.2, lead_list: 0.04 }, minLeadsForMeasuredRate: 30 },
  };

  it('uses the measured rate of the source once enough leads came from it', () => {
    const line = score({ model, sourceConversion: { rate: 0.3, leads: 30 } }).breakdown.at(-1);
    expect(line).toMatchObject({ ruleId: 'source_prior', kind: 'source_prior', points: 15 });
    expect(line?.reason).toBe('measured conversion 30.0% over 30 website leads × 50 points = 15');
  });

  it('uses the default rate while too few leads were measured', () => {
    const line = score({ model, sourceConversion: { rate: 0.9, leads: 29 } }).breakdown.at(-1);
    expect(line?.points).toBe(10);
    expect(line?.reason).toBe('29 website leads measured, 30 needed; default conversion 20.0% × 50 points = 10');
    expect(score({ model }).breakdown.at(-1)?.points).toBe(10);
  });

  it('falls back to the 13% average for a source the model has no default for', () => {
    const line = score({ model, lead: { source: 'partner' } }).breakdown.at(-1);
    expect(line?.points).toBe(7); // 0.13 × 50 = 6.5, rounded
    expect(line?.reason).toContain('no default for partner, so the average 13.0%');
  });

  it('rounds the prior to whole points, so the breakdown still adds up', () => {
    const result = score({ model, sourceConversion: { rate: 1 / 3, leads: 300 } });
    expect(result.score).toBe(17);
    expect(sum(result.breakdown)).toBe(17);
  });

  it('by default ranks the website and referrals best, bought lists and email campaigns worst, around 13%', () => {
    const rates = Object.entries(DEFAULT_SOURCE_CONVERSION_RATES);
    const best = ['website', 'referral_customer', 'referral_employee'];
    const worst = ['lead_list', 'email_campaign'];
    const rateOf = (names: string[]) => rates.filter(([s]) => names.includes(s)).map(([, r]) => r);
    const others = rates.filter(([s]) => !best.includes(s) && !worst.includes(s)).map(([, r]) => r);
    expect(Math.min(...rateOf(best))).toBeGreaterThan(Math.max(...others));
    expect(Math.max(...rateOf(worst))).toBeLessThan(Math.min(...others));
    const mean = rates.reduce((total, [, r]) => total + r, 0) / rates.length;
    expect(mean).toBeGreaterThan(0.1);
    expect(mean).toBeLessThan(0.16);
  });
});

describe('Lead scoring › clamping', () => {
  it('clamps above 100 and says so in the breakdown', () => {
    const result = score({ model: withFit(rule('source', 'equals', 'website', 130)) });
    expect(result.rawScore).toBe(130);
    expect(result.score).toBe(100);
    expect(result.breakdown.at(-1)).toEqual({
      ruleId: 'clamp',
      kind: 'clamp',
      label: 'Score limited to 0-100',
      points: -30,
      reason: 'the rules add up to 130, clamped to 100',
    });
    expect(sum(result.breakdown.filter((l) => l.kind !== 'clamp'))).toBe(result.rawScore);
    expect(sum(result.breakdown)).toBe(result.score);
  });

  it('clamps below 0 the same way', () => {
    const result = score({ model: withFit(rule('email', 'absent', undefined, -25)) });
    expect([result.rawScore, result.score, points(result, 'clamp')]).toEqual([-25, 0, 25]);
    expect(result.tier).toBe('C');
  });

  it('adds no clamp line when the score is within 0..100', () => {
    expect(points(score(), 'clamp')).toBeUndefined();
  });
});

describe('Lead scoring › tiers', () => {
  const at = (n: number) => score({ model: withFit(rule('source', 'equals', 'website', n)) });

  it('puts a score at a tier minimum into that tier, one below into the next', () => {
    expect([at(60).tier, at(59).tier, at(30).tier, at(29).tier, at(0).tier]).toEqual(['A', 'B', 'B', 'C', 'C']);
  });

  it('gives tier A six attempts and a five-minute response target in the default model', () => {
    const result = score({
      lead: { email: 'a@b.example', phone: '+46 8 1', company: 'X', dealSize: 200_000 },
      sourceConversion: { rate: 0.25, leads: 100 },
    });
    expect(result).toMatchObject({ tier: 'A', attemptTarget: 6, responseTargetSeconds: 300 });
  });

  it('carries the tier policy of lower tiers too', () => {
    expect(at(45)).toMatchObject({ tier: 'B', attemptTarget: 4, responseTargetSeconds: 3600 });
    expect(at(5)).toMatchObject({ tier: 'C', attemptTarget: 2, responseTargetSeconds: 86400 });
  });
});

describe('Scoring model › validation', () => {
  const { version: _version, ...definition } = DEFAULT_SCORING_MODEL;
  const problemsOf = (change: (m: Record<string, unknown>) => void): string[] => {
    const copy = JSON.parse(JSON.stringify(definition)) as Record<string, unknown>;
    change(copy);
    return validateScoringModel(copy).map((p) => `${p.path}:${p.rule}`);
  };
  const fit = (m: Record<string, unknown>) => m['fitRules'] as Record<string, unknown>[];
  const behaviour = (m: Record<string, unknown>) => m['behaviourRules'] as Record<string, unknown>[];
  const tiers = (m: Record<string, unknown>) => m['tiers'] as Record<string, Record<string, unknown>>;

  it('accepts the default model', () => {
    expect(validateScoringModel(definition)).toEqual([]);
  });

  it('refuses a tag rule whose value no lead can carry (tags are lower-case words joined by hyphens)', () => {
    const tagRule = (value: unknown) => (m: Record<string, unknown>) => {
      m['fitRules'] = [
        { id: 't', label: 'Tag', field: 'tag', op: Array.isArray(value) ? 'in' : 'equals', value, points: 5 },
      ];
    };
    expect(problemsOf(tagRule('decision_maker'))).toEqual(['fitRules[0].value:tag']);
    expect(problemsOf(tagRule(['price-first', 'Decision Maker']))).toEqual(['fitRules[0].value[1]:tag']);
    expect(problemsOf(tagRule('decision-maker'))).toEqual([]);
  });

  it('names the field of an unknown operator', () => {
    expect(problemsOf((m) => (fit(m)[2]!['op'] = 'resembles'))).toEqual(['fitRules[2].op:oneOf']);
  });

  it('refuses rule ids used twice, across fit and behaviour rules', () => {
    expect(problemsOf((m) => (behaviour(m)[1]!['id'] = 'has-email'))).toEqual(['behaviourRules[1].id:unique']);
    expect(problemsOf((m) => (fit(m)[0]!['id'] = 'source_prior'))).toEqual(['fitRules[0].id:reserved']);
  });

  it('refuses points that are not finite whole numbers', () => {
    expect(problemsOf((m) => (fit(m)[0]!['points'] = Number.NaN))).toEqual(['fitRules[0].points:integer']);
    expect(problemsOf((m) => (behaviour(m)[0]!['points'] = 2.5))).toEqual(['behaviourRules[0].points:integer']);
    expect(problemsOf((m) => (fit(m)[0]!['points'] = 5000))).toEqual(['fitRules[0].points:range']);
  });

  it('requires tier thresholds ordered A > B > C', () => {
    expect(problemsOf((m) => (tiers(m)['B']!['minScore'] = 60))).toEqual(['tiers.A.minScore:order']);
    expect(problemsOf((m) => (tiers(m)['C']!['minScore'] = 35))).toEqual(['tiers.B.minScore:order']);
  });

  it('refuses a higher tier worked with fewer attempts or more slowly than a lower one', () => {
    expect(problemsOf((m) => (tiers(m)['A']!['attemptTarget'] = 3))).toEqual(['tiers.A.attemptTarget:order']);
    expect(problemsOf((m) => (tiers(m)['C']!['responseTargetSeconds'] = 60))).toEqual([
      'tiers.B.responseTargetSeconds:order',
    ]);
  });

  it('checks each operator against its field and value', () => {
    expect(
      problemsOf((m) => fit(m).push({ id: 'x', label: 'x', field: 'region', op: 'gte', value: 3, points: 1 })),
    ).toEqual(['fitRules[7].op:notAllowed']);
    expect(
      problemsOf((m) => fit(m).push({ id: 'x', label: 'x', field: 'email', op: 'present', value: 'a', points: 1 })),
    ).toEqual(['fitRules[7].value:notAllowed']);
    expect(
      problemsOf((m) =>
        fit(m).push({ id: 'x', label: 'x', field: 'source', op: 'in', value: ['website', 'fax'], points: 1 }),
      ),
    ).toEqual(['fitRules[7].value[1]:oneOf']);
    expect(
      problemsOf((m) => fit(m).push({ id: 'x', label: 'x', field: 'dealSize', op: 'equals', value: '5', points: 1 })),
    ).toEqual(['fitRules[7].value:type']);
  });

  it('refuses unknown fields, unknown sources and rates outside 0..1', () => {
    expect(
      problemsOf((m) => {
        m['version'] = 3;
        fit(m)[0]!['colour'] = 'red';
        (m['sourcePrior'] as Record<string, Record<string, unknown>>)['defaultRates']!['carrier_pigeon'] = 0.5;
        (m['sourcePrior'] as Record<string, Record<string, unknown>>)['defaultRates']!['website'] = 20;
      }),
    ).toEqual([
      'version:unknownField',
      'fitRules[0].colour:unknownField',
      'sourcePrior.defaultRates.website:range',
      'sourcePrior.defaultRates.carrier_pigeon:unknownField',
    ]);
  });

  it('names missing parts and can place the paths under a body field', () => {
    expect(validateScoringModel({ fitRules: [] }, 'model').map((p) => p.path)).toEqual([
      'model.behaviourRules',
      'model.sourcePrior',
      'model.tiers',
    ]);
    expect(validateScoringModel(null).map((p) => p.rule)).toEqual(['type']);
  });

  it('rebuilds a valid model with only its known fields', () => {
    const parsed = parseScoringModel(JSON.parse(JSON.stringify(definition)));
    expect(parsed).toEqual({ ok: true, model: definition });
  });
});

function rule(field: FitRule['field'], op: FitRule['op'], value: FitRule['value'], pts: number, id = 'r'): FitRule {
  return { id, label: `rule ${id}`, field, op, ...(value !== undefined ? { value } : {}), points: pts };
}
