import { aggregateStream, type AggregatedStream } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { parseContractEvent } from '../domain/contract-event.js';
import { contractDecider } from '../domain/contract.decider.js';
import type { ContractEvent } from '../domain/contract.events.js';
import type { ContractState } from '../domain/contract.state.js';
import { contractStream } from '../contract-streams.js';

/** A contract's stream folded as it stands now, or as it stood at `asOf` (check `tenantId` before trusting it). */
export const readContractStream = (
  store: EventStore,
  contractId: string,
  asOf?: Date,
): Promise<AggregatedStream<ContractEvent, ContractState>> =>
  aggregateStream(store, contractDecider, contractStream(contractId), {
    parse: parseContractEvent,
    ...(asOf ? { asOf } : {}),
  });
