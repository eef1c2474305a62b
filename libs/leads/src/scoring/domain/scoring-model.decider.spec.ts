import { InvalidInputError } from '#ltc/kernel';
import { DEFAULT_SCORING_MODEL } from './default-scoring-model.js';
import type { ChangeScoringModel } from './scoring-model.commands.js';
import { scoringModelDecider } from './scoring-model.decider.js';
import type { ScoringModelEvent } from './scoring-model.events.js';
import type { ScoringModelDefinition } from './scoring-model.js';

const given = (events: readonly ScoringModelEvent[]) =>
  events.reduce(scoringModelDecider.evolve, scoringModelDecider.initialState());

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
    expect(given([])).toMatchObject({ origin: 'default', version: 1, model: defaults, changedBy: null });
  });

  it('given the default, when changed, then ScoringModelChanged carries version 2 and who and why', () => {
    expect(scoringModelDecider.decide(change(stricter), given([]))).toEqual([
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
    const saved = scoringModelDecider.decide(change(stricter), given([]));
    const events = scoringModelDecider.decide(change(defaults, { reason: null }), given(saved));
    expect(events[0]?.data).toMatchObject({ version: 3, model: defaults, reason: null });
    expect(given([...saved, ...events])).toMatchObject({ origin: 'saved', version: 3 });
  });

  it('given a model, when the identical rules are submitted (keys in another order), then nothing happens', () => {
    const saved = scoringModelDecider.decide(change(stricter), given([]));
    const { tiers, ...rest } = stricter;
    const reordered = JSON.parse(JSON.stringify({ tiers, ...rest })) as unknown;
    expect(scoringModelDecider.decide(change(reordered), given(saved))).toEqual([]);
    expect(scoringModelDecider.decide(change(defaults), given([]))).toEqual([]);
  });

  it('given any state, when the model is invalid, then InvalidInputError names the field path', () => {
    const broken = { ...defaults, fitRules: [{ ...defaults.fitRules[0], op: 'resembles' }] };
    let thrown: unknown;
    try {
      scoringModelDecider.decide(change(broken), given([]));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect(thrown).toMatchObject({ code: 'VALIDATION_FAILED', field: 'fitRules[0].op', rule: 'oneOf' });
  });

  it('given an invalid model with several problems, then the message lists every one', () => {
    const broken = { ...defaults, tiers: { ...defaults.tiers, B: { ...defaults.tiers.B, minScore: 90 } }, extra: 1 };
    expect(() => scoringModelDecider.decide(change(broken), given([]))).toThrow(
      'extra is not a known field; tiers.A.minScore must be above tiers.B.minScore',
    );
  });

  it('stores only the known fields of a submitted model', () => {
    const withUndefined = { ...stricter, fitRules: stricter.fitRules.map((r) => ({ ...r, value: r.value })) };
    const [event] = scoringModelDecider.decide(change(withUndefined), given([]));
    expect(Object.keys(event?.data.model.fitRules[0] ?? {})).toEqual(['id', 'label', 'field', 'op', 'points']);
  });
});
