import type { Lead, Tier } from '#ltc/leads/domain';
import type { ComparisonRow, SimulationOutcome } from '#ltc/platform';

/** A lead captured in the period, with the score the replay gave it last. */
export interface ScoredCase {
  readonly leadId: string;
  simulated: { readonly score: number; readonly tier: Tier } | null;
}

const TIERS = ['A', 'B', 'C', 'unscored'] as const;

/** Leads per tier, how each tier converted, and the average score: as recorded, and under the proposal. */
export function compareScores(
  cases: readonly ScoredCase[],
  leadOf: (leadId: string) => Lead | undefined,
): SimulationOutcome {
  const rows = cases.flatMap((found) => {
    const lead = leadOf(found.leadId);
    if (!lead) return [];
    const converted = lead.status === 'converted';
    const actual = lead.score ? { score: lead.score.value, tier: lead.score.tier } : null;
    return [{ actual, simulated: found.simulated, converted }];
  });
  const tierOf = (score: { readonly tier: Tier } | null) => score?.tier ?? 'unscored';
  const inTier = (tier: string, side: 'actual' | 'simulated') => rows.filter((row) => tierOf(row[side]) === tier);
  const converting = (tier: string, side: 'actual' | 'simulated') => {
    const leads = inTier(tier, side);
    return leads.length === 0
      ? 0
      : Math.round((leads.filter((row) => row.converted).length * 1000) / leads.length) / 10;
  };
  const average = (side: 'actual' | 'simulated') => {
    const scores = rows.flatMap((row) => (row[side] ? [row[side].score] : []));
    return scores.length === 0 ? 0 : Math.round((scores.reduce((a, b) => a + b, 0) * 10) / scores.length) / 10;
  };
  const row = (key: string, actual: number, simulated: number): ComparisonRow => ({ key, actual, simulated });
  return {
    sections: [
      {
        name: 'leads_per_tier',
        title: 'Leads captured in the period, by tier',
        unit: 'leads',
        rows: TIERS.map((tier) => row(tier, inTier(tier, 'actual').length, inTier(tier, 'simulated').length)),
      },
      {
        name: 'conversion_per_tier',
        title: 'Share of each tier that became an opportunity',
        unit: 'percent',
        rows: TIERS.map((tier) => row(tier, converting(tier, 'actual'), converting(tier, 'simulated'))),
      },
      {
        name: 'average_score',
        title: 'Average score',
        unit: 'points',
        rows: [row('all', average('actual'), average('simulated'))],
      },
    ],
    assumptions: [
      'Each lead is scored again at the moments scoring scored it (capture, interactions, tags, a new model), from the lead as it stood then.',
      "A source's measured conversion is counted from the leads captured and converted up to each moment.",
      'Reps would have converted the same leads: a better model shows as a sharper split of conversion between tiers.',
      'Facts dated at or after the end of the period play no part.',
    ],
  };
}
