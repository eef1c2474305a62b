/** One event as the double stores it: what the server would hold in its transaction log. */
export interface WireStoredEvent {
  /** The event id as a lower-case UUID string. */
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  /** Log position; the double always reports commit == prepare == this value. */
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  /** The event's user metadata exactly as the client sent it (`custom_metadata`). */
  readonly customMetadata: Uint8Array;
  /** Creation time in 100 ns ticks since the Unix epoch, the unit the server sends. */
  readonly createdTicks: bigint;
}

/** An event as proposed by an append request, before it has a place in the log. */
export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export type ExpectedStreamState =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

export type AppendOutcome =
  | { readonly ok: true; readonly currentRevision: bigint; readonly position: bigint }
  /** `current` is undefined when the stream does not exist. */
  | { readonly ok: false; readonly current: bigint | undefined };

type AppendListener = (event: WireStoredEvent) => void;

const TICKS_PER_MILLISECOND = 10_000n;
// A fixed per-record overhead, so positions advance like byte offsets in a real log:
// increasing, but with gaps, which keeps adapters from assuming `position + 1`.
const RECORD_OVERHEAD = 96n;

/**
 * The double's whole state: one append-only log of events in global order plus an index
 * per stream. Appends are synchronous, so an append and the notification of live
 * subscribers happen in one turn of the event loop, as one atomic step.
 */
export class WireLog {
  private readonly log: WireStoredEvent[] = [];
  private readonly streams = new Map<string, WireStoredEvent[]>();
  private readonly listeners = new Set<AppendListener>();
  private nextPosition: bigint;

  constructor(firstPosition: bigint) {
    if (firstPosition <= 0n) throw new RangeError('firstPosition must be positive: 0 means "start" on the wire');
    this.nextPosition = firstPosition;
  }

  append(stream: string, expected: ExpectedStreamState, proposed: readonly ProposedEvent[]): AppendOutcome {
    const existing = this.streams.get(stream);
    const current = existing && existing.length > 0 ? BigInt(existing.length - 1) : undefined;
    if (!expectationHolds(expected, current)) return { ok: false, current };
    if (proposed.length === 0) {
      // The server accepts an empty write and reports the stream as it is.
      return { ok: true, currentRevision: current ?? -1n, position: this.headPosition() };
    }

    const events = existing ?? [];
    const createdTicks = BigInt(Date.now()) * TICKS_PER_MILLISECOND;
    const written: WireStoredEvent[] = proposed.map((event, index) => {
      const position = this.nextPosition;
      const size = BigInt(stream.length + event.type.length + event.data.length + event.customMetadata.length);
      this.nextPosition += RECORD_OVERHEAD + size;
      return { ...event, stream, revision: BigInt(events.length + index), position, createdTicks };
    });
    events.push(...written);
    this.streams.set(stream, events);
    this.log.push(...written);
    for (const event of written) {
      for (const listener of [...this.listeners]) listener(event);
    }
    const last = written[written.length - 1];
    if (!last) throw new Error('unreachable: a non-empty write has a last event');
    return { ok: true, currentRevision: last.revision, position: last.position };
  }

  /** The stream's events, or undefined when it has none (the server's "stream not found"). */
  stream(stream: string): readonly WireStoredEvent[] | undefined {
    const events = this.streams.get(stream);
    return events && events.length > 0 ? events : undefined;
  }

  events(): readonly WireStoredEvent[] {
    return this.log;
  }

  /** Index of the first event whose position is >= `position` (log length when none). */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const event = this.log[middle];
      if (event && event.position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  headPosition(): bigint {
    return this.log[this.log.length - 1]?.position ?? 0n;
  }

  /** Registers a listener for every event appended from now on; returns the unsubscribe. */
  onAppended(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function expectationHolds(expected: ExpectedStreamState, current: bigint | undefined): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    case 'revision':
      return current === expected.revision;
  }
}
