import type { CommandEnvelope } from '#ltc/commanding';
import type { CaptureLead } from '../domain/lead.commands.js';

/** Nest CQRS message carrying a CaptureLead envelope; the clock's "now" is added by the handler. */
export class CaptureLeadCommand {
  constructor(readonly envelope: CommandEnvelope<Omit<CaptureLead, 'now'>>) {}
}
