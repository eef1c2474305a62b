import { LEAD, NOW, capture, given, historyOf } from '../../leads/test/lead-decider.support.js';
import type { Lead, LeadCommand } from '#ltc/leads/domain';
import type { ScoringModelDefinition } from './domain/scoring-model.js';
import { decideScores, type LeadToScore } from './lead-scoring.decision.js';
import type { TenantScoring } from './score-for-tenant.js';

/** A model with one rule of each kind, so every line of the breakdown is visible. */
const model: ScoringModelDefinition = {
  fitRules: [{ id: 'has-company', label: 'Names a company', field: 'company', op: 'present', points: 20 }],
  behaviourRules: [
    { id: 'webinar', label: 'Attended a webinar', interaction: 'webinar_attended', points: 15, maxCount: 2 },
  ],
  sourcePrior: { weight: 50, defaultRates: {}, minLeadsForMeasuredRate: 30 },
  tiers: {
    A: { minScore: 60, attemptTarget: 6, responseTargetSeconds: 300 },
    B: { minScore: 30, attemptTarget: 4, responseTargetSeconds: 3600 },
    C: { minScore: 0, attemptTarget: 2, responseTargetSeconds: 86400 },
  },
};
const scoring: TenantScoring = {
  model,
  modelVersion: 3,
  sourceConversion: { source: 'website', leads: 40, converted: 16, rate: 0.4 },
};

function leadOf(...commands: LeadCommand[]): Lead {
  const state = given(historyOf(...commands)).state;
  if (state.status === 'none') throw new Error('the history creates no lead');
  return state;
}
const openLead = leadOf(capture);
const disqualified = leadOf(capture, {
  type: 'DisqualifyLead',
  leadId: LEAD,
  reasonCode: 'no_budget',
  note: null,
  now: NOW,
});
const webinar = { kind: 'webinar_attended', at: '2026-03-01T09:00:00.000Z' } as const;
const toScore = (overrides: Partial<LeadToScore> = {}): LeadToScore => ({
  leadId: LEAD,
  lead: openLead,
  interactions: [webinar],
  scoring,
  ...overrides,
});

describe('Lead scoring › the decision', () => {
  it('scores an open lead with the tenant’s model and conversion, explaining every point', () => {
    expect(decideScores({ now: NOW, leads: [toScore()] })).toEqual([
      {
        kind: 'dispatch',
        command: {
          type: 'lead.ScoreLead',
          payload: {
            leadId: LEAD,
            score: 55,
            tier: 'B',
            attemptTarget: 4,
            responseTargetSeconds: 3600,
            modelVersion: 3,
            breakdown: [
              {
                ruleId: 'has-company',
                kind: 'fit',
                label: 'Names a company',
                points: 20,
                reason: 'company is present',
              },
              {
                ruleId: 'webinar',
                kind: 'behaviour',
                label: 'Attended a webinar',
                points: 15,
                reason: '1 × webinar_attended, 15 points each',
              },
              {
                ruleId: 'source_prior',
                kind: 'source_prior',
                label: 'Source: website',
                points: 20,
                // The tenant's measured rate counts: 40 leads, above the model's 30.
                reason: 'measured conversion 40.0% over 40 website leads × 50 points = 20',
              },
            ],
          },
        },
      },
    ]);
  });

  it('keys each command by its lead when one event scores several, in the order given', () => {
    const other = '4f3c2b1a-0000-4000-8000-000000000002';
    const effects = decideScores({
      now: NOW,
      leads: [toScore({ key: LEAD }), toScore({ leadId: other, key: other, interactions: [] })],
    });
    expect(
      effects.map((effect) =>
        effect.kind === 'dispatch'
          ? [effect.command.payload.leadId, effect.command.payload.score, effect.options]
          : effect,
      ),
    ).toEqual([
      [LEAD, 55, { key: LEAD }],
      [other, 40, { key: other }],
    ]);
  });

  it('leaves a closed lead with its last score, and sends nothing on rules that are not the tenant’s', () => {
    expect(decideScores({ now: NOW, leads: [toScore({ lead: disqualified })] })).toEqual([]);
    expect(decideScores({ now: NOW, leads: [toScore({ scoring: { ...scoring, modelVersion: null } })] })).toEqual([]);
    expect(decideScores({ now: NOW, leads: [] })).toEqual([]);
  });
});
