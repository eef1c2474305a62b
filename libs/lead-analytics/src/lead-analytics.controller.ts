import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CLOCK, type Clock } from '#ltc/clock';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, seesDealMoney, type RequestContext } from '#ltc/platform';
import { conversionBySource } from './conversion-by-source.queries.js';
import { conversionByReport } from './conversion-by.queries.js';
import { distributionReport } from './distribution-fairness.queries.js';
import { analysisWindow } from './domain/analysis-window.js';
import {
  AnalysisWindowQueryDto,
  ConversionByQueryDto,
  DistributionQueryDto,
  SpeedToLeadQueryDto,
} from './lead-analytics.dto.js';
import {
  ConversionBySourceView,
  ConversionByView,
  DistributionReportView,
  SpeedToLeadReportView,
} from './lead-analytics.views.js';
import { speedToLead } from './speed-to-lead.queries.js';

const BAD_WINDOW = 'VALIDATION_FAILED: a malformed date, or `from` after `to` (named `from`)';

/**
 * Lead analytics computed from read models that are projections of the full event
 * history, so every figure can be rebuilt and recomputed over everything that happened.
 */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics/leads')
@ApiForbiddenResponse({ description: 'FORBIDDEN: sales managers, auditors and admins only' })
@ApiBadRequestResponse({ description: BAD_WINDOW })
export class LeadAnalyticsController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('speed-to-lead')
  @ApiOperation({ summary: 'Speed to lead: time from assignment to first contact' })
  @ApiOkResponse({
    type: SpeedToLeadReportView,
    description: 'Time from assignment to first contact, per source, rep or team, for assignments made in the window',
  })
  async speedToLead(@Query() query: SpeedToLeadQueryDto, @Ctx() ctx: RequestContext): Promise<SpeedToLeadReportView> {
    const window = analysisWindow(query.from, query.to);
    const groupBy = query.groupBy ?? 'source';
    // The only "now" in lead analytics: which waiting assignments are overdue at the time of asking.
    const now = this.clock.now();
    const report = await speedToLead(
      this.readModels.db,
      ctx.tenantId,
      {
        window,
        groupBy,
        ...(query.source !== undefined ? { source: query.source } : {}),
        ...(query.rep !== undefined ? { repId: query.rep } : {}),
        ...(query.team !== undefined ? { teamId: query.team } : {}),
      },
      now,
    );
    return { window, groupBy, asOf: now.toISOString(), percentileMethod: 'nearest-rank', ...report };
  }

  @Get('conversion-by-source')
  @ApiOperation({ summary: 'Conversion and qualification rates by lead source' })
  @ApiOkResponse({
    type: ConversionBySourceView,
    description: 'Leads captured in the window per source and what became of them, ranked by conversion',
  })
  async conversionBySource(
    @Query() query: AnalysisWindowQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ConversionBySourceView> {
    const window = analysisWindow(query.from, query.to);
    const report = { window, ...(await conversionBySource(this.readModels.db, ctx.tenantId, window)) };
    // Marketing reads the funnel, not what the won deals were worth (docs/permissions.md).
    if (seesDealMoney(ctx.caller.roles)) return report;
    return {
      ...report,
      average: { ...report.average, wonValue: [] },
      sources: report.sources.map((source) => ({ ...source, wonValue: [] })),
    };
  }

  @Get('conversion')
  @ApiOperation({
    summary:
      'Lead → opportunity and lead → won conversion by source, tier, distribution method, response time or attempts',
  })
  @ApiOkResponse({ type: ConversionByView, description: 'Leads captured in the window, grouped' })
  async conversion(@Query() query: ConversionByQueryDto, @Ctx() ctx: RequestContext): Promise<ConversionByView> {
    const window = analysisWindow(query.from, query.to);
    const by = query.by ?? 'source';
    return { window, by, ...(await conversionByReport(this.readModels.db, ctx.tenantId, window, by)) };
  }

  @Get('distribution')
  @ApiOperation({ summary: 'How leads were distributed, per method and per rep' })
  @ApiOkResponse({
    type: DistributionReportView,
    description: 'Assignments in the window per rep and method, with open leads against capacity now',
  })
  async distribution(
    @Query() query: DistributionQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<DistributionReportView> {
    const window = analysisWindow(query.from, query.to);
    const report = await distributionReport(
      this.readModels.db,
      ctx.tenantId,
      { window, ...(query.method !== undefined ? { method: query.method } : {}) },
      this.clock.now(),
    );
    return { window, method: query.method ?? null, ...report };
  }
}
