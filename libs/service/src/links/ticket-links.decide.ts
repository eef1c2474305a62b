import type { RecordedEvent } from '#ltc/event-store';
import type { PublishedLeadCaptured, PublishedLeadTouchRecorded } from '#ltc/leads/events';
import type { ProcessManagerEffect } from '#ltc/projections';
import type { TicketAccepted } from '../domain/ticket.events.js';

/** The events that name a ticket from another record: a lead raised from it, a ticket that continues it. */
export const TICKET_LINK_EVENTS = ['LeadCaptured', 'LeadTouchRecorded', 'TicketAccepted'] as const;

/**
 * Writes on a ticket the link another record's own event names: a lead captured (or a duplicate's
 * touch) raised from the ticket (`service.LinkSpawnedLead`), a follow-up ticket accepted for it
 * (`service.LinkFollowUpTicket`). The route that raised them links at once; this makes the link
 * follow from the log, so a crash between the two writes never leaves it on one side only. Linking
 * twice changes nothing.
 */
export function decideTicketLinks(event: RecordedEvent): ProcessManagerEffect[] {
  switch (event.type) {
    case 'LeadCaptured':
    case 'LeadTouchRecorded': {
      const { leadId, raisedFromTicket } = event.data as (PublishedLeadCaptured | PublishedLeadTouchRecorded)['data'];
      if (raisedFromTicket === undefined) return [];
      return [
        {
          kind: 'dispatch',
          command: { type: 'service.LinkSpawnedLead', payload: { ticketId: raisedFromTicket, leadId } },
        },
      ];
    }
    case 'TicketAccepted': {
      const { ticketId, followUpOf } = event.data as TicketAccepted['data'];
      if (followUpOf === null) return [];
      return [
        {
          kind: 'dispatch',
          command: {
            type: 'service.LinkFollowUpTicket',
            payload: { ticketId: followUpOf, followUpTicketId: ticketId },
          },
        },
      ];
    }
    default:
      return [];
  }
}
