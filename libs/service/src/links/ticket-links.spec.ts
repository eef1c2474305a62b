import { recordedEvent } from '../../../projections/test/recorded-event.js';
import { decideTicketLinks } from './ticket-links.decide.js';

describe('Ticket links', () => {
  it('given a lead raised from a ticket (captured or a duplicate touch), then the ticket is linked to it', () => {
    for (const type of ['LeadCaptured', 'LeadTouchRecorded']) {
      const event = recordedEvent({
        type,
        stream: 'lead-l1',
        data: { leadId: 'l1', source: 'service', raisedFromTicket: 'tk-1' },
      });
      expect(decideTicketLinks(event)).toEqual([
        { kind: 'dispatch', command: { type: 'service.LinkSpawnedLead', payload: { ticketId: 'tk-1', leadId: 'l1' } } },
      ]);
    }
  });

  it('given a follow-up ticket, then the ticket it continues is linked to it', () => {
    const event = recordedEvent({
      type: 'TicketAccepted',
      stream: 'ticket-tk-2',
      data: { ticketId: 'tk-2', followUpOf: 'tk-1' },
    });
    expect(decideTicketLinks(event)).toEqual([
      {
        kind: 'dispatch',
        command: { type: 'service.LinkFollowUpTicket', payload: { ticketId: 'tk-1', followUpTicketId: 'tk-2' } },
      },
    ]);
  });

  it('given a lead or ticket that names no ticket, then nothing', () => {
    expect(
      decideTicketLinks(
        recordedEvent({ type: 'LeadCaptured', stream: 'lead-l2', data: { leadId: 'l2', source: 'website' } }),
      ),
    ).toEqual([]);
    expect(
      decideTicketLinks(
        recordedEvent({ type: 'TicketAccepted', stream: 'ticket-tk-3', data: { ticketId: 'tk-3', followUpOf: null } }),
      ),
    ).toEqual([]);
  });
});
