import { upcastLeadEvent } from './lead-event.js';
import { editedProfile } from './lead-edit.decide.js';
import type { LeadEvent } from './lead.events.js';
import type { Lead, LeadState } from './lead.state.js';
import { POOL_METHODS, type PoolMethod } from './lead-vocabulary.js';

const isPoolMethod = (method: string): method is PoolMethod => (POOL_METHODS as readonly string[]).includes(method);

/** Folds one event into the lead. Never throws: history is what happened. */
export function evolveLead(state: LeadState, stored: LeadEvent): LeadState {
  const event = upcastLeadEvent(stored);
  if (event.type === 'LeadCaptured') {
    const {
      leadId,
      complete: _complete,
      capturedAt,
      importBatchId: _batch,
      raisedFromTicket: _ticket,
      team,
      ...profile
    } = event.data;
    return {
      status: 'new',
      leadId,
      profile,
      capturedAt,
      team: team ?? null,
      tags: [],
      score: null,
      owner: null,
      assignmentNo: 0,
      assignedAt: null,
      responseDueAt: null,
      firstContactAt: null,
      attempts: 0,
      offer: null,
      offerRounds: 0,
      poolMethod: null,
      claimedFrom: null,
      progressNo: 0,
      qualified: false,
      dealId: null,
      statusBeforeNurture: null,
      waiting: null,
    };
  }
  if (state.status === 'none') return event.type === 'LeadCaptureVoided' ? { status: 'none', voided: true } : state;
  return evolveExisting(state, event);
}

function evolveExisting(lead: Lead, event: Exclude<LeadEvent, { type: 'LeadCaptured' }>): Lead {
  const progressed = { progressNo: lead.progressNo + 1 };
  switch (event.type) {
    case 'LeadTouchRecorded':
    case 'LeadInteractionRecorded':
    case 'LeadResponseWarning':
    case 'LeadResponseSlaBreached':
    case 'LeadRecycleWarning':
      return lead;
    case 'LeadDetailsEdited':
    case 'LeadContactChanged':
      return { ...lead, profile: editedProfile(lead, event) };
    case 'LeadCaptureVoided':
      // Only ever the first event of a stream (appended expecting none), so never after a capture.
      return lead;
    case 'LeadTeamSet':
      return { ...lead, team: event.data.team };
    case 'LeadResponseRetargeted':
      return { ...lead, responseDueAt: event.data.responseDueAt };
    case 'LeadTagged':
      return { ...lead, tags: [...lead.tags, { category: event.data.category, tag: event.data.tag }] };
    case 'LeadUntagged':
      return {
        ...lead,
        tags: lead.tags.filter((t) => !(t.category === event.data.category && t.tag === event.data.tag)),
      };
    case 'LeadScored': {
      const { score, tier, attemptTarget, responseTargetSeconds, modelVersion } = event.data;
      return { ...lead, score: { value: score, tier, attemptTarget, responseTargetSeconds, modelVersion } };
    }
    case 'LeadRoutingDeferred': {
      const { reason, teamId, at } = event.data;
      return { ...lead, waiting: { reason, teamId, since: lead.waiting?.since ?? at } };
    }
    case 'LeadAssigned':
      return {
        ...lead,
        waiting: null,
        ...progressed,
        status: lead.qualified ? 'qualified' : 'assigned',
        owner: event.data.repId,
        assignmentNo: event.data.assignmentNo,
        assignedAt: event.data.at,
        responseDueAt: event.data.responseDueAt,
        firstContactAt: null,
        offer: null,
        poolMethod: null,
        claimedFrom: isPoolMethod(event.data.method) ? event.data.method : null,
      };
    case 'LeadPooled':
      return {
        ...lead,
        ...progressed,
        status: 'pooled',
        owner: null,
        offer: null,
        poolMethod: event.data.method,
        waiting: null,
      };
    case 'LeadOffered':
      return {
        ...lead,
        waiting: null,
        status: 'offered',
        offerRounds: Math.max(lead.offerRounds, event.data.round),
        offer: {
          offerId: event.data.offerId,
          repId: event.data.repId,
          round: event.data.round,
          expiresAt: event.data.expiresAt,
        },
      };
    case 'LeadOfferDeclined':
    case 'LeadOfferExpired':
      return { ...lead, status: 'new', offer: null };
    case 'LeadContactAttempted':
      return {
        ...lead,
        ...progressed,
        status: lead.status === 'assigned' ? 'working' : lead.status,
        attempts: event.data.attemptNo,
        firstContactAt: lead.firstContactAt ?? event.data.at,
      };
    case 'LeadQualified':
      return { ...lead, ...progressed, status: 'qualified', qualified: true };
    case 'LeadDisqualified':
      return { ...lead, status: 'disqualified', offer: null, waiting: null };
    case 'LeadNurtured':
      return { ...lead, status: 'nurturing', statusBeforeNurture: lead.status, offer: null, waiting: null };
    case 'LeadReactivated':
      return { ...lead, ...progressed, status: reactivatedStatus(lead), statusBeforeNurture: null };
    case 'LeadRecycled':
      return { ...lead, ...progressed, status: 'recycled', owner: null, offer: null, poolMethod: null };
    case 'LeadArchived':
      return { ...lead, status: 'archived', owner: null, offer: null, waiting: null };
    case 'LeadConverted':
      return { ...lead, status: 'converted', dealId: event.data.dealId, waiting: null };
    default: {
      const unknown: never = event;
      void unknown;
      return lead;
    }
  }
}

/** A nurtured lead returns to its owner, or to distribution when it had none. */
function reactivatedStatus(lead: Lead): Lead['status'] {
  if (lead.qualified && lead.owner) return 'qualified';
  if (lead.owner) return lead.firstContactAt ? 'working' : 'assigned';
  return 'new';
}
