import type { RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerContext } from '#ltc/projections';
import { OWNED_STATUSES } from '#ltc/leads/domain';
import { openLeadIdsOf } from '../distribution/ledger/ledger.queries.js';
import { WHOLE_STREAM, readLeadHistory } from './lead-history.js';
import { asRepEvent } from './rep-change.js';
import { routeLead, type RoutingDeps } from './route-lead.js';

/**
 * The organisation's `RepDeactivated`: every lead the rep still holds open (by the ledger,
 * exact as of this event) is routed again by its team's policy, never back to the rep,
 * with the trigger `owner_deactivated` in the decision's reason. Pull policies pool it.
 * Keys carry the lead id, so a re-run after a crash re-sends each decision once.
 */
export async function redistributeOwnerLeads(
  deps: RoutingDeps,
  recorded: RecordedEvent,
  ctx: ProcessManagerContext,
): Promise<void> {
  const event = asRepEvent(recorded);
  if (event?.type !== 'RepDeactivated') return;
  const repId = event.data.repId;
  const tenantId = recorded.metadata.tenantId;
  for (const leadId of await openLeadIdsOf(deps.db, tenantId, repId)) {
    const history = await readLeadHistory(deps.store, leadId, WHOLE_STREAM);
    const lead = history.current;
    // Nurtured leads keep their owner until reactivated; closed or moved-on leads need nothing.
    if (!lead || lead.owner !== repId || !OWNED_STATUSES.includes(lead.status)) continue;
    await routeLead(deps, ctx, {
      event: recorded,
      history,
      lead,
      trigger: 'owner_deactivated',
      excluded: [{ repId, reason: 'deactivated; owned the lead until now' }],
      perLead: true,
    });
  }
}
