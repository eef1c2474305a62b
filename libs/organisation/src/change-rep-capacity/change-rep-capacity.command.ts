import type { CommandEnvelope } from '#ltc/commanding';
import type { ChangeRepCapacity } from '../domain/rep.commands.js';

/** Nest CQRS message carrying a ChangeRepCapacity envelope; the clock's "now" is added by the handler. */
export class ChangeRepCapacityCommand {
  constructor(readonly envelope: CommandEnvelope<Omit<ChangeRepCapacity, 'now'>>) {}
}
