import type { RecordedEvent } from '#ltc/event-store';
import {
  DEFAULT_DISTRIBUTION_POLICY,
  TENANT_POLICY_TEAM,
  type DistributionPolicy,
} from '../distribution/domain/distribution-policy.js';
import { parseDistributionPolicyEvent } from '../distribution/domain/distribution-policy.events.js';
import { parseRoutingRulesEvent, type RoutingRulesState } from '../distribution/domain/routing-rules.js';

export interface PolicyInForce {
  readonly policy: DistributionPolicy;
  /** The saved version; null for the built-in default or a proposal. */
  readonly version: number | null;
}

/**
 * The distribution policies and routing rules as they stood at each point of a replay,
 * resolved as `loadPolicy` resolves them: the team's own, else the tenant-wide one, else
 * the built-in default. A proposal, when given, stands in for one team's policy.
 */
export class ReplayedPolicies {
  private readonly saved = new Map<string, PolicyInForce>();
  rules: RoutingRulesState | null = null;

  constructor(private readonly proposal: { readonly team: string; readonly policy: DistributionPolicy } | null) {}

  apply(recorded: RecordedEvent): void {
    const policyEvent = parseDistributionPolicyEvent(recorded);
    if (policyEvent) {
      const { team, policy, version } = policyEvent.data;
      this.saved.set(team, { policy, version });
      return;
    }
    const rulesEvent = parseRoutingRulesEvent(recorded);
    if (rulesEvent) this.rules = { version: rulesEvent.data.version, rules: rulesEvent.data.rules };
  }

  inForce(team: string): PolicyInForce {
    if (this.proposal?.team === team) return { policy: this.proposal.policy, version: null };
    return (
      this.saved.get(team) ??
      this.saved.get(TENANT_POLICY_TEAM) ?? { policy: DEFAULT_DISTRIBUTION_POLICY, version: null }
    );
  }
}
