import { DomainError } from '#ltc/kernel';
import type {
  AcceptLeadOffer,
  AssignLead,
  ClaimLead,
  DeclineLeadOffer,
  ExpireLeadOffer,
  OfferLead,
  PoolLead,
} from './lead.commands.js';
import type { LeadAssigned, LeadEvent } from './lead.events.js';
import type { Lead, LeadState } from './lead.state.js';
import type { AssignmentCandidate, AssignmentMethod } from './lead-vocabulary.js';
import { addSeconds, iso, open } from './lead-guards.js';

/** docs/domain.md › Leads › Speed and persistence: a lead called within 5 minutes is far likelier to be reached. */
export const DEFAULT_RESPONSE_TARGET_SECONDS = 300;

/** Who owns the lead: push and manual assignment, the pool and claims, shotgun offers. */

export function decideAssign(command: AssignLead, state: LeadState): LeadEvent[] {
  const lead = open(state, command.leadId);
  if (lead.status === 'nurturing') {
    throw new DomainError('LEAD_NURTURING', `Lead ${lead.leadId} is parked for nurturing; reactivate it first`);
  }
  const expected = command.expectedAssignmentNo;
  if (expected !== undefined && expected !== null && expected !== lead.assignmentNo) {
    throw new DomainError(
      'LEAD_ASSIGNMENT_CHANGED',
      `Lead ${lead.leadId} was assigned meanwhile; routing decided on an older state`,
      {
        expectedAssignmentNo: expected,
        assignmentNo: lead.assignmentNo,
      },
    );
  }
  if (lead.owner === command.repId) return [];
  return [assigned(lead, command.repId, command.method, command, command.now, command.responseTargetSeconds)];
}

export function decidePool(command: PoolLead, state: LeadState): LeadEvent[] {
  const lead = open(state, command.leadId);
  if (lead.status === 'nurturing') {
    throw new DomainError('LEAD_NURTURING', `Lead ${lead.leadId} is parked for nurturing; reactivate it first`);
  }
  if (lead.status === 'pooled' && lead.poolMethod === command.method) return [];
  return [
    {
      type: 'LeadPooled',
      data: {
        leadId: lead.leadId,
        method: command.method,
        policyVersion: command.policyVersion,
        notifiedRepIds: command.notifiedRepIds,
        reason: command.reason,
        at: iso(command.now),
      },
    },
  ];
}

/** Pull methods: the first claim on a pooled lead wins; every later one is a 409. */
export function decideClaim(command: ClaimLead, state: LeadState): LeadEvent[] {
  const lead = open(state, command.leadId);
  if (lead.owner === command.repId) return [];
  if (lead.owner !== null) {
    throw new DomainError('LEAD_ALREADY_CLAIMED', `Lead ${lead.leadId} already belongs to another rep`);
  }
  if (lead.status !== 'pooled' && lead.status !== 'recycled') {
    throw new DomainError('LEAD_NOT_IN_POOL', `Lead ${lead.leadId} is ${lead.status}, not in the pool`, {
      status: lead.status,
    });
  }
  const method = lead.poolMethod ?? 'cherry_pick';
  return [
    assigned(
      lead,
      command.repId,
      method,
      { policyVersion: null, candidates: [], reason: `claimed from the pool (${method})` },
      command.now,
      command.responseTargetSeconds,
    ),
  ];
}

export function decideOffer(command: OfferLead, state: LeadState): LeadEvent[] {
  const lead = open(state, command.leadId);
  if (lead.owner !== null) throw new DomainError('LEAD_ALREADY_ASSIGNED', `Lead ${lead.leadId} already has an owner`);
  if (lead.offer?.offerId === command.offerId) return [];
  if (lead.offer !== null) {
    throw new DomainError(
      'OFFER_PENDING',
      `Lead ${lead.leadId} is on offer to another rep until ${lead.offer.expiresAt}`,
    );
  }
  return [
    {
      type: 'LeadOffered',
      data: {
        leadId: lead.leadId,
        offerId: command.offerId,
        repId: command.repId,
        round: command.round,
        policyVersion: command.policyVersion,
        expiresAt: iso(command.expiresAt),
        at: iso(command.now),
      },
    },
  ];
}

export function decideAcceptOffer(command: AcceptLeadOffer, state: LeadState): LeadEvent[] {
  const lead = open(state, command.leadId);
  if (lead.owner === command.repId) return [];
  const offer = activeOfferFor(lead, command.repId);
  return [
    assigned(
      lead,
      command.repId,
      'shotgun',
      { policyVersion: null, candidates: [], reason: `accepted the offer in round ${offer.round}` },
      command.now,
      command.responseTargetSeconds,
    ),
  ];
}

export function decideDeclineOffer(command: DeclineLeadOffer, state: LeadState): LeadEvent[] {
  const lead = open(state, command.leadId);
  const offer = activeOfferFor(lead, command.repId);
  return [
    {
      type: 'LeadOfferDeclined',
      data: {
        leadId: lead.leadId,
        offerId: offer.offerId,
        repId: command.repId,
        reason: command.reason,
        at: iso(command.now),
      },
    },
  ];
}

/** From the offer timer: a stale timer (offer already answered or replaced) does nothing. */
export function decideExpireOffer(command: ExpireLeadOffer, state: LeadState): LeadEvent[] {
  if (state.status === 'none') return [];
  const offer = state.offer;
  if (!offer || offer.offerId !== command.offerId) return [];
  return [
    {
      type: 'LeadOfferExpired',
      data: { leadId: state.leadId, offerId: offer.offerId, repId: offer.repId, at: iso(command.now) },
    },
  ];
}

function activeOfferFor(lead: Lead, repId: string): NonNullable<Lead['offer']> {
  if (lead.offer === null) {
    if (lead.owner !== null) throw new DomainError('LEAD_ALREADY_CLAIMED', `Lead ${lead.leadId} already has an owner`);
    throw new DomainError('NO_ACTIVE_OFFER', `Lead ${lead.leadId} is not on offer`);
  }
  if (lead.offer.repId !== repId) {
    throw new DomainError('OFFER_NOT_FOR_YOU', `Lead ${lead.leadId} is offered to another rep`);
  }
  return lead.offer;
}

function assigned(
  lead: Lead,
  repId: string,
  method: AssignmentMethod,
  why: { policyVersion: number | null; candidates: readonly AssignmentCandidate[]; reason: string },
  now: Date,
  responseTargetSeconds: number | null,
): LeadAssigned {
  const target = responseTargetSeconds ?? lead.score?.responseTargetSeconds ?? DEFAULT_RESPONSE_TARGET_SECONDS;
  return {
    type: 'LeadAssigned',
    data: {
      leadId: lead.leadId,
      repId,
      previousRepId: lead.owner,
      assignmentNo: lead.assignmentNo + 1,
      method,
      policyVersion: why.policyVersion,
      candidates: why.candidates,
      reason: why.reason,
      responseDueAt: iso(addSeconds(now, target)),
      at: iso(now),
    },
  };
}
