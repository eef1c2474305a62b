import type { DomainEvent } from '#ltc/kernel';
import type { LeadSource } from './lead-sources.js';

/** How to reach the person behind a lead; every part is optional. */
export interface LeadContact {
  readonly person: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/**
 * A signal of interest was registered as a lead. `complete` is false when it came
 * without any contact method (it can still be worked, e.g. by researching the company).
 */
export type LeadCaptured = DomainEvent<
  'LeadCaptured',
  {
    readonly leadId: string;
    readonly name: string;
    readonly company: string | null;
    readonly contact: LeadContact;
    readonly source: LeadSource;
    readonly region: string | null;
    readonly complete: boolean;
    readonly capturedAt: string;
  }
>;

export type LeadEvent = LeadCaptured;
