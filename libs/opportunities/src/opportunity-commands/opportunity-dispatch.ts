import type { CommandBus } from '@nestjs/cqrs';
import { commandIdFromKey, entityIdFromCommandId, type CommandOutcome, type DispatchContext } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { DomainError, type Money } from '#ltc/kernel';
import { type CommandRegistry, type PeopleDirectory, payloadText, type DispatchPayload } from '#ltc/platform';
import type { LeadOrigin } from '../domain/opportunity.events.js';
import { opportunityStream } from '../opportunity-streams.js';
import { loadDeal } from './deal-stream.js';
import { fulfilmentHandoff } from './fulfilment-handoff.js';
import { OpportunityCommandMessage, type OpportunityCommandInput } from './opportunity-command.message.js';

/** What the dispatched commands need besides their payload. */
export interface DispatchDeps {
  readonly bus: CommandBus;
  readonly people: PeopleDirectory;
  readonly store: EventStore;
}

type Payload = DispatchPayload;

/**
 * The deal commands process managers and timers send: a lead conversion opens its deal
 * (`opportunity.OpenOpportunity`), a handoff timer flags it overdue (`opportunity.FlagHandoffOverdue`),
 * a handed-over contract passes the lead to its FR (`opportunity.HandOffToFulfilment`).
 */
export function registerOpportunityDispatch(registry: CommandRegistry, deps: DispatchDeps): void {
  registry.register('opportunity.OpenOpportunity', (payload, context) => openFromConversion(deps, payload, context));
  registry.register('opportunity.FlagHandoffOverdue', (payload, context) => flagOverdue(deps, payload, context));
  registry.register('opportunity.HandOffToFulfilment', (payload, context) => handOffToFr(deps, payload, context));
}

/**
 * Opens the deal a lead conversion names. A replayed conversion changes nothing (the decider
 * sees the same lead; the dispatch key makes it a retry too). A deal someone already opened
 * directly under that id is left as it is: refusing would stop the process manager for good
 * on an event it can never handle differently.
 */
async function openFromConversion(deps: DispatchDeps, payload: Payload, context: DispatchContext): Promise<unknown> {
  const opportunityId = payloadText(payload, 'opportunityId');
  const command: OpportunityCommandInput = {
    type: 'OpenOpportunity',
    opportunityId,
    actor: { id: context.actor.userId, salesManager: false },
    origin: 'lead_conversion',
    lead: (payload['lead'] ?? null) as LeadOrigin | null,
    name: payloadText(payload, 'name'),
    account: nullableText(payload, 'account'),
    amount: (payload['amount'] ?? null) as Money | null,
    closeDate: nullableText(payload, 'closeDate'),
    productsOfInterest: Array.isArray(payload['productsOfInterest'])
      ? payload['productsOfInterest'].filter((p): p is string => typeof p === 'string')
      : [],
    owner: payloadText(payload, 'owner'),
    team: nullableText(payload, 'team'),
    region: nullableText(payload, 'region'),
    pipelineId: nullableText(payload, 'pipelineId') ?? 'default',
  };
  try {
    return await send(deps, context, command, false);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'OPPORTUNITY_ALREADY_EXISTS') return undefined;
    throw error;
  }
}

/** A handoff timer fired: the AR's sales manager (from the organisation's records) is who step 2 escalates to. */
async function flagOverdue(deps: DispatchDeps, payload: Payload, context: DispatchContext): Promise<unknown> {
  const opportunityId = payloadText(payload, 'opportunityId');
  const step = payload['step'] === 2 ? 2 : 1;
  const deal = await loadDeal(deps.store, opportunityId);
  const ar = deal.tenantId === context.tenantId && deal.state.status !== 'none' ? deal.state.triangle.ar : null;
  const salesManager =
    ar === null ? null : ((await deps.people.lookup(context.tenantId, [ar])).get(ar)?.salesManager ?? null);
  const command: OpportunityCommandInput = {
    type: 'FlagHandoffOverdue',
    opportunityId,
    actor: { id: context.actor.userId, salesManager: false },
    handoffId: payloadText(payload, 'handoffId'),
    step,
    salesManager,
  };
  return send(deps, context, command, true);
}

/** The contract was handed over: its FR is asked to take the deal's lead (see `fulfilmentHandoff`). */
async function handOffToFr(deps: DispatchDeps, payload: Payload, context: DispatchContext): Promise<unknown> {
  const deal = await loadDeal(deps.store, payloadText(payload, 'opportunityId'));
  if (deal.tenantId !== context.tenantId) return undefined;
  const commandId = commandIdFromKey(context.tenantId, context.actor.userId, context.idempotencyKey);
  const command = fulfilmentHandoff(deal.state, payloadText(payload, 'to'), entityIdFromCommandId(commandId));
  return command === null ? undefined : send(deps, context, command, true);
}

function send(
  { bus }: DispatchDeps,
  context: DispatchContext,
  command: OpportunityCommandInput,
  existing: boolean,
): Promise<CommandOutcome> {
  const commandId = commandIdFromKey(context.tenantId, context.actor.userId, context.idempotencyKey);
  return bus.execute<OpportunityCommandMessage, CommandOutcome>(
    new OpportunityCommandMessage({
      command,
      stream: opportunityStream(command.opportunityId),
      commandId,
      idempotent: true,
      ...(existing ? { mustExist: { entity: 'Opportunity', id: command.opportunityId } } : {}),
      actor: context.actor,
      tenantId: context.tenantId,
      correlationId: context.correlationId,
      causationId: context.causationId,
    }),
  );
}

const nullableText = (payload: Payload, field: string): string | null => {
  const value = payload[field];
  return typeof value === 'string' ? value : null;
};
