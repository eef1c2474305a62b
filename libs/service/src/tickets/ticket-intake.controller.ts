import { Body, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandPost, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
import { actorOf } from '../ticket-commands/ticket-audience.js';
import { TicketCommands } from '../ticket-commands/ticket-commands.service.js';
import { TicketCommandController } from './ticket-controller.js';
import {
  AssignTicketDto,
  GradeTicketDto,
  ReapplyPolicyDto,
  RespondDto,
  gradingOf,
  ownerOf,
} from './ticket-intake.dto.js';
import { TicketIdParamDto } from './ticket-params.dto.js';

/** Grading, dispatch, the first response and the policy a ticket runs under. */
@TicketCommandController()
export class TicketIntakeController {
  constructor(@Inject(TicketCommands) private readonly commands: TicketCommands) {}

  @CommandPost('grade', {
    summary: 'Re-grade (priority, or impact × urgency) or re-classify: the targets move, the time used and pauses stay',
    ok: 'TicketGraded and, when the priority changed, a TicketSlaPlanned per running clock (none if unchanged)',
    conflicts: 'TICKET_CLOSED',
  })
  grade(
    @Param() { id }: TicketIdParamDto,
    @Body() body: GradeTicketDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'GradeTicket',
      ticketId: id,
      actor: actorOf(ctx),
      grading: gradingOf(body),
      ...(body.category === undefined ? {} : { category: body.category }),
      ...(body.product === undefined ? {} : { product: body.product }),
      reason: body.reason ?? null,
    });
  }

  @CommandPost('assign', {
    summary: 'Dispatch the ticket to an engineer and/or a service group on its current line',
    ok: 'TicketAssigned (none for the same owner)',
    conflicts: 'TICKET_CLOSED',
  })
  assign(
    @Param() { id }: TicketIdParamDto,
    @Body() body: AssignTicketDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'AssignTicket',
      ticketId: id,
      actor: actorOf(ctx),
      owner: ownerOf(body),
      reason: body.reason ?? null,
    });
  }

  @CommandPost('respond', {
    summary: 'Give the customer the first response: the response clock stops, on time or late',
    ok: 'TicketResponded (with the business time used and whether within target) and the stopped response clock',
    conflicts: 'TICKET_ALREADY_RESPONDED, TICKET_RESOLVED, TICKET_CLOSED',
  })
  respond(
    @Param() { id }: TicketIdParamDto,
    @Body() body: RespondDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'RespondToTicket',
      ticketId: id,
      actor: actorOf(ctx),
      message: body.message,
    });
  }

  @CommandPost('sla-policy/reapply', {
    summary: 'Bind a running ticket to the version of its SLA policy in force now (time used and pauses kept)',
    ok: 'TicketSlaPolicyReapplied and a TicketSlaPlanned per running clock (none if already on that version)',
    conflicts: 'TICKET_CLOSED',
  })
  reapply(
    @Param() { id }: TicketIdParamDto,
    @Body() body: ReapplyPolicyDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.reapply(ctx, reply, id, body.reason ?? null);
  }
}
