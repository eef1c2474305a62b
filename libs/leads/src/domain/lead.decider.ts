import { DomainError, type Decider } from '#ltc/kernel';
import type { LeadCommand } from './lead.commands.js';
import type { LeadEvent } from './lead.events.js';
import { initialLeadState, type LeadState } from './lead.state.js';

export function decideLead(command: LeadCommand, state: LeadState): LeadEvent[] {
  switch (command.type) {
    case 'CaptureLead': {
      if (state.status !== 'none') {
        throw new DomainError('LEAD_ALREADY_EXISTS', `Lead ${command.leadId} already exists`);
      }
      const { contact } = command;
      return [
        {
          type: 'LeadCaptured',
          data: {
            leadId: command.leadId,
            name: command.name,
            company: command.company,
            contact,
            source: command.source,
            region: command.region,
            complete: Boolean(contact.email || contact.phone),
            capturedAt: command.now.toISOString(),
          },
        },
      ];
    }
  }
}

export function evolveLead(state: LeadState, event: LeadEvent): LeadState {
  switch (event.type) {
    case 'LeadCaptured': {
      const { leadId, name, company, contact, source, region } = event.data;
      return { status: 'new', leadId, name, company, contact, source, region };
    }
    default: {
      // Events of newer versions of the engine are ignored rather than breaking old state.
      const unknown: never = event.type;
      void unknown;
      return state;
    }
  }
}

export const leadDecider: Decider<LeadCommand, LeadEvent, LeadState> = {
  initialState: initialLeadState,
  decide: decideLead,
  evolve: evolveLead,
};
