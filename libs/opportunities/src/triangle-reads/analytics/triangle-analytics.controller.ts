import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, type RequestContext } from '#ltc/platform';
import { DEFAULT_PIPELINE_ID } from '../../opportunity-streams.js';
import { PIPELINE_SLUG } from '../../pipelines/pipeline.dto.js';
import { DEAL_GROUPINGS, type DealGrouping } from './deal-groupings.js';
import { stageVelocityReport, triangleScorecardReport, winRateReport } from './triangle-analytics.queries.js';
import { StageVelocityReportView, TriangleScorecardView, WinRateReportView } from './triangle-analytics.views.js';

const BY_DESCRIPTION =
  "source: the lead's source; team: the team the deal was opened in; ar: the AR in the deal's seat now";

export class PipelineFilterQueryDto {
  @ApiPropertyOptional({ description: 'A pipeline id (slug)', example: DEFAULT_PIPELINE_ID })
  @IsOptional()
  @Matches(PIPELINE_SLUG, {
    message: 'pipeline must be a pipeline id: a lower-case letter, then lower-case letters, digits or _',
  })
  pipeline?: string;
}

export class StageVelocityQueryDto extends PipelineFilterQueryDto {
  @ApiPropertyOptional({ enum: DEAL_GROUPINGS, description: `Also the stages per group: ${BY_DESCRIPTION}` })
  @IsOptional()
  @IsIn(DEAL_GROUPINGS)
  by?: DealGrouping;
}

export class WinRateQueryDto extends PipelineFilterQueryDto {
  @ApiPropertyOptional({ enum: DEAL_GROUPINGS, default: 'source', description: BY_DESCRIPTION })
  @IsOptional()
  @IsIn(DEAL_GROUPINGS)
  by?: DealGrouping;
}

/** Opportunity analytics over the stage periods and the triangle read models. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics')
@ApiForbiddenResponse({ description: 'FORBIDDEN: sales managers, auditors and admins only' })
export class TriangleAnalyticsController {
  constructor(@Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle) {}

  @Get('opportunities/stage-velocity')
  @ApiOperation({
    summary:
      'Days per stage, stage-to-stage conversion, win rate and loss reasons by lead source; with `by`, the stages per source, team or AR',
  })
  @ApiOkResponse({ type: StageVelocityReportView })
  async stageVelocity(
    @Query() query: StageVelocityQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<StageVelocityReportView> {
    const pipelineId = query.pipeline ?? DEFAULT_PIPELINE_ID;
    const report = await stageVelocityReport(this.readModels.db, ctx.tenantId, pipelineId, query.by);
    return { ...report, percentileMethod: 'nearest-rank', ...(query.by === undefined ? {} : { by: query.by }) };
  }

  @Get('opportunities/win-rate')
  @ApiOperation({ summary: 'Win rate and loss reasons per lead source, team or AR, over one pipeline or all' })
  @ApiOkResponse({ type: WinRateReportView })
  async winRate(@Query() query: WinRateQueryDto, @Ctx() ctx: RequestContext): Promise<WinRateReportView> {
    const by = query.by ?? 'source';
    const groups = await winRateReport(this.readModels.db, ctx.tenantId, query.pipeline, by);
    return { pipelineId: query.pipeline ?? null, by, groups };
  }

  @Get('triangles')
  @ApiOperation({ summary: 'Triangle scorecard: per triangle and per person in each role' })
  @ApiOkResponse({ type: TriangleScorecardView })
  async triangles(@Query() query: PipelineFilterQueryDto, @Ctx() ctx: RequestContext): Promise<TriangleScorecardView> {
    const report = await triangleScorecardReport(this.readModels.db, ctx.tenantId, query.pipeline);
    return { pipelineId: query.pipeline ?? null, ...report };
  }
}
