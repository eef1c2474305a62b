import { Body, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandPost, CommandResponseDto, Ctx, createdIds, type RequestContext } from '#ltc/platform';
import { actorOf } from '../ticket-commands/ticket-audience.js';
import { TicketCommands } from '../ticket-commands/ticket-commands.service.js';
import { TicketCommandController } from './ticket-controller.js';
import { ownerOf } from './ticket-intake.dto.js';
import { TicketIdParamDto } from './ticket-params.dto.js';
import { OptionalNoteDto } from './ticket-text.dto.js';
import { AssessPlanDto, MoveLineDto, ProgressDto, ProposePlanDto, WaitDto } from './ticket-work.dto.js';

type Reply = FastifyReply;

/** Working a ticket: lines up and down, progress, waits that pause the clocks, the resolution plan. */
@TicketCommandController()
export class TicketWorkController {
  constructor(@Inject(TicketCommands) private readonly commands: TicketCommands) {}

  @CommandPost('escalate', {
    summary: 'Escalate to a higher line (2: experts, 3: R&D) with a reason, to a group or engineer there',
    ok: 'TicketEscalated',
    conflicts: 'ESCALATION_NOT_UPWARD, TICKET_RESOLVED, TICKET_CLOSED',
  })
  escalate(
    @Param() { id }: TicketIdParamDto,
    @Body() body: MoveLineDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'EscalateTicket',
      ticketId: id,
      actor: actorOf(ctx),
      toLine: body.toLine,
      reason: body.reason,
      owner: ownerOf(body),
    });
  }

  @CommandPost('de-escalate', {
    summary: 'Hand the ticket back down to a lower line with a reason',
    ok: 'TicketDeEscalated',
    conflicts: 'DE_ESCALATION_NOT_DOWNWARD, TICKET_CLOSED',
  })
  deEscalate(
    @Param() { id }: TicketIdParamDto,
    @Body() body: MoveLineDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'DeEscalateTicket',
      ticketId: id,
      actor: actorOf(ctx),
      toLine: body.toLine,
      reason: body.reason,
      owner: ownerOf(body),
    });
  }

  @CommandPost('progress', {
    summary: 'Record progress, for the customer to see or internal',
    ok: 'TicketProgressRecorded',
    conflicts: 'TICKET_CLOSED',
  })
  progress(
    @Param() { id }: TicketIdParamDto,
    @Body() body: ProgressDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'RecordProgress',
      ticketId: id,
      actor: actorOf(ctx),
      note: body.note,
      visibility: body.visibility,
    });
  }

  @CommandPost('wait', {
    summary: 'Wait for the customer or a third party; the SLA clocks pause when the policy says so',
    ok: 'TicketWaitStarted and, for a wait that pauses, a paused TicketSlaPlanned per running clock',
    conflicts: 'TICKET_ALREADY_WAITING, TICKET_RESOLVED, TICKET_CLOSED',
  })
  wait(
    @Param() { id }: TicketIdParamDto,
    @Body() body: WaitDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'StartWaiting',
      ticketId: id,
      actor: actorOf(ctx),
      reason: body.reason,
      note: body.note ?? null,
    });
  }

  @CommandPost('resume', {
    summary: 'End the wait: paused clocks run on with the time they have left',
    ok: 'TicketWaitEnded and a running TicketSlaPlanned per paused clock',
    conflicts: 'TICKET_NOT_WAITING, TICKET_RESOLVED, TICKET_CLOSED',
  })
  resume(
    @Param() { id }: TicketIdParamDto,
    @Body() _body: OptionalNoteDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, { type: 'ResumeTicket', ticketId: id, actor: actorOf(ctx) });
  }

  @CommandPost('plan', {
    summary: 'Propose a resolution plan (one waiting for its assessment is decided first)',
    ok: 'ResolutionPlanProposed',
    conflicts: 'PLAN_PENDING, TICKET_RESOLVED, TICKET_CLOSED',
  })
  propose(
    @Param() { id }: TicketIdParamDto,
    @Body() body: ProposePlanDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    const { commandId, id: planId } = createdIds(ctx);
    return this.commands.answer(
      ctx,
      reply,
      {
        type: 'ProposeResolutionPlan',
        ticketId: id,
        actor: actorOf(ctx),
        planId,
        summary: body.summary,
        steps: body.steps ?? [],
      },
      commandId,
    );
  }

  @CommandPost('plan/assess', {
    summary: 'Approve or reject the proposed resolution plan',
    ok: 'ResolutionPlanAssessed',
    conflicts: 'NO_PLAN_TO_ASSESS, TICKET_RESOLVED, TICKET_CLOSED',
  })
  assess(
    @Param() { id }: TicketIdParamDto,
    @Body() body: AssessPlanDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'AssessResolutionPlan',
      ticketId: id,
      actor: actorOf(ctx),
      decision: body.decision,
      note: body.note ?? null,
    });
  }

  @CommandPost('plan/implemented', {
    summary: 'Record the approved plan as implemented',
    ok: 'ResolutionPlanImplemented',
    conflicts: 'PLAN_NOT_APPROVED, TICKET_RESOLVED, TICKET_CLOSED',
  })
  implemented(
    @Param() { id }: TicketIdParamDto,
    @Body() body: OptionalNoteDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'MarkPlanImplemented',
      ticketId: id,
      actor: actorOf(ctx),
      note: body.note ?? null,
    });
  }
}
