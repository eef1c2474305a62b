import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import type { CommandOutcome } from '#ltc/commanding';
import { DomainError, NotFoundError } from '#ltc/kernel';
import {
  CommandRegistry,
  DealScopes,
  commandIdOf,
  commandResponse,
  envelopeFrom,
  runCommandRoute,
  type CommandResponse,
  type RequestContext,
} from '#ltc/platform';
import type { ContractState } from '../domain/contract.state.js';
import { canSeeContract } from '../contract-access.js';
import { contractIdForDeal, contractStream } from '../contract-streams.js';
import { actorOf, actorOn, canSeeContractState } from './contract-actor.js';
import { ContractCommandMessage, contractCommands, type ContractCommandInput } from './contract-command.message.js';
import { registerContractDispatch } from './contract-dispatch.js';
import { readDeal, readDealTeam } from './won-deal.reader.js';

/**
 * The one way into contract commands: from HTTP (the caller must see the contract, else 404 as
 * for an unknown one) and from process managers and timers (`contract.DraftContract`,
 * `contract.FlagInvoiceOverdue`, `contract.SendInvoiceReminder`, registered at start-up).
 */
@Injectable()
export class ContractCommands implements OnModuleInit {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommandRegistry) private readonly registry: CommandRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DealScopes) private readonly scopes: DealScopes,
  ) {}

  onModuleInit(): void {
    registerContractDispatch(this.registry, this.bus);
  }

  /**
   * Runs a command on an existing contract the caller sees and answers the route (ETag, replay
   * mark). Sight is decided on the contract's own stream state inside the command.
   */
  async answer(
    ctx: RequestContext,
    reply: FastifyReply,
    command: ContractCommandInput,
    commandId?: string,
  ): Promise<CommandResponse> {
    return commandResponse(reply, command.contractId, await this.execute(ctx, command, commandId));
  }

  /**
   * The same, answering the outcome itself. A team's sales manager needs the deal's team, read
   * from the deal's stream (the contract shares its id); it is fixed at the opening, so reading
   * it before the command cannot race a change.
   */
  async execute(ctx: RequestContext, input: ContractCommandInput, commandId?: string): Promise<CommandOutcome> {
    const scope = await this.scopes.of(ctx);
    const team = scope.kind === 'team' ? await readDealTeam(this.store, ctx.tenantId, input.contractId) : null;
    const command = 'actor' in input ? { ...input, actor: actorOn(input.actor, scope, team) } : input;
    const envelope = envelopeFrom(ctx, {
      command,
      stream: contractStream(command.contractId),
      ...(commandId === undefined ? {} : { commandId }),
      mustExist: { entity: 'Contract', id: command.contractId },
    });
    const visibleTo = (state: ContractState): boolean => canSeeContractState(scope, state, team);
    return this.bus.execute<ContractCommandMessage, CommandOutcome>(
      new ContractCommandMessage({ ...envelope, visibleTo }),
    );
  }

  /**
   * Drafts the contract of a won deal the caller sees, from the deal's own stream: unknown or
   * unseen deal 404, a deal not won 409 `DEAL_NOT_WON`. Drafting the same deal again changes nothing.
   */
  async draft(ctx: RequestContext, reply: FastifyReply, dealId: string): Promise<CommandResponse> {
    const { won, triangle, team } = await readDeal(this.store, ctx.tenantId, dealId);
    // Who may not see the deal learns nothing about it, not even whether it is won.
    const scope = await this.scopes.of(ctx);
    if (!canSeeContract(scope, triangle, team)) throw new NotFoundError('Opportunity', dealId);
    if (won === null) throw new DomainError('DEAL_NOT_WON', `Deal ${dealId} is not won`, { dealId });
    const deal = won;
    const contractId = contractIdForDeal(dealId);
    return runCommandRoute(this.bus, ctx, reply, {
      aggregate: contractCommands,
      id: contractId,
      command: {
        type: 'DraftContract',
        contractId,
        actor: actorOf(ctx),
        dealId,
        quoteVersion: deal.quoteVersion,
        quoteTotal: deal.quoteTotal,
        triangle: deal.triangle,
      },
      existing: false,
      commandId: commandIdOf(ctx),
    });
  }
}
