import type { RoutingDeferralReason } from '#ltc/leads/domain';
import type { DistributionPolicy } from '../distribution/domain/distribution-policy.js';

/** How a lead's first distribution went: straight to a rep, to the pool, offered, left to a manager, or waiting. */
export type DistributionOutcome = 'assigned' | 'pooled' | 'offered' | 'manual' | 'waited';

export const DISTRIBUTION_OUTCOMES: readonly DistributionOutcome[] = [
  'assigned',
  'pooled',
  'offered',
  'manual',
  'waited',
];

/** What the record says of a lead's first distribution and first contact. */
export interface RecordedDistribution {
  outcome: DistributionOutcome | null;
  waitReason: RoutingDeferralReason | null;
  firstOwner: string | null;
  assignedAt: string | null;
  assignmentNo: number | null;
  dueAt: string | null;
  firstAttemptAt: string | null;
}

/** What the replay decided for the same lead under the proposal. */
export interface SimulatedDistribution {
  outcome: DistributionOutcome;
  waitReason: RoutingDeferralReason | null;
  owner: string | null;
  assignedAt: string | null;
  /** The policy the simulated world followed for the lead (its response target counts from `assignedAt`). */
  policy: DistributionPolicy | null;
}

/** A lead whose first distribution fell in the period: decided again, compared with the record. */
export interface DistributionCase {
  readonly leadId: string;
  readonly team: string;
  readonly actual: RecordedDistribution;
  readonly simulated: SimulatedDistribution;
  /** Until the record's first assignment: the record's own routing of the lead, which the replay replaces. */
  episodeOpen: boolean;
  /** Waiting in the simulated world for a rep with room. */
  waiting: boolean;
}

export const recordedNothingYet = (): RecordedDistribution => ({
  outcome: null,
  waitReason: null,
  firstOwner: null,
  assignedAt: null,
  assignmentNo: null,
  dueAt: null,
  firstAttemptAt: null,
});
