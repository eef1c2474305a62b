/** What happened to the leads one source brought in a window (counted by capture date). */
export interface SourceFunnel {
  readonly source: string;
  readonly captured: number;
  /** Ever qualified; converted leads were qualified first, so they are included. */
  readonly qualified: number;
  readonly converted: number;
  readonly disqualified: number;
  readonly reasons: readonly DisqualifyReasonCount[];
}

export interface DisqualifyReasonCount {
  readonly reasonCode: string;
  readonly count: number;
}

export interface FunnelTotals {
  readonly captured: number;
  readonly qualified: number;
  readonly converted: number;
  readonly disqualified: number;
  /** Neither converted nor disqualified yet. */
  readonly open: number;
  /** Lead → opportunity: converted / captured; null with no leads. */
  readonly conversionRate: number | null;
  /** Qualified / captured; null with no leads. */
  readonly qualificationRate: number | null;
}

export interface RankedSource extends FunnelTotals {
  /** 1 = converts best. */
  readonly rank: number;
  readonly source: string;
  readonly topDisqualifyReasons: DisqualifyReasonCount[];
}

/**
 * Ranks sources by conversion rate (docs/domain.md › Leads › Conversion: prioritise by the measured conversion of
 * the source), ties by more leads captured, then by name, so the order is stable. The
 * tenant average pools every lead (total converted / total captured), so a source with
 * few leads weighs only as much as its leads.
 */
export function rankSources(
  funnels: readonly SourceFunnel[],
  topReasons = 3,
): { readonly sources: RankedSource[]; readonly average: FunnelTotals } {
  const ranked = funnels
    .filter((funnel) => funnel.captured > 0)
    .map((funnel) => ({
      source: funnel.source,
      ...totals(funnel),
      topDisqualifyReasons: [...funnel.reasons]
        .sort((a, b) => b.count - a.count || (a.reasonCode < b.reasonCode ? -1 : 1))
        .slice(0, topReasons),
    }))
    .sort(
      (a, b) =>
        (b.conversionRate ?? 0) - (a.conversionRate ?? 0) ||
        b.captured - a.captured ||
        (a.source < b.source ? -1 : a.source > b.source ? 1 : 0),
    )
    .map((source, index) => ({ rank: index + 1, ...source }));
  const sum = (pick: (funnel: SourceFunnel) => number): number =>
    funnels.reduce((total, funnel) => total + pick(funnel), 0);
  const average = totals({
    captured: sum((f) => f.captured),
    qualified: sum((f) => f.qualified),
    converted: sum((f) => f.converted),
    disqualified: sum((f) => f.disqualified),
  });
  return { sources: ranked, average };
}

function totals(counts: Pick<SourceFunnel, 'captured' | 'qualified' | 'converted' | 'disqualified'>): FunnelTotals {
  const { captured, qualified, converted, disqualified } = counts;
  return {
    captured,
    qualified,
    converted,
    disqualified,
    open: Math.max(0, captured - converted - disqualified),
    conversionRate: captured > 0 ? converted / captured : null,
    qualificationRate: captured > 0 ? qualified / captured : null,
  };
}
