import type { ReadModelDb } from '#ltc/projections';
import type { AnalysisWindow } from './domain/analysis-window.js';
import {
  speedToLeadByGroup,
  type ResponseFact,
  type SpeedToLeadFigures,
  type SpeedToLeadGroup,
} from './domain/speed-to-lead.js';
import { leadResponseTimesDb } from './lead-response-times.projection.js';
import { loadRepCapacities } from './rep-capacities.js';

export const SPEED_TO_LEAD_GROUPINGS = ['source', 'rep', 'team'] as const;
export type SpeedToLeadGrouping = (typeof SPEED_TO_LEAD_GROUPINGS)[number];

export interface SpeedToLeadQuery {
  readonly window: AnalysisWindow;
  readonly groupBy: SpeedToLeadGrouping;
  readonly source?: string;
  readonly repId?: string;
  readonly teamId?: string;
}

export interface SpeedToLeadReport {
  readonly total: SpeedToLeadFigures;
  readonly groups: SpeedToLeadGroup[];
}

/**
 * Speed to lead over the assignments made in the window (by assignment time). The
 * percentiles are exact: the filtered rows are read and ranked in memory (nearest rank),
 * one number per assignment. `now` only decides which waiting assignments are overdue.
 */
export async function speedToLead(
  db: ReadModelDb,
  tenantId: string,
  query: SpeedToLeadQuery,
  now: Date,
): Promise<SpeedToLeadReport> {
  const needsTeams = query.groupBy === 'team' || query.teamId !== undefined;
  const teams = new Map(needsTeams ? (await loadRepCapacities(db, tenantId)).map((r) => [r.repId, r.teamId]) : []);
  let select = leadResponseTimesDb(db)
    .selectFrom('lead_response_times')
    .select([
      'source',
      'rep_id',
      'response_due_at',
      'first_contact_at',
      'seconds_to_first_contact',
      'within_target',
      'ended_at',
    ])
    .where('tenant_id', '=', tenantId);
  if (query.window.from !== null) select = select.where('assigned_at', '>=', query.window.from);
  if (query.window.before !== null) select = select.where('assigned_at', '<', query.window.before);
  if (query.source !== undefined) select = select.where('source', '=', query.source);
  if (query.repId !== undefined) select = select.where('rep_id', '=', query.repId);
  if (query.teamId !== undefined) {
    const members = [...teams].filter(([, teamId]) => teamId === query.teamId).map(([repId]) => repId);
    if (members.length === 0) return speedToLeadByGroup([], now);
    select = select.where('rep_id', 'in', members);
  }
  const rows = await select.execute();
  const keyOf = (row: (typeof rows)[number]): string | null =>
    query.groupBy === 'source' ? row.source : query.groupBy === 'rep' ? row.rep_id : (teams.get(row.rep_id) ?? null);
  const facts = rows.map((row): ResponseFact => ({
    key: keyOf(row),
    responseDueAt: row.response_due_at,
    firstContactAt: row.first_contact_at,
    secondsToFirstContact: row.seconds_to_first_contact === null ? null : Number(row.seconds_to_first_contact),
    withinTarget: row.within_target === null ? null : Number(row.within_target) === 1,
    endedAt: row.ended_at,
  }));
  return speedToLeadByGroup(facts, now);
}
