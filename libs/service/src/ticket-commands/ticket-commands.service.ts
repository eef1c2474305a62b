import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { CLOCK, type Clock } from '#ltc/clock';
import type { CommandOutcome } from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { InvalidInputError } from '#ltc/kernel';
import {
  CommandRegistry,
  commandResponse,
  envelopeFrom,
  runCommandRoute,
  type CommandResponse,
  type RequestContext,
} from '#ltc/platform';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config.js';
import type { AcceptTicket, OpenTask } from '../domain/ticket.commands.js';
import type { TicketState } from '../domain/ticket.state.js';
import { ticketScopeOf, type TicketScope } from '../service-access.js';
import { ticketStream } from '../service-streams.js';
import { actorOf, canSeeTicketState, readVisibleTicket, type VisibleTicket } from './ticket-audience.js';
import { TicketCommandMessage, ticketCommands, type TicketCommandInput } from './ticket-command.message.js';
import { customerContextOf } from './customer-context.js';
import { registerTicketDispatch } from './ticket-dispatch.js';

/** A ticket as a route accepts it: the customer named by account (and contract, when they have one). */
export type AcceptInput = Omit<AcceptTicket, 'type' | 'ticketId' | 'actor' | 'now' | 'customer' | 'policy'> & {
  readonly customerAccount: string;
  readonly contractId: string | null;
};

/** A task as a route opens it: the calendar is the owning group's. */
export type OpenTaskInput = Omit<OpenTask, 'type' | 'actor' | 'now' | 'calendar'>;

/**
 * The one way into ticket commands: from HTTP (the caller must see the ticket, else 404 as for
 * an unknown one) and from durable timers (`service.Flag…`, registered at start-up). What a
 * decision needs from the service configuration (the policy in force, a group's calendar) is
 * looked up here, before the command is sent.
 */
@Injectable()
export class TicketCommands implements OnModuleInit {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommandRegistry) private readonly registry: CommandRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) readonly config: ServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    registerTicketDispatch(this.registry, { bus: this.bus, store: this.store, config: this.config });
  }

  /** What the caller sees: tenant-wide roles everything; others their groups' tickets, their own and their deals'. */
  async scopeOf(ctx: RequestContext): Promise<TicketScope> {
    const scope = ticketScopeOf(ctx.caller);
    if (scope.kind === 'tenant') return scope;
    return ticketScopeOf(ctx.caller, await this.config.groupsOf(ctx.tenantId, ctx.caller.userId));
  }

  /** A ticket the caller sees, from its stream (404 otherwise). */
  /** The ticket as it stands now, or as it stood at `asOf`; 404 when the caller may not see it. */
  async read(ctx: RequestContext, ticketId: string, asOf?: Date): Promise<VisibleTicket> {
    return readVisibleTicket(this.store, ctx, await this.scopeOf(ctx), ticketId, asOf);
  }

  /** Runs a command on an existing ticket the caller sees and answers the route (ETag, replay mark). */
  async answer(
    ctx: RequestContext,
    reply: FastifyReply,
    command: TicketCommandInput,
    commandId?: string,
  ): Promise<CommandResponse> {
    return commandResponse(reply, command.ticketId, await this.execute(ctx, command, commandId));
  }

  async execute(ctx: RequestContext, command: TicketCommandInput, commandId?: string): Promise<CommandOutcome> {
    const scope = await this.scopeOf(ctx);
    const envelope = envelopeFrom(ctx, {
      command,
      stream: ticketStream(command.ticketId),
      ...(commandId === undefined ? {} : { commandId }),
      mustExist: { entity: 'Ticket', id: command.ticketId },
    });
    const visibleTo = (state: TicketState): boolean => canSeeTicketState(scope, state);
    return this.bus.execute<TicketCommandMessage, CommandOutcome>(new TicketCommandMessage({ ...envelope, visibleTo }));
  }

  /**
   * Accepts a new ticket under the customer's entitlement: the policy version of their contract's
   * entitlement, else the tenant's default, kept by the ticket from now on.
   */
  async accept(
    ctx: RequestContext,
    reply: FastifyReply,
    ids: { readonly ticketId: string; readonly commandId: string },
    input: AcceptInput,
  ): Promise<CommandResponse> {
    const { customerAccount, contractId, ...rest } = input;
    const entitlement = await this.config.entitlementFor(ctx.tenantId, contractId);
    const customer = customerContextOf(customerAccount, contractId, entitlement, this.clock.now());
    return runCommandRoute(this.bus, ctx, reply, {
      aggregate: ticketCommands,
      id: ids.ticketId,
      command: {
        ...rest,
        type: 'AcceptTicket',
        ticketId: ids.ticketId,
        actor: actorOf(ctx),
        customer,
        policy: entitlement.policy,
      },
      existing: false,
      commandId: ids.commandId,
    });
  }

  /** Opens an OLA task, due on the owning group's calendar (the ticket policy's when the group keeps none). */
  async openTask(
    ctx: RequestContext,
    reply: FastifyReply,
    input: OpenTaskInput,
    commandId: string,
  ): Promise<CommandResponse> {
    const { ticket } = await this.read(ctx, input.ticketId);
    const groupId = input.owner.group;
    const group = groupId === null ? null : await this.config.group(ctx.tenantId, groupId);
    if (groupId !== null && group === null)
      throw new InvalidInputError('group', 'known', `No service group ${groupId}`);
    const own = group?.calendarId ? await this.config.calendar(ctx.tenantId, group.calendarId) : null;
    const calendar = own ?? ticket.policy.calendar;
    return this.answer(ctx, reply, { ...input, type: 'OpenTask', actor: actorOf(ctx), calendar }, commandId);
  }

  /** Binds a running ticket to the version of its policy in force now. */
  async reapply(
    ctx: RequestContext,
    reply: FastifyReply,
    ticketId: string,
    reason: string | null,
  ): Promise<CommandResponse> {
    const { ticket } = await this.read(ctx, ticketId);
    const policy = await this.config.policy(ctx.tenantId, ticket.policy.policyId);
    if (policy === null)
      throw new InvalidInputError('policyId', 'known', `Policy ${ticket.policy.policyId} no longer exists`);
    return this.answer(ctx, reply, { type: 'ReapplySlaPolicy', ticketId, actor: actorOf(ctx), policy, reason });
  }
}
