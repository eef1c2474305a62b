import { Body, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandPost, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
import { actorOf } from '../opportunity-commands/opportunity-actor.js';
import { OpportunityCommands } from '../opportunity-commands/opportunity-commands.service.js';
import { OpportunityCommandController } from '../opportunity-controller.js';
import { OpportunityIdParamDto } from '../opportunity-dto.js';
import { CustomerAnswerDto, SubmitBidDto } from './bid.dto.js';

/** The bid that offers a sent quote version, and the customer's answer to it. */
@OpportunityCommandController()
export class BidController {
  constructor(@Inject(OpportunityCommands) private readonly commands: OpportunityCommands) {}

  @CommandPost('bid', {
    summary: 'Submit a bid naming a sent quote version',
    ok: 'BidSubmitted (none when that bid already waits for an answer)',
    conflicts: 'BID_QUOTE_NOT_SENT, OPPORTUNITY_CLOSED',
  })
  submit(
    @Param() { id }: OpportunityIdParamDto,
    @Body() body: SubmitBidDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'SubmitBid',
      opportunityId: id,
      actor: actorOf(ctx),
      quoteVersion: body.quoteVersion,
    });
  }

  @CommandPost('customer-answer', {
    summary: 'Record the customer’s answer to the bid',
    ok: 'CustomerAnswerRecorded',
    conflicts: 'NO_BID_SUBMITTED, OPPORTUNITY_LOST',
  })
  answer(
    @Param() { id }: OpportunityIdParamDto,
    @Body() body: CustomerAnswerDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'RecordCustomerAnswer',
      opportunityId: id,
      actor: actorOf(ctx),
      answer: body.answer,
      note: body.note ?? null,
    });
  }
}
