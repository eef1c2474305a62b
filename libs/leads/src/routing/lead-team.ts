import type { EventStore } from '#ltc/event-store';
import type { ProcessManagerContext } from '#ltc/projections';
import type { Lead } from '../domain/lead.state.js';
import { matchRoutingRule } from '../distribution/domain/routing-rules.js';
import { loadRoutingRules } from '../distribution/routing-rules/load-routing-rules.js';

/**
 * The team of a new lead: the one given at capture, else the first of the tenant's
 * routing rules it matches, recorded as `LeadTeamSet` naming the rule (sent keyed by the
 * handled event, so a re-run sends it once). Null: no team, the tenant-wide policy applies.
 */
export async function assignTeam(
  store: EventStore,
  ctx: ProcessManagerContext,
  tenantId: string,
  lead: Lead,
): Promise<string | null> {
  if (lead.team !== null) return lead.team;
  const { rules, version } = await loadRoutingRules(store, tenantId);
  const rule = matchRoutingRule(rules, {
    source: lead.profile.source,
    region: lead.profile.region,
    industry: lead.profile.industry ?? null,
  });
  if (!rule) return null;
  await ctx.dispatch(
    {
      type: 'lead.SetLeadTeam',
      payload: {
        leadId: lead.leadId,
        team: rule.team,
        ruleId: rule.id,
        reason: `routing rule ${rule.id} (rules v${version}) matched`,
      },
    },
    { key: 'team' },
  );
  return rule.team;
}
