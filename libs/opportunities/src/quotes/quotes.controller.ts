import { Body, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandPost, CommandResponseDto, Ctx, commandResponse, type RequestContext } from '#ltc/platform';
import type { QuoteContent } from '../domain/quote.events.js';
import { actorOf } from '../opportunity-commands/opportunity-actor.js';
import { OpportunityCommands } from '../opportunity-commands/opportunity-commands.service.js';
import { OpportunityCommandController } from '../opportunity-controller.js';
import { OpportunityIdParamDto, QuoteVersionParamDto } from '../opportunity-dto.js';
import { RequiredReasonDto } from '../opportunity-text.dto.js';
import { ApproveQuoteDto, CreateQuoteDto, QuoteCreatedDto } from './quote.dto.js';

/** Quote versions: priced lines in one currency; a discount above the pipeline's threshold needs approval. */
@OpportunityCommandController()
export class QuotesController {
  constructor(@Inject(OpportunityCommands) private readonly commands: OpportunityCommands) {}

  @Post('quotes')
  @ApiOperation({ summary: 'Create a new quote version (older versions never change)' })
  @HttpCode(201)
  @ApiCreatedResponse({ type: QuoteCreatedDto, description: 'QuoteVersionCreated, priced' })
  @ApiConflictResponse({ description: 'OPPORTUNITY_CLOSED' })
  async create(
    @Param() { id }: OpportunityIdParamDto,
    @Body() body: CreateQuoteDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QuoteCreatedDto> {
    const outcome = await this.commands.execute(ctx, {
      type: 'CreateQuoteVersion',
      opportunityId: id,
      actor: actorOf(ctx),
      lines: body.lines.map((line) => ({
        sku: line.sku,
        description: line.description,
        quantity: line.quantity,
        unitPrice: { amountMinor: line.unitPrice.amountMinor, currency: line.unitPrice.currency },
        discountBp: line.discountBp ?? 0,
      })),
      validUntil: body.validUntil,
    });
    // The event holds the priced version (also on a replayed retry, which answers the first outcome).
    const created = outcome.events.find((event) => event.type === 'QuoteVersionCreated')?.data as
      QuoteContent | undefined;
    if (created === undefined) throw new Error(`Quote creation on ${id} wrote no QuoteVersionCreated`);
    const { version, needsApproval, currency, subtotalMinor, discountMinor, totalMinor } = created;
    return {
      ...commandResponse(reply, id, outcome),
      version,
      needsApproval,
      currency,
      subtotalMinor,
      discountMinor,
      totalMinor,
    };
  }

  @CommandPost('quotes/:version/request-approval', {
    summary: 'Ask a sales manager to approve the version’s discount',
    ok: 'QuoteApprovalRequested; the approval waits in the sales managers’ inboxes',
    conflicts: 'QUOTE_NEEDS_NO_APPROVAL, QUOTE_STATUS_CONFLICT, OPPORTUNITY_CLOSED',
  })
  requestApproval(
    @Param() { id, version }: QuoteVersionParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'RequestQuoteApproval',
      opportunityId: id,
      actor: actorOf(ctx),
      version,
    });
  }

  @CommandPost('quotes/:version/approve', {
    summary: 'Approve the version’s discount (a sales manager who did not request it)',
    ok: 'QuoteApproved',
    conflicts: 'APPROVER_NOT_SALES_MANAGER, APPROVER_IS_REQUESTER, QUOTE_STATUS_CONFLICT, OPPORTUNITY_CLOSED',
  })
  approve(
    @Param() { id, version }: QuoteVersionParamDto,
    @Body() body: ApproveQuoteDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'ApproveQuote',
      opportunityId: id,
      actor: actorOf(ctx),
      version,
      note: body.note ?? null,
    });
  }

  @CommandPost('quotes/:version/reject', {
    summary: 'Reject the version’s discount (a sales manager who did not request it), saying why',
    ok: 'QuoteRejected; the version is never sent',
    conflicts: 'APPROVER_NOT_SALES_MANAGER, APPROVER_IS_REQUESTER, QUOTE_STATUS_CONFLICT, OPPORTUNITY_CLOSED',
  })
  reject(
    @Param() { id, version }: QuoteVersionParamDto,
    @Body() body: RequiredReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'RejectQuote',
      opportunityId: id,
      actor: actorOf(ctx),
      version,
      reason: body.reason,
    });
  }

  @CommandPost('quotes/:version/send', {
    summary: 'Send the version to the customer (approved first where its discount needs it)',
    ok: 'QuoteSent',
    conflicts: 'QUOTE_NEEDS_APPROVAL, QUOTE_REJECTED, QUOTE_EXPIRED, QUOTE_STATUS_CONFLICT, OPPORTUNITY_CLOSED',
  })
  send(
    @Param() { id, version }: QuoteVersionParamDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, { type: 'SendQuote', opportunityId: id, actor: actorOf(ctx), version });
  }
}
