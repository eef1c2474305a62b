import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, Roles, type RequestContext } from '#ltc/platform';
import { DEFAULT_PIPELINE_ID } from '../../opportunity-streams.js';
import { PIPELINE_SLUG } from '../../pipelines/pipeline.dto.js';
import { stageVelocityReport, triangleScorecardReport } from './triangle-analytics.queries.js';
import { StageVelocityReportView, TriangleScorecardView } from './triangle-analytics.views.js';

export class PipelineFilterQueryDto {
  @ApiPropertyOptional({ description: 'A pipeline id (slug)', example: DEFAULT_PIPELINE_ID })
  @IsOptional()
  @Matches(PIPELINE_SLUG, {
    message: 'pipeline must be a pipeline id: a lower-case letter, then lower-case letters, digits or _',
  })
  pipeline?: string;
}

/** Opportunity analytics over the stage periods and the triangle read models. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics')
@Roles('sales_manager', 'auditor')
@ApiForbiddenResponse({ description: 'FORBIDDEN: sales managers, auditors and admins only' })
export class TriangleAnalyticsController {
  constructor(@Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle) {}

  @Get('opportunities/stage-velocity')
  @ApiOperation({ summary: 'Days per stage, stage-to-stage conversion, win rate and loss reasons by lead source' })
  @ApiOkResponse({ type: StageVelocityReportView })
  async stageVelocity(
    @Query() query: PipelineFilterQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<StageVelocityReportView> {
    const report = await stageVelocityReport(this.readModels.db, ctx.tenantId, query.pipeline ?? DEFAULT_PIPELINE_ID);
    return { ...report, percentileMethod: 'nearest-rank' };
  }

  @Get('triangles')
  @ApiOperation({ summary: 'Triangle scorecard: per triangle and per person in each role' })
  @ApiOkResponse({ type: TriangleScorecardView })
  async triangles(@Query() query: PipelineFilterQueryDto, @Ctx() ctx: RequestContext): Promise<TriangleScorecardView> {
    const report = await triangleScorecardReport(this.readModels.db, ctx.tenantId, query.pipeline);
    return { pipelineId: query.pipeline ?? null, ...report };
  }
}
