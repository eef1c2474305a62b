import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '#ltc/clock';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, type RequestContext } from '#ltc/platform';
import { myTickets, ticketQueue } from '../read-models/service-tickets.queries.js';
import { TicketQueuePageView } from '../read-models/service-ticket.views.js';
import { LineParamDto, TicketOwnerQueryDto, TicketPageQueryDto } from './ticket-query.dto.js';
import { TicketReaders } from './ticket-readers.js';

/** The work queues: a line's open and waiting tickets, and the caller's own, by time left to breach. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller()
export class TicketQueuesController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readers: TicketReaders,
  ) {}

  @Get('queues/:line')
  @ApiOperation({
    summary: "A line's open and waiting tickets, the earliest breach of a running clock first, paused or stopped after",
  })
  @ApiOkResponse({ type: TicketQueuePageView, description: 'Only the tickets the caller may see' })
  async queue(
    @Param() { line }: LineParamDto,
    @Query() query: TicketOwnerQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketQueuePageView> {
    return ticketQueue(
      this.readModels.queryDb,
      ctx.tenantId,
      {
        scope: await this.readers.scopeOf(ctx),
        line,
        limit: query.limit ?? 50,
        ...(query.group ? { group: query.group } : {}),
        ...(query.engineer ? { engineer: query.engineer } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      },
      this.clock.now(),
    );
  }

  @Get('me/tickets')
  @ApiOperation({
    summary: "My open and waiting tickets and my groups' unassigned ones, the earliest breach first",
  })
  @ApiOkResponse({ type: TicketQueuePageView })
  async mine(@Query() query: TicketPageQueryDto, @Ctx() ctx: RequestContext): Promise<TicketQueuePageView> {
    return myTickets(
      this.readModels.queryDb,
      ctx.tenantId,
      {
        scope: await this.readers.scopeOf(ctx),
        personId: ctx.caller.userId,
        groups: await this.readers.groupsOf(ctx),
        limit: query.limit ?? 50,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      },
      this.clock.now(),
    );
  }
}
