import { commandHandlerFor } from '#ltc/platform';
import { parseContractEvent } from '../domain/contract-event.js';
import { contractDecider } from '../domain/contract.decider.js';
import { contractStream } from '../contract-streams.js';
import { completeContractCommand } from './contract.completion.js';

export type { ContractCommandInput } from './contract-command.input.js';

/**
 * Every contract command goes through one message and one generic handler. The handler keeps
 * recent contracts' folded state: a contract's stream grows with every order, delivery and payment.
 */
export const contractCommands = commandHandlerFor(contractDecider, {
  entity: 'Contract',
  stream: (_tenantId, contractId) => contractStream(contractId),
  parse: parseContractEvent,
  cache: true,
  complete: completeContractCommand,
});

/** The Nest CQRS message for every contract command. */
export const ContractCommandMessage = contractCommands.Message;
export type ContractCommandMessage = InstanceType<typeof ContractCommandMessage>;
