/** A domain event as decided, before the store gives it a place in the log. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * The functional core of one aggregate: `decide` turns a command and the current
 * state into new events (or throws a DomainError); `evolve` folds an event into the
 * state and never throws. Both are pure, so any decision replays identically.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: () => State;
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
}
