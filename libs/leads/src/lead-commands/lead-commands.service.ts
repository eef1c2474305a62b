import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InvalidInputError } from '#ltc/kernel';
import { commandIdFromKey, type CommandOutcome, type DispatchContext } from '#ltc/commanding';
import { CommandRegistry, envelopeFrom, type RequestContext } from '#ltc/platform';
import type { LeadCommandType } from '../domain/lead.commands.js';
import { leadStream } from '../lead-stream.js';
import { LeadCommandMessage, type LeadCommandInput } from './lead-command.message.js';

/** Command fields that travel as ISO strings when a process manager or timer stores a command. */
const DATE_FIELDS = ['expiresAt', 'reactivateOn', 'recycleAt', 'at'] as const;

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
 * The one way into lead commands: from HTTP (with the caller's context) and from
 * process managers and timers (registered as `lead.<CommandType>` routes).
 */
@Injectable()
export class LeadCommands implements OnModuleInit {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CommandRegistry) private readonly registry: CommandRegistry,
  ) {}

  onModuleInit(): void {
    for (const type of DISPATCHABLE) {
      this.registry.register(`lead.${type}`, (payload, context) => this.fromDispatch(type, payload, context));
    }
  }

  /** Runs a command on an existing lead for an HTTP caller (404 when the lead is unknown). */
  run(ctx: RequestContext, command: LeadCommandInput): Promise<CommandOutcome> {
    return this.bus.execute<LeadCommandMessage, CommandOutcome>(
      new LeadCommandMessage(
        envelopeFrom(ctx, {
          command,
          stream: leadStream(command.leadId),
          ...(command.type === 'CaptureLead' ? {} : { mustExist: { entity: 'Lead', id: command.leadId } }),
        }),
      ),
    );
  }

  /** Runs a command whose envelope the caller built (capture with a derived id, imports). */
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
    for (const field of DATE_FIELDS) {
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
