import { DomainError } from '#ltc/kernel';
import type { CaptureLead } from './lead.commands.js';
import type { LeadEvent } from './lead.events.js';
import { leadDecider } from './lead.decider.js';

const given = (events: LeadEvent[]) => events.reduce(leadDecider.evolve, leadDecider.initialState());

const capture: CaptureLead = {
  type: 'CaptureLead',
  leadId: 'lead-1',
  name: 'Fleet telematics upgrade',
  company: 'Nordfrakt AB',
  contact: { person: 'Ingrid Lund', email: 'ingrid@nordfrakt.example', phone: null },
  source: 'website',
  region: 'EMEA',
  now: new Date('2026-03-01T10:00:00Z'),
};

describe('Lead › capture', () => {
  it('given no lead, when captured, then LeadCaptured marks a lead with an email complete', () => {
    const events = leadDecider.decide(capture, given([]));
    expect(events).toEqual([
      {
        type: 'LeadCaptured',
        data: {
          leadId: 'lead-1',
          name: 'Fleet telematics upgrade',
          company: 'Nordfrakt AB',
          contact: { person: 'Ingrid Lund', email: 'ingrid@nordfrakt.example', phone: null },
          source: 'website',
          region: 'EMEA',
          complete: true,
          capturedAt: '2026-03-01T10:00:00.000Z',
        },
      },
    ]);
  });

  it('given no lead, when captured without email or phone, then it is incomplete', () => {
    const events = leadDecider.decide(
      { ...capture, contact: { person: 'Ingrid', email: null, phone: null } },
      given([]),
    );
    expect(events[0]?.data.complete).toBe(false);
  });

  it('given a captured lead, when captured again, then LEAD_ALREADY_EXISTS', () => {
    const existing = leadDecider.decide(capture, given([]));
    expect(() => leadDecider.decide(capture, given([...existing]))).toThrow(
      expect.objectContaining({ code: 'LEAD_ALREADY_EXISTS' }) as DomainError,
    );
  });
});
