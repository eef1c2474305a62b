import { majorUnits } from '#ltc/kernel';
import type { Lead } from '#ltc/leads/domain';
import type { LeadForDistribution } from '../distribution/domain/rep-candidate.js';

/** The facts of a lead distribution looks at. */
export function leadFacts(lead: Lead): LeadForDistribution {
  const p = lead.profile;
  return {
    leadId: lead.leadId,
    source: p.source,
    direction: p.direction ?? null,
    tier: lead.score?.tier ?? null,
    scoredTargetSeconds: lead.score?.responseTargetSeconds ?? null,
    region: p.region,
    language: p.language ?? null,
    industry: p.industry ?? null,
    estimatedDealSize: p.estimatedDealSize ? majorUnits(p.estimatedDealSize) : null,
  };
}
