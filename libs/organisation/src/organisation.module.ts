import { Module } from '@nestjs/common';
import { ChangeRepAvailabilityController } from './change-rep-availability/change-rep-availability.controller.js';
import { ChangeRepAvailabilityHandler } from './change-rep-availability/change-rep-availability.handler.js';
import { ChangeRepCapacityController } from './change-rep-capacity/change-rep-capacity.controller.js';
import { ChangeRepCapacityHandler } from './change-rep-capacity/change-rep-capacity.handler.js';
import { ChangeRepProfileController } from './change-rep-profile/change-rep-profile.controller.js';
import { ChangeRepProfileHandler } from './change-rep-profile/change-rep-profile.handler.js';
import { ChangeTeamController } from './change-team/change-team.controller.js';
import { ChangeTeamHandler } from './change-team/change-team.handler.js';
import { CreateTeamController } from './create-team/create-team.controller.js';
import { CreateTeamHandler } from './create-team/create-team.handler.js';
import { DeactivateRepController } from './deactivate-rep/deactivate-rep.controller.js';
import { DeactivateRepHandler } from './deactivate-rep/deactivate-rep.handler.js';
import { QueryRepsController } from './query-reps/query-reps.controller.js';
import { QueryTeamsController } from './query-teams/query-teams.controller.js';
import { ReactivateRepController } from './reactivate-rep/reactivate-rep.controller.js';
import { ReactivateRepHandler } from './reactivate-rep/reactivate-rep.handler.js';
import { RegisterRepController } from './register-rep/register-rep.controller.js';
import { RegisterRepHandler } from './register-rep/register-rep.handler.js';

/**
 * The sales organisation bounded context: reps and teams as event-sourced records,
 * managed by sales managers, read by lead distribution. Its read models are
 * `orgRepsProjection` and `orgTeamsProjection` (registered in the engine's list).
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
  providers: [
    CreateTeamHandler,
    ChangeTeamHandler,
    RegisterRepHandler,
    ChangeRepProfileHandler,
    ChangeRepCapacityHandler,
    ChangeRepAvailabilityHandler,
    DeactivateRepHandler,
    ReactivateRepHandler,
  ],
})
export class OrganisationModule {}
