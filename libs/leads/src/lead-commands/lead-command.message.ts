import type { CommandEnvelope } from '#ltc/commanding';
import type { LeadCommand } from '../domain/lead.commands.js';
import type { LeadState } from '../domain/lead.state.js';

/** A lead command without the clock's time, which the handler adds. */
export type LeadCommandInput = LeadCommand extends infer C ? (C extends LeadCommand ? Omit<C, 'now'> : never) : never;

/** The Nest CQRS message for every lead command: one generic handler decides them all. */
export class LeadCommandMessage {
  constructor(readonly envelope: CommandEnvelope<LeadCommandInput, LeadState>) {}
}
