import type { LeadContact } from './lead.events.js';
import type { LeadSource } from './lead-sources.js';

export interface CaptureLead {
  readonly type: 'CaptureLead';
  readonly leadId: string;
  readonly name: string;
  readonly company: string | null;
  readonly contact: LeadContact;
  readonly source: LeadSource;
  readonly region: string | null;
  readonly now: Date;
}

export type LeadCommand = CaptureLead;
