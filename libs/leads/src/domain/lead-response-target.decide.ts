import type { RetargetLeadResponse } from './lead.commands.js';
import type { LeadEvent } from './lead.events.js';
import type { LeadState } from './lead.state.js';
import { iso } from './lead-guards.js';
import { awaitingFirstContact } from './lead-progress.decide.js';

/**
 * Moves the first-contact due time of the current assignment, while nobody has
 * contacted the lead yet. A re-target for an earlier assignment, after the first
 * contact, or to the due time already set changes nothing (routing sends it at least once).
 */
export function decideRetargetResponse(command: RetargetLeadResponse, state: LeadState): LeadEvent[] {
  const lead = awaitingFirstContact(state, command.assignmentNo);
  if (!lead?.owner || !lead.responseDueAt) return [];
  const responseDueAt = new Date(command.responseDueAt).toISOString();
  if (responseDueAt === lead.responseDueAt) return [];
  return [
    {
      type: 'LeadResponseRetargeted',
      data: {
        leadId: lead.leadId,
        repId: lead.owner,
        assignmentNo: lead.assignmentNo,
        previousDueAt: lead.responseDueAt,
        responseDueAt,
        reason: command.reason,
        at: iso(command.now),
      },
    },
  ];
}
