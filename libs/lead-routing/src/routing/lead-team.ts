import type { ProcessManagerEffect } from '#ltc/projections';
import type { Lead } from '#ltc/leads/domain';
import { matchRoutingRule, type RoutingRulesState } from '../distribution/domain/routing-rules.js';

/**
 * The team of a new lead: the one given at capture, else the first of the tenant's
 * routing rules it matches, recorded as `LeadTeamSet` naming the rule (sent keyed by the
 * handled event, so a re-run sends it once). Team null: the tenant-wide policy applies.
 */
export function assignTeam(
  lead: Lead,
  rules: RoutingRulesState | null,
): { readonly team: string | null; readonly effects: ProcessManagerEffect[] } {
  if (lead.team !== null || rules === null) return { team: lead.team, effects: [] };
  const rule = matchRoutingRule(rules.rules, {
    source: lead.profile.source,
    region: lead.profile.region,
    industry: lead.profile.industry ?? null,
  });
  if (!rule) return { team: null, effects: [] };
  const payload = {
    leadId: lead.leadId,
    team: rule.team,
    ruleId: rule.id,
    reason: `routing rule ${rule.id} (rules v${rules.version}) matched`,
  };
  return {
    team: rule.team,
    effects: [{ kind: 'dispatch', command: { type: 'lead.SetLeadTeam', payload }, options: { key: 'team' } }],
  };
}
