import type { Clock } from '#ltc/clock';
import { aggregateStream } from '#ltc/commanding';
import type { EventStore, RecordedEvent } from '#ltc/event-store';
import { decidingProcessManager, type ProcessManager, type ReadModelDb } from '#ltc/projections';
import { asLeadEvent, leadDecider, parseLeadEvent } from '#ltc/leads/domain';
import { leadListDb, leadStream } from '#ltc/leads';
import { decideScores, type LeadToScore, type ScoringRound } from './lead-scoring.decision.js';
import { loadTenantScoring } from './score-for-tenant.js';

const RESCORE_ON = ['LeadCaptured', 'LeadInteractionRecorded', 'LeadTagged', 'LeadUntagged'] as const;

export interface LeadScoringDeps {
  readonly store: EventStore;
  readonly db: ReadModelDb;
  readonly clock: Clock;
}

/**
 * Keeps every open lead's score current: scores a lead when it is captured, rescores it
 * when its behaviour or tags change, and rescores all open leads of a tenant when its
 * scoring model changes. What to send is decided by `decideScores`, on what
 * `loadScoringRound` read.
 */
export function leadScoringProcessManager(deps: LeadScoringDeps): ProcessManager {
  return decidingProcessManager({
    name: 'lead_scoring',
    filter: { eventTypes: [...RESCORE_ON, 'ScoringModelChanged'] },
    // A lead's score depends on that lead alone: leads are scored side by side, each
    // lead's events in order. A new model rescores every open lead, so it waits for the
    // scores before it and holds back those after it.
    partitionKey: (event) => (event.type === 'ScoringModelChanged' ? undefined : event.stream),
    load: (event) => loadScoringRound(deps, event),
    decide: (_event, round) => decideScores(round),
  });
}

/** The leads an event asks to score (its own lead, or every open lead of the tenant for a new model), as they are now. */
async function loadScoringRound(deps: LeadScoringDeps, event: RecordedEvent): Promise<ScoringRound> {
  const tenantId = event.metadata.tenantId;
  const leadIds = event.type === 'ScoringModelChanged' ? await openLeadIds(deps, tenantId) : ownLeadId(event);
  const leads: LeadToScore[] = [];
  for (const ref of leadIds) {
    const toScore = await loadLeadToScore(deps, tenantId, ref);
    if (toScore) leads.push(toScore);
  }
  return { now: deps.clock.now(), leads };
}

interface LeadRef {
  readonly leadId: string;
  readonly key?: string;
}

function ownLeadId(event: RecordedEvent): LeadRef[] {
  const lead = asLeadEvent(event);
  return lead ? [{ leadId: lead.data.leadId }] : [];
}

/** Each rescore of a new model is keyed by its lead, so one event's many commands keep apart. */
async function openLeadIds(deps: LeadScoringDeps, tenantId: string): Promise<LeadRef[]> {
  const open = await leadListDb(deps.db)
    .selectFrom('lead_list')
    .select('lead_id')
    .where('tenant_id', '=', tenantId)
    .where('status', 'not in', ['disqualified', 'converted', 'archived'])
    .orderBy('lead_id')
    .execute();
  return open.map((row) => ({ leadId: row.lead_id, key: row.lead_id }));
}

/** The lead as its stream has it, with the tenant's scoring for its source; undefined for no lead of this tenant. */
async function loadLeadToScore(
  deps: LeadScoringDeps,
  tenantId: string,
  ref: LeadRef,
): Promise<LeadToScore | undefined> {
  const folded = await aggregateStream(deps.store, leadDecider, leadStream(ref.leadId), { parse: parseLeadEvent });
  const { state } = folded;
  if (folded.tenantId !== tenantId || state.status === 'none') return undefined;
  const interactions = folded.events.flatMap(({ event }) =>
    event?.type === 'LeadInteractionRecorded' ? [{ kind: event.data.kind, at: event.data.at }] : [],
  );
  const scoring = await loadTenantScoring(deps, tenantId, state.profile.source);
  return { ...ref, lead: state, interactions, scoring };
}
