import type { CommandBus } from '@nestjs/cqrs';
import { aggregateStream, commandIdFromKey, type CommandOutcome, type DispatchContext } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { InvalidInputError, NotFoundError } from '#ltc/kernel';
import { type CommandRegistry, payloadText, payloadWholeNumber, type DispatchPayload } from '#ltc/platform';
import type { ServiceConfig } from '../config/service-config.js';
import { parseTicketEvent } from '../domain/ticket-event.js';
import { ticketDecider } from '../domain/ticket.decider.js';
import type { Ticket } from '../domain/ticket.state.js';
import { SLA_CLOCKS, type SlaClockName } from '../domain/service-vocabulary.js';
import { ticketStream } from '../service-streams.js';
import { TicketCommandMessage, type TicketCommandInput } from './ticket-command.message.js';

type Payload = DispatchPayload;

/** What the dispatch routes need: the bus, the store and the service configuration. */
export interface TicketDispatchDeps {
  readonly bus: CommandBus;
  readonly store: EventStore;
  readonly config: ServiceConfig;
}

/**
 * The ticket commands durable timers send: a clock's warning and breach for the plan they were
 * set for (`service.FlagSlaWarning`, `service.FlagSlaBreach`), an OLA task gone overdue
 * (`service.FlagTaskOverdue`); and the links process managers write from other records' events
 * (`service.LinkSpawnedLead`, `service.LinkFollowUpTicket`). Each flag names the lead of the group concerned as it is when the
 * timer fires, so the policy's escalation reaches whoever leads that group now.
 */
export function registerTicketDispatch(registry: CommandRegistry, deps: TicketDispatchDeps): void {
  const threshold =
    (type: 'FlagSlaWarning' | 'FlagSlaBreach') => async (payload: Payload, context: DispatchContext) => {
      const ticketId = payloadText(payload, 'ticketId');
      const clock = clockOf(payload);
      const { groupLead, nextLineGroup } = await escalationTargets(deps, context, ticketId);
      return send(deps.bus, context, {
        type,
        ticketId,
        clock,
        plan: payloadWholeNumber(payload, 'plan'),
        groupLead,
        nextLineGroup,
        actor: system(context),
      });
    };
  registry.register('service.FlagSlaWarning', threshold('FlagSlaWarning'));
  registry.register('service.FlagSlaBreach', threshold('FlagSlaBreach'));
  registry.register('service.LinkSpawnedLead', (payload, context) =>
    link(deps.bus, context, {
      type: 'LinkSpawnedLead',
      ticketId: payloadText(payload, 'ticketId'),
      leadId: payloadText(payload, 'leadId'),
      actor: system(context),
    }),
  );
  registry.register('service.LinkFollowUpTicket', (payload, context) =>
    link(deps.bus, context, {
      type: 'LinkFollowUpTicket',
      ticketId: payloadText(payload, 'ticketId'),
      followUpTicketId: payloadText(payload, 'followUpTicketId'),
      actor: system(context),
    }),
  );
  registry.register('service.FlagTaskOverdue', async (payload, context) => {
    const ticketId = payloadText(payload, 'ticketId');
    const taskId = payloadText(payload, 'taskId');
    const groupLead = await leadOf(deps, context, ticketId, taskId);
    return send(deps.bus, context, { type: 'FlagTaskOverdue', ticketId, taskId, groupLead, actor: system(context) });
  });
}

/** Whom a threshold's escalation reaches now: the lead of the ticket's group, and the first group of the next line. */
async function escalationTargets(
  deps: TicketDispatchDeps,
  context: DispatchContext,
  ticketId: string,
): Promise<{ readonly groupLead: string | null; readonly nextLineGroup: string | null }> {
  const ticket = await ticketOf(deps.store, context, ticketId);
  if (ticket === null) return { groupLead: null, nextLineGroup: null };
  const groupLead = await leadOfGroup(deps.config, context, ticket.owner.group);
  const nextLine = ticket.line === 1 ? 2 : ticket.line === 2 ? 3 : null;
  const onNextLine = nextLine === null ? [] : await deps.config.groupsOnLine(context.tenantId, nextLine);
  return { groupLead, nextLineGroup: onNextLine[0] ?? null };
}

/** The ticket of the dispatch's tenant, folded from its stream; null for none. */
async function ticketOf(store: EventStore, context: DispatchContext, ticketId: string): Promise<Ticket | null> {
  const { state, tenantId } = await aggregateStream(store, ticketDecider, ticketStream(ticketId), {
    parse: parseTicketEvent,
  });
  return state.status === 'none' || tenantId !== context.tenantId ? null : state;
}

async function leadOfGroup(
  config: ServiceConfig,
  context: DispatchContext,
  group: string | null,
): Promise<string | null> {
  return group === null ? null : ((await config.group(context.tenantId, group))?.lead ?? null);
}

/** The lead of the task's group, now; null without a group or lead. */
async function leadOf(
  { store, config }: TicketDispatchDeps,
  context: DispatchContext,
  ticketId: string,
  taskId: string,
): Promise<string | null> {
  const state = await ticketOf(store, context, ticketId);
  return leadOfGroup(config, context, state?.tasks.find((t) => t.taskId === taskId)?.owner.group ?? null);
}

/**
 * Links a ticket from another record's event. A ticket that is not there (or another tenant's) is
 * left alone: refusing would stop the process manager for good on an event it can never handle differently.
 */
async function link(bus: CommandBus, context: DispatchContext, command: TicketCommandInput): Promise<unknown> {
  try {
    return await send(bus, context, command, true);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

const system = (context: DispatchContext) => ({ id: context.actor.userId, roles: [] });

/** Sends a command from a timer: idempotent by the timer's key; a ticket gone or never there decides nothing. */
function send(
  bus: CommandBus,
  context: DispatchContext,
  command: TicketCommandInput,
  existing = false,
): Promise<CommandOutcome> {
  return bus.execute<TicketCommandMessage, CommandOutcome>(
    new TicketCommandMessage({
      command,
      stream: ticketStream(command.ticketId),
      commandId: commandIdFromKey(context.tenantId, context.actor.userId, context.idempotencyKey),
      idempotent: true,
      actor: context.actor,
      tenantId: context.tenantId,
      correlationId: context.correlationId,
      causationId: context.causationId,
      ...(existing ? { mustExist: { entity: 'Ticket', id: command.ticketId } } : {}),
    }),
  );
}

function clockOf(payload: Payload): SlaClockName {
  const value = payload['clock'];
  if (!(SLA_CLOCKS as readonly unknown[]).includes(value)) {
    throw new InvalidInputError('clock', 'oneOf', 'clock must be response or resolution');
  }
  return value as SlaClockName;
}
