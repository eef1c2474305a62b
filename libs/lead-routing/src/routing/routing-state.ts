import type { RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerState, ReadModelDb } from '#ltc/projections';
import { ENDS_ROUTING_WAIT, type LeadEvent, asLeadEvent } from '#ltc/leads/domain';
import { TENANT_POLICY_TEAM, type DistributionPolicy } from '../distribution/domain/distribution-policy.js';
import {
  applyToLedger,
  findDecisionBehind,
  resetLedger,
  restoreReservations,
  sequenceOf,
} from '../distribution/ledger/distribution-ledger.js';
import { loadPolicy } from '../distribution/load-policy.js';
import { evolveAttemptsDue } from './attempts-due.evolve.js';
import { readLeadHistory, type LeadHistory } from './lead-history.js';
import { resetEventNotifications } from './lead-notifications.js';
import { resetLeadAttemptsDue } from './lead-attempts-due.js';
import { policyTeamOf, type RoutingDeps } from './route-lead.js';
import { recordNotices } from './routing-notices.js';
import { clearWait, recordWait, resetRoutingWaits } from './routing-waits.js';
import { resetWaitingDigests } from './waiting-digest.js';

/** A lead event as routing handles it: the lead as of it and now, and the policy as it stood. */
export interface RoutingStep {
  readonly recorded: RecordedEvent;
  readonly event: LeadEvent;
  readonly history: LeadHistory;
  /** The lead's team's policy as of the event; the built-in default for an event before the lead exists. */
  readonly policy: DistributionPolicy;
}

/** Reads what a lead event is folded and decided with: the lead's stream once, its team's policy as of the event. */
export async function loadRoutingStep(
  deps: Pick<RoutingDeps, 'store'>,
  recorded: RecordedEvent,
  event: LeadEvent,
): Promise<RoutingStep> {
  const history = await readLeadHistory(deps.store, event.data.leadId, recorded.revision);
  const team = history.asOf ? policyTeamOf(history.asOf) : TENANT_POLICY_TEAM;
  const { policy } = await loadPolicy(deps.store, recorded.metadata.tenantId, team, recorded);
  return { recorded, event, history, policy };
}

/**
 * Folds a lead event into routing's own tables: the ledger (who holds which lead), the
 * leads waiting for a rep, the attempts due and the notifications. Every write follows from
 * the event, the lead as of it, the policy as it stood and the decision that caused the
 * event (stored decisions are kept), so the fold gives the same rows live and in a rebuild.
 * Returns the reps whose open lead the event ended: they have room again.
 */
export async function evolveRouting(
  deps: Pick<RoutingDeps, 'db' | 'directory'>,
  step: RoutingStep,
): Promise<readonly string[]> {
  const { db } = deps;
  const { recorded, event, history, policy } = step;
  const tenantId = recorded.metadata.tenantId;
  // The ledger first: every later decision must count this event's effect on ownership.
  const freed = await applyToLedger(db, tenantId, event, recorded);
  if ((ENDS_ROUTING_WAIT as readonly string[]).includes(event.type)) await clearWait(db, tenantId, event.data.leadId);
  if (event.type === 'LeadRoutingDeferred') await waitFromDeferral(db, recorded, event.data);
  const lead = history.asOf;
  if (lead) {
    await evolveAttemptsDue(db, tenantId, event, lead, policy);
    await recordNotices(deps, recorded, event, lead);
  }
  return freed;
}

/**
 * The lead waits: routing wrote the row before it sent the command (so a rep event handled
 * next sees the lead waiting); the event writes it again with the decision's time and cause,
 * which is what a rebuild has. A later deferral keeps the lead's place in the queue.
 */
async function waitFromDeferral(
  db: ReadModelDb,
  recorded: RecordedEvent,
  deferral: Extract<LeadEvent, { type: 'LeadRoutingDeferred' }>['data'],
): Promise<void> {
  const decided = await findDecisionBehind(db, recorded, deferral.leadId);
  await recordWait(
    db,
    {
      tenantId: recorded.metadata.tenantId,
      leadId: deferral.leadId,
      teamId: deferral.teamId ?? TENANT_POLICY_TEAM,
      reason: deferral.reason,
    },
    decided?.decidedAt ?? deferral.at,
    decided?.sequence ?? sequenceOf(recorded.position),
  );
}

/**
 * Routing's tables as a fold of the log, for a rebuild: everything but the decisions (what
 * routing promised; a re-run of an event re-sends its decision) and the notifications that
 * came from decisions rather than events. Rep events change none of these tables.
 */
export function routingState(deps: Pick<RoutingDeps, 'store' | 'directory'>): ProcessManagerState {
  return {
    version: 1,
    async reset(db) {
      await resetLedger(db);
      await resetRoutingWaits(db);
      await resetLeadAttemptsDue(db);
      await resetEventNotifications(db);
      await resetWaitingDigests(db);
    },
    async evolve(db, recorded) {
      const event = asLeadEvent(recorded);
      if (!event) return;
      await evolveRouting({ db, directory: deps.directory }, await loadRoutingStep(deps, recorded, event));
    },
    afterRebuild: restoreReservations,
  };
}
