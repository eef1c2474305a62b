import type { Clock } from '#ltc/clock';
import type { EventStore, RecordedEvent } from '#ltc/event-store';
import { DomainError, NotFoundError } from '#ltc/kernel';
import { OneAtATime, type ProcessManagerContext, type ReadModelDb, type RunnerLogger } from '#ltc/projections';
import type { Lead } from '#ltc/leads/domain';
import { TENANT_POLICY_TEAM } from '../distribution/domain/distribution-policy.js';
import {
  distributeLead,
  type DistributionDecision,
  type DistributionTrigger,
} from '../distribution/domain/distribute-lead.js';
import { NO_LOAD, type RepCandidate } from '../distribution/domain/rep-candidate.js';
import type { RoutingDeferral } from '../distribution/domain/routing-deferral.js';
import {
  findDecision,
  forgetDecision,
  recordDecision,
  sequenceOf,
  type StoredDecision,
} from '../distribution/ledger/distribution-ledger.js';
import { routingKeys } from '../distribution/ledger/decision-keys.js';
import { repLoads } from '../distribution/ledger/ledger.queries.js';
import { loadPolicy } from '../distribution/load-policy.js';
import type { RepDirectory } from '../distribution/rep-directory.port.js';
import type { DirectoryFreshness } from './directory-freshness.js';
import { leadFacts } from './lead-facts.js';
import type { LeadHistory, OfferInCycle } from './lead-history.js';
import { SALES_MANAGERS, recordNotification } from './lead-notifications.js';
import { clearWait, recordWait } from './routing-waits.js';

/** What routing works with; the app wires the real store, read-model database, directory and clock. */
export interface RoutingDeps {
  readonly store: EventStore;
  readonly db: ReadModelDb;
  readonly directory: RepDirectory;
  readonly clock: Clock;
  readonly logger?: Pick<RunnerLogger, 'warn'>;
  /**
   * Keeps decisions behind the directory (a projection fed at its own pace): a lead captured
   * right after a rep was registered must not be decided on before the directory knows that rep.
   */
  readonly freshness?: Pick<DirectoryFreshness, 'asOf' | 'repEventHandled'>;
}

/**
 * The team whose policy and reps a lead is routed by: its own (given at capture or set by
 * a routing rule), else the tenant-wide policy (team `default`) over every rep of the tenant.
 */
export const policyTeamOf = (lead: Lead): string => lead.team ?? TENANT_POLICY_TEAM;

/**
 * Decisions on one ledger, made one at a time. Routing handles the events of different
 * leads side by side, and each decision reads every rep's load and records its own
 * before the next may read them: two at once could both give the last free slot.
 * Keyed by the database, so every router on the same ledger shares it.
 */
const decidingOn = new WeakMap<ReadModelDb, OneAtATime>();

function decisionsOn(db: ReadModelDb): OneAtATime {
  let decisions = decidingOn.get(db);
  if (!decisions) decidingOn.set(db, (decisions = new OneAtATime()));
  return decisions;
}

/**
 * Runs distribution for a lead and sends the resulting command. The decision is keyed
 * by the triggering event and written to the ledger before the command goes out; when
 * the same event is handled again (after a crash), the stored decision is sent again
 * with the same idempotency key instead of deciding anew. Only the decision waits its
 * turn; sending it (the slow part: a durable append) overlaps with other leads' routing.
 */
export async function routeLead(
  deps: RoutingDeps,
  ctx: ProcessManagerContext,
  request: {
    readonly event: RecordedEvent;
    readonly history: LeadHistory;
    readonly lead: Lead;
    readonly trigger: DistributionTrigger;
    readonly excluded?: readonly { readonly repId: string; readonly reason: string }[];
    /** When one event routes several leads (a deactivated owner's): the lead's part of the keys. */
    readonly perLead?: boolean;
  },
): Promise<DistributionDecision> {
  const { event, lead } = request;
  const tenantId = event.metadata.tenantId;
  const { decisionKey, dispatchKey } = routingKeys(event.id, lead.leadId, request.perLead === true);
  const stored = await decisionsOn(deps.db).run(
    async () => (await findDecision(deps.db, decisionKey)) ?? (await decide(deps, request, tenantId, decisionKey)),
  );
  await send(deps, ctx, { event, lead, stored, decisionKey, dispatchKey });
  return stored.decision;
}

async function decide(
  deps: RoutingDeps,
  request: Parameters<typeof routeLead>[2],
  tenantId: string,
  decisionKey: string,
): Promise<StoredDecision> {
  const { lead, history, event } = request;
  await deps.freshness?.asOf(event.position);
  const now = deps.clock.now();
  const team = policyTeamOf(lead);
  const effective = await loadPolicy(deps.store, tenantId, team);
  const reps = await deps.directory.listCandidates(tenantId, team === TENANT_POLICY_TEAM ? null : team);
  const loads = await repLoads(
    deps.db,
    tenantId,
    now,
    reps.map((rep) => rep.repId),
  );
  const candidates: RepCandidate[] = reps.map((rep) => ({ ...rep, load: loads.get(rep.repId) ?? NO_LOAD }));
  const offers = history.offersThisCycle;
  const decision = distributeLead({
    lead: leadFacts(history.asOf ?? lead),
    policy: effective.policy,
    policyVersion: effective.version,
    candidates,
    now,
    trigger: request.trigger,
    excluded: [...(request.excluded ?? []), ...offers.map(offerExclusion)],
    offers: { madeThisCycle: offers.length, nextRound: lead.offerRounds + 1 },
  });
  const stored: StoredDecision = {
    decision,
    policyVersion: effective.version,
    assignmentNo: decision.kind === 'assign' ? lead.assignmentNo + 1 : null,
  };
  return recordDecision(deps.db, {
    tenantId,
    leadId: lead.leadId,
    decisionKey,
    stored,
    sequence: sequenceOf(event.position),
    now,
  });
}

