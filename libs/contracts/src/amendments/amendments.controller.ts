import { Body, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandPost, CommandResponseDto, Ctx, type RequestContext, createdIds } from '#ltc/platform';
import { actorOf } from '../contract-commands/contract-actor.js';
import { ContractCommands } from '../contract-commands/contract-commands.service.js';
import { ContractCommandController } from '../contract-controller.js';
import { AmendmentParamDto, ContractIdParamDto, moneyOf } from '../contract-dto.js';
import { RequiredReasonDto } from '../contract-text.dto.js';
import { AmendmentRequestedDto, ApproveAmendmentDto, RequestAmendmentDto } from './amendment.dto.js';

/** Amendments of the value: requested with a reason, approved or rejected by another person, a sales manager. */
@ContractCommandController()
export class AmendmentsController {
  constructor(@Inject(ContractCommands) private readonly commands: ContractCommands) {}

  @Post('amend')
  @ApiOperation({ summary: 'Ask to change the contract value (up or down), saying why; a sales manager approves' })
  @HttpCode(201)
  @ApiCreatedResponse({ type: AmendmentRequestedDto, description: 'ContractAmendmentRequested' })
  @ApiConflictResponse({
    description:
      'CONTRACT_NOT_SIGNED, AMENDMENT_PENDING, AMENDMENT_BELOW_ORDERED, AMENDMENT_BELOW_INVOICED, CONTRACT_CLOSED, CONTRACT_TERMINATED',
  })
  async request(
    @Param() { id }: ContractIdParamDto,
    @Body() body: RequestAmendmentDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AmendmentRequestedDto> {
    const { commandId, id: amendmentId } = createdIds(ctx);
    const response = await this.commands.answer(
      ctx,
      reply,
      {
        type: 'RequestAmendment',
        contractId: id,
        actor: actorOf(ctx),
        amendmentId,
        value: moneyOf(body.value),
        reason: body.reason,
      },
      commandId,
    );
    return { ...response, amendmentId };
  }

  @CommandPost('amendments/:amendmentId/approve', {
    summary: 'Approve a pending amendment (a sales manager who did not request it)',
    ok: 'ContractAmended (and ContractClosed when the new value is already collected in full)',
    conflicts:
      'APPROVER_NOT_SALES_MANAGER, APPROVER_IS_REQUESTER, AMENDMENT_NOT_PENDING, AMENDMENT_BELOW_ORDERED, AMENDMENT_BELOW_INVOICED',
  })
  approve(
    @Param() { id, amendmentId }: AmendmentParamDto,
    @Body() body: ApproveAmendmentDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'ApproveAmendment',
      contractId: id,
      actor: actorOf(ctx),
      amendmentId,
      note: body.note ?? null,
    });
  }

  @CommandPost('amendments/:amendmentId/reject', {
    summary: 'Reject a pending amendment (a sales manager who did not request it), saying why',
    ok: 'ContractAmendmentRejected; the value stays',
    conflicts: 'APPROVER_NOT_SALES_MANAGER, APPROVER_IS_REQUESTER, AMENDMENT_NOT_PENDING',
  })
  reject(
    @Param() { id, amendmentId }: AmendmentParamDto,
    @Body() body: RequiredReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'RejectAmendment',
      contractId: id,
      actor: actorOf(ctx),
      amendmentId,
      reason: body.reason,
    });
  }
}
