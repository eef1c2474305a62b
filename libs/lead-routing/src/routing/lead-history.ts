import { aggregateStream } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { parseLeadEvent, type LeadEvent, leadDecider, type Lead, type LeadState } from '#ltc/leads/domain';
import { leadStream } from '#ltc/leads';

/** Reads a lead's whole stream, for an event that is not the lead's own (a rep's): "as of" is now. */
export const WHOLE_STREAM = 2n ** 63n - 1n;

/** An offer made since the lead last entered distribution, and how it ended. */
export interface OfferInCycle {
  readonly offerId: string;
  readonly repId: string;
  readonly round: number;
  readonly ended: 'declined' | 'expired' | null;
}

/** A lead as of one of its events, and as it stands now. */
export interface LeadHistory {
  /** Right after the event being handled: the facts that event was about. */
  readonly asOf: Lead | null;
  /** After everything appended since: whether the lead still needs what the event asked for. */
  readonly current: Lead | null;
  /** Shotgun offers since the last assignment, pool entry, recycling or reactivation, up to the event. */
  readonly offersThisCycle: readonly OfferInCycle[];
}

/**
 * Reads the lead's stream once and folds it twice: up to the handled event's revision
 * (so progress numbers and targets are those of that event, whatever came after), and
 * to the end (so a lead claimed meanwhile is not routed again).
 */
export async function readLeadHistory(store: EventStore, leadId: string, revision: bigint): Promise<LeadHistory> {
  const folded = await aggregateStream(store, leadDecider, leadStream(leadId), { parse: parseLeadEvent });
  let state: LeadState = leadDecider.initialState();
  let offers: OfferInCycle[] = [];
  for (const { recorded, event } of folded.events) {
    if (recorded.revision > revision) break;
    if (!event) continue;
    state = leadDecider.evolve(state, event);
    offers = nextOffers(offers, event);
  }
  return { asOf: lead(state), current: lead(folded.state), offersThisCycle: offers };
}

function nextOffers(offers: OfferInCycle[], event: LeadEvent): OfferInCycle[] {
  switch (event.type) {
    case 'LeadAssigned':
    case 'LeadPooled':
    case 'LeadRecycled':
    case 'LeadReactivated':
      return [];
    case 'LeadOffered': {
      const { offerId, repId, round } = event.data;
      return [...offers, { offerId, repId, round, ended: null }];
    }
    case 'LeadOfferDeclined':
    case 'LeadOfferExpired': {
      const ended = event.type === 'LeadOfferDeclined' ? 'declined' : 'expired';
      return offers.map((o) => (o.offerId === event.data.offerId ? { ...o, ended } : o));
    }
    default:
      return offers;
  }
}

const lead = (state: LeadState): Lead | null => (state.status === 'none' ? null : state);
