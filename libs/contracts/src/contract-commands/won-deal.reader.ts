import { streamName, type EventStore } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import { wonDealFacts, type WonDealFacts } from '../won-deal/won-deal-facts.js';

/**
 * The deal's stream as the opportunities context names it (`opportunity-<dealId>`); spelled
 * here because a context never imports another, only its published event types.
 */
const dealStream = (dealId: string): string => streamName('opportunity', dealId);

/**
 * The facts of a won deal of the caller's tenant, read from the deal's own stream (never a read
 * model that may lag behind it). An unknown deal, or another tenant's, is a 404; a deal that is
 * not won (yet, or any more) answers null.
 */
export async function readWonDeal(store: EventStore, tenantId: string, dealId: string): Promise<WonDealFacts | null> {
  const events = await store.readStream(dealStream(dealId));
  const first = events[0];
  if (first === undefined || first.metadata.tenantId !== tenantId) throw new NotFoundError('Opportunity', dealId);
  return wonDealFacts(events);
}
