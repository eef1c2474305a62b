import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CLOCK, type Clock } from '#ltc/clock';
import type { ReadModelHandle } from '#ltc/projections';
import { AsOfQueryDto, Ctx, READ_MODEL_DB, asOfInstant, type RequestContext } from '#ltc/platform';
import type { Ticket } from '../domain/ticket.state.js';
import { listTickets } from '../read-models/service-tickets.queries.js';
import { TicketCommands } from '../ticket-commands/ticket-commands.service.js';
import { PastTicketView, TicketDetailView, ticketDetail } from './ticket-detail.view.js';
import { ApiTicketNotFound, TicketIdParamDto } from './ticket-params.dto.js';

/** How many of the customer's other tickets the detail shows. */
const PAST_TICKETS = 5;

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketDetailController {
  constructor(
    @Inject(TicketCommands) private readonly commands: TicketCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
  ) {}

  @Get(':id')
  @ApiOperation({
    summary:
      'One ticket from its stream: SLA clocks as they stand (used, left, paused, at risk, breached), tasks, full timeline',
  })
  @ApiOkResponse({ type: TicketDetailView, description: 'ETag: the revision to send back in If-Match' })
  @ApiTicketNotFound()
  async get(
    @Param() { id }: TicketIdParamDto,
    @Query() query: AsOfQueryDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketDetailView> {
    const asOf = asOfInstant(query);
    const read = await this.commands.read(ctx, id, asOf);
    if (asOf === undefined) {
      if (read.revision !== undefined) void reply.header('ETag', `"${read.revision.toString()}"`);
      return ticketDetail(read, this.clock.now(), await this.customerHistory(ctx, read.ticket));
    }
    // As of an instant, the clocks stand as they did then; the customer's other tickets are
    // those accepted by then (as they stand now).
    const earlier = (await this.customerHistory(ctx, read.ticket)).filter(
      (past) => past.acceptedAt <= asOf.toISOString(),
    );
    return ticketDetail(read, asOf, earlier);
  }

  /** The customer's latest other tickets the caller sees, from the ticket list (which may trail the log a little). */
  private async customerHistory(ctx: RequestContext, ticket: Ticket): Promise<PastTicketView[]> {
    const page = await listTickets(this.readModels.queryDb, ctx.tenantId, {
      scope: await this.commands.scopeOf(ctx),
      account: ticket.customer.account,
      limit: PAST_TICKETS + 1,
    });
    return page.items
      .filter((item) => item.id !== ticket.ticketId)
      .slice(0, PAST_TICKETS)
      .map(({ id, status, priority, subject, product, acceptedAt, closedAt }) => ({
        id,
        status,
        priority,
        subject,
        product,
        acceptedAt,
        closedAt,
      }));
  }
}
