export * from './organisation.module.js';
export * from './read-models/org-reps.projection.js';
export * from './read-models/org-teams.projection.js';
export {
  findRep,
  listReps,
  listRoutableReps,
  type RepListFilter,
  type RoutableRep,
  type RoutableRepQuery,
} from './read-models/rep.queries.js';
export { findTeam, listTeams } from './read-models/team.queries.js';
export type { RepView, RepPageView, TeamView, TeamPageView } from './read-models/org.views.js';
export * from './domain/rep.types.js';
export type * from './domain/rep.events.js';
export type * from './domain/team.events.js';
export { REP_ID_PATTERN, TEAM_ID_PATTERN } from './domain/org-ids.js';
export { teamExists } from './team-lookup.js';
export * from './organisation.context.js';
