import { InvalidInputError } from '#ltc/kernel';
import { deciderSpec } from '#ltc/testing/decider-spec';
import { DEFAULT_DISTRIBUTION_POLICY, cadenceFor, dealSizeBandOf, responseTargetFor } from './distribution-policy.js';
import type { ChangeDistributionPolicy } from './distribution-policy.commands.js';
import { distributionPolicyDecider } from './distribution-policy.decider.js';

const { given, history: historyOf } = deciderSpec(distributionPolicyDecider);

const change = (policy: unknown): ChangeDistributionPolicy => ({
  type: 'ChangeDistributionPolicy',
  team: 'emea-north',
  policy,
  changedBy: 'maria',
  now: new Date('2026-03-01T09:00:00Z'),
});

/** `field:rule` of the InvalidInputError that refuses `policy` as the first one. */
function fieldOf(policy: unknown): string {
  const error = given([]).when(change(policy)).thenFails(InvalidInputError);
  return `${error.field}:${error.rule}`;
}

describe('Distribution policy › change', () => {
  it('given no policy, when one is set, then version 1 with the omitted fields defaulted', () => {
    given([])
      .when(change({ method: 'shotgun', offerTimeoutSeconds: 60 }))
      .thenEmits([
        {
          type: 'DistributionPolicyChanged',
          data: {
            team: 'emea-north',
            version: 1,
            policy: { ...DEFAULT_DISTRIBUTION_POLICY, method: 'shotgun', offerTimeoutSeconds: 60 },
            changedBy: 'maria',
            changedAt: '2026-03-01T09:00:00.000Z',
          },
        },
      ]);
  });

  it('given a policy, when the same policy is sent again (keys in another order), then nothing changes', () => {
    const first = historyOf(
      change({ method: 'round_robin', recycle: { idleDays: 7, warnDaysBefore: 1, archiveAfterDays: 30 } }),
    );
    given(first)
      .when(change({ recycle: { archiveAfterDays: 30, warnDaysBefore: 1, idleDays: 7 }, method: 'round_robin' }))
      .thenNothing();
  });

  it('given a policy, when another is set, then the version goes up', () => {
    const second = given(historyOf(change({})))
      .when(change({ warningPercent: 50 }))
      .thenEmitsOne('DistributionPolicyChanged');
    expect(second.version).toBe(2);
    expect(second.policy.warningPercent).toBe(50);
  });

  it('refuses invalid policies naming the field path', () => {
    expect(fieldOf({ method: 'lottery' })).toBe('method:isIn');
    expect(fieldOf({ method: 'hybrid' })).toBe('hybrid:required');
    expect(fieldOf({ method: 'hybrid', hybrid: { default: 'hybrid' } })).toBe('hybrid.default:isIn');
    expect(fieldOf({ hybrid: { default: 'manual', bySource: { fax: 'manual' } } })).toBe(
      'hybrid.bySource.fax:unknownField',
    );
    expect(fieldOf({ offerTimeoutSeconds: 0 })).toBe('offerTimeoutSeconds:range');
    expect(fieldOf({ claimCapPerRep: 2.5 })).toBe('claimCapPerRep:range');
    expect(fieldOf({ responseTargetSeconds: { byTier: { A: 0 } } })).toBe('responseTargetSeconds.byTier.A:range');
    expect(fieldOf({ responseTargetSeconds: { bySource: { website: 'fast' } } })).toBe(
      'responseTargetSeconds.bySource.website:range',
    );
    expect(fieldOf({ warningPercent: 100 })).toBe('warningPercent:range');
    expect(fieldOf({ escalation: 'shout' })).toBe('escalation:isIn');
    expect(fieldOf({ cadence: { A: { attempts: 0 } } })).toBe('cadence.A.attempts:range');
    expect(fieldOf({ cadence: { D: {} } })).toBe('cadence.D:unknownField');
    expect(fieldOf({ recycle: { idleDays: 2, warnDaysBefore: 2 } })).toBe('recycle.warnDaysBefore:order');
    expect(fieldOf({ recycle: { onRecycle: 'bin' } })).toBe('recycle.onRecycle:isIn');
    expect(fieldOf({ dealSizeBands: { medium: 5, large: 4 } })).toBe('dealSizeBands.large:order');
    expect(fieldOf({ colour: 'blue' })).toBe('colour:unknownField');
    expect(fieldOf('round_robin')).toBe('policy:isObject');
  });

  it('accepts fractional days and targets of a few seconds (for fast clocks in tests)', () => {
    const event = given([])
      .when(
        change({
          responseTargetSeconds: { default: 5 },
          recycle: { idleDays: 20 / 86_400, warnDaysBefore: 5 / 86_400, archiveAfterDays: 30 / 86_400 },
        }),
      )
      .thenEmitsOne('DistributionPolicyChanged');
    expect(event.policy.responseTargetSeconds.default).toBe(5);
    expect(event.policy.recycle.idleDays).toBeCloseTo(20 / 86_400);
  });
});

describe('Distribution policy › what it says about a lead', () => {
  const policy = {
    ...DEFAULT_DISTRIBUTION_POLICY,
    responseTargetSeconds: { default: 300, byTier: { A: 120, C: 3600 }, bySource: { paid_search: 60 } },
  };

  it('response target: the tighter applicable override, else the default', () => {
    expect(responseTargetFor(policy, { source: 'website', tier: null })).toBe(300);
    expect(responseTargetFor(policy, { source: 'website', tier: 'A' })).toBe(120);
    expect(responseTargetFor(policy, { source: 'paid_search', tier: 'C' })).toBe(60);
    expect(responseTargetFor(policy, { source: 'website', tier: 'C' })).toBe(3600);
  });

  it('cadence: six attempts for tier A; unscored leads are worked as tier B', () => {
    expect(cadenceFor(policy, 'A').attempts).toBe(6);
    expect(cadenceFor(policy, null)).toEqual(policy.cadence.B);
  });

  it('deal-size bands by their lower bounds', () => {
    const bands = policy.dealSizeBands;
    expect([null, 500, 10_000, 250_000, 1_000_000].map((size) => dealSizeBandOf(bands, size))).toEqual([
      null,
      'small',
      'medium',
      'large',
      'enterprise',
    ]);
  });
});
