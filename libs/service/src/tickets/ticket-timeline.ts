import type { TicketEvent } from '../domain/ticket.events.js';

/** One readable line per ticket event, for the timeline of the ticket's detail. */
export function summaryOf(event: TicketEvent): string {
  const e = event;
  switch (e.type) {
    case 'TicketAccepted':
      return `Accepted from ${e.data.channel} for ${e.data.customer.account} as ${e.data.grading.priority}, policy ${e.data.policy.policyId} v${String(e.data.policy.version)}`;
    case 'TicketGraded':
      return `Graded ${e.data.previousPriority} → ${e.data.grading.priority}${e.data.reason ? `: ${e.data.reason}` : ''}`;
    case 'TicketSlaPlanned':
      return `${e.data.clock} clock ${e.data.state}, ${minutes(e.data.elapsedMs)} of ${minutes(e.data.targetMs)} used${e.data.breachAt ? `, breaches at ${e.data.breachAt}` : ''}`;
    case 'TicketSlaWarned':
      return `${e.data.clock} SLA at risk (due ${e.data.dueAt})`;
    case 'TicketSlaBreached':
      return `${e.data.clock} SLA breached (due ${e.data.dueAt})`;
    case 'TicketGroupLeadNotified':
      return `Group lead ${e.data.groupLead ?? '(none)'} told: ${e.data.cause.replace('_', ' ')}`;
    case 'TicketAssigned':
      return `Assigned to ${owner(e.data.owner)} on line ${String(e.data.line)}${e.data.automatic ? ' by the policy' : ''}`;
    case 'TicketResponded':
      return `First response ${e.data.withinTarget ? 'within' : 'past'} target after ${minutes(e.data.elapsedMs)}`;
    case 'TicketEscalated':
      return `Escalated line ${String(e.data.fromLine)} → ${String(e.data.toLine)}: ${e.data.reason}`;
    case 'TicketDeEscalated':
      return `De-escalated line ${String(e.data.fromLine)} → ${String(e.data.toLine)}: ${e.data.reason}`;
    case 'TicketProgressRecorded':
      return `Progress (${e.data.visibility}): ${e.data.note}`;
    case 'TicketWaitStarted':
      return `Waiting for ${e.data.reason.replace('_', ' ')}${e.data.pausesSla ? ' (SLA paused)' : ''}`;
    case 'TicketWaitEnded':
      return `Wait for ${e.data.reason.replace('_', ' ')} ended`;
    case 'ResolutionPlanProposed':
      return `Plan proposed: ${e.data.summary}`;
    case 'ResolutionPlanAssessed':
      return `Plan ${e.data.decision}`;
    case 'ResolutionPlanImplemented':
      return 'Plan implemented';
    case 'TicketResolved':
      return `Resolved ${e.data.withinTarget ? 'within' : 'past'} target: ${e.data.resolution}`;
    case 'TicketVerified':
      return e.data.passed ? `Verified: root cause ${e.data.rootCause}` : 'Verification failed: back to work';
    case 'TicketClosed':
      return 'Closed';
    case 'TicketCallbackRecorded':
      return `Callback: satisfaction ${String(e.data.satisfaction)}/5`;
    case 'TicketReopened':
      return `Reopened: ${e.data.reason}`;
    case 'TicketFollowUpOpened':
      return `Continued by ticket ${e.data.followUpTicketId}`;
    case 'TicketLeadSpawned':
      return `Raised lead ${e.data.leadId} for sales`;
    case 'ProductRequirementRaised':
      return `Product requirement: ${e.data.title}`;
    case 'TicketTaskOpened':
      return `Task for ${owner(e.data.owner)}: ${e.data.title} (due ${e.data.dueAt})`;
    case 'TicketTaskCompleted':
      return `Task done ${e.data.onTime ? 'on time' : 'late'}`;
    case 'TicketTaskOverdue':
      return `Task overdue (due ${e.data.dueAt})`;
    case 'TicketSlaPolicyReapplied':
      return `Policy re-applied: v${String(e.data.previousVersion)} → v${String(e.data.policy.version)}`;
  }
}

const minutes = (ms: number): string => `${String(Math.round(ms / 60_000))} min`;
const owner = (o: { group: string | null; engineer: string | null }): string =>
  [o.engineer, o.group && `group ${o.group}`].filter(Boolean).join(' of ') || 'the line queue';
