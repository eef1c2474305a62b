import { Body, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandPost, CommandResponseDto, Ctx, type RequestContext } from '#ltc/platform';
import { actorOf } from '../contract-commands/contract-actor.js';
import { ContractCommands } from '../contract-commands/contract-commands.service.js';
import { ContractCommandController } from '../contract-controller.js';
import { ContractIdParamDto, moneyOf } from '../contract-dto.js';
import { RequiredReasonDto } from '../contract-text.dto.js';
import { SignContractDto, paymentTermsOf } from './sign-contract.dto.js';

/** The contract's lifecycle: signed with its value and payment terms, or terminated with a reason. */
@ContractCommandController()
export class SignContractController {
  constructor(@Inject(ContractCommands) private readonly commands: ContractCommands) {}

  @CommandPost('sign', {
    summary: 'Sign the contract: value, payment terms, signed date, signatory, quote version',
    ok: 'ContractSigned',
    conflicts: 'CONTRACT_ALREADY_SIGNED, QUOTE_VERSION_NOT_WON, CONTRACT_TERMINATED',
  })
  sign(
    @Param() { id }: ContractIdParamDto,
    @Body() body: SignContractDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'SignContract',
      contractId: id,
      actor: actorOf(ctx),
      value: moneyOf(body.value),
      valueDifferenceReason: body.valueDifferenceReason ?? null,
      paymentTerms: paymentTermsOf(body.paymentTerms),
      signedOn: body.signedOn,
      signatory: body.signatory,
      quoteVersion: body.quoteVersion,
    });
  }

  @CommandPost('terminate', {
    summary: 'Terminate the contract, saying why (what was delivered and paid stays on record)',
    ok: 'ContractTerminated',
    conflicts: 'CONTRACT_CLOSED, CONTRACT_TERMINATED',
  })
  terminate(
    @Param() { id }: ContractIdParamDto,
    @Body() body: RequiredReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'TerminateContract',
      contractId: id,
      actor: actorOf(ctx),
      reason: body.reason,
    });
  }
}
