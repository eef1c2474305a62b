import type { ContractDrafted, ContractHandedOver } from '#ltc/contracts/events';
import { streamName, type EventStore, type RecordedEvent } from '#ltc/event-store';
import type { OpportunityOpened } from '#ltc/opportunities/events';

/** What the service context needs to know of a contract: whose deal it is and for which customer. */
export interface ContractFacts {
  readonly contractId: string;
  /** The deal's triangle (AR, SR, FR, sponsor) and the FR it was handed over to, each once. */
  readonly dealTeam: readonly string[];
  /** The customer account the deal names; null when the deal's opening is not found. */
  readonly account: string | null;
}

// The contracts and opportunities contexts name their streams `contract-<id>` and
// `opportunity-<id>` (their published `…StreamPrefix`); spelled here, as a context never
// imports another's code, only its event types.
const contractStreamOf = (contractId: string): string => streamName('contract', contractId);
const dealStreamOf = (dealId: string): string => streamName('opportunity', dealId);

/** The data of a stored event of another context, when it is of `type` (its shape is that context's published promise). */
const dataOf = <E extends { readonly type: string; readonly data: unknown }>(
  recorded: RecordedEvent,
  type: E['type'],
): E['data'] | null => (recorded.type === type ? recorded.data : null);

/**
 * The contract as the service context sees it, read from the contract's own stream: null when
 * there is no such contract in the caller's tenant (one of another tenant is unknown here too).
 */
export async function readContractFacts(
  store: EventStore,
  tenantId: string,
  contractId: string,
): Promise<ContractFacts | null> {
  const events = await store.readStream(contractStreamOf(contractId));
  if (events[0]?.metadata.tenantId !== tenantId) return null;
  const team: string[] = [];
  let dealId: string | null = null;
  for (const recorded of events) {
    const drafted = dataOf<ContractDrafted>(recorded, 'ContractDrafted');
    if (drafted !== null) {
      const { ar, sr, fr, sponsor } = drafted.triangle;
      team.push(...[ar, sr, fr, sponsor].filter((person): person is string => typeof person === 'string'));
      dealId = drafted.dealId;
    }
    const handedOver = dataOf<ContractHandedOver>(recorded, 'ContractHandedOver');
    if (handedOver !== null) team.push(handedOver.to);
  }
  return {
    contractId,
    dealTeam: [...new Set(team.filter((person) => person !== ''))],
    account: dealId === null ? null : await dealAccount(store, tenantId, dealId),
  };
}

/** The contract events name no customer; the deal they were drafted from does, when it opened. */
async function dealAccount(store: EventStore, tenantId: string, dealId: string): Promise<string | null> {
  const [first] = await store.readStream(dealStreamOf(dealId), { maxCount: 1 });
  if (first === undefined || first.metadata.tenantId !== tenantId) return null;
  const opened = dataOf<OpportunityOpened>(first, 'OpportunityOpened');
  return typeof opened?.account === 'string' && opened.account !== '' ? opened.account : null;
}
