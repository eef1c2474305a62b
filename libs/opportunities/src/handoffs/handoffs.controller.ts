import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { entityIdFromCommandId } from '#ltc/commanding';
import { CommandPost, CommandResponseDto, Ctx, commandIdOf, type RequestContext } from '#ltc/platform';
import { actorOf } from '../opportunity-commands/opportunity-actor.js';
import { OpportunityCommands } from '../opportunity-commands/opportunity-commands.service.js';
import { OpportunityCommandController } from '../opportunity-controller.js';
import { OpportunityIdParamDto } from '../opportunity-dto.js';
import { RequiredReasonDto } from '../opportunity-text.dto.js';
import { HandoffParamDto, HandoffRequestedDto, RequestHandoffDto } from './handoff.dto.js';

/** Who leads passes by handoff: requested by the one who leads, accepted or declined by its receiver only. */
@OpportunityCommandController()
export class HandoffsController {
  constructor(@Inject(OpportunityCommands) private readonly commands: OpportunityCommands) {}

  @Post('handoffs')
  @ApiOperation({ summary: 'Ask a triangle member to take the lead (the acceptance target starts now)' })
  @HttpCode(201)
  @ApiCreatedResponse({ type: HandoffRequestedDto, description: 'HandoffRequested; `handoffId` names it' })
  @ApiConflictResponse({
    description:
      'HANDOFF_REQUESTER_NOT_LEADER, HANDOFF_TO_SELF, HANDOFF_RECEIVER_NOT_IN_TRIANGLE, HANDOFF_ALREADY_PENDING, OPPORTUNITY_LOST',
  })
  async request(
    @Param() { id }: OpportunityIdParamDto,
    @Body() body: RequestHandoffDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HandoffRequestedDto> {
    const commandId = commandIdOf(ctx);
    // A retry with the same key names the same handoff (and gets the first answer).
    const handoffId = ctx.idempotencyKey ? entityIdFromCommandId(commandId) : randomUUID();
    const response = await this.commands.answer(
      ctx,
      reply,
      {
        type: 'RequestHandoff',
        opportunityId: id,
        actor: actorOf(ctx),
        handoffId,
        to: body.to,
        phase: body.phase,
        notes: body.notes ?? null,
        openItems: body.openItems ?? [],
      },
      commandId,
    );
    return { ...response, handoffId };
  }

  @CommandPost('handoffs/:handoffId/accept', {
    summary: 'Accept a handoff (its receiver only): from now on you lead the deal',
    ok: 'HandoffAccepted (none when already accepted)',
    conflicts: 'HANDOFF_NOT_RECEIVER, HANDOFF_ALREADY_ANSWERED, OPPORTUNITY_LOST',
  })
  accept(
    @Param() { id, handoffId }: HandoffParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'AcceptHandoff',
      opportunityId: id,
      actor: actorOf(ctx),
      handoffId,
    });
  }

  @CommandPost('handoffs/:handoffId/decline', {
    summary: 'Decline a handoff (its receiver only), saying why; the requester keeps the lead',
    ok: 'HandoffDeclined',
    conflicts: 'HANDOFF_NOT_RECEIVER, HANDOFF_ALREADY_ANSWERED, OPPORTUNITY_LOST',
  })
  decline(
    @Param() { id, handoffId }: HandoffParamDto,
    @Body() body: RequiredReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'DeclineHandoff',
      opportunityId: id,
      actor: actorOf(ctx),
      handoffId,
      reason: body.reason,
    });
  }
}
