import type { CommandDispatcher, DispatchContext, DispatchableCommand } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';

/** One call seen by the dispatcher. */
export interface DispatchCall {
  readonly command: DispatchableCommand;
  readonly context: DispatchContext;
}

/**
 * A small real command handler: appends `EffectApplied` to `effect-<target>` unless an
 * event of that stream already carries the idempotency key as its command id.
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
    const stream = `effect-${String(command.payload.target)}`;
    const history = await this.store.readStream(stream);
    if (!history.some((event) => event.metadata.commandId === context.idempotencyKey)) {
      await this.store.appendToStream(
        stream,
        [
          {
            type: 'EffectApplied',
            data: { command: command.type },
            metadata: { ...context, commandId: context.idempotencyKey, schemaVersion: 1 },
          },
        ],
        { expectedRevision: history.at(-1)?.revision ?? 'no_stream' },
      );
    }
    await this.afterDispatch?.();
  }
}
