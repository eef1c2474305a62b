import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvalidInputError } from '#ltc/kernel';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, type RequestContext } from '#ltc/platform';
import { csatAnalytics, olaAnalytics, slaAnalytics } from '../read-models/service-analytics.queries.js';
import { CsatAnalyticsView, OlaAnalyticsView, SlaAnalyticsView } from '../read-models/service-analytics.views.js';
import { CsatAnalyticsQueryDto, OlaAnalyticsQueryDto, SlaAnalyticsQueryDto } from './ticket-query.dto.js';
import { TicketReaders } from './ticket-readers.js';

const SCOPE = 'Over the tickets the caller may see; rates in basis points (10 000 = 100 %)';

/** SLA, OLA and customer-satisfaction figures of service, from the ticket and task read models. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics/service')
export class ServiceAnalyticsController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    private readonly readers: TicketReaders,
  ) {}

  @Get('sla')
  @ApiOperation({
    summary: 'First responses and resolutions on time, breaches per clock, at risk and breached now, per bucket',
  })
  @ApiOkResponse({ type: SlaAnalyticsView, description: SCOPE })
  async sla(@Query() query: SlaAnalyticsQueryDto, @Ctx() ctx: RequestContext): Promise<SlaAnalyticsView> {
    if (query.from && query.to && query.from > query.to) {
      throw new InvalidInputError('to', 'notBeforeFrom', 'to must be on or after from');
    }
    return slaAnalytics(this.readModels.queryDb, ctx.tenantId, {
      scope: await this.readers.scopeOf(ctx),
      groupBy: query.groupBy ?? 'priority',
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    });
  }

  @Get('ola')
  @ApiOperation({
    summary:
      'Internal tasks, done, done on time, on-time rate and overdue open, per line, group, month or ticket priority',
  })
  @ApiOkResponse({ type: OlaAnalyticsView, description: SCOPE })
  async ola(@Query() query: OlaAnalyticsQueryDto, @Ctx() ctx: RequestContext): Promise<OlaAnalyticsView> {
    return olaAnalytics(this.readModels.queryDb, ctx.tenantId, {
      scope: await this.readers.scopeOf(ctx),
      groupBy: query.groupBy ?? 'line',
    });
  }

  @Get('csat')
  @ApiOperation({
    summary: 'Callbacks, average satisfaction (hundredths), its distribution 1–5 and the reopen rate, per bucket',
  })
  @ApiOkResponse({ type: CsatAnalyticsView, description: SCOPE })
  async csat(@Query() query: CsatAnalyticsQueryDto, @Ctx() ctx: RequestContext): Promise<CsatAnalyticsView> {
    return csatAnalytics(this.readModels.queryDb, ctx.tenantId, {
      scope: await this.readers.scopeOf(ctx),
      groupBy: query.groupBy ?? 'group',
    });
  }
}
