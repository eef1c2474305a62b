import type { ProcessManager } from '#ltc/projections';
import { asLeadEvent } from '../domain/lead-event.js';

/** A nurtured lead comes back on its reactivation date, through a durable timer. */
export const nurtureProcessManager: ProcessManager = {
  name: 'lead_nurture',
  filter: { eventTypes: ['LeadNurtured'] },
  async handle(event, ctx) {
    const lead = asLeadEvent(event);
    if (lead?.type !== 'LeadNurtured') return;
    await ctx.schedule({
      // One timer per nurture: parking a lead again schedules a new one; an old one finds
      // the lead no longer nurturing, or reactivates it on the earlier date.
      timerId: `lead-reactivate-${lead.data.leadId}-${event.revision.toString()}`,
      dueAt: new Date(lead.data.reactivateOn),
      command: { type: 'lead.ReactivateLead', payload: { leadId: lead.data.leadId } },
    });
  },
};
