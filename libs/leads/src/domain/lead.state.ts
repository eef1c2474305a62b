import type { LeadProfile } from './lead.events.js';
import type { PoolMethod, TagCategory, Tier } from './lead-vocabulary.js';
import type { RoutingWait } from './lead-routing-deferred.events.js';

/**
 * Where a lead stands (docs/domain.md › Leads › Lead states): waiting for an owner (`new`, `pooled`,
 * `offered`, `recycled`), owned (`assigned`, then `working` after the first contact
 * attempt), `qualified`, parked (`nurturing`) or closed (`disqualified`, `converted`,
 * `archived`).
 */
export type LeadStatus =
  | 'new'
  | 'pooled'
  | 'offered'
  | 'recycled'
  | 'assigned'
  | 'working'
  | 'qualified'
  | 'nurturing'
  | 'disqualified'
  | 'converted'
  | 'archived';

export const CLOSED_STATUSES: readonly LeadStatus[] = ['disqualified', 'converted', 'archived'];
export const OWNED_STATUSES: readonly LeadStatus[] = ['assigned', 'working', 'qualified'];

export interface LeadTag {
  readonly category: TagCategory;
  readonly tag: string;
}

export interface LeadScore {
  readonly value: number;
  readonly tier: Tier;
  readonly attemptTarget: number;
  readonly responseTargetSeconds: number;
  readonly modelVersion: number;
}

export interface ActiveOffer {
  readonly offerId: string;
  readonly repId: string;
  readonly round: number;
  readonly expiresAt: string;
}

/** Before the first event: the lead does not exist. `voided`: it never will (`LeadCaptureVoided`). */
export interface NoLead {
  readonly status: 'none';
  readonly voided?: true;
}

export interface Lead {
  readonly status: LeadStatus;
  readonly leadId: string;
  readonly profile: LeadProfile;
  /** When the lead was captured: its deal's pipeline length is measured from here. */
  readonly capturedAt: string;
  /** The sales team whose distribution policy applies; null = the tenant-wide policy. */
  readonly team: string | null;
  readonly tags: readonly LeadTag[];
  readonly score: LeadScore | null;
  readonly owner: string | null;
  /** Counts assignments; response timers carry it to recognise a later owner. */
  readonly assignmentNo: number;
  readonly assignedAt: string | null;
  readonly responseDueAt: string | null;
  /** First contact attempt since the current assignment. */
  readonly firstContactAt: string | null;
  readonly attempts: number;
  readonly offer: ActiveOffer | null;
  readonly offerRounds: number;
  readonly poolMethod: PoolMethod | null;
  /** How the current owner took the lead from the pool (null: routed, offered or assigned by hand). */
  readonly claimedFrom: PoolMethod | null;
  /** Counts progress (assignment, attempt, qualification, pool entry…); recycle and archive timers carry it. */
  readonly progressNo: number;
  readonly qualified: boolean;
  readonly dealId: string | null;
  /** Where a nurtured lead returns to. */
  readonly statusBeforeNurture: LeadStatus | null;
  /** Routing could not place it, and why; null once it is owned, offered, pooled, parked or closed. */
  readonly waiting: RoutingWait | null;
}

export type LeadState = NoLead | Lead;

export const initialLeadState = (): LeadState => ({ status: 'none' });

export const isClosed = (lead: Lead): boolean => CLOSED_STATUSES.includes(lead.status);
