import { streamName } from '#ltc/event-store';
import type { PersonalFieldDeclarations } from '#ltc/personal-data';

/**
 * The personal fields of the opportunity events (ADR 0029). A deal opened from a lead carries
 * the lead's contact person: the same person, so sealed under the lead contact's subject
 * (`lead-<leadId>`, the lead's stream), and erased with it.
 */
export const opportunityPersonalFields: PersonalFieldDeclarations = {
  OpportunityOpened: {
    subject: (data) => {
      const leadId = (data as { lead?: { leadId?: unknown } | null } | null)?.lead?.leadId;
      return typeof leadId === 'string' ? streamName('lead', leadId) : undefined;
    },
    fields: ['lead.contactPerson'],
  },
};
