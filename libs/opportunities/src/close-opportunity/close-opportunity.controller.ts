import { Body, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandPost, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
import { actorOf } from '../opportunity-commands/opportunity-actor.js';
import { OpportunityCommands } from '../opportunity-commands/opportunity-commands.service.js';
import { OpportunityCommandController } from '../opportunity-controller.js';
import { OpportunityIdParamDto } from '../opportunity-dto.js';
import { RequiredReasonDto } from '../opportunity-text.dto.js';
import { LoseOpportunityDto, WinOpportunityDto } from './close-opportunity.dto.js';

/** Won (with the quote version that won), lost (a reason code, competitor, note), reopened (managers). */
@OpportunityCommandController()
export class CloseOpportunityController {
  constructor(@Inject(OpportunityCommands) private readonly commands: OpportunityCommands) {}

  @CommandPost('win', {
    summary: 'Win the deal with the quote version the customer signed',
    ok: 'OpportunityWon; the deal’s amount becomes that quote’s total',
    conflicts: 'GATE_WINNING_QUOTE_NOT_SENT, OPPORTUNITY_CLOSED',
  })
  win(
    @Param() { id }: OpportunityIdParamDto,
    @Body() body: WinOpportunityDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'WinOpportunity',
      opportunityId: id,
      actor: actorOf(ctx),
      quoteVersion: body.quoteVersion,
      reason: body.reason ?? null,
    });
  }

  @CommandPost('lose', {
    summary: 'Lose the deal, with a reason code from the pipeline’s list',
    ok: 'OpportunityLost',
    conflicts: 'OPPORTUNITY_CLOSED',
  })
  lose(
    @Param() { id }: OpportunityIdParamDto,
    @Body() body: LoseOpportunityDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'LoseOpportunity',
      opportunityId: id,
      actor: actorOf(ctx),
      reasonCode: body.reasonCode,
      competitor: body.competitor ?? null,
      note: body.note ?? null,
    });
  }

  @CommandPost('reopen', {
    summary: 'Reopen a won or lost deal (sales managers), saying why',
    ok: 'OpportunityReopened; the deal returns to the stage it was closed from',
    conflicts: 'OPPORTUNITY_NOT_CLOSED, REOPEN_NEEDS_SALES_MANAGER',
  })
  reopen(
    @Param() { id }: OpportunityIdParamDto,
    @Body() body: RequiredReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'ReopenOpportunity',
      opportunityId: id,
      actor: actorOf(ctx),
      reason: body.reason,
    });
  }
}
