import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import type { CommandOutcome } from '#ltc/commanding';
import {
  CommandRegistry,
  PEOPLE_DIRECTORY,
  DealScopes,
  commandResponse,
  envelopeFrom,
  runCommandRoute,
  type CommandResponse,
  type PeopleDirectory,
  type PersonRecord,
  type RequestContext,
} from '#ltc/platform';
import type { OpportunityState } from '../domain/opportunity.state.js';
import { canSeeDeal } from '../opportunity-access.js';
import { opportunityStream } from '../opportunity-streams.js';
import { actorIn, membersOf } from './opportunity-actor.js';
import {
  OpportunityCommandMessage,
  opportunityCommands,
  type OpportunityCommandInput,
} from './opportunity-command.message.js';
import { registerOpportunityDispatch } from './opportunity-dispatch.js';

/**
 * The one way into deal commands: from HTTP (the caller must see the deal, else 404 as for an
 * unknown one) and from process managers and timers (`opportunity.OpenOpportunity`,
 * `opportunity.FlagHandoffOverdue`, registered at start-up).
 */
@Injectable()
export class OpportunityCommands implements OnModuleInit {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommandRegistry) private readonly registry: CommandRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    @Inject(DealScopes) private readonly scopes: DealScopes,
  ) {}

  onModuleInit(): void {
    registerOpportunityDispatch(this.registry, { bus: this.bus, people: this.people, store: this.store });
  }

  /**
   * Runs a command on an existing deal the caller sees and answers the route (ETag, replay
   * mark). Sight is decided on the deal's own stream state inside the command, never on a
   * read model that may lag behind it.
   */
  async answer(
    ctx: RequestContext,
    reply: FastifyReply,
    command: OpportunityCommandInput,
    commandId?: string,
  ): Promise<CommandResponse> {
    return commandResponse(reply, command.opportunityId, await this.execute(ctx, command, commandId));
  }

  /**
   * The same, answering the outcome itself, for a route whose answer names what the events created.
   * A team's sales manager gives it as the manager of their teams' deals only (`actorIn`).
   */
  async execute(ctx: RequestContext, input: OpportunityCommandInput, commandId?: string): Promise<CommandOutcome> {
    const scope = await this.scopes.of(ctx);
    const command = 'actor' in input ? { ...input, actor: actorIn(input.actor, scope) } : input;
    const envelope = envelopeFrom(ctx, {
      command,
      stream: opportunityStream(command.opportunityId),
      ...(commandId === undefined ? {} : { commandId }),
      mustExist: { entity: 'Opportunity', id: command.opportunityId },
    });
    const visibleTo = (state: OpportunityState): boolean => canSeeDeal(scope, membersOf(state));
    return this.bus.execute<OpportunityCommandMessage, CommandOutcome>(
      new OpportunityCommandMessage({ ...envelope, visibleTo }),
    );
  }

  /** Opens a deal under an id the route chose (derived from the idempotency key when there is one). */
  open(
    ctx: RequestContext,
    reply: FastifyReply,
    command: OpportunityCommandInput & { readonly type: 'OpenOpportunity' },
    commandId: string,
  ): Promise<CommandResponse> {
    return runCommandRoute(this.bus, ctx, reply, {
      aggregate: opportunityCommands,
      id: command.opportunityId,
      command,
      existing: false,
      commandId,
    });
  }

  /** The organisation's records of the people named (absent: unknown to the organisation). */
  lookUp(ctx: RequestContext, personIds: readonly string[]): Promise<ReadonlyMap<string, PersonRecord>> {
    return this.people.lookup(ctx.tenantId, personIds);
  }
}
