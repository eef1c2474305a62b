import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CLOCK, type Clock } from '#ltc/clock';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, DealScopes, type RequestContext } from '#ltc/platform';
import { HandoffListView, handoffView } from './handoff.view.js';
import { HANDOFF_STATES, listHandoffs, type HandoffState } from './handoffs.queries.js';

export class HandoffListQueryDto {
  @ApiPropertyOptional({
    enum: HANDOFF_STATES,
    default: 'pending',
    description: 'overdue / escalated: pending handoffs past their target (stalled) / escalated',
  })
  @IsOptional()
  @IsIn(HANDOFF_STATES, { message: `state must be one of ${HANDOFF_STATES.join(', ')}` })
  state?: HandoffState;
}

/** Handoffs by state across the deals the caller sees: the stalled-handoffs list. */
@ApiTags('handoffs')
@ApiBearerAuth()
@Controller('handoffs')
export class HandoffsListController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DealScopes) private readonly scopes: DealScopes,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Handoffs in one state (default pending; overdue = stalled), oldest first' })
  @ApiOkResponse({ type: HandoffListView })
  async list(@Query() query: HandoffListQueryDto, @Ctx() ctx: RequestContext): Promise<HandoffListView> {
    const now = this.clock.now();
    const rows = await listHandoffs(
      this.readModels.db,
      ctx.tenantId,
      await this.scopes.of(ctx),
      query.state ?? 'pending',
    );
    return { asOf: now.toISOString(), items: rows.map((row) => handoffView(row, now)) };
  }
}
