import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InvalidInputError } from '#ltc/kernel';
import {
  aggregateStream,
  commandIdFromKey,
  streamStateOf,
  type CachedStreamState,
  type CommandEnvelope,
  type CommandOutcome,
  type DispatchContext,
} from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import type { ReadModelHandle } from '#ltc/projections';
import type { FastifyReply } from 'fastify';
import {
  CommandRegistry,
  READ_MODEL_DB,
  envelopeFrom,
  runCommandRoute,
  type CommandResponse,
  type RequestContext,
} from '#ltc/platform';
import type { LeadCommandType } from '../domain/lead.commands.js';
import { parseLeadEvent } from '../domain/lead-event.js';
import { leadDecider } from '../domain/lead.decider.js';
import type { Lead, LeadState } from '../domain/lead.state.js';
import { isLeadVisible, isVisibleForClaim, visibilityFactsOfLead } from '../domain/lead-visibility.js';
import { leadStream } from '../lead-stream.js';
import { loadLeadScope } from '../read-models/lead-readers.js';
import { LEAD_COMMAND_DATE_FIELDS } from './lead-command-dates.js';
import { LeadCommandMessage, leadCommands, type LeadCommandInput } from './lead-command.message.js';

/** Lead commands a process manager or timer may send, as `lead.<CommandType>`. */
const DISPATCHABLE: readonly LeadCommandType[] = [
  'ScoreLead',
  'SetLeadTeam',
  'AssignLead',
  'PoolLead',
  'OfferLead',
  'ExpireLeadOffer',
  'WarnLeadResponse',
  'BreachLeadResponse',
  'RetargetLeadResponse',
  'WarnLeadRecycle',
  'RecycleLead',
  'ArchiveLead',
  'ReactivateLead',
  'RecordLeadTouch',
  'RecordLeadInteraction',
  'DeferLeadRouting',
];

/**
 * Whose sight a person's command on a lead needs: `seen-by-caller` for every route on
 * `/leads/{id}` (a lead the caller may not see answers 404 LEAD_NOT_FOUND like an unknown
 * one, writing nothing); `chosen-by-engine` when the engine picked the lead for the caller
 * (the next blind-pull lead, the existing lead a duplicate capture touches).
 */
export type LeadAccess = 'seen-by-caller' | 'chosen-by-engine';

/** A lead read by `LeadCommands.load`: the lead, and its folded stream for the command that follows. */
export interface LoadedLead {
  readonly lead: Lead | null;
  readonly stream?: CachedStreamState<LeadState>;
}

/**
 * The one way into lead commands: from HTTP (with the caller's context) and from
 * process managers and timers (registered as `lead.<CommandType>` routes).
 */
@Injectable()
export class LeadCommands implements OnModuleInit {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommandRegistry) private readonly registry: CommandRegistry,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    for (const type of DISPATCHABLE) {
      this.registry.register(`lead.${type}`, (payload, context) => this.fromDispatch(type, payload, context));
    }
  }

  /**
   * The lead as its stream stands now, for a route that needs it before its command (a claim's
   * cap and response target): pass it to `run`, which then decides on it instead of reading
   * the stream again. `lead` is null for an unknown lead or another tenant's (the command answers 404).
   */
  async load(ctx: RequestContext, leadId: string): Promise<LoadedLead> {
    const folded = await aggregateStream(this.store, leadDecider, leadStream(leadId), { parse: parseLeadEvent });
    if (folded.tenantId !== ctx.tenantId || folded.state.status === 'none') return { lead: null };
    const stream = streamStateOf(folded);
    return stream ? { lead: folded.state, stream } : { lead: folded.state };
  }

  /** Runs a command on an existing lead for an HTTP caller (404 when the lead is unknown or out of their sight). */
  run(
    ctx: RequestContext,
    command: LeadCommandInput,
    access: LeadAccess = 'seen-by-caller',
    loaded?: LoadedLead,
  ): Promise<CommandOutcome> {
    const envelope = envelopeFrom(ctx, {
      command,
      stream: leadStream(command.leadId),
      mustExist: { entity: 'Lead', id: command.leadId },
    });
    return this.runFor(ctx, envelope, access, loaded);
  }

  /**
   * Runs a command on an existing lead the caller sees and answers the route (ETag, replay mark).
   * `loaded`: the lead as the route read it for a check of its own (see `load`).
   */
  async answer(
    ctx: RequestContext,
    reply: FastifyReply,
    command: LeadCommandInput,
    loaded?: LoadedLead,
  ): Promise<CommandResponse> {
    return runCommandRoute(this.bus, ctx, reply, {
      aggregate: leadCommands,
      id: command.leadId,
      command,
      existing: true,
      visibleTo: await this.sightOf(ctx, command),
      ...(loaded?.stream ? { loaded: loaded.stream } : {}),
    });
  }

  /** Runs an envelope the caller built for a command on an existing lead (an edit with its contact step). */
  async runFor(
    ctx: RequestContext,
    envelope: CommandEnvelope<LeadCommandInput, LeadState>,
    access: LeadAccess = 'seen-by-caller',
    loaded?: LoadedLead,
  ): Promise<CommandOutcome> {
    if (access === 'chosen-by-engine') return this.runEnvelope(new LeadCommandMessage(envelope, loaded?.stream));
    const visibleTo = await this.sightOf(ctx, envelope.command);
    return this.runEnvelope(new LeadCommandMessage({ ...envelope, visibleTo }, loaded?.stream));
  }

  /**
   * Which leads the caller may command, decided on the lead's own stream state inside the
   * command: the read model may lag behind it. A claim may take a lead from a pool the caller sees.
   */
  private async sightOf(ctx: RequestContext, command: LeadCommandInput): Promise<(state: LeadState) => boolean> {
    const scope = await loadLeadScope(this.readModels.db, { ...ctx.caller, tenantId: ctx.tenantId });
    const claim = command.type === 'ClaimLead';
    return (state) =>
      state.status === 'none' ||
      (claim ? isVisibleForClaim(scope, state) : isLeadVisible(scope, visibilityFactsOfLead(state)));
  }

  /** Runs a command whose envelope the caller built for a new lead (capture with a derived id, imports). */
  runEnvelope(message: LeadCommandMessage): Promise<CommandOutcome> {
    return this.bus.execute<LeadCommandMessage, CommandOutcome>(message);
  }

  private async fromDispatch(
    type: LeadCommandType,
    payload: Readonly<Record<string, unknown>>,
    context: DispatchContext,
  ): Promise<CommandOutcome> {
    const leadId = payload['leadId'];
    if (typeof leadId !== 'string') throw new InvalidInputError('leadId', 'required', `lead.${type} needs a leadId`);
    const fields: Record<string, unknown> = { ...payload, type };
    for (const field of LEAD_COMMAND_DATE_FIELDS) {
      const value = fields[field];
      if (typeof value === 'string') fields[field] = new Date(value);
    }
    const commandId = commandIdFromKey(context.tenantId, context.actor.userId, context.idempotencyKey);
    return this.bus.execute<LeadCommandMessage, CommandOutcome>(
      new LeadCommandMessage({
        command: fields as unknown as LeadCommandInput,
        stream: leadStream(leadId),
        commandId,
        idempotent: true,
        mustExist: { entity: 'Lead', id: leadId },
        actor: context.actor,
        tenantId: context.tenantId,
        correlationId: context.correlationId,
        causationId: context.causationId,
      }),
    );
  }
}
