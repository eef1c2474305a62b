import type { RecordedEvent } from '#ltc/event-store';
import type { HistoryContribution } from '#ltc/platform';
import type { LeadCaptured, LeadConverted } from './domain/lead.events.js';

/**
 * How leads read in deal histories: a lead's stream joins its deal when it converts (its
 * events before that are the deal's beginning), and a capture says where the lead came from.
 */
export const leadHistory: HistoryContribution = {
  streamKinds: { lead: 'lead', leadContact: 'leadContact' },
  dealLinks: (event: RecordedEvent) => {
    if (event.type !== 'LeadConverted') return [];
    const { dealId } = event.data as LeadConverted['data'];
    return [{ stream: event.stream, dealId }];
  },
  summarize: (event: RecordedEvent) => {
    if (event.type !== 'LeadCaptured') return undefined;
    const lead = event.data as LeadCaptured['data'];
    const company = lead.company ? ` (${lead.company})` : '';
    return `Lead captured from ${lead.source}: ${lead.name}${company}`;
  },
};
