import { streamName, type EventStore, type RecordedEvent } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import { dealTeam, dealTriangle, wonDealFacts, type WonDealFacts } from '../won-deal/won-deal-facts.js';

/**
 * The deal's stream as the opportunities context names it (`opportunity-<dealId>`); spelled
 * here because a context never imports another, only its published event types.
 */
const dealStream = (dealId: string): string => streamName('opportunity', dealId);

/** A deal as a contract command reads it: its facts once won (else null) and its triangle now. */
export interface DealAsRead {
  readonly won: WonDealFacts | null;
  readonly triangle: WonDealFacts['triangle'];
  readonly team: string | null;
}

/**
 * A deal of the caller's tenant, read from the deal's own stream (never a read model that may
 * lag behind it). An unknown deal, or another tenant's, is a 404.
 */
export async function readDeal(store: EventStore, tenantId: string, dealId: string): Promise<DealAsRead> {
  const events = await readTenantDeal(store, tenantId, dealId);
  const triangle = dealTriangle(events);
  if (triangle === null) throw new NotFoundError('Opportunity', dealId);
  return { won: wonDealFacts(events), triangle, team: dealTeam(events) };
}

/** The deal's triangle now, won or not; null for an unknown deal or another tenant's. */
export async function readDealTriangle(
  store: EventStore,
  tenantId: string,
  dealId: string,
): Promise<WonDealFacts['triangle'] | null> {
  return dealTriangle(await readTenantDeal(store, tenantId, dealId));
}

/** The team the deal was opened in; null for none, an unknown deal or another tenant's. */
export async function readDealTeam(store: EventStore, tenantId: string, dealId: string): Promise<string | null> {
  return dealTeam(await readTenantDeal(store, tenantId, dealId));
}

async function readTenantDeal(store: EventStore, tenantId: string, dealId: string): Promise<readonly RecordedEvent[]> {
  const events = await store.readStream(dealStream(dealId));
  return events[0]?.metadata.tenantId === tenantId ? events : [];
}
