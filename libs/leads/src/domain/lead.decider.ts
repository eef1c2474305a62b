import { DomainError, type Decider } from '#ltc/kernel';
import type { LeadCommand } from './lead.commands.js';
import type { LeadEvent } from './lead.events.js';
import { evolveLead } from './lead.evolve.js';
import { existing, iso, open } from './lead-guards.js';
import { decideEdit } from './lead-edit.decide.js';
import { initialLeadState, type LeadState } from './lead.state.js';
import {
  decideAcceptOffer,
  decideAssign,
  decideClaim,
  decideDeclineOffer,
  decideExpireOffer,
  decideOffer,
  decidePool,
} from './lead-ownership.decide.js';
import {
  decideArchive,
  decideBreachResponse,
  decideContactAttempt,
  decideConvert,
  decideDisqualify,
  decideNurture,
  decideQualify,
  decideReactivate,
  decideRecycle,
  decideWarnRecycle,
  decideWarnResponse,
} from './lead-progress.decide.js';
import { decideRetargetResponse } from './lead-response-target.decide.js';
import { decideDeferRouting } from './lead-routing-deferred.decide.js';

/** Decides what a command on a lead means, given everything that happened to it. */
export function decideLead(command: LeadCommand, state: LeadState): LeadEvent[] {
  switch (command.type) {
    case 'CaptureLead': {
      if (state.status !== 'none') {
        throw new DomainError('LEAD_ALREADY_EXISTS', `Lead ${command.leadId} already exists`);
      }
      if (state.voided) {
        throw new DomainError(
          'LEAD_CAPTURE_SUPERSEDED',
          `Another capture of the same contact took over while lead ${command.leadId} was being captured; send it again`,
        );
      }
      const { type: _type, now, ...profile } = command;
      return [
        {
          type: 'LeadCaptured',
          data: { ...profile, complete: Boolean(profile.contact.email || profile.contact.phone), capturedAt: iso(now) },
        },
      ];
    }
    case 'EditLead':
      return decideEdit(command, state);
    case 'SetLeadTeam': {
      const lead = open(state, command.leadId);
      if (lead.team === command.team) return [];
      const { team, ruleId, reason } = command;
      return [{ type: 'LeadTeamSet', data: { leadId: lead.leadId, team, ruleId, reason, at: iso(command.now) } }];
    }
    case 'RecordLeadTouch': {
      const lead = existing(state, command.leadId);
      const { source, note, raisedFromTicket } = command;
      const lineage = raisedFromTicket === undefined ? {} : { raisedFromTicket };
      return [
        { type: 'LeadTouchRecorded', data: { leadId: lead.leadId, source, note, at: iso(command.now), ...lineage } },
      ];
    }
    case 'RecordLeadInteraction': {
      const lead = existing(state, command.leadId);
      const at = iso(command.at ?? command.now);
      return [
        {
          type: 'LeadInteractionRecorded',
          data: { leadId: lead.leadId, kind: command.kind, detail: command.detail, at },
        },
      ];
    }
    case 'TagLead': {
      const lead = existing(state, command.leadId);
      if (lead.tags.some((t) => t.category === command.category && t.tag === command.tag)) return [];
      const { category, tag } = command;
      return [{ type: 'LeadTagged', data: { leadId: lead.leadId, category, tag, at: iso(command.now) } }];
    }
    case 'UntagLead': {
      const lead = existing(state, command.leadId);
      if (!lead.tags.some((t) => t.category === command.category && t.tag === command.tag)) return [];
      const { category, tag } = command;
      return [{ type: 'LeadUntagged', data: { leadId: lead.leadId, category, tag, at: iso(command.now) } }];
    }
    case 'ScoreLead': {
      const lead = open(state, command.leadId);
      const same =
        lead.score?.value === command.score &&
        lead.score.tier === command.tier &&
        lead.score.modelVersion === command.modelVersion;
      if (same) return [];
      const { type: _type, now, ...score } = command;
      return [{ type: 'LeadScored', data: { ...score, at: iso(now) } }];
    }
    case 'AssignLead':
      return decideAssign(command, state);
    case 'PoolLead':
      return decidePool(command, state);
    case 'ClaimLead':
      return decideClaim(command, state);
    case 'OfferLead':
      return decideOffer(command, state);
    case 'AcceptLeadOffer':
      return decideAcceptOffer(command, state);
    case 'DeclineLeadOffer':
      return decideDeclineOffer(command, state);
    case 'ExpireLeadOffer':
      return decideExpireOffer(command, state);
    case 'RecordContactAttempt':
      return decideContactAttempt(command, state);
    case 'WarnLeadResponse':
      return decideWarnResponse(command, state);
    case 'BreachLeadResponse':
      return decideBreachResponse(command, state);
    case 'RetargetLeadResponse':
      return decideRetargetResponse(command, state);
    case 'QualifyLead':
      return decideQualify(command, state);
    case 'DisqualifyLead':
      return decideDisqualify(command, state);
    case 'NurtureLead':
      return decideNurture(command, state);
    case 'ReactivateLead':
      return decideReactivate(command, state);
    case 'WarnLeadRecycle':
      return decideWarnRecycle(command, state);
    case 'RecycleLead':
      return decideRecycle(command, state);
    case 'ArchiveLead':
      return decideArchive(command, state);
    case 'ConvertLead':
      return decideConvert(command, state);
    case 'DeferLeadRouting':
      return decideDeferRouting(command, state);
  }
}

export const leadDecider: Decider<LeadCommand, LeadEvent, LeadState> = {
  initialState: initialLeadState,
  decide: decideLead,
  evolve: evolveLead,
};

export { evolveLead };
