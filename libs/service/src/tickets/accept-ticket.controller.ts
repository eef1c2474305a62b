import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommandHeaders, CommandResponseDto, Ctx, createdIds, type RequestContext } from '#ltc/platform';
import { TicketCommands } from '../ticket-commands/ticket-commands.service.js';
import { AcceptTicketDto, gradingOf } from './ticket-intake.dto.js';

export class TicketAcceptedView extends CommandResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The new ticket’s id (the same as `id`)' })
  ticketId!: string;
}

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class AcceptTicketController {
  constructor(@Inject(TicketCommands) private readonly commands: TicketCommands) {}

  @Post()
  @ApiOperation({
    summary:
      'Accept a service request from a channel: registered with the customer’s entitlement, graded, both SLA clocks started',
  })
  @HttpCode(201)
  @ApiCommandHeaders({ ifMatch: false })
  @ApiCreatedResponse({
    type: TicketAcceptedView,
    description:
      'TicketAccepted and the first TicketSlaPlanned of each clock; the same Idempotency-Key names the same ticket',
  })
  @ApiBadRequestResponse({ description: 'A field breaks its rule (impact without urgency, an empty subject…)' })
  async accept(
    @Body() body: AcceptTicketDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketAcceptedView> {
    const { commandId, id } = createdIds(ctx);
    const response = await this.commands.accept(
      ctx,
      reply,
      { ticketId: id, commandId },
      {
        channel: body.channel,
        customerAccount: body.customerAccount,
        contractId: body.contractId ?? null,
        contact: {
          name: body.contact?.name ?? null,
          email: body.contact?.email ?? null,
          phone: body.contact?.phone ?? null,
        },
        product: body.product ?? null,
        category: body.category ?? null,
        subject: body.subject,
        description: body.description ?? '',
        grading: gradingOf(body),
        followUpOf: null,
      },
    );
    void reply.header('Location', `/tickets/${encodeURIComponent(response.id)}`);
    return { ...response, ticketId: response.id };
  }
}
