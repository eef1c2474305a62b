import type { CaptureLead, LeadCommand } from './lead.commands.js';
import type { LeadEvent } from './lead.events.js';
import { leadDecider } from './lead.decider.js';

/** Given events, when a command, then events (or a DomainError code). */
export const given = (events: readonly LeadEvent[]) => events.reduce(leadDecider.evolve, leadDecider.initialState());
export const when = (history: readonly LeadEvent[], command: LeadCommand): LeadEvent[] =>
  leadDecider.decide(command, given(history)) as LeadEvent[];
type DataOf<T extends LeadEvent['type']> = LeadEvent extends infer E
  ? E extends { type: T; data: infer D }
    ? D
    : never
  : never;

export function then<T extends LeadEvent['type']>(events: LeadEvent[], type: T): DataOf<T> {
  expect(events.map((e) => e.type)).toEqual([type]);
  return events[0]?.data as DataOf<T>;
}
export const rejects = (history: readonly LeadEvent[], command: LeadCommand, code: string): void => {
  expect(() => leadDecider.decide(command, given(history))).toThrow(expect.objectContaining({ code }) as Error);
};

export const NOW = new Date('2026-03-01T10:00:00Z');
export const LEAD = '4f3c2b1a-0000-4000-8000-000000000001';

export const capture: CaptureLead = {
  type: 'CaptureLead',
  leadId: LEAD,
  name: 'Fleet telematics upgrade',
  company: 'Nordfrakt AB',
  contact: { person: 'Ingrid Lund', email: 'ingrid@nordfrakt.example', phone: null },
  source: 'website',
  region: 'EMEA',
  language: 'sv',
  industry: 'logistics',
  estimatedDealSize: 250000,
  notes: null,
  direction: 'inbound',
  now: NOW,
};

describe('Lead › capture', () => {
  it('given no lead, when captured, then LeadCaptured marks a lead with an email complete', () => {
    const data = then(when([], capture), 'LeadCaptured');
    expect(data).toMatchObject({
      leadId: LEAD,
      source: 'website',
      complete: true,
      capturedAt: '2026-03-01T10:00:00.000Z',
    });
  });

  it('given no lead, when captured without email or phone, then it is incomplete', () => {
    const data = then(
      when([], { ...capture, contact: { person: 'Ingrid', email: null, phone: null } }),
      'LeadCaptured',
    );
    expect(data.complete).toBe(false);
  });

  it('given a captured lead, when captured again, then LEAD_ALREADY_EXISTS', () => {
    rejects(when([], capture), capture, 'LEAD_ALREADY_EXISTS');
  });

  it('given no lead, when any other command, then the lead is not found', () => {
    rejects([], { type: 'TagLead', leadId: LEAD, category: 'free', tag: 'x', now: NOW }, 'LEAD_NOT_FOUND');
  });
});
