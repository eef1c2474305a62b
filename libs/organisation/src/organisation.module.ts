import { Module } from '@nestjs/common';
import { repCommands, teamCommands } from './org-commands.js';
import { ChangeRepAvailabilityController } from './change-rep-availability/change-rep-availability.controller.js';
import { ChangeRepCapacityController } from './change-rep-capacity/change-rep-capacity.controller.js';
import { ChangeRepProfileController } from './change-rep-profile/change-rep-profile.controller.js';
import { ChangeTeamController } from './change-team/change-team.controller.js';
import { CreateTeamController } from './create-team/create-team.controller.js';
import { DeactivateRepController } from './deactivate-rep/deactivate-rep.controller.js';
import { QueryRepsController } from './query-reps/query-reps.controller.js';
import { QueryTeamsController } from './query-teams/query-teams.controller.js';
import { ReactivateRepController } from './reactivate-rep/reactivate-rep.controller.js';
import { RegisterRepController } from './register-rep/register-rep.controller.js';

/**
 * The sales organisation bounded context: reps and teams as event-sourced records,
 * managed by sales managers, read by lead distribution. Its read models and the port it
 * provides are declared with this module in `organisationContext` (organisation.context.ts).
 */
@Module({
  controllers: [
    CreateTeamController,
    ChangeTeamController,
    QueryTeamsController,
    RegisterRepController,
    ChangeRepProfileController,
    ChangeRepCapacityController,
    ChangeRepAvailabilityController,
    DeactivateRepController,
    ReactivateRepController,
    QueryRepsController,
  ],
  // One generic handler per aggregate (org-commands.ts) runs every command of this context.
  providers: [teamCommands.Handler, repCommands.Handler],
})
export class OrganisationModule {}
