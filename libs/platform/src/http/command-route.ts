import type { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { CachedStreamState, CommandOutcome } from '#ltc/commanding';
import type { AggregateCommands } from '../dispatch/command-handler-for.js';
import { envelopeFrom } from './command-envelope.js';
import { commandResponse, type CommandResponse } from './command-response.js';
import type { RequestContext } from './request-context.js';

/** One command of an HTTP route, addressed to one instance of an aggregate. */
export interface CommandRouteTarget<Input, State> {
  readonly aggregate: AggregateCommands<Input, State>;
  /** The instance's id: names the stream, the 404 and the `id` of the answer. */
  readonly id: string;
  readonly command: Input;
  /** True for commands on an existing instance: an unknown id answers 404 and writes nothing. */
  readonly existing: boolean;
  /** When the route derived the id from the command id (see `commandIdOf`), the same one. */
  readonly commandId?: string;
  /** Whether the caller may see the instance; false answers 404 as for an unknown id and writes nothing. */
  readonly visibleTo?: (state: State) => boolean;
  /** The stream as the route has just folded it (for a check before the command), to decide on without reading it again. */
  readonly loaded?: CachedStreamState<State>;
}

/**
 * The body every command route shares: the envelope from the request (idempotency key,
 * If-Match, actor, correlation), the CommandBus, and the answer with its ETag.
 */
export async function runCommandRoute<Input, State>(
  bus: CommandBus,
  ctx: RequestContext,
  reply: FastifyReply,
  target: CommandRouteTarget<Input, State>,
): Promise<CommandResponse> {
  const { aggregate, id, command } = target;
  const envelope = envelopeFrom(ctx, {
    command,
    stream: aggregate.stream(ctx.tenantId, id),
    ...(target.commandId !== undefined ? { commandId: target.commandId } : {}),
    ...(target.existing ? { mustExist: { entity: aggregate.entity, id } } : {}),
  });
  const visibleTo = target.visibleTo ? { visibleTo: target.visibleTo } : {};
  const outcome = await bus.execute<InstanceType<typeof aggregate.Message>, CommandOutcome>(
    new aggregate.Message({ ...envelope, ...visibleTo }, target.loaded),
  );
  return commandResponse(reply, id, outcome);
}
