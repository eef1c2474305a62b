import { AssertionError, deepStrictEqual } from 'node:assert/strict';
import type { Decider, DomainEvent } from '#ltc/kernel';

/** The data of the event of `type` in the event union `Event`. */
export type EventData<Event extends DomainEvent, Type extends Event['type']> = Extract<Event, { type: Type }>['data'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any error class, whatever its constructor takes
type ErrorClass<E extends Error> = abstract new (...args: any[]) => E;

/**
 * Given events, when a command, then events or an error: one decider spec reads like the
 * next, whatever the context. No method is named `then`, so neither the spec nor a module
 * exporting one is mistaken for a promise. Assertions throw (failing the test) without
 * depending on the test runner, like the other helpers here. Import it from
 * `#ltc/testing/decider-spec`, not the testing index, which loads servers and clients a
 * pure decider spec does not need.
 */
export interface DeciderSpec<Command, Event extends DomainEvent, State> {
  /** The history the command meets; `[]` for an aggregate that does not exist yet. */
  readonly given: (history: readonly Event[]) => Given<Command, Event, State>;
  /** The events of deciding `commands` one after another from no history: a history to build on. */
  readonly history: (...commands: readonly Command[]) => Event[];
}

export interface Given<Command, Event extends DomainEvent, State> {
  /** The state the history folds to. */
  readonly state: State;
  readonly when: (command: Command) => When<Event>;
}

export interface When<Event extends DomainEvent> {
  /** The decided events; throws the refusal if the command was refused. */
  readonly events: Event[];
  /** The history followed by the decided events: what the stream holds afterwards. */
  readonly history: Event[];
  /** Exactly these events, in this order. */
  readonly thenEmits: (expected: readonly Event[]) => void;
  /** Exactly one event, of `type`; returns its data for further checks. */
  readonly thenEmitsOne: <Type extends Event['type']>(type: Type) => EventData<Event, Type>;
  /** No event: the command is accepted and changes nothing (a retry, a stale timer). */
  readonly thenNothing: () => void;
  /**
   * Refused: with this stable `code`, with an error carrying these properties (e.g. `{ field, rule }`),
   * or with an instance of `kind` (carrying `properties` when given). Returns the error.
   */
  readonly thenFails: {
    (code: string): Error;
    (properties: Readonly<Record<string, unknown>>): Error;
    <E extends Error>(kind: ErrorClass<E>, properties?: Readonly<Record<string, unknown>>): E;
  };
}

type Outcome<Event> = { readonly events: Event[] } | { readonly error: unknown };

export function deciderSpec<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
): DeciderSpec<Command, Event, State> {
  const fold = (history: readonly Event[]): State =>
    history.reduce((state, event) => decider.evolve(state, event), decider.initialState());
  const decide = (history: readonly Event[], command: Command): Event[] => [...decider.decide(command, fold(history))];
  return {
    given: (history) => ({
      get state() {
        return fold(history);
      },
      when: (command) =>
        whenOutcome(
          history,
          attempt(() => decide(history, command)),
        ),
    }),
    history: (...commands) => commands.reduce<Event[]>((events, c) => [...events, ...decide(events, c)], []),
  };
}

function attempt<Event>(run: () => Event[]): Outcome<Event> {
  try {
    return { events: run() };
  } catch (error) {
    return { error };
  }
}

function whenOutcome<Event extends DomainEvent>(history: readonly Event[], outcome: Outcome<Event>): When<Event> {
  const emitted = (): Event[] => {
    if ('error' in outcome) throw outcome.error;
    return outcome.events;
  };
  return {
    get events() {
      return emitted();
    },
    get history() {
      return [...history, ...emitted()];
    },
    thenEmits: (expected) => deepStrictEqual(emitted(), [...expected]),
    thenEmitsOne: <Type extends Event['type']>(type: Type) => {
      const events = emitted();
      deepStrictEqual(
        events.map((e) => e.type),
        [type],
      );
      return (events[0] as Extract<Event, { type: Type }>).data;
    },
    thenNothing: () => deepStrictEqual(emitted(), []),
    thenFails: (
      expected: string | Readonly<Record<string, unknown>> | ErrorClass<Error>,
      properties?: Readonly<Record<string, unknown>>,
    ) => {
      if (!('error' in outcome)) {
        throw new AssertionError({ message: `expected a refusal, got ${JSON.stringify(outcome.events)}` });
      }
      const { error } = outcome;
      if (!(error instanceof Error)) throw new AssertionError({ message: `expected an Error, got ${String(error)}` });
      const seen = `${error.name}: ${error.message}`;
      if (typeof expected === 'function' && !(error instanceof expected)) {
        throw new AssertionError({ message: `expected a ${expected.name}, got ${seen}` });
      }
      const wanted = typeof expected === 'string' ? { code: expected } : typeof expected === 'object' ? expected : {};
      assertHas(error, { ...wanted, ...properties });
      return error;
    },
  };
}

function assertHas(error: Error, properties: Readonly<Record<string, unknown>>): void {
  const actual = Object.fromEntries(
    Object.keys(properties).map((key) => [key, (error as unknown as Record<string, unknown>)[key]]),
  );
  deepStrictEqual(actual, { ...properties }, `${error.name}: ${error.message}`);
}
