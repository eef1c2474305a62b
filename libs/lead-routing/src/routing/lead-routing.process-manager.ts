import type { EventFilter, RecordedEvent } from '#ltc/event-store';
import {
  runEffects,
  type ProcessManager,
  type ProcessManagerContext,
  type ProcessManagerState,
  type ReadModelDb,
} from '#ltc/projections';
import { ALL_LEAD_EVENT_TYPES, type LeadEventType, asLeadEvent } from '#ltc/leads/domain';
import { ROUTING_MANAGER } from '../distribution/ledger/decision-keys.js';
import { hasDecisionFor } from '../distribution/ledger/distribution-ledger.js';
import { loadRoutingRules } from '../distribution/routing-rules/load-routing-rules.js';
import { redistributeOwnerLeads } from './owner-deactivated.js';
import { routingPartition } from './routing-partition.js';
import { isRepChange, REP_CHANGES } from './rep-change.js';
import { rerouteForFreedReps, rerouteOnRepChange } from './reroute-waiting.js';
import { routeLead, type RoutingDeps } from './route-lead.js';
import { decideRouting, type RoutingEffect, type RoutingView } from './routing.decide.js';
import { evolveRouting, loadRoutingStep, routingState, type RoutingStep } from './routing-state.js';
import { setupRoutingTables } from './routing-tables.js';

/**
 * The lead events routing passes over: they move no ownership, clock, due attempt or notice.
 * Every other lead event is read, so a new type reaches routing unless it is named here.
 */
const PASSES_OVER: ReadonlySet<LeadEventType> = new Set<LeadEventType>([
  'LeadTeamSet',
  'LeadTouchRecorded',
  'LeadInteractionRecorded',
  'LeadTagged',
  'LeadUntagged',
  'LeadDetailsEdited',
  'LeadContactChanged',
]);

const READ_LEAD_EVENTS = ALL_LEAD_EVENT_TYPES.filter((type) => !PASSES_OVER.has(type));

/**
 * Lead routing: decides who gets each lead (by the team's distribution policy), and
 * keeps the clocks that make sure it is worked: the response target (warn, breach,
 * escalate), the contact cadence, recycling of idle leads and archiving of unclaimed
 * ones. Routes a lead as soon as it is captured: the five-minute clock starts when the
 * customer asks, and scoring must not spend it (see README.md beside this file).
 *
 * Each lead event is loaded (the lead's stream once, the policy as of the event), folded
 * into routing's own tables (`evolveRouting`, which a rebuild replays), decided purely
 * (`decideRouting`) and carried out. Every effect is keyed by the event that caused it
 * (dispatch keys, timer ids, notification ids, ledger decisions), so handling an event
 * twice changes nothing.
 */
export class LeadRoutingProcessManager implements ProcessManager {
  readonly name = ROUTING_MANAGER;
  readonly filter: EventFilter = {
    streamPrefixes: ['lead-', 'rep-'],
    eventTypes: [...READ_LEAD_EVENTS, 'RepDeactivated', ...REP_CHANGES],
  };
  readonly partitionKey = routingPartition;
  readonly state: ProcessManagerState;

  constructor(private readonly deps: RoutingDeps) {
    this.state = routingState(deps);
  }

  setup(db: ReadModelDb): Promise<void> {
    return setupRoutingTables(db);
  }

  async handle(recorded: RecordedEvent, ctx: ProcessManagerContext): Promise<void> {
    if (recorded.type === 'RepDeactivated' || isRepChange(recorded.type)) {
      this.deps.freshness?.repEventHandled(recorded.position);
      if (recorded.type === 'RepDeactivated') return redistributeOwnerLeads(this.deps, recorded, ctx);
      return rerouteOnRepChange(this.deps, recorded, ctx);
    }
    const event = asLeadEvent(recorded);
    if (!event) return; // the filter lets through only lead events this manager handles
    const step = await loadRoutingStep(this.deps, recorded, event);
    const freed = await evolveRouting(this.deps, step);
    const view = await this.viewOf(step);
    if (view) await this.carryOut(step, ctx, decideRouting(event, view));
    // Room freed by this lead goes to the leads that waited for it, after the lead's own next step.
    if (freed.length > 0) await rerouteForFreedReps(this.deps, recorded, ctx, freed);
  }

  /** What the decision needs beyond the step; each read only for the event that needs it. */
  private async viewOf(step: RoutingStep): Promise<RoutingView | undefined> {
    const { asOf, current } = step.history;
    if (!asOf) return undefined;
    const tenantId = step.recorded.metadata.tenantId;
    const routedBefore =
      step.event.type === 'LeadScored' && (await hasDecisionFor(this.deps.db, tenantId, asOf.leadId));
    const needsRules = step.event.type === 'LeadCaptured' && asOf.team === null;
    const rules = needsRules ? await loadRoutingRules(this.deps.store, tenantId) : null;
    return { asOf, current, policy: step.policy, routedBefore, rules };
  }

  /** In the order decided: a route runs distribution (one decision at a time per ledger) and sends its command. */
  private async carryOut(step: RoutingStep, ctx: ProcessManagerContext, effects: readonly RoutingEffect[]) {
    for (const effect of effects) {
      if (effect.kind !== 'route') {
        await runEffects(ctx, [effect]);
        continue;
      }
      await routeLead(this.deps, ctx, {
        event: step.recorded,
        history: step.history,
        lead: effect.lead,
        trigger: effect.trigger,
        excluded: effect.excluded,
      });
    }
  }
}
