import { Body, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandPost, CommandResponseDto, Ctx, type RequestContext, createdIds } from '#ltc/platform';
import { actorOf } from '../contract-commands/contract-actor.js';
import { ContractCommands } from '../contract-commands/contract-commands.service.js';
import { ContractCommandController } from '../contract-controller.js';
import { ContractIdParamDto, PurchaseOrderParamDto, moneyOf } from '../contract-dto.js';
import { RequiredReasonDto } from '../contract-text.dto.js';
import {
  AcceptanceRecordedDto,
  DeliveryRecordedDto,
  PlacePurchaseOrderDto,
  PurchaseOrderPlacedDto,
  RecordAcceptanceDto,
  RecordDeliveryDto,
} from './purchase-order.dto.js';

const EXECUTION = 'CONTRACT_NOT_HANDED_OVER, CONTRACT_CLOSED, CONTRACT_TERMINATED';

/** Delivery in purchase orders: placed within the contract value, delivered in parts, answered by the customer. */
@ContractCommandController()
export class PurchaseOrdersController {
  constructor(@Inject(ContractCommands) private readonly commands: ContractCommands) {}

  @Post('purchase-orders')
  @ApiOperation({ summary: 'Place a purchase order (open and delivered orders never exceed the contract value)' })
  @HttpCode(201)
  @ApiCreatedResponse({ type: PurchaseOrderPlacedDto, description: 'PurchaseOrderPlaced' })
  @ApiConflictResponse({ description: `PURCHASE_ORDERS_EXCEED_CONTRACT, ${EXECUTION}` })
  async place(
    @Param() { id }: ContractIdParamDto,
    @Body() body: PlacePurchaseOrderDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PurchaseOrderPlacedDto> {
    const { commandId, id: purchaseOrderId } = createdIds(ctx);
    const lines = body.lines.map(({ sku, description, quantity, unitPrice }) => ({
      sku,
      description,
      quantity,
      unitPrice: moneyOf(unitPrice),
    }));
    const command = {
      type: 'PlacePurchaseOrder',
      contractId: id,
      actor: actorOf(ctx),
      purchaseOrderId,
      reference: body.reference ?? null,
      lines,
      orderedOn: body.orderedOn,
    } as const;
    return { ...(await this.commands.answer(ctx, reply, command, commandId)), purchaseOrderId };
  }

  @CommandPost('purchase-orders/:poId/cancel', {
    summary: 'Cancel a purchase order with nothing delivered, saying why (its value is free again)',
    ok: 'PurchaseOrderCancelled',
    conflicts: `PURCHASE_ORDER_CANCELLED, PURCHASE_ORDER_HAS_DELIVERIES, ${EXECUTION}`,
  })
  cancel(
    @Param() { id, poId }: PurchaseOrderParamDto,
    @Body() body: RequiredReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    return this.commands.answer(ctx, reply, {
      type: 'CancelPurchaseOrder',
      contractId: id,
      actor: actorOf(ctx),
      purchaseOrderId: poId,
      reason: body.reason,
    });
  }

  @Post('purchase-orders/:poId/deliveries')
  @ApiOperation({ summary: 'Record a delivery against a purchase order (partial allowed, never above the order)' })
  @HttpCode(201)
  @ApiCreatedResponse({ type: DeliveryRecordedDto, description: 'DeliveryRecorded' })
  @ApiConflictResponse({ description: `DELIVERY_EXCEEDS_ORDER, PURCHASE_ORDER_CANCELLED, ${EXECUTION}` })
  async deliver(
    @Param() { id, poId }: PurchaseOrderParamDto,
    @Body() body: RecordDeliveryDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DeliveryRecordedDto> {
    const { commandId, id: deliveryId } = createdIds(ctx);
    const command = {
      type: 'RecordDelivery',
      contractId: id,
      actor: actorOf(ctx),
      purchaseOrderId: poId,
      deliveryId,
      value: moneyOf(body.value),
      items: body.items.map(({ sku, quantity }) => ({ sku, quantity })),
      deliveredOn: body.deliveredOn,
    } as const;
    return { ...(await this.commands.answer(ctx, reply, command, commandId)), deliveryId };
  }

  @Post('purchase-orders/:poId/acceptances')
  @ApiOperation({ summary: 'Record the customer’s acceptance (full or partial) or rejection of what was delivered' })
  @HttpCode(201)
  @ApiCreatedResponse({
    type: AcceptanceRecordedDto,
    description: 'DeliveryAccepted and/or DeliveryRejected (and ContractClosed when that completes the contract)',
  })
  @ApiConflictResponse({ description: `ACCEPTANCE_EXCEEDS_DELIVERED, PURCHASE_ORDER_CANCELLED, ${EXECUTION}` })
  async accept(
    @Param() { id, poId }: PurchaseOrderParamDto,
    @Body() body: RecordAcceptanceDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AcceptanceRecordedDto> {
    const { commandId, id: acceptanceId } = createdIds(ctx);
    const accepted = moneyOf(body.accepted);
    const command = {
      type: 'RecordAcceptance',
      contractId: id,
      actor: actorOf(ctx),
      purchaseOrderId: poId,
      acceptanceId,
      accepted,
      rejected: body.rejected ? moneyOf(body.rejected) : { amountMinor: 0, currency: accepted.currency },
      reason: body.reason ?? null,
      answeredOn: body.answeredOn,
    } as const;
    return { ...(await this.commands.answer(ctx, reply, command, commandId)), acceptanceId };
  }
}
