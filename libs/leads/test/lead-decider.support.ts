import { deciderSpec } from '#ltc/testing/decider-spec';
import type { CaptureLead } from '../src/domain/lead.commands.js';
import type { LeadEvent } from '../src/domain/lead.events.js';
import { leadDecider } from '../src/domain/lead.decider.js';

/** Lead decider specs: `given(history).when(command).thenEmitsOne('LeadCaptured')` and the like. */
export const { given, history: historyOf } = deciderSpec(leadDecider);

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
  return historyOf(capture, {
    type: 'AssignLead',
    leadId: LEAD,
    repId,
    method: 'manual',
    policyVersion: null,
    candidates: [],
    reason: 'manual',
    responseTargetSeconds: 300,
    now: NOW,
  });
}
