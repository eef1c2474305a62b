import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '#ltc/clock';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, DealScopes, type RequestContext } from '#ltc/platform';
import { CashAgingView, cashAging } from '../read-models/cash-aging.queries.js';

/** Cash collection per AR: open invoices by age and days sales outstanding. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics/cash')
export class CashAgingController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DealScopes) private readonly scopes: DealScopes,
  ) {}

  @Get('aging')
  @ApiOperation({ summary: 'Open invoices per AR and currency by days overdue, with days sales outstanding' })
  @ApiOkResponse({
    type: CashAgingView,
    description: 'An AR sees the invoices they collect; managers and auditors all',
  })
  async aging(@Ctx() ctx: RequestContext): Promise<CashAgingView> {
    const scope = await this.scopes.of(ctx);
    return cashAging(this.readModels.queryDb, ctx.tenantId, scope, this.clock.now());
  }
}
