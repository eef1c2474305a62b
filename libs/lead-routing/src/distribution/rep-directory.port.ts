import type { RepAvailability, RepTerritories } from './domain/rep-candidate.js';

/** A rep as the directory knows them: who they are, where they sell, how much they can take. */
export interface DirectoryRep {
  readonly repId: string;
  /** False once deactivated. */
  readonly active: boolean;
  /** Iron-triangle roles (`ar`, `sr`, `fr`); only `ar` and `sr` sell, so only they own leads. */
  readonly roles: readonly string[];
  readonly availability: RepAvailability;
  readonly teamId: string | null;
  readonly territories: RepTerritories;
  readonly capacity: { readonly maxOpenLeads: number; readonly dailyQuota: number };
}

/**
 * The sales organisation as lead distribution sees it. The organisation context owns
 * reps and teams; leads know them from its published events, through their own
 * projection (`SalesOrgRepDirectory` in sales-org/).
 */
export interface RepDirectory {
  /**
   * Every rep of a team (null = every rep of the tenant), routable or not: the
   * decision explains why an inactive or away rep was passed over.
   */
  listCandidates(tenantId: string, teamId: string | null): Promise<DirectoryRep[]>;
  /** One rep of the tenant, routable or not; null when the organisation does not know them. */
  findRep(tenantId: string, repId: string): Promise<DirectoryRep | null>;
  /** Who hears about a rep's missed targets: the manager of the rep's team; null when none is known. */
  managerOf(tenantId: string, repId: string): Promise<string | null>;
  /** The manager of a team; null when the team or its manager is unknown. */
  managerOfTeam(tenantId: string, teamId: string): Promise<string | null>;
}

export const REP_DIRECTORY = Symbol('RepDirectory');
