import type { CaptureLead, LeadCommand } from '../src/domain/lead.commands.js';
import type { LeadEvent } from '../src/domain/lead.events.js';
import { leadDecider } from '../src/domain/lead.decider.js';

/** Given events, when a command, then events (or a DomainError code). */
export const given = (events: readonly LeadEvent[]) =>
  events.reduce((state, event) => leadDecider.evolve(state, event), leadDecider.initialState());
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
  estimatedDealSize: { amountMinor: 250_000_00, currency: 'EUR' },
  notes: null,
  direction: 'inbound',
  now: NOW,
};

/** A captured lead assigned to `repId` by a manager, with a 300 s response target. */
export function assignedLead(repId = 'rep-a'): LeadEvent[] {
  const history = [...when([], capture)];
  history.push(
    ...when(history, {
      type: 'AssignLead',
      leadId: LEAD,
      repId,
      method: 'manual',
      policyVersion: null,
      candidates: [],
      reason: 'manual',
      responseTargetSeconds: 300,
      now: NOW,
    }),
  );
  return history;
}
