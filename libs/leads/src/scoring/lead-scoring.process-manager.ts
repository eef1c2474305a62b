import type { Clock } from '#ltc/clock';
import type { EventStore, RecordedEvent } from '#ltc/event-store';
import type { ProcessManager, ProcessManagerContext, ReadModelDb } from '#ltc/projections';
import { majorUnits } from '#ltc/kernel';
import { aggregateStream } from '#ltc/commanding';
import { asLeadEvent, parseLeadEvent } from '../domain/lead-event.js';
import type { LeadEvent } from '../domain/lead.events.js';
import { leadDecider } from '../domain/lead.decider.js';
import type { Lead } from '../domain/lead.state.js';
import { isClosed } from '../domain/lead.state.js';
import { leadStream } from '../lead-stream.js';
import { leadListDb } from '../read-models/lead-list.table.js';
import type { LeadForScoring, LeadInteraction } from './domain/score-lead.js';
import { scoreForTenant } from './score-for-tenant.js';

const RESCORE_ON = ['LeadCaptured', 'LeadInteractionRecorded', 'LeadTagged', 'LeadUntagged'] as const;

export interface LeadScoringDeps {
  readonly store: EventStore;
  readonly db: ReadModelDb;
  readonly clock: Clock;
}

/**
 * Keeps every open lead's score current: scores a lead when it is captured, rescores it
 * when its behaviour or tags change, and rescores all open leads of a tenant when its
 * scoring model changes. Each score is a `lead.ScoreLead` command whose breakdown says
 * which rule gave how many points; an unchanged score writes nothing.
 */
export function leadScoringProcessManager(deps: LeadScoringDeps): ProcessManager {
  return {
    name: 'lead_scoring',
    filter: { eventTypes: [...RESCORE_ON, 'ScoringModelChanged'] },
    // A lead's score depends on that lead alone: leads are scored side by side, each
    // lead's events in order. A new model rescores every open lead, so it waits for the
    // scores before it and holds back those after it.
    partitionKey: (event) => (event.type === 'ScoringModelChanged' ? undefined : event.stream),
    async handle(event, ctx) {
      if (event.type === 'ScoringModelChanged') return rescoreTenant(deps, event, ctx);
      const lead = asLeadEvent(event);
      if (!lead) return;
      await scoreOne(deps, event.metadata.tenantId, lead.data.leadId, ctx);
    },
  };
}

async function scoreOne(
  deps: LeadScoringDeps,
  tenantId: string,
  leadId: string,
  ctx: ProcessManagerContext,
  key?: string,
): Promise<void> {
  const folded = await aggregateStream(deps.store, leadDecider, leadStream(leadId), { parse: parseLeadEvent });
  if (folded.tenantId !== tenantId) return;
  const { state } = folded;
  const events = folded.events.flatMap(({ event }) => (event ? [event] : []));
  if (state.status === 'none' || isClosed(state)) return;
  const { score, modelVersion } = await scoreForTenant(deps, {
    tenantId,
    lead: forScoring(state),
    interactions: interactionsOf(events),
    now: deps.clock.now(),
  });
  if (modelVersion === null) return; // only a preview brings rules of its own
  await ctx.dispatch(
    {
      type: 'lead.ScoreLead',
      payload: {
        leadId,
        score: score.score,
        tier: score.tier,
        attemptTarget: score.attemptTarget,
        responseTargetSeconds: score.responseTargetSeconds,
        modelVersion,
        breakdown: score.breakdown,
      },
    },
    key ? { key } : undefined,
  );
}

/** A new model: every open lead of the tenant is scored again under it. */
async function rescoreTenant(deps: LeadScoringDeps, event: RecordedEvent, ctx: ProcessManagerContext): Promise<void> {
  const tenantId = event.metadata.tenantId;
  const open = await leadListDb(deps.db)
    .selectFrom('lead_list')
    .select('lead_id')
    .where('tenant_id', '=', tenantId)
    .where('status', 'not in', ['disqualified', 'converted', 'archived'])
    .orderBy('lead_id')
    .execute();
  for (const row of open) await scoreOne(deps, tenantId, row.lead_id, ctx, row.lead_id);
}

function forScoring(lead: Lead): LeadForScoring {
  const { profile } = lead;
  return {
    source: profile.source,
    region: profile.region,
    language: profile.language ?? null,
    industry: profile.industry ?? null,
    dealSize: profile.estimatedDealSize ? majorUnits(profile.estimatedDealSize) : null,
    company: profile.company,
    email: profile.contact.email,
    phone: profile.contact.phone,
    tags: lead.tags.map((t) => t.tag),
  };
}

function interactionsOf(events: readonly LeadEvent[]): LeadInteraction[] {
  return events.flatMap((e) => (e.type === 'LeadInteractionRecorded' ? [{ kind: e.data.kind, at: e.data.at }] : []));
}
