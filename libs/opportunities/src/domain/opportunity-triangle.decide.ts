import { DomainError, InvalidInputError, NotFoundError } from '#ltc/kernel';
import type {
  AcceptHandoff,
  DeclineHandoff,
  FlagHandoffOverdue,
  RequestHandoff,
  SetTriangle,
} from './opportunity.commands.js';
import type { OpportunityEvent } from './opportunity.events.js';
import {
  pendingHandoff,
  triangleMembers,
  type Handoff,
  type Opportunity,
  type OpportunityState,
} from './opportunity.state.js';
import { TRIANGLE_SEATS, type Triangle, type TriangleRole } from './opportunity-vocabulary.js';
import { addSeconds, iso, liveDeal, optional, ownPipeline, required } from './opportunity-guards.js';

/** Forms the triangle, or changes the seats that differ; each person checked to exist and hold the role. */
export function decideSetTriangle(command: SetTriangle, state: OpportunityState): OpportunityEvent[] {
  const deal = liveDeal(state, command.opportunityId);
  const next: Triangle = { ar: command.ar, sr: command.sr, fr: command.fr, sponsor: command.sponsor };
  checkPeople(next, command.people);
  const members = triangleMembers(next);
  if (new Set(members).size !== members.length) {
    throw new DomainError('TRIANGLE_MEMBER_REPEATED', 'AR, SR and FR are three different people');
  }
  // The one who leads, and anyone a handoff waits on, stay: hand the lead over first.
  const busy = [deal.leader, pendingHandoff(deal)?.to].filter((p): p is string => p !== undefined);
  const dropped = busy.find((person) => !members.includes(person));
  if (dropped !== undefined) {
    throw new DomainError('TRIANGLE_CHANGE_STRANDS_LEAD', `${dropped} leads the deal or has a handoff waiting`, {
      personId: dropped,
    });
  }
  const base = {
    opportunityId: deal.opportunityId,
    actor: command.actor.id,
    reason: optional(command.reason),
    at: iso(command.now),
  };
  if (!deal.triangleFormed) return [{ type: 'TriangleFormed', data: { ...base, ...next } }];
  return TRIANGLE_SEATS.filter((seat) => next[seat] !== deal.triangle[seat]).map((seat) => ({
    type: 'TriangleMemberChanged',
    data: { ...base, seat, personId: next[seat], previousPersonId: deal.triangle[seat] },
  }));
}

function checkPeople(triangle: Triangle, people: SetTriangle['people']): void {
  const roles: readonly TriangleRole[] = ['ar', 'sr', 'fr'];
  for (const role of roles) {
    const person = triangle[role];
    if (person === null) continue;
    const held = people[person];
    if (held === undefined)
      throw new InvalidInputError(role, 'knownPerson', `${role} ${person} is not in the organisation`);
    if (!held.includes(role)) {
      throw new DomainError('PERSON_LACKS_ROLE', `${person} does not hold the ${role} role`, {
        role,
        personId: person,
      });
    }
  }
  if (triangle.sponsor !== null && people[triangle.sponsor] === undefined) {
    throw new InvalidInputError('sponsor', 'knownPerson', `sponsor ${triangle.sponsor} is not in the organisation`);
  }
}

export function decideRequestHandoff(command: RequestHandoff, state: OpportunityState): OpportunityEvent[] {
  const deal = liveDeal(state, command.opportunityId);
  const pipeline = ownPipeline(deal, command.pipeline);
  if (deal.handoffs.some((h) => h.handoffId === command.handoffId)) {
    throw new DomainError('HANDOFF_ALREADY_EXISTS', `Handoff ${command.handoffId} already exists`);
  }
  if (command.actor.id !== deal.leader) {
    throw new DomainError('HANDOFF_REQUESTER_NOT_LEADER', `Only ${deal.leader}, who leads the deal, hands it off`);
  }
  if (command.to === deal.leader)
    throw new DomainError('HANDOFF_TO_SELF', 'The one who leads cannot hand off to themselves');
  if (!triangleMembers(deal.triangle).includes(command.to)) {
    throw new DomainError('HANDOFF_RECEIVER_NOT_IN_TRIANGLE', `${command.to} is not in the deal's triangle`);
  }
  if (pendingHandoff(deal) !== undefined) {
    throw new DomainError('HANDOFF_ALREADY_PENDING', 'A handoff is waiting for an answer; it is answered first');
  }
  const due = addSeconds(command.now, pipeline.handoffAcceptanceTargetSeconds);
  return [
    {
      type: 'HandoffRequested',
      data: {
        opportunityId: deal.opportunityId,
        handoffId: command.handoffId,
        from: deal.leader,
        to: command.to,
        phase: command.phase,
        notes: optional(command.notes),
        openItems: command.openItems.map((item) => item.trim()).filter((item) => item !== ''),
        dueAt: iso(due),
        escalateAt: iso(addSeconds(due, pipeline.overdueEscalationSeconds)),
        at: iso(command.now),
      },
    },
  ];
}

