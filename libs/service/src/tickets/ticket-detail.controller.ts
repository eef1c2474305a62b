import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CLOCK, type Clock } from '#ltc/clock';
import { Ctx, Roles, type RequestContext } from '#ltc/platform';
import { TicketCommands } from '../ticket-commands/ticket-commands.service.js';
import { TICKET_READERS } from '../service-roles.js';
import { TicketDetailView, ticketDetail } from './ticket-detail.view.js';
import { ApiTicketNotFound, TicketIdParamDto } from './ticket-params.dto.js';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketDetailController {
  constructor(
    @Inject(TicketCommands) private readonly commands: TicketCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id')
  @ApiOperation({
    summary:
      'One ticket from its stream: SLA clocks as they stand (used, left, paused, at risk, breached), tasks, full timeline',
  })
  @Roles(...TICKET_READERS)
  @ApiOkResponse({ type: TicketDetailView, description: 'ETag: the revision to send back in If-Match' })
  @ApiTicketNotFound()
  async get(
    @Param() { id }: TicketIdParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketDetailView> {
    const read = await this.commands.read(ctx, id);
    if (read.revision !== undefined) void reply.header('ETag', `"${read.revision.toString()}"`);
    return ticketDetail(read, this.clock.now());
  }
}
