import { byLeastRecentlyAssigned, type RepCandidate } from './rep-candidate.js';

/**
 * A rep with little history is judged as converting at the market average (docs/domain.md ›
 * Leads › Conversion: about 13 %), worth this many leads of evidence, so one lucky conversion does not
 * make a top producer.
 */
export const PRIOR_CONVERSION_RATE = 0.13;
export const PRIOR_WEIGHT_LEADS = 5;

/** Trailing conversion rate, smoothed towards the market average. */
export function smoothedConversionRate(rep: RepCandidate): number {
  const { recentAssigned, recentConverted } = rep.load;
  return (recentConverted + PRIOR_CONVERSION_RATE * PRIOR_WEIGHT_LEADS) / (recentAssigned + PRIOR_WEIGHT_LEADS);
}

/**
 * Top producer: each eligible rep deserves a share of the leads in proportion to
 * their trailing conversion rate; the rep furthest below their share (after this lead)
 * gets it. Deterministic, and better performers get more leads without starving anyone.
 * Ties go to the least recently assigned, then by rep id.
 */
export function pickTopProducer(
  eligible: readonly RepCandidate[],
):
  | { readonly chosen: RepCandidate; readonly summary: string; readonly reasons: ReadonlyMap<string, string> }
  | undefined {
  if (eligible.length === 0) return undefined;
  const rates = new Map(eligible.map((rep) => [rep.repId, smoothedConversionRate(rep)]));
  const totalRate = [...rates.values()].reduce((sum, rate) => sum + rate, 0);
  const totalRecent = eligible.reduce((sum, rep) => sum + rep.load.recentAssigned, 0);
  const share = (rep: RepCandidate): number => (rates.get(rep.repId) ?? 0) / totalRate;
  const deficit = (rep: RepCandidate): number => share(rep) * (totalRecent + 1) - rep.load.recentAssigned;
  const ordered = [...eligible].sort((a, b) => {
    const difference = deficit(b) - deficit(a);
    return Math.abs(difference) > 1e-9 ? difference : byLeastRecentlyAssigned(a, b);
  });
  const chosen = ordered[0];
  if (!chosen) return undefined;
  const reasons = new Map<string, string>();
  for (const rep of ordered) {
    const facts =
      `conversion ${percent(rates.get(rep.repId) ?? 0)} (${rep.load.recentConverted} of ${rep.load.recentAssigned} recent), ` +
      `share ${percent(share(rep))} of ${totalRecent + 1} leads, has ${rep.load.recentAssigned}: ` +
      `deficit ${deficit(rep).toFixed(2)}`;
    reasons.set(
      rep.repId,
      rep === chosen ? `highest performance-weighted deficit: ${facts}` : `smaller deficit: ${facts}`,
    );
  }
  return { chosen, summary: 'had the highest performance-weighted share deficit', reasons };
}

const percent = (value: number): string => `${Math.round(value * 100)}%`;
