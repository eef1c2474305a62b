import { DomainError } from '#ltc/kernel';
import type { DeferLeadRouting } from './lead.commands.js';
import { iso, open } from './lead-guards.js';
import type { LeadRoutingDeferred } from './lead-routing-deferred.events.js';
import type { LeadState } from './lead.state.js';

/**
 * Records that the lead waits for routing. Only a lead that still waits for an owner (no
 * owner, no offer, new or recycled) can wait; the same reason for the same team again
 * records nothing, so retries and every later "still nobody" leave one event.
 */
export function decideDeferRouting(command: DeferLeadRouting, state: LeadState): LeadRoutingDeferred[] {
  const lead = open(state, command.leadId);
  const unowned = lead.owner === null && lead.offer === null && (lead.status === 'new' || lead.status === 'recycled');
  if (!unowned) {
    throw new DomainError('LEAD_NOT_WAITING', `Lead ${lead.leadId} is ${lead.status}; it no longer waits for routing`, {
      status: lead.status,
    });
  }
  if (lead.waiting?.reason === command.reason && lead.waiting.teamId === command.teamId) return [];
  const { reason, detail, teamId } = command;
  return [
    {
      type: 'LeadRoutingDeferred',
      data: {
        leadId: lead.leadId,
        reason,
        detail,
        teamId,
        importBatchId: command.importBatchId ?? null,
        at: iso(command.now),
      },
    },
  ];
}
