import { eventParser, type DomainEvent } from '#ltc/kernel';
import type { DistributionPolicy } from './distribution-policy.js';

/**
 * A manager set how a team's leads are distributed and worked (method, response
 * target and escalation, cadence, recycling). `version` counts the team's policies,
 * so a routing decision can say which one it followed. The team `default` is the
 * tenant-wide policy.
 */
export type DistributionPolicyChanged = DomainEvent<
  'DistributionPolicyChanged',
  {
    readonly team: string;
    readonly version: number;
    readonly policy: DistributionPolicy;
    readonly changedBy: string;
    readonly changedAt: string;
  }
>;

export type DistributionPolicyEvent = DistributionPolicyChanged;

/** Narrows a stored event of a policy stream (the one shape so far: no upcaster). */
export const parseDistributionPolicyEvent = eventParser<DistributionPolicyEvent>({ DistributionPolicyChanged: true });
