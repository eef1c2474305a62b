import type { ReadModelDb } from '#ltc/projections';
import type { DistributionPolicy } from './domain/distribution-policy.js';
import { openLeadsOf } from './ledger/ledger.queries.js';

/** Whether a rep may pull one more lead from the pool, and if not, why. */
export interface ClaimCheck {
  readonly ok: boolean;
  readonly openLeads: number;
  readonly reason: string;
}

/**
 * Checks the policy's claim cap against the rep's open leads in the distribution
 * ledger. The ledger is exact up to the routing process manager's progress: a claim
 * made a few milliseconds earlier may not be counted yet.
 */
export async function canClaim(
  db: ReadModelDb,
  tenantId: string,
  repId: string,
  policy: DistributionPolicy,
): Promise<ClaimCheck> {
  const openLeads = await openLeadsOf(db, tenantId, repId);
  const cap = policy.claimCapPerRep;
  return openLeads >= cap
    ? { ok: false, openLeads, reason: `at the claim cap: ${openLeads}/${cap} open leads` }
    : { ok: true, openLeads, reason: `${openLeads}/${cap} open leads` };
}
