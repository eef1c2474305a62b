/** The iron-triangle roles a rep can take on a deal (docs/domain.md › The iron triangle). */
export const REP_ROLES = ['ar', 'sr', 'fr'] as const;
export type RepRole = (typeof REP_ROLES)[number];

/** Deal-size bands for region-specific distribution, smallest first. */
export const DEAL_SIZE_BANDS = ['small', 'medium', 'large', 'enterprise'] as const;
export type DealSizeBand = (typeof DEAL_SIZE_BANDS)[number];

/** Where a rep may be routed leads. An empty list means "any". */
export interface Territories {
  readonly regions: readonly string[];
  readonly languages: readonly string[];
  readonly industries: readonly string[];
  readonly dealSizeBands: readonly DealSizeBand[];
}

/** How much work a rep can take: open leads at once, and new leads per day (0 = no daily quota). */
export interface RepCapacity {
  readonly maxOpenLeads: number;
  readonly dailyQuota: number;
}

export const CAPACITY_LIMITS = {
  maxOpenLeads: { min: 1, max: 10_000 },
  dailyQuota: { min: 0, max: 10_000 },
} as const;

/** Capacity given to a rep registered without one. */
export const DEFAULT_CAPACITY: RepCapacity = { maxOpenLeads: 50, dailyQuota: 0 };

export const ANY_TERRITORY: Territories = { regions: [], languages: [], industries: [], dealSizeBands: [] };

/** Whether a rep is at work; `away` may say until when (ISO time), after which the rep counts as active again. */
export type Availability = { readonly status: 'active' } | { readonly status: 'away'; readonly until: string | null };

/** The roles in their canonical order, without repeats. */
export function canonicalRoles(roles: readonly RepRole[]): RepRole[] {
  return REP_ROLES.filter((role) => roles.includes(role));
}

/**
 * Territories trimmed, without repeats and sorted, so that the same territories always
 * compare equal (a reordered list is not a change).
 */
export function canonicalTerritories(territories: Territories): Territories {
  const tidy = (values: readonly string[]): string[] =>
    [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))].sort();
  return {
    regions: tidy(territories.regions),
    languages: tidy(territories.languages),
    industries: tidy(territories.industries),
    dealSizeBands: DEAL_SIZE_BANDS.filter((band) => territories.dealSizeBands.includes(band)),
  };
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

export function sameTerritories(a: Territories, b: Territories): boolean {
  return (
    sameList(a.regions, b.regions) &&
    sameList(a.languages, b.languages) &&
    sameList(a.industries, b.industries) &&
    sameList(a.dealSizeBands, b.dealSizeBands)
  );
}
