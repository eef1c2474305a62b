import type { RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerEffect } from '#ltc/projections';
import type { LeadConverted } from '#ltc/leads/events';
import type { LeadOrigin } from '../domain/opportunity.events.js';
import { DEFAULT_PIPELINE_ID } from '../opportunity-streams.js';

/**
 * A converted lead opens its deal under the id the conversion named, in the default
 * pipeline, with the lead's facts (source, owner, company, contact, tags, score, team,
 * region, estimated deal size, capture time), so analytics by source keep working after conversion.
 * A conversion stored before those facts travelled with it opens the deal with nulls.
 * The dispatch is keyed by the event, so a redelivered or replayed conversion opens the
 * deal once (and the command leaves an existing deal as it is).
 */
export function decideOpenDeal(event: RecordedEvent): ProcessManagerEffect[] {
  if (event.type !== 'LeadConverted') return [];
  const data = event.data as LeadConverted['data'];
  const lead: LeadOrigin = {
    leadId: data.leadId,
    source: data.source ?? null,
    contactPerson: data.contactPerson ?? null,
    tags: data.tags ?? [],
    score: data.score ?? null,
    capturedAt: data.capturedAt ?? null,
  };
  const payload = {
    opportunityId: data.dealId,
    origin: 'lead_conversion',
    lead,
    name: data.company ?? data.name ?? `Lead ${data.leadId}`,
    account: data.company ?? null,
    amount: data.estimatedDealSize ?? null,
    closeDate: null,
    productsOfInterest: [],
    // The AR: who owned the lead, else the rep it names, else whoever converted it.
    owner: data.owner ?? data.repId ?? event.metadata.actor.userId,
    team: data.team ?? null,
    region: data.region ?? null,
    pipelineId: DEFAULT_PIPELINE_ID,
  };
  return [{ kind: 'dispatch', command: { type: 'opportunity.OpenOpportunity', payload } }];
}
