import type { CommandBus } from '@nestjs/cqrs';
import { commandIdFromKey, type CommandOutcome, type DispatchContext } from '#ltc/commanding';
import { DomainError, type Money } from '#ltc/kernel';
import { type CommandRegistry, payloadText, payloadWholeNumber, type DispatchPayload } from '#ltc/platform';
import type { Triangle } from '../domain/contract-vocabulary.js';
import { contractStream } from '../contract-streams.js';
import { ContractCommandMessage, type ContractCommandInput } from './contract-command.message.js';

type Payload = DispatchPayload;

/**
 * The contract commands process managers and timers send: a won deal drafts its contract
 * (`contract.DraftContract`), an invoice's timers flag it overdue and remind
 * (`contract.FlagInvoiceOverdue`, `contract.SendInvoiceReminder`).
 */
export function registerContractDispatch(registry: CommandRegistry, bus: CommandBus): void {
  registry.register('contract.DraftContract', (payload, context) => draft(bus, payload, context));
  registry.register('contract.FlagInvoiceOverdue', (payload, context) =>
    send(bus, context, {
      type: 'FlagInvoiceOverdue',
      contractId: payloadText(payload, 'contractId'),
      actor: systemActor(context),
      invoiceId: payloadText(payload, 'invoiceId'),
    }),
  );
  registry.register('contract.SendInvoiceReminder', (payload, context) =>
    send(bus, context, {
      type: 'SendInvoiceReminder',
      contractId: payloadText(payload, 'contractId'),
      actor: systemActor(context),
      invoiceId: payloadText(payload, 'invoiceId'),
      daysAfterDue: payloadWholeNumber(payload, payload['daysAfterDue'] === undefined ? 'daysOverdue' : 'daysAfterDue'),
    }),
  );
}

/**
 * Drafts the won deal's contract. A replayed win changes nothing (the decider sees the same
 * deal; the dispatch key makes it a retry too). A contract already there under that id is left
 * as it is: refusing would stop the process manager for good on an event it can never handle differently.
 */
async function draft(bus: CommandBus, payload: Payload, context: DispatchContext): Promise<unknown> {
  const command: ContractCommandInput = {
    type: 'DraftContract',
    contractId: payloadText(payload, 'contractId'),
    actor: systemActor(context),
    dealId: payloadText(payload, 'dealId'),
    quoteVersion: payloadWholeNumber(payload, 'quoteVersion'),
    quoteTotal: payload['quoteTotal'] as Money,
    triangle: payload['triangle'] as Triangle,
  };
  try {
    return await send(bus, context, command, false);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONTRACT_ALREADY_EXISTS') return undefined;
    throw error;
  }
}

const systemActor = (context: DispatchContext): { id: string; salesManager: boolean } => ({
  id: context.actor.userId,
  salesManager: false,
});

function send(
  bus: CommandBus,
  context: DispatchContext,
  command: ContractCommandInput,
  existing = true,
): Promise<CommandOutcome> {
  const commandId = commandIdFromKey(context.tenantId, context.actor.userId, context.idempotencyKey);
  return bus.execute<ContractCommandMessage, CommandOutcome>(
    new ContractCommandMessage({
      command,
      stream: contractStream(command.contractId),
      commandId,
      idempotent: true,
      ...(existing ? { mustExist: { entity: 'Contract', id: command.contractId } } : {}),
      actor: context.actor,
      tenantId: context.tenantId,
      correlationId: context.correlationId,
      causationId: context.causationId,
    }),
  );
}
