import type { Decider, DomainEvent, EventParser } from '#ltc/kernel';
import type { EventStore, RecordedEvent } from '#ltc/event-store';
import type { CachedStreamState } from './stream-state.cache.js';

export interface AggregateStreamOptions<Event extends DomainEvent> {
  /** The context's parser: the one place its stored events are narrowed and upcast. */
  readonly parse: EventParser<Event>;
  /**
   * Folds only the events at or before this global position: the stream as it stood when
   * that event was written (a process manager reading another stream as of the event it
   * handles, so that handling it later, or again in a rebuild, reads the same).
   */
  readonly upTo?: bigint;
  /**
   * Folds only the events the store had recorded at this instant: the stream as anyone
   * reading it then saw it (time travel, `?asOf=`). Nothing is scheduled in advance; the
   * log is the snapshot.
   */
  readonly asOf?: Date;
}

/** A stream folded by its decider. */
export interface AggregatedStream<Event extends DomainEvent, State> {
  readonly state: State;
  /** Revision of the last event read (known to the parser or not); undefined for an empty stream. */
  readonly revision: bigint | undefined;
  /** Tenant of the stream's first event; undefined for an empty stream. */
  readonly tenantId: string | undefined;
  /** The stored events read, in order, each with its domain event (undefined when not the context's). */
  readonly events: readonly ParsedEvent<Event>[];
}

export interface ParsedEvent<Event extends DomainEvent> {
  readonly recorded: RecordedEvent;
  readonly event: Event | undefined;
}

/**
 * Reads a stream once and folds it with the decider's `evolve`, through the context's parser.
 * Events the parser does not know are skipped by the fold (an evolve ignores what it does not
 * know) but still count for the revision, which is what an append must expect.
 */
export async function aggregateStream<Event extends DomainEvent, State>(
  store: EventStore,
  decider: Pick<Decider<never, Event, State>, 'initialState' | 'evolve'>,
  stream: string,
  options: AggregateStreamOptions<Event>,
): Promise<AggregatedStream<Event, State>> {
  const read = await store.readStream(stream);
  const { upTo, asOf } = options;
  const recorded =
    upTo === undefined && asOf === undefined
      ? read
      : read.filter((r) => (upTo === undefined || r.position <= upTo) && (asOf === undefined || r.recordedAt <= asOf));
  const events = recorded.map((r) => ({ recorded: r, event: options.parse(r) }));
  const state = events.reduce((s, { event }) => (event ? decider.evolve(s, event) : s), decider.initialState());
  return {
    state,
    revision: recorded.at(-1)?.revision,
    tenantId: recorded[0]?.metadata.tenantId,
    events,
  };
}

/**
 * A fold as a command can start from (`CommandEnvelope.loaded`), so the command does not read
 * the stream again; undefined for an empty stream, which the command reads (and refuses) itself.
 */
export function streamStateOf<State>(
  folded: AggregatedStream<DomainEvent, State>,
): CachedStreamState<State> | undefined {
  if (folded.revision === undefined || folded.tenantId === undefined) return undefined;
  return {
    state: folded.state,
    revision: folded.revision,
    tenantId: folded.tenantId,
    commandIds: new Set(folded.events.map(({ recorded }) => recorded.metadata.commandId)),
  };
}
