import type { DomainEvent } from '#ltc/kernel';

/**
 * Why routing could not place a lead, in the words a manager acts on: add reps or give them
 * a sales role (`no_reps`, `no_active_reps`), wait for someone to return (`all_unavailable`),
 * raise capacity or close leads (`all_at_capacity`), widen territories (`no_territory_match`),
 * or look at the mix (`no_eligible_rep`).
 */
export const ROUTING_DEFERRAL_REASONS = [
  'no_reps',
  'no_active_reps',
  'all_unavailable',
  'all_at_capacity',
  'no_territory_match',
  'no_eligible_rep',
] as const;

export type RoutingDeferralReason = (typeof ROUTING_DEFERRAL_REASONS)[number];

/** Events after which a lead no longer waits for routing: it has an owner or an offer, is pooled, parked or closed. */
export const ENDS_ROUTING_WAIT = [
  'LeadAssigned',
  'LeadPooled',
  'LeadOffered',
  'LeadDisqualified',
  'LeadNurtured',
  'LeadArchived',
  'LeadConverted',
] as const;

/** Where a lead that routing could not place waits: the reason, the team, and since when. */
export interface RoutingWait {
  readonly reason: RoutingDeferralReason;
  readonly teamId: string | null;
  readonly since: string;
}

/**
 * Routing found nobody who could take the lead; it waits, unowned, until capacity or
 * availability frees up (then routing tries again). `importBatchId` names the import
 * that brought the lead in, so the managers' notification groups the whole import.
 */
export type LeadRoutingDeferred = DomainEvent<
  'LeadRoutingDeferred',
  {
    readonly leadId: string;
    readonly reason: RoutingDeferralReason;
    readonly detail: string;
    /** The team whose reps were considered; null = the tenant-wide policy over every rep. */
    readonly teamId: string | null;
    readonly importBatchId: string | null;
    readonly at: string;
  }
>;
