import { InvalidInputError } from '#ltc/kernel';
import { deciderSpec } from '#ltc/testing/decider-spec';
import { DEFAULT_SCORING_MODEL } from './default-scoring-model.js';
import type { ChangeScoringModel } from './scoring-model.commands.js';
import { scoringModelDecider } from './scoring-model.decider.js';
import type { ScoringModelDefinition } from './scoring-model.js';

const { given, history: historyOf } = deciderSpec(scoringModelDecider);

const { version: _version, ...defaults } = DEFAULT_SCORING_MODEL;

const stricter: ScoringModelDefinition = {
  ...defaults,
  tiers: { ...defaults.tiers, A: { ...defaults.tiers.A, minScore: 70 } },
};

const change = (model: unknown, overrides: Partial<ChangeScoringModel> = {}): ChangeScoringModel => ({
  type: 'ChangeScoringModel',
  model,
  changedBy: 'manager-1',
  reason: 'Tier A leads were too many to call within five minutes',
  now: new Date('2026-03-01T10:00:00Z'),
  ...overrides,
});

describe('Scoring model › change', () => {
  it('given no saved model, the tenant works with the default as version 1', () => {
    expect(given([]).state).toMatchObject({ origin: 'default', version: 1, model: defaults, changedBy: null });
  });

  it('given the default, when changed, then ScoringModelChanged carries version 2 and who and why', () => {
    given([])
      .when(change(stricter))
      .thenEmits([
        {
          type: 'ScoringModelChanged',
          data: {
            version: 2,
            model: stricter,
            changedBy: 'manager-1',
            reason: 'Tier A leads were too many to call within five minutes',
            changedAt: '2026-03-01T10:00:00.000Z',
          },
        },
      ]);
  });

  it('given a saved version, when changed again, then the version is the previous one plus 1', () => {
    const changed = given(historyOf(change(stricter))).when(change(defaults, { reason: null }));
    expect(changed.events[0]?.data).toMatchObject({ version: 3, model: defaults, reason: null });
    expect(given(changed.history).state).toMatchObject({ origin: 'saved', version: 3 });
  });

  it('given a model, when the identical rules are submitted (keys in another order), then nothing happens', () => {
    const saved = historyOf(change(stricter));
    const { tiers, ...rest } = stricter;
    const reordered = JSON.parse(JSON.stringify({ tiers, ...rest })) as unknown;
    given(saved).when(change(reordered)).thenNothing();
    given([]).when(change(defaults)).thenNothing();
  });

  it('given any state, when the model is invalid, then InvalidInputError names the field path', () => {
    const broken = { ...defaults, fitRules: [{ ...defaults.fitRules[0], op: 'resembles' }] };
    given([])
      .when(change(broken))
      .thenFails(InvalidInputError, { code: 'VALIDATION_FAILED', field: 'fitRules[0].op', rule: 'oneOf' });
  });

  it('given an invalid model with several problems, then the message lists every one', () => {
    const broken = { ...defaults, tiers: { ...defaults.tiers, B: { ...defaults.tiers.B, minScore: 90 } }, extra: 1 };
    expect(given([]).when(change(broken)).thenFails('VALIDATION_FAILED').message).toContain(
      'extra is not a known field; tiers.A.minScore must be above tiers.B.minScore',
    );
  });

  it('stores only the known fields of a submitted model', () => {
    const withUndefined = { ...stricter, fitRules: stricter.fitRules.map((r) => ({ ...r, value: r.value })) };
    const event = given([]).when(change(withUndefined)).thenEmitsOne('ScoringModelChanged');
    expect(Object.keys(event.model.fitRules[0] ?? {})).toEqual(['id', 'label', 'field', 'op', 'points']);
  });
});
