import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '#ltc/clock';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, type RequestContext } from '#ltc/platform';
import { RepIdParamDto } from '../org-dto.js';
import { RepPageView, RepView } from '../read-models/org.views.js';
import { findRep, listReps } from '../read-models/rep.queries.js';
import { RepListQueryDto } from './rep-query.dto.js';

/** Reads of reps, served from the `org_reps` read model (eventually consistent with commands). */
@ApiTags('reps')
@ApiBearerAuth()
@Controller('reps')
export class QueryRepsController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List reps, filtered by team, role, availability or activity' })
  @ApiOkResponse({ type: RepPageView })
  list(@Query() query: RepListQueryDto, @Ctx() ctx: RequestContext): Promise<RepPageView> {
    return listReps(this.readModels.db, ctx.tenantId, {
      ...(query.team !== undefined ? { teamId: query.team } : {}),
      ...(query.role !== undefined ? { role: query.role } : {}),
      ...(query.availability !== undefined ? { availability: query.availability } : {}),
      ...(query.active !== undefined ? { active: query.active === 'true' } : {}),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
      at: this.clock.now(),
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One rep with territories, capacity and availability' })
  @ApiOkResponse({ type: RepView })
  @ApiNotFoundResponse({ description: 'REP_NOT_FOUND' })
  get(@Param() params: RepIdParamDto, @Ctx() ctx: RequestContext): Promise<RepView> {
    return findRep(this.readModels.db, ctx.tenantId, params.id, this.clock.now());
  }
}
