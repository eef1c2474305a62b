import type { RecordedEvent } from '#ltc/event-store';
import { decidingProcessManager, type ProcessManagerEffect } from '#ltc/projections';
import { asLeadEvent } from '../domain/lead-event.js';

/**
 * A nurtured lead comes back on its reactivation date: one durable timer per nurture.
 * Parking a lead again schedules a new one; an old one finds the lead no longer
 * nurturing, or reactivates it on the earlier date.
 */
export function decideNurture(event: RecordedEvent): ProcessManagerEffect[] {
  const lead = asLeadEvent(event);
  if (lead?.type !== 'LeadNurtured') return [];
  const { leadId, reactivateOn } = lead.data;
  return [
    {
      kind: 'schedule',
      timer: {
        timerId: `lead-reactivate-${leadId}-${event.revision.toString()}`,
        dueAt: new Date(reactivateOn),
        command: { type: 'lead.ReactivateLead', payload: { leadId } },
      },
    },
  ];
}

export const nurtureProcessManager = decidingProcessManager({
  name: 'lead_nurture',
  filter: { eventTypes: ['LeadNurtured'] },
  decide: decideNurture,
});
