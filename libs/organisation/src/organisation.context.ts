import { PEOPLE_DIRECTORY, SALES_TEAMS, defineContext, providePort } from '#ltc/platform';
import { OrganisationModule } from './organisation.module.js';
import { orgRepsProjection } from './read-models/org-reps.projection.js';
import { orgTeamsProjection } from './read-models/org-teams.projection.js';
import { peopleDirectory } from './people-directory.js';
import { teamExists } from './team-lookup.js';
import { organisationPermissions } from './organisation.permissions.js';

/** The sales organisation as the engine runs it: its routes, its read models, the teams it vouches for and the people deals name. */
export const organisationContext = defineContext({
  name: 'organisation',
  modules: [OrganisationModule],
  projections: [orgRepsProjection, orgTeamsProjection],
  // Asked of the team's stream, not of org_teams: a team is usable the moment POST /teams answers.
  provides: [
    providePort(SALES_TEAMS, ({ store }) => ({ exists: (tenantId, teamId) => teamExists(store, tenantId, teamId) })),
    // Asked of the rep and team streams too: a rep registered a moment ago can join a triangle at once.
    providePort(PEOPLE_DIRECTORY, ({ store, db }) => peopleDirectory({ store, db })),
  ],
  permissions: organisationPermissions,
});
