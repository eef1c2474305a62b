import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, type RequestContext } from '#ltc/platform';
import { FrWorkloadView, frWorkload } from '../read-models/fr-workload.queries.js';

/** The FR's own workload: the caller's, never someone else's. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class FrWorkloadController {
  constructor(@Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle) {}

  @Get('workload')
  @ApiOperation({ summary: 'The contracts I lead as FR, my orders in delivery and the acceptances I wait for' })
  @ApiOkResponse({ type: FrWorkloadView })
  get(@Ctx() ctx: RequestContext): Promise<FrWorkloadView> {
    return frWorkload(this.readModels.queryDb, ctx.tenantId, ctx.caller.userId);
  }
}
