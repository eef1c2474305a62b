import type { EventStore } from '#ltc/event-store';
import type { DealSight } from '#ltc/platform';
import { canSeeDeal } from './opportunity-access.js';
import { loadDeal } from './opportunity-commands/deal-stream.js';
import { membersOf } from './opportunity-commands/opportunity-actor.js';

/** The DEAL_SIGHT port: the same check as `GET /opportunities/{id}`, on the deal's own stream. */
export const dealSight = (store: EventStore): DealSight => ({
  async canSee(tenantId, dealId, scope) {
    const folded = await loadDeal(store, dealId);
    if (folded.state.status === 'none' || folded.tenantId !== tenantId) return false;
    return canSeeDeal(scope, membersOf(folded.state));
  },
});
