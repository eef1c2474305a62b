import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, type RequestContext } from '#ltc/platform';
import { PipelineLengthView, pipelineLength } from '../read-models/pipeline-length.queries.js';

/** The seed's "length of the pipeline": lead capture to cash collected. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics/deals')
export class PipelineLengthController {
  constructor(@Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle) {}

  @Get('pipeline-length')
  @ApiOperation({
    summary: 'Days from lead capture to cash collected, per source, pipeline and team: median, p90, count',
  })
  @ApiOkResponse({ type: PipelineLengthView })
  get(@Ctx() ctx: RequestContext): Promise<PipelineLengthView> {
    return pipelineLength(this.readModels.queryDb, ctx.tenantId);
  }
}
