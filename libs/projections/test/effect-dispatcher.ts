import {
  commandIdFromKey,
  handleCommand,
  type CommandDispatcher,
  type DispatchContext,
  type DispatchableCommand,
} from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import type { Decider } from '#ltc/kernel';

/** One call seen by the dispatcher. */
export interface DispatchCall {
  readonly command: DispatchableCommand;
  readonly context: DispatchContext;
}

type EffectApplied = { readonly type: 'EffectApplied'; readonly data: { readonly command: string } };

/**
 * Appends `EffectApplied` every time it is asked: it has no memory of its own, so an
 * effect that happens once does so only through the command path's idempotency.
 */
const effectDecider: Decider<DispatchableCommand, EffectApplied, number> = {
  initialState: () => 0,
  decide: (command) => [{ type: 'EffectApplied', data: { command: command.type } }],
  evolve: (applied) => applied + 1,
};

/**
 * Sends each command through the real command path, as the app's registry does:
 * `handleCommand` on `effect-<target>` with the command id derived from the idempotency
 * key (`commandIdFromKey`), so a redelivered command finds its own event and writes nothing.
 */
export class EffectDispatcher implements CommandDispatcher {
  afterDispatch: (() => Promise<void>) | undefined;

  /** `calls` may be shared by the dispatchers of successive runs (restarts). */
  constructor(
    private readonly store: EventStore,
    readonly calls: DispatchCall[] = [],
  ) {}

  async dispatch(command: DispatchableCommand, context: DispatchContext): Promise<void> {
    this.calls.push({ command, context });
    await handleCommand(this.store, effectDecider, {
      command,
      stream: `effect-${String(command.payload.target)}`,
      commandId: commandIdFromKey(context.tenantId, context.actor.userId, context.idempotencyKey),
      idempotent: true,
      actor: context.actor,
      tenantId: context.tenantId,
      correlationId: context.correlationId,
      causationId: context.causationId,
    });
    await this.afterDispatch?.();
  }
}
