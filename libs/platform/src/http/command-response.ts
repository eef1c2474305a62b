import type { FastifyReply } from 'fastify';
import type { CommandOutcome } from '#ltc/commanding';
import { faultPoint } from '#ltc/kernel';

/** What every command route answers: the entity, its new revision and the events written. */
export interface CommandResponse {
  readonly id: string;
  readonly revision: number | null;
  readonly events: { id: string; type: string; revision: number }[];
}

/**
 * Writes the revision into `ETag` (the value to send back in `If-Match`) and marks a
 * retried idempotent command with `Idempotent-Replayed: true`; the body is the same.
 */
export function commandResponse(reply: FastifyReply, id: string, outcome: CommandOutcome): CommandResponse {
  if (outcome.events.length > 0 && !outcome.replayed) faultPoint('command.after-append-before-response');
  if (outcome.revision !== undefined) void reply.header('ETag', `"${outcome.revision.toString()}"`);
  if (outcome.replayed) void reply.header('Idempotent-Replayed', 'true');
  return {
    id,
    revision: outcome.revision === undefined ? null : toSafeNumber(outcome.revision),
    events: outcome.events.map((e) => ({ id: e.id, type: e.type, revision: toSafeNumber(e.revision) })),
  };
}

/** Stream revisions stay far below 2^53; refuse loudly rather than round silently. */
export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${value.toString()} exceeds a safe JSON number`);
  return Number(value);
}
