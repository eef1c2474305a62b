import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, type RequestContext } from '#ltc/platform';
import { TeamIdParamDto } from '../org-dto.js';
import { TeamPageView, TeamView } from '../read-models/org.views.js';
import { findTeam, listTeams } from '../read-models/team.queries.js';
import { TeamListQueryDto } from './team-query.dto.js';

/** Reads of teams, served from the `org_teams` read model (eventually consistent with commands). */
@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class QueryTeamsController {
  constructor(@Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle) {}

  @Get()
  @ApiOperation({ summary: 'List teams' })
  @ApiOkResponse({ type: TeamPageView })
  list(@Query() query: TeamListQueryDto, @Ctx() ctx: RequestContext): Promise<TeamPageView> {
    return listTeams(this.readModels.db, ctx.tenantId, { limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One team' })
  @ApiOkResponse({ type: TeamView })
  @ApiNotFoundResponse({ description: 'TEAM_NOT_FOUND' })
  get(@Param() params: TeamIdParamDto, @Ctx() ctx: RequestContext): Promise<TeamView> {
    return findTeam(this.readModels.db, ctx.tenantId, params.id);
  }
}
