import { DomainError, InvalidInputError } from '#ltc/kernel';
import type {
  ArchiveLead,
  BreachLeadResponse,
  ConvertLead,
  DisqualifyLead,
  NurtureLead,
  QualifyLead,
  ReactivateLead,
  RecordContactAttempt,
  RecycleLead,
  WarnLeadRecycle,
  WarnLeadResponse,
} from './lead.commands.js';
import type { ConvertedLeadFacts, LeadEvent } from './lead.events.js';
import type { Lead, LeadState } from './lead.state.js';
import { OWNED_STATUSES } from './lead.state.js';
import { existing, inStatus, iso, open } from './lead-guards.js';

/** Working the lead: contact attempts, the response and recycle clocks, and how it ends. */

export function decideContactAttempt(command: RecordContactAttempt, state: LeadState): LeadEvent[] {
  const lead = open(state, command.leadId);
  if (lead.owner === null) throw new DomainError('LEAD_NOT_ASSIGNED', `Lead ${lead.leadId} has no owner to work it`);
  if (lead.owner !== command.repId && !command.onBehalfOfOwner) {
    throw new DomainError('NOT_LEAD_OWNER', `Lead ${lead.leadId} belongs to another rep`);
  }
  const first = lead.firstContactAt === null && lead.assignedAt !== null;
  return [
    {
      type: 'LeadContactAttempted',
      data: {
        leadId: lead.leadId,
        repId: lead.owner,
        attemptNo: lead.attempts + 1,
        channel: command.channel,
        outcome: command.outcome,
        note: command.note,
        secondsSinceAssignment: first
          ? Math.max(0, Math.round((command.now.getTime() - Date.parse(lead.assignedAt ?? '')) / 1000))
          : null,
        at: iso(command.now),
      },
    },
  ];
}

/** Timer commands carry the assignment they were set for; a later assignment makes them stale. */
export function awaitingFirstContact(state: LeadState, assignmentNo: number, dueAt?: string): Lead | undefined {
  if (state.status === 'none' || !OWNED_STATUSES.includes(state.status)) return undefined;
  if (state.assignmentNo !== assignmentNo || state.firstContactAt !== null || state.owner === null) return undefined;
  // A timer set for a due time the clock was re-targeted away from is stale.
  if (dueAt !== undefined && dueAt !== state.responseDueAt) return undefined;
  return state;
}

export function decideWarnResponse(command: WarnLeadResponse, state: LeadState): LeadEvent[] {
  const lead = awaitingFirstContact(state, command.assignmentNo, command.responseDueAt);
  if (!lead?.owner || !lead.responseDueAt) return [];
  return [
    {
      type: 'LeadResponseWarning',
      data: {
        leadId: lead.leadId,
        repId: lead.owner,
        assignmentNo: lead.assignmentNo,
        dueAt: lead.responseDueAt,
        at: iso(command.now),
      },
    },
  ];
}

export function decideBreachResponse(command: BreachLeadResponse, state: LeadState): LeadEvent[] {
  const lead = awaitingFirstContact(state, command.assignmentNo, command.responseDueAt);
  if (!lead?.owner || !lead.responseDueAt) return [];
  return [
    {
      type: 'LeadResponseSlaBreached',
      data: {
        leadId: lead.leadId,
        repId: lead.owner,
        assignmentNo: lead.assignmentNo,
        dueAt: lead.responseDueAt,
        escalation: command.escalation,
        at: iso(command.now),
      },
    },
  ];
}

export function decideQualify(command: QualifyLead, state: LeadState): LeadEvent[] {
  const lead = open(state, command.leadId);
  if (lead.qualified) throw new DomainError('LEAD_ALREADY_QUALIFIED', `Lead ${lead.leadId} is already qualified`);
  inStatus(lead, ['assigned', 'working'], 'LEAD_NOT_ASSIGNED', 'qualify a lead nobody works');
  const { budget, authority, need, timeline } = command;
  return [
    { type: 'LeadQualified', data: { leadId: lead.leadId, budget, authority, need, timeline, at: iso(command.now) } },
  ];
}

export function decideDisqualify(command: DisqualifyLead, state: LeadState): LeadEvent[] {
  const lead = open(state, command.leadId);
  return [
    {
      type: 'LeadDisqualified',
      data: { leadId: lead.leadId, reasonCode: command.reasonCode, note: command.note, at: iso(command.now) },
    },
  ];
}