async function send(
  deps: RoutingDeps,
  ctx: ProcessManagerContext,
  input: {
    readonly event: RecordedEvent;
    readonly lead: Lead;
    readonly stored: StoredDecision;
    readonly decisionKey: string;
    readonly dispatchKey: string;
  },
): Promise<void> {
  const { lead, stored, event } = input;
  const { decision, policyVersion } = stored;
  const leadId = lead.leadId;
  try {
    switch (decision.kind) {
      case 'assign': {
        const { repId, method, candidates, reason, responseTargetSeconds } = decision;
        // A claim or manual assignment that lands between decision and command wins: the lead refuses this one.
        const expectedAssignmentNo = (stored.assignmentNo ?? lead.assignmentNo + 1) - 1;
        const payload = {
          leadId,
          repId,
          method,
          policyVersion,
          candidates,
          reason,
          responseTargetSeconds,
          expectedAssignmentNo,
        };
        await ctx.dispatch({ type: 'lead.AssignLead', payload }, { key: input.dispatchKey });
        return;
      }
      case 'pool': {
        const { method, notifiedRepIds, reason } = decision;
        await ctx.dispatch(
          { type: 'lead.PoolLead', payload: { leadId, method, policyVersion, notifiedRepIds, reason } },
          { key: input.dispatchKey },
        );
        return;
      }
      case 'offer': {
        const { offerId, repId, round, expiresAt } = decision;
        await ctx.dispatch(
          { type: 'lead.OfferLead', payload: { leadId, offerId, repId, round, policyVersion, expiresAt } },
          { key: input.dispatchKey },
        );
        return;
      }
      case 'manual':
        await recordNotification(deps.db, {
          causeId: event.id,
          tenantId: event.metadata.tenantId,
          recipientId: SALES_MANAGERS,
          leadId,
          kind: 'needs_manual_assignment',
          message: `Lead "${lead.profile.name}" needs a manager to assign it: ${decision.reason}`,
          at: stored.decidedAt ?? deps.clock.now().toISOString(),
        });
        return;
      case 'unassignable': {
        // The lead waits, with the reason, on its own stream; managers hear of it in a digest
        // (see waiting-digest.ts) and routing tries again when a rep frees up (reroute-waiting.ts).
        const { reason, detail } = deferralOfStored(decision);
        // Recorded before the command, like the ledger: a rep event handled next already sees this lead waiting.
        // Its place in the queue is the decision's (time and cause), as a rebuild finds it from the deferral event.
        const wait = { tenantId: event.metadata.tenantId, leadId, teamId: policyTeamOf(lead), reason };
        const since = stored.decidedAt ?? deps.clock.now().toISOString();
        await recordWait(deps.db, wait, since, stored.sequence ?? sequenceOf(event.position));
        const payload = { leadId, reason, detail, teamId: lead.team, importBatchId: importBatchOf(event) };
        await ctx.dispatch({ type: 'lead.DeferLeadRouting', payload }, { key: input.dispatchKey });
        return;
      }
    }
  } catch (error) {
    // The lead moved on meanwhile (claimed, closed, parked): the decision no longer
    // applies. Forget it so the ledger does not count an assignment that never happened.
    if (!(error instanceof DomainError || error instanceof NotFoundError)) throw error;
    await forgetDecision(deps.db, input.decisionKey);
    if (decision.kind === 'unassignable') await clearWait(deps.db, event.metadata.tenantId, leadId);
    deps.logger?.warn(
      { processManager: 'lead_routing', leadId, decision: decision.kind, error: error.message },
      'routing decision refused by the lead; dropped',
    );
  }
}

/** Why nobody could take the lead; decisions stored before they said so read as "no eligible rep". */
export function deferralOfStored(decision: Extract<DistributionDecision, { kind: 'unassignable' }>): RoutingDeferral {
  return (
    (decision as { readonly deferral?: RoutingDeferral }).deferral ?? {
      reason: 'no_eligible_rep',
      detail: decision.reason,
    }
  );
}

/** The import a capture came from: routing of a new lead is deferred with it, so the import gets one digest. */
function importBatchOf(event: RecordedEvent): string | null {
  if (event.type !== 'LeadCaptured') return null;
  const batch = (event.data as { readonly importBatchId?: unknown }).importBatchId;
  return typeof batch === 'string' ? batch : null;
}

function offerExclusion(offer: OfferInCycle): { repId: string; reason: string } {
  const reason =
    offer.ended === 'declined'
      ? `declined the offer in round ${offer.round}`
      : offer.ended === 'expired'
        ? `let the offer in round ${offer.round} expire`
        : `was offered the lead in round ${offer.round}`;
  return { repId: offer.repId, reason };
}
