import type { EventStore } from '#ltc/event-store';
import { DomainError } from '#ltc/kernel';
import type { ReadModelDb } from '#ltc/projections';
import type { RequestContext } from '#ltc/platform';
import type { Lead } from '#ltc/leads/domain';
import type { ClaimGuard } from '#ltc/leads';
import { canClaim } from '../distribution/can-claim.js';
import { TENANT_POLICY_TEAM, responseTargetFor } from '../distribution/domain/distribution-policy.js';
import { loadPolicy } from '../distribution/load-policy.js';
import { assertMayOwnLead } from '../distribution/domain/lead-owner-rule.js';
import type { RepDirectory } from '../distribution/rep-directory.port.js';
import { SalesOrgRepDirectory } from './sales-org-rep-directory.js';
import { policyTeamOf } from './route-lead.js';

/**
 * The claim guard of the lead routes, by the distribution policy and the rep directory:
 * only an active rep with a sales role may own a lead; a rep at the claim cap
 * (open leads in the distribution ledger) gets 409 CLAIM_CAP_REACHED, and a claimed or
 * accepted lead gets the policy's response target for its tier and source.
 */
export class DistributionClaimGuard implements ClaimGuard {
  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
  ) {
    this.directory = new SalesOrgRepDirectory(db);
  }

  private readonly directory: RepDirectory;

  async assertMayClaim(ctx: RequestContext, lead: Lead | null): Promise<void> {
    const team = lead ? policyTeamOf(lead) : TENANT_POLICY_TEAM;
    const { policy } = await loadPolicy(this.store, ctx.tenantId, team);
    const check = await canClaim(this.db, ctx.tenantId, ctx.caller.userId, policy);
    if (!check.ok) {
      throw new DomainError('CLAIM_CAP_REACHED', `You cannot claim another lead: ${check.reason}`, {
        openLeads: check.openLeads,
        claimCapPerRep: policy.claimCapPerRep,
      });
    }
  }

  async assertMayOwn(ctx: RequestContext, repId: string, how: 'claim' | 'assign'): Promise<void> {
    assertMayOwnLead(repId, await this.directory.findRep(ctx.tenantId, repId), how);
  }

  async responseTargetSeconds(ctx: RequestContext, lead: Lead | null): Promise<number | null> {
    if (!lead) return null;
    const { policy } = await loadPolicy(this.store, ctx.tenantId, policyTeamOf(lead));
    return responseTargetFor(policy, {
      source: lead.profile.source,
      direction: lead.profile.direction ?? null,
      tier: lead.score?.tier ?? null,
      scoredTargetSeconds: lead.score?.responseTargetSeconds ?? null,
    });
  }
}