export function decideNurture(command: NurtureLead, state: LeadState): LeadEvent[] {
  const lead = open(state, command.leadId);
  if (lead.status === 'nurturing')
    throw new DomainError('LEAD_ALREADY_NURTURING', `Lead ${lead.leadId} is already parked`);
  if (command.reactivateOn.getTime() <= command.now.getTime()) {
    throw new InvalidInputError('reactivateOn', 'future', 'reactivateOn must be in the future');
  }
  return [
    {
      type: 'LeadNurtured',
      data: {
        leadId: lead.leadId,
        reactivateOn: iso(command.reactivateOn),
        reason: command.reason,
        at: iso(command.now),
      },
    },
  ];
}

/** From the nurture timer or a person; a lead that is no longer parked needs nothing. */
export function decideReactivate(command: ReactivateLead, state: LeadState): LeadEvent[] {
  const lead = existing(state, command.leadId);
  if (lead.status !== 'nurturing') return [];
  return [{ type: 'LeadReactivated', data: { leadId: lead.leadId, at: iso(command.now) } }];
}

function idleSince(state: LeadState, progressNo: number | null): Lead | undefined {
  if (state.status === 'none' || state.owner === null) return undefined;
  if (!['assigned', 'working'].includes(state.status)) return undefined;
  if (progressNo !== null && state.progressNo !== progressNo) return undefined;
  return state;
}

export function decideWarnRecycle(command: WarnLeadRecycle, state: LeadState): LeadEvent[] {
  const lead = idleSince(state, command.progressNo);
  if (!lead?.owner) return [];
  return [
    {
      type: 'LeadRecycleWarning',
      data: { leadId: lead.leadId, repId: lead.owner, recycleAt: iso(command.recycleAt), at: iso(command.now) },
    },
  ];
}

export function decideRecycle(command: RecycleLead, state: LeadState): LeadEvent[] {
  if (command.progressNo === null) {
    // A manager's decision: the lead must be owned and open.
    const lead = open(state, command.leadId);
    inStatus(lead, ['assigned', 'working'], 'LEAD_NOT_ASSIGNED', 'recycle a lead nobody owns');
  }
  const lead = idleSince(state, command.progressNo);
  if (!lead) return [];
  return [
    {
      type: 'LeadRecycled',
      data: { leadId: lead.leadId, previousRepId: lead.owner, reason: command.reason, at: iso(command.now) },
    },
  ];
}

export function decideArchive(command: ArchiveLead, state: LeadState): LeadEvent[] {
  if (command.progressNo === null) {
    const lead = open(state, command.leadId);
    inStatus(lead, ['pooled', 'recycled', 'new'], 'LEAD_IN_WORK', 'archive a lead that is being worked');
  }
  if (state.status === 'none' || !['pooled', 'recycled', 'new'].includes(state.status)) return [];
  if (command.progressNo !== null && state.progressNo !== command.progressNo) return [];
  return [{ type: 'LeadArchived', data: { leadId: state.leadId, reason: command.reason, at: iso(command.now) } }];
}

export function decideConvert(command: ConvertLead, state: LeadState): LeadEvent[] {
  const lead = existing(state, command.leadId);
  if (lead.status === 'converted') {
    if (lead.dealId === command.dealId) return [];
    throw new DomainError('LEAD_ALREADY_CONVERTED', `Lead ${lead.leadId} was already converted`, {
      dealId: lead.dealId,
    });
  }
  open(state, command.leadId);
  if (lead.status !== 'qualified') {
    throw new DomainError('LEAD_NOT_QUALIFIED', `Lead ${lead.leadId} must be qualified before it converts`, {
      status: lead.status,
    });
  }
  return [
    {
      type: 'LeadConverted',
      data: {
        leadId: lead.leadId,
        dealId: command.dealId,
        repId: lead.owner,
        at: iso(command.now),
        ...convertedFacts(lead),
      },
    },
  ];
}

/** The lead's facts its deal opens with (see `ConvertedLeadFacts`). */
function convertedFacts(lead: Lead): ConvertedLeadFacts {
  const { profile } = lead;
  return {
    name: profile.name,
    company: profile.company,
    contactPerson: profile.contact.person,
    source: profile.source,
    region: profile.region,
    team: lead.team,
    tags: lead.tags.map(({ category, tag }) => `${category}:${tag}`),
    score: lead.score?.value ?? null,
    estimatedDealSize: profile.estimatedDealSize ?? null,
    owner: lead.owner,
    capturedAt: lead.capturedAt,
  };
}
