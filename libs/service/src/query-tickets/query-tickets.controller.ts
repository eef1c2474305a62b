import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, type RequestContext } from '#ltc/platform';
import { listTickets } from '../read-models/service-tickets.queries.js';
import { TicketPageView } from '../read-models/service-ticket.views.js';
import { AccountParamDto, TicketListQueryDto, TicketPageQueryDto } from './ticket-query.dto.js';
import { TicketReaders } from './ticket-readers.js';

const VISIBLE =
  'Tickets the caller may see: managers, admins and auditors all; agents those of their groups and those they or a task own; AR, SR and FR those of their deals';

/** The ticket list with its filters, and a customer's service history (from the ticket read model). */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller()
export class QueryTicketsController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    private readonly readers: TicketReaders,
  ) {}

  @Get('tickets')
  @ApiOperation({ summary: 'List and search tickets, newest first or by time to breach, with a cursor' })
  @ApiOkResponse({ type: TicketPageView, description: VISIBLE })
  async list(@Query() query: TicketListQueryDto, @Ctx() ctx: RequestContext): Promise<TicketPageView> {
    const { limit, cursor, ...filters } = query;
    return listTickets(this.readModels.queryDb, ctx.tenantId, {
      ...definedOnly(filters),
      scope: await this.readers.scopeOf(ctx),
      limit: limit ?? 50,
      ...(cursor ? { cursor } : {}),
    });
  }

  @Get('customers/:account/tickets')
  @ApiOperation({ summary: "A customer's service history: their tickets of every status, newest first" })
  @ApiOkResponse({ type: TicketPageView, description: VISIBLE })
  async customerHistory(
    @Param() { account }: AccountParamDto,
    @Query() query: TicketPageQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketPageView> {
    return listTickets(this.readModels.queryDb, ctx.tenantId, {
      scope: await this.readers.scopeOf(ctx),
      account,
      limit: query.limit ?? 50,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
  }
}

/** The query's filters without the ones not sent (exactOptionalPropertyTypes). */
function definedOnly<T extends object>(filters: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
