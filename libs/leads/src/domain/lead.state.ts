import type { LeadContact } from './lead.events.js';
import type { LeadSource } from './lead-sources.js';

/** Before the first event: the lead does not exist. */
export interface NoLead {
  readonly status: 'none';
}

export interface NewLead {
  readonly status: 'new';
  readonly leadId: string;
  readonly name: string;
  readonly company: string | null;
  readonly contact: LeadContact;
  readonly source: LeadSource;
  readonly region: string | null;
}

/** A lead's state is a union by status, so a state that cannot happen cannot be built. */
export type LeadState = NoLead | NewLead;

export const initialLeadState = (): LeadState => ({ status: 'none' });
