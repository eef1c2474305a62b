import { commandHandlerFor, type WithoutNow } from '#ltc/platform';
import type { LeadCommand } from '../domain/lead.commands.js';
import { parseLeadEvent } from '../domain/lead-event.js';
import { leadDecider } from '../domain/lead.decider.js';
import { leadStream } from '../lead-stream.js';

/** A lead command without the clock's time, which the handler adds. */
export type LeadCommandInput = WithoutNow<LeadCommand>;

/**
 * Every lead command goes through one message and one generic handler. The handler keeps
 * recent leads' folded state: lead streams are long and busy (routing, SLA timers, touches).
 */
export const leadCommands = commandHandlerFor(leadDecider, {
  entity: 'Lead',
  stream: (_tenantId, leadId) => leadStream(leadId),
  cache: true,
  parse: parseLeadEvent,
});

/** The Nest CQRS message for every lead command. */
export const LeadCommandMessage = leadCommands.Message;
export type LeadCommandMessage = InstanceType<typeof LeadCommandMessage>;
