import { Body, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandPost, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
import { actorOf } from '../ticket-commands/ticket-audience.js';
import { TicketCommands } from '../ticket-commands/ticket-commands.service.js';
import { TicketSpawns } from '../ticket-commands/ticket-spawns.service.js';
import { CallbackDto, ResolveDto, VerifyDto } from './ticket-closing.dto.js';
import { TicketCommandController } from './ticket-controller.js';
import { TicketIdParamDto } from './ticket-params.dto.js';
import { OptionalNoteDto, TicketReasonDto } from './ticket-text.dto.js';

type Reply = FastifyReply;

/** Resolving, verifying, closing, calling back and reopening a ticket. */
@TicketCommandController()
export class TicketClosingController {
  constructor(
    @Inject(TicketCommands) private readonly commands: TicketCommands,
    @Inject(TicketSpawns) private readonly spawns: TicketSpawns,
  ) {}

  @CommandPost('resolve', {
    summary: 'Resolve the ticket: the resolution clock stops, on time or late (a waiting ticket stops waiting)',
    ok: 'TicketResolved and the stopped resolution clock (and the first response, if none was given)',
    conflicts: 'PLAN_PENDING, PLAN_NOT_IMPLEMENTED, TASKS_OPEN, TICKET_RESOLVED, TICKET_CLOSED',
  })
  resolve(
    @Param() { id }: TicketIdParamDto,
    @Body() body: ResolveDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'ResolveTicket',
      ticketId: id,
      actor: actorOf(ctx),
      resolution: body.resolution,
    });
  }

  @CommandPost('verify', {
    summary: 'Verify the result: root cause, preventive action, no new problems (false sends it back to work)',
    ok: 'TicketVerified (passed or not; a failed check restarts the resolution clock from the time used)',
    conflicts: 'TICKET_NOT_RESOLVED, VERIFIER_IS_RESOLVER',
  })
  verify(
    @Param() { id }: TicketIdParamDto,
    @Body() body: VerifyDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'VerifyTicket',
      ticketId: id,
      actor: actorOf(ctx),
      rootCause: body.rootCause,
      preventiveAction: body.preventiveAction,
      noNewProblems: body.noNewProblems,
      note: body.note ?? null,
    });
  }

  @CommandPost('close', {
    summary: 'Close a verified ticket',
    ok: 'TicketClosed (none if closed already)',
    conflicts: 'TICKET_NOT_RESOLVED, TICKET_NOT_VERIFIED',
  })
  close(
    @Param() { id }: TicketIdParamDto,
    @Body() body: OptionalNoteDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'CloseTicket',
      ticketId: id,
      actor: actorOf(ctx),
      note: body.note ?? null,
    });
  }

  @CommandPost('callback', {
    summary: 'Record the customer callback: satisfaction 1–5 and a comment, once per closing',
    ok: 'TicketCallbackRecorded',
    conflicts: 'TICKET_NOT_CLOSED, CALLBACK_ALREADY_RECORDED',
  })
  callback(
    @Param() { id }: TicketIdParamDto,
    @Body() body: CallbackDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'RecordCallback',
      ticketId: id,
      actor: actorOf(ctx),
      satisfaction: body.satisfaction,
      comment: body.comment ?? null,
    });
  }

  @CommandPost('reopen', {
    summary: 'Reopen within the policy’s window (200); past it, a new ticket continues this one (201, its id)',
    ok: 'TicketReopened and the running resolution clock; or, past the window, the new ticket’s TicketAccepted (201) with TicketFollowUpOpened on this one',
    conflicts: 'TICKET_NOT_RESOLVED',
  })
  async reopen(
    @Param() { id }: TicketIdParamDto,
    @Body() body: TicketReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    const { followUp, response } = await this.spawns.reopen(ctx, reply, id, body.reason);
    if (followUp) {
      void reply.status(201);
      void reply.header('Location', `/tickets/${encodeURIComponent(response.id)}`);
    }
    return response;
  }
}
