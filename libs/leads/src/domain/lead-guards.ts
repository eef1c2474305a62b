import { DomainError, NotFoundError } from '#ltc/kernel';
import type { Lead, LeadState, LeadStatus } from './lead.state.js';
import { isClosed } from './lead.state.js';

/** The lead must exist; commands on a missing lead are 404s. */
export function existing(state: LeadState, leadId: string): Lead {
  if (state.status === 'none') throw new NotFoundError('Lead', leadId);
  return state;
}

/** The lead must exist and still be open (not disqualified, converted or archived). */
export function open(state: LeadState, leadId: string): Lead {
  const lead = existing(state, leadId);
  if (isClosed(lead)) {
    throw new DomainError('LEAD_CLOSED', `Lead ${leadId} is ${lead.status}; it can no longer change`, {
      status: lead.status,
    });
  }
  return lead;
}

/** The lead must be in one of `allowed`; otherwise 409 with `code`. */
export function inStatus(lead: Lead, allowed: readonly LeadStatus[], code: string, what: string): void {
  if (!allowed.includes(lead.status)) {
    throw new DomainError(code, `Cannot ${what}: lead ${lead.leadId} is ${lead.status}`, {
      status: lead.status,
      allowed,
    });
  }
}

export const iso = (date: Date): string => date.toISOString();

export const addSeconds = (date: Date, seconds: number): Date => new Date(date.getTime() + seconds * 1000);
