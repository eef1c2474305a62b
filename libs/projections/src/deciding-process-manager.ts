import type { RecordedEvent } from '#ltc/event-store';
import type { ProcessManager } from './process-manager.js';
import { runEffects, type ProcessManagerEffect } from './process-manager-effects.js';

/** The pure decision of a process manager: which effects an event calls for. */
export type ProcessManagerDecision<State> = (event: RecordedEvent, state: State) => readonly ProcessManagerEffect[];

/** A process manager whose decision needs nothing but the event. */
export interface EventOnlyDefinition extends Omit<ProcessManager, 'handle'> {
  readonly load?: undefined;
  readonly decide: (event: RecordedEvent) => readonly ProcessManagerEffect[];
}

/** A process manager whose decision needs what `load` reads first (streams, its read models). */
export interface LoadingDefinition<State> extends Omit<ProcessManager, 'handle'> {
  /** The only asynchronous step: reads, never writes. Run again when the event is retried. */
  readonly load: (event: RecordedEvent) => Promise<State>;
  readonly decide: ProcessManagerDecision<State>;
}

/**
 * A process manager written as load → decide → effects: `decide` is pure, so it is
 * specified with plain data, and the runner carries out what it returns, in order. A
 * retried event loads and decides again; the effects' keys (derived from the event)
 * keep them to one effect each.
 */
export function decidingProcessManager(definition: EventOnlyDefinition): ProcessManager;
export function decidingProcessManager<State>(definition: LoadingDefinition<State>): ProcessManager;
export function decidingProcessManager<State>(
  definition: EventOnlyDefinition | LoadingDefinition<State>,
): ProcessManager {
  // The rest are the manager's own members (name, filter, partitionKey, …), passed on as they are.
  // `load` and `decide` are read through `definition`, where their types stay paired.
  const { load: _load, decide: _decide, ...manager } = definition;
  return {
    ...manager,
    async handle(event, ctx) {
      const effects =
        definition.load === undefined
          ? definition.decide(event)
          : definition.decide(event, await definition.load(event));
      await runEffects(ctx, effects);
    },
  };
}
