import { Body, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type RequestContext, createdIds } from '#ltc/platform';
import { actorOf } from '../contract-commands/contract-actor.js';
import { ContractCommands } from '../contract-commands/contract-commands.service.js';
import { ContractCommandController } from '../contract-controller.js';
import { ApiContractNotFound, ContractIdParamDto, InvoiceParamDto, moneyOf } from '../contract-dto.js';
import {
  CreditNoteIssuedDto,
  InvoiceIssuedDto,
  IssueCreditNoteDto,
  IssueInvoiceDto,
  PaymentRecordedDto,
  RecordPaymentDto,
  RecordUnappliedCashDto,
  UnappliedCashRecordedDto,
} from './invoice.dto.js';

const NO_INVOICE = 'Also: no such invoice on the contract';

/** Invoices and cash: billed within what may be invoiced, credited and paid within what is open. */
@ContractCommandController()
export class InvoicesController {
  constructor(@Inject(ContractCommands) private readonly commands: ContractCommands) {}

  @Post('invoices')
  @ApiOperation({ summary: 'Issue an invoice (never above what may be invoiced now); due date from the terms' })
  @HttpCode(201)
  @ApiCreatedResponse({ type: InvoiceIssuedDto, description: 'InvoiceIssued; its dunning timer starts' })
  @ApiConflictResponse({
    description:
      'INVOICE_EXCEEDS_INVOICEABLE, INVOICE_EXCEEDS_MILESTONE, MILESTONE_NOT_IN_TERMS, CONTRACT_NOT_HANDED_OVER, CONTRACT_CLOSED, CONTRACT_TERMINATED',
  })
  async issue(
    @Param() { id }: ContractIdParamDto,
    @Body() body: IssueInvoiceDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvoiceIssuedDto> {
    const { commandId, id: invoiceId } = createdIds(ctx);
    const command = {
      type: 'IssueInvoice',
      contractId: id,
      actor: actorOf(ctx),
      invoiceId,
      milestone: body.milestone ?? null,
      amount: moneyOf(body.amount),
      issuedOn: body.issuedOn,
      dueAt: body.dueAt ? new Date(body.dueAt) : null,
    } as const;
    return { ...(await this.commands.answer(ctx, reply, command, commandId)), invoiceId };
  }

  @Post('invoices/:invoiceId/credit-notes')
  @ApiOperation({ summary: 'Issue a credit note reversing part of what is open on an invoice, saying why' })
  @HttpCode(201)
  @ApiCreatedResponse({ type: CreditNoteIssuedDto, description: 'CreditNoteIssued' })
  @ApiConflictResponse({ description: 'CREDIT_EXCEEDS_OPEN_AMOUNT, CONTRACT_CLOSED' })
  @ApiContractNotFound(NO_INVOICE)
  async credit(
    @Param() { id, invoiceId }: InvoiceParamDto,
    @Body() body: IssueCreditNoteDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreditNoteIssuedDto> {
    const { commandId, id: creditNoteId } = createdIds(ctx);
    const command = {
      type: 'IssueCreditNote',
      contractId: id,
      actor: actorOf(ctx),
      invoiceId,
      creditNoteId,
      amount: moneyOf(body.amount),
      reason: body.reason,
      issuedOn: body.issuedOn,
    } as const;
    return { ...(await this.commands.answer(ctx, reply, command, commandId)), creditNoteId };
  }

  @Post('invoices/:invoiceId/payments')
  @ApiOperation({ summary: 'Record a payment against an invoice (partial allowed, never more than is open)' })
  @HttpCode(201)
  @ApiCreatedResponse({
    type: PaymentRecordedDto,
    description: 'PaymentReceived (and ContractClosed when that completes the contract)',
  })
  @ApiConflictResponse({
    description: 'PAYMENT_EXCEEDS_OPEN_AMOUNT (nothing written; record the cash as unapplied instead), CONTRACT_CLOSED',
  })
  @ApiContractNotFound(NO_INVOICE)
  async pay(
    @Param() { id, invoiceId }: InvoiceParamDto,
    @Body() body: RecordPaymentDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PaymentRecordedDto> {
    const { commandId, id: paymentId } = createdIds(ctx);
    const command = {
      type: 'RecordPayment',
      contractId: id,
      actor: actorOf(ctx),
      invoiceId,
      paymentId,
      amount: moneyOf(body.amount),
      receivedOn: body.receivedOn,
    } as const;
    return { ...(await this.commands.answer(ctx, reply, command, commandId)), paymentId };
  }

  @Post('unapplied-cash')
  @ApiOperation({ summary: 'Record cash received that no invoice takes (e.g. an overpayment)' })
  @HttpCode(201)
  @ApiCreatedResponse({ type: UnappliedCashRecordedDto, description: 'UnappliedCashRecorded' })
  @ApiConflictResponse({ description: 'CONTRACT_NOT_SIGNED' })
  async unapplied(
    @Param() { id }: ContractIdParamDto,
    @Body() body: RecordUnappliedCashDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnappliedCashRecordedDto> {
    const { commandId, id: cashId } = createdIds(ctx);
    const command = {
      type: 'RecordUnappliedCash',
      contractId: id,
      actor: actorOf(ctx),
      cashId,
      amount: moneyOf(body.amount),
      receivedOn: body.receivedOn,
      note: body.note ?? null,
    } as const;
    return { ...(await this.commands.answer(ctx, reply, command, commandId)), cashId };
  }
}
