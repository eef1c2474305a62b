import type { RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerContext } from '#ltc/projections';
import type { RoutingDeferralReason } from '#ltc/leads/domain';
import { TENANT_POLICY_TEAM } from '../distribution/domain/distribution-policy.js';
import type { DistributionDecision } from '../distribution/domain/distribute-lead.js';
import { WHOLE_STREAM, readLeadHistory } from './lead-history.js';
import { asRepEvent, repAsOf, withRep } from './rep-change.js';
import { deferralOfStored, routeLead, type RoutingDeps } from './route-lead.js';
import { waitingLeads } from './routing-waits.js';

/** Reasons that hold for every lead of the team alike: once one lead gets them, the next would too. */
const TEAM_WIDE: readonly RoutingDeferralReason[] = ['no_reps', 'no_active_reps', 'all_unavailable', 'all_at_capacity'];

/**
 * A rep has room or is back (capacity raised, available again, registered, reactivated,
 * moved into a team): the leads waiting for that rep's team are routed again, with the rep
 * as this event describes them.
 */
export async function rerouteOnRepChange(
  deps: RoutingDeps,
  recorded: RecordedEvent,
  ctx: ProcessManagerContext,
): Promise<void> {
  const event = asRepEvent(recorded);
  if (!event) return;
  const known = await deps.directory.findRep(recorded.metadata.tenantId, event.data.repId);
  const rep = repAsOf(event, known);
  if (!rep) return;
  await rerouteWaiting({ ...deps, directory: withRep(deps.directory, rep) }, recorded, ctx, [rep.teamId]);
}

/** An owned lead was pooled, recycled or closed: its reps have room for a waiting lead of their teams. */
export async function rerouteForFreedReps(
  deps: RoutingDeps,
  recorded: RecordedEvent,
  ctx: ProcessManagerContext,
  repIds: readonly string[],
): Promise<void> {
  const tenantId = recorded.metadata.tenantId;
  const teams = await Promise.all(repIds.map(async (id) => (await deps.directory.findRep(tenantId, id))?.teamId));
  await rerouteWaiting(
    deps,
    recorded,
    ctx,
    teams.filter((team) => team !== undefined),
  );
}

/**
 * Routes the waiting leads of these teams (and the tenant-wide queue, whose candidates are
 * every rep) oldest first, through the normal routing path, as many as there is room for:
 * a team stops at the first lead that finds every rep full or away. Keys carry the lead id,
 * so the same event handled again after a crash re-sends each decision once.
 */
async function rerouteWaiting(
  deps: RoutingDeps,
  recorded: RecordedEvent,
  ctx: ProcessManagerContext,
  repTeams: readonly (string | null)[],
): Promise<void> {
  const teams = [...new Set([...repTeams.flatMap((team) => (team === null ? [] : [team])), TENANT_POLICY_TEAM])];
  const full = new Set<string>();
  for (const waiting of await waitingLeads(deps.db, recorded.metadata.tenantId, teams)) {
    if (full.has(waiting.teamId)) continue;
    const history = await readLeadHistory(deps.store, waiting.leadId, WHOLE_STREAM);
    const lead = history.current;
    if (!lead || lead.waiting === null || lead.owner !== null || lead.offer !== null) continue;
    const decision = await routeLead(deps, ctx, {
      event: recorded,
      history,
      lead,
      trigger: 'capacity_freed',
      perLead: true,
    });
    if (blocksTheTeam(decision)) full.add(waiting.teamId);
  }
}

const blocksTheTeam = (decision: DistributionDecision): boolean =>
  decision.kind === 'unassignable' && TEAM_WIDE.includes(deferralOfStored(decision).reason);
