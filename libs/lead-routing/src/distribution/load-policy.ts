import { aggregateStream } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import {
  DEFAULT_DISTRIBUTION_POLICY,
  TENANT_POLICY_TEAM,
  type DistributionPolicy,
} from './domain/distribution-policy.js';
import { distributionPolicyDecider, type DistributionPolicyState } from './domain/distribution-policy.decider.js';
import { parseDistributionPolicyEvent } from './domain/distribution-policy.events.js';
import { distributionPolicyStream } from './distribution-policy.stream.js';

/** The policy that applies to a team, and where it comes from. */
export interface EffectivePolicy {
  /** The team asked about. */
  readonly team: string;
  readonly policy: DistributionPolicy;
  /** `team`: its own; `tenant`: the tenant-wide policy (team `default`); `built_in`: nobody saved one. */
  readonly from: 'team' | 'tenant' | 'built_in';
  /** Version of the saved policy that applies; null for the built-in default. */
  readonly version: number | null;
  readonly changedBy: string | null;
  readonly changedAt: string | null;
  /** Revision of the team's own policy stream (for ETag / If-Match); undefined when it has none. */
  readonly revision: bigint | undefined;
}

/**
 * The team's saved policy, else the tenant-wide one (team `default`), else the built-in
 * default. Read from the policy streams, not a read model, so a policy saved a moment
 * ago already applies to the next lead. `asOf`: the policy as it stood when the event at
 * that global position was written (what routing's own tables are folded with, so a
 * rebuild reads the same policy the live fold did).
 */
export async function loadPolicy(
  store: EventStore,
  tenantId: string,
  team: string,
  asOf?: { readonly position: bigint },
): Promise<EffectivePolicy> {
  const upTo = asOf?.position;
  const own = await readPolicy(store, tenantId, team, upTo);
  if (own.state.status === 'saved') return effective(team, 'team', own.state, own.revision);
  if (team !== TENANT_POLICY_TEAM) {
    const tenant = await readPolicy(store, tenantId, TENANT_POLICY_TEAM, upTo);
    if (tenant.state.status === 'saved') return effective(team, 'tenant', tenant.state, own.revision);
  }
  return {
    team,
    policy: DEFAULT_DISTRIBUTION_POLICY,
    from: 'built_in',
    version: null,
    changedBy: null,
    changedAt: null,
    revision: own.revision,
  };
}

async function readPolicy(
  store: EventStore,
  tenantId: string,
  team: string,
  upTo: bigint | undefined,
): Promise<{ readonly state: DistributionPolicyState; readonly revision: bigint | undefined }> {
  const { state, revision } = await aggregateStream(
    store,
    distributionPolicyDecider,
    distributionPolicyStream(tenantId, team),
    { parse: parseDistributionPolicyEvent, ...(upTo === undefined ? {} : { upTo }) },
  );
  return { state, revision };
}

function effective(
  team: string,
  from: 'team' | 'tenant',
  state: Extract<DistributionPolicyState, { status: 'saved' }>,
  revision: bigint | undefined,
): EffectivePolicy {
  return {
    team,
    policy: state.policy,
    from,
    version: state.version,
    changedBy: state.changedBy,
    changedAt: state.changedAt,
    revision,
  };
}