/** Only the receiver accepts; accepting again is a retry and changes nothing. */
export function decideAcceptHandoff(command: AcceptHandoff, state: OpportunityState): OpportunityEvent[] {
  const { deal, handoff } = receiversHandoff(state, command);
  if (handoff.status === 'accepted') return [];
  stillPending(handoff);
  return [
    {
      type: 'HandoffAccepted',
      data: {
        opportunityId: deal.opportunityId,
        handoffId: handoff.handoffId,
        from: handoff.from,
        to: handoff.to,
        phase: handoff.phase,
        secondsToAccept: Math.max(0, Math.floor((command.now.getTime() - Date.parse(handoff.requestedAt)) / 1000)),
        at: iso(command.now),
      },
    },
  ];
}

export function decideDeclineHandoff(command: DeclineHandoff, state: OpportunityState): OpportunityEvent[] {
  const { deal, handoff } = receiversHandoff(state, command);
  if (handoff.status === 'declined') return [];
  stillPending(handoff);
  const reason = required(command.reason, 'reason');
  return [
    {
      type: 'HandoffDeclined',
      data: {
        opportunityId: deal.opportunityId,
        handoffId: handoff.handoffId,
        from: handoff.from,
        to: handoff.to,
        reason,
        at: iso(command.now),
      },
    },
  ];
}

/** A timer's step: stale (nothing) once answered, already flagged, or fired before its time. */
export function decideFlagOverdue(command: FlagHandoffOverdue, state: OpportunityState): OpportunityEvent[] {
  const deal = liveDeal(state, command.opportunityId);
  const handoff = findHandoff(deal, command.handoffId);
  if (handoff.status !== 'pending') return [];
  const now = command.now.getTime();
  const events: OpportunityEvent[] = [];
  const base = {
    opportunityId: deal.opportunityId,
    handoffId: handoff.handoffId,
    to: handoff.to,
    at: iso(command.now),
  };
  if (!handoff.overdue && now >= Date.parse(handoff.dueAt)) {
    events.push({ type: 'HandoffOverdue', data: { ...base, sponsor: deal.triangle.sponsor, dueAt: handoff.dueAt } });
  }
  if (command.step === 2 && !handoff.escalated && now >= Date.parse(handoff.escalateAt)) {
    events.push({
      type: 'HandoffEscalated',
      data: { ...base, escalatedTo: command.salesManager, escalateAt: handoff.escalateAt },
    });
  }
  return events;
}

function receiversHandoff(
  state: OpportunityState,
  command: AcceptHandoff | DeclineHandoff,
): { deal: Opportunity; handoff: Handoff } {
  const deal = liveDeal(state, command.opportunityId);
  const handoff = findHandoff(deal, command.handoffId);
  if (command.actor.id !== handoff.to) {
    throw new DomainError(
      'HANDOFF_NOT_RECEIVER',
      `Only ${handoff.to}, who receives handoff ${handoff.handoffId}, answers it`,
    );
  }
  return { deal, handoff };
}

function findHandoff(deal: Opportunity, handoffId: string): Handoff {
  const handoff = deal.handoffs.find((h) => h.handoffId === handoffId);
  if (handoff === undefined) throw new NotFoundError('Handoff', handoffId);
  return handoff;
}

function stillPending(handoff: Handoff): void {
  if (handoff.status !== 'pending') {
    throw new DomainError('HANDOFF_ALREADY_ANSWERED', `Handoff ${handoff.handoffId} was ${handoff.status}`, {
      status: handoff.status,
    });
  }
}
