import { Controller, Get, Headers, Inject, Param, Query, type StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { NotFoundError } from '#ltc/kernel';
import { AuditedRead, Ctx, DEAL_SIGHT, DealScopes, type DealSight, type RequestContext } from '#ltc/platform';
import { exportFile, exportFormatOf } from './history-export.js';
import { historyFilterOf } from './history-filter.js';
import { HistoryReader } from './history.reader.js';
import { DealHistoryQueryDto, DealIdParamDto } from './history.dto.js';
import { CausalChainDto, DealHistoryDto } from './history.views.js';
import { cursorOf, nextCursor } from './history-cursor.js';

/**
 * Who reads whole deal histories: sales managers (and admins) run the deals, auditors check them.
 * A sales manager reads the histories of the deals they may open (their teams', ADR 0030).
 */
export const DEAL_HISTORY_READERS = ['sales_manager', 'auditor'] as const;

/** The complete timeline of one deal, across its lead, opportunity, contract and tickets. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiExtraModels(DealHistoryDto, CausalChainDto)
@Controller('deals')
export class DealHistoryController {
  constructor(
    @Inject(HistoryReader) private readonly reader: HistoryReader,
    @Inject(DealScopes) private readonly scopes: DealScopes,
    @Inject(DEAL_SIGHT) private readonly deals: DealSight,
  ) {}

  @Get(':dealId/history')
  @ApiOperation({
    summary: "One deal's complete timeline (lead, opportunity, contract, POs, invoices, payments, tickets) with causes",
    description:
      'Entries in log order with time, type, summary, actor and role, command, correlation and cause. ' +
      'Filters: kind, actor, from/to, type. `Accept: text/csv` or `application/x-ndjson` exports every matching ' +
      'entry. `explain={eventId}` answers the causal chain of that event instead.',
  })
  @AuditedRead('deal_history', { target: 'dealId' })
  @ApiProduces('application/json', 'text/csv', 'application/x-ndjson')
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(DealHistoryDto) }, { $ref: getSchemaPath(CausalChainDto) }] },
  })
  @ApiNotFoundResponse({ description: 'DEAL_NOT_FOUND (or another tenant’s), EVENT_NOT_FOUND for explain' })
  async history(
    @Param() params: DealIdParamDto,
    @Query() query: DealHistoryQueryDto,
    @Headers('accept') accept: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<DealHistoryDto | CausalChainDto | StreamableFile> {
    const tenantId = ctx.tenantId;
    // Asked before anything is read: a deal the caller may not open answers like an unknown one.
    const scope = await this.scopes.of(ctx);
    if (scope.kind !== 'tenant' && !(await this.deals.canSee(tenantId, params.dealId, scope))) {
      throw new NotFoundError('Deal', params.dealId);
    }
    if (query.explain !== undefined) {
      const explained = await this.reader.explain(tenantId, params.dealId, query.explain);
      return { dealId: params.dealId, eventId: query.explain, ...explained };
    }
    const source = { deal: params.dealId, tenantId };
    const filter = historyFilterOf(query);
    const format = exportFormatOf(accept);
    if (format) return exportFile(await this.reader.all(source, filter), format, `deal-${params.dealId}-history`);
    const page = await this.reader.page(source, filter, cursorOf(query.cursor), query.limit ?? 50);
    return { dealId: params.dealId, entries: page.entries, nextCursor: nextCursor(page.nextAfter) };
  }
}
