/**
 * Lead → opportunity and lead → won conversion grouped by one property of the lead
 * (docs/domain.md › Leads): its source, its tier, how it was first distributed, how fast it was
 * first contacted, and how many contact attempts it got.
 */
export const CONVERSION_DIMENSIONS = ['source', 'tier', 'method', 'response', 'attempts'] as const;
export type ConversionDimension = (typeof CONVERSION_DIMENSIONS)[number];

/** What the grouping needs of one lead. */
export interface FunnelLead {
  readonly source: string;
  readonly tier: string | null;
  readonly firstMethod: string | null;
  readonly firstAssignedAt: string | null;
  readonly firstContactAt: string | null;
  readonly attempts: number;
  readonly converted: boolean;
  readonly won: boolean;
}

export interface ConversionGroup {
  readonly group: string;
  readonly leads: number;
  readonly converted: number;
  readonly won: number;
  /** converted / leads; null with no leads. */
  readonly conversionRate: number | null;
  /** won / leads; null with no leads. */
  readonly wonRate: number | null;
}

/** Response-time bands from the first assignment to the first contact attempt (5 and 30 minutes). */
export const RESPONSE_BANDS = ['within_5_min', '5_to_30_min', 'over_30_min', 'not_contacted', 'not_assigned'] as const;
const FIVE_MINUTES_MS = 5 * 60_000;
const THIRTY_MINUTES_MS = 30 * 60_000;
/** Attempts are counted 0 … 5, then "6+" (about six attempts work best; the usual is 1.5). */
const ATTEMPT_GROUPS = ['0', '1', '2', '3', '4', '5', '6+'] as const;
const TIERS = ['A', 'B', 'C', 'unscored'] as const;

export function groupOf(lead: FunnelLead, by: ConversionDimension): string {
  switch (by) {
    case 'source':
      return lead.source;
    case 'tier':
      return lead.tier ?? 'unscored';
    case 'method':
      return lead.firstMethod ?? 'not_assigned';
    case 'attempts':
      return lead.attempts >= 6 ? '6+' : String(Math.max(0, lead.attempts));
    case 'response':
      return responseBand(lead);
  }
}

function responseBand(lead: FunnelLead): (typeof RESPONSE_BANDS)[number] {
  if (lead.firstAssignedAt === null) return 'not_assigned';
  if (lead.firstContactAt === null) return 'not_contacted';
  const waited = Date.parse(lead.firstContactAt) - Date.parse(lead.firstAssignedAt);
  if (waited <= FIVE_MINUTES_MS) return 'within_5_min';
  return waited <= THIRTY_MINUTES_MS ? '5_to_30_min' : 'over_30_min';
}

/**
 * The groups in their natural order (tiers A → C, bands fastest first, attempts 0 → 6+), every
 * one of them even when empty; sources and methods ranked by conversion, then by leads.
 */
export function conversionBy(
  leads: readonly FunnelLead[],
  by: ConversionDimension,
): { readonly total: ConversionGroup; readonly groups: ConversionGroup[] } {
  const counts = new Map<string, { leads: number; converted: number; won: number }>();
  const fixed = by === 'tier' ? TIERS : by === 'response' ? RESPONSE_BANDS : by === 'attempts' ? ATTEMPT_GROUPS : [];
  for (const group of fixed) counts.set(group, { leads: 0, converted: 0, won: 0 });
  for (const lead of leads) {
    const group = groupOf(lead, by);
    const count = counts.get(group) ?? { leads: 0, converted: 0, won: 0 };
    count.leads += 1;
    if (lead.converted) count.converted += 1;
    if (lead.won) count.won += 1;
    counts.set(group, count);
  }
  const groups = [...counts].map(([group, count]) => figures(group, count));
  if (fixed.length === 0) {
    groups.sort(
      (a, b) =>
        (b.conversionRate ?? 0) - (a.conversionRate ?? 0) ||
        b.leads - a.leads ||
        (a.group < b.group ? -1 : a.group > b.group ? 1 : 0),
    );
  }
  const total = groups.reduce(
    (sum, g) => ({ leads: sum.leads + g.leads, converted: sum.converted + g.converted, won: sum.won + g.won }),
    { leads: 0, converted: 0, won: 0 },
  );
  return { total: figures('all', total), groups };
}

function figures(group: string, count: { leads: number; converted: number; won: number }): ConversionGroup {
  return {
    group,
    ...count,
    conversionRate: count.leads > 0 ? count.converted / count.leads : null,
    wonRate: count.leads > 0 ? count.won / count.leads : null,
  };
}
