import { randomUUID } from 'node:crypto';
import type { EventStore } from '../src/event-store.port.js';
import type { EventToAppend, RecordedEvent } from '../src/recorded-event.js';
import { readLog } from '../src/read-log.js';
import { SubscriptionReader, deferred, metadataFor, uniqueCategory, withTimeout } from './contract.helpers.js';

/** Writers that append at once, each through a store of its own where the adapter allows it. */
export interface ConcurrentWriters {
  readonly writers: readonly EventStore[];
  /** The store the subscriber and the final read use. */
  readonly reader: EventStore;
  dispose(): Promise<void>;
}

export interface ExactlyOnceScale {
  readonly writers: number;
  readonly events: number;
  /** Events per append. */
  readonly batch: number;
  /** Appends each writer keeps in flight, so group commit has something to group. */
  readonly inFlight: number;
}

/**
 * The promise that the whole design of positions rests on: a subscriber that catches up from
 * the start while many writers append sees every event exactly once, in one increasing order,
 * the same order a later read of the log gives, with each stream's revisions in sequence.
 */
export function describeExactlyOnceUnderConcurrentWriters(
  adapterName: string,
  scale: ExactlyOnceScale,
  open: (writers: number) => Promise<ConcurrentWriters>,
): void {
  const title = `${adapterName} › ${scale.writers} concurrent writers, ${scale.events.toLocaleString('en')} events`;
  describe(title, () => {
    it('a subscriber catching up while they write sees each event exactly once, in one consistent order', async () => {
      const fixture = await open(scale.writers);
      try {
        await expectExactlyOnce(fixture, scale);
      } finally {
        await fixture.dispose();
      }
      // Measured on the 2-core machine: 8 s (SQLite), 19 s (PostgreSQL), 11 s (wire double, a
      // tenth of the events); room for a machine busy with the other test worker.
    }, 180_000);
  });
}

async function expectExactlyOnce(fixture: ConcurrentWriters, scale: ExactlyOnceScale): Promise<void> {
  const category = uniqueCategory();
  const mine = { streamPrefixes: [`${category}-`] };
  const head = await fixture.reader.readHeadPosition();
  const perWriter = Math.ceil(scale.events / scale.writers);
  let written = 0;
  const started = deferred();
  const writing = Promise.all(
    fixture.writers.map((store, writer) =>
      writeAll(store, `${category}-w${writer}`, perWriter, scale, (count) => {
        written += count;
        if (written >= scale.events / 20) started.resolve();
      }),
    ),
  );
  writing.catch(() => undefined); // surfaced by the await below

  // Starts from the beginning once a twentieth is written: it catches up while the rest comes.
  await withTimeout(started.promise, 60_000, 'the first appends');
  const reader = new SubscriptionReader(fixture.reader.subscribeToAll({ after: head, filter: mine }));
  const seen = new Set<string>();
  const order: string[] = [];
  const revisions = new Map<string, bigint>();
  let last = head;
  const total = perWriter * scale.writers;
  while (order.length < total) {
    const event = await reader.next(30_000);
    if (!event) throw new Error(`The subscription ended after ${order.length} of ${total} events`);
    expectNext(event, { seen, revisions, last });
    seen.add(event.id);
    order.push(event.id);
    revisions.set(event.stream, event.revision);
    last = event.position;
  }
  await writing;
  // A repeat of any event would come before this marker, so receiving it next proves there was none.
  const marker = randomUUID();
  await fixture.reader.appendToStream(`${category}-end`, [{ ...eventOf(0), id: marker }]);
  expect((await reader.next(10_000))?.id).toBe(marker);
  await reader.close();

  const logged: string[] = [];
  for await (const event of readLog(fixture.reader, { after: head, upTo: last, filter: mine, pageSize: 5_000 })) {
    logged.push(event.id);
  }
  expect(logged.length).toBe(total);
  expect(logged.every((id, index) => order[index] === id)).toBe(true);
}

interface Seen {
  readonly seen: ReadonlySet<string>;
  readonly revisions: ReadonlyMap<string, bigint>;
  readonly last: bigint;
}

/** Fails at the first event out of place, naming it (a 200k-element diff helps no one). */
function expectNext(event: RecordedEvent, { seen, revisions, last }: Seen): void {
  const expectedRevision = (revisions.get(event.stream) ?? -1n) + 1n;
  if (seen.has(event.id) || event.position <= last || event.revision !== expectedRevision) {
    throw new Error(
      `Out of place: ${event.stream}@${event.revision} at ${event.position} after ${last} ` +
        `(repeat: ${seen.has(event.id)}, revision expected: ${expectedRevision})`,
    );
  }
}

async function writeAll(
  store: EventStore,
  streamPrefix: string,
  count: number,
  scale: ExactlyOnceScale,
  onWritten: (count: number) => void,
): Promise<void> {
  let next = 0;
  const lane = async (stream: string): Promise<void> => {
    while (next < count) {
      const size = Math.min(scale.batch, count - next);
      next += size;
      const events = Array.from({ length: size }, (_, index) => eventOf(index));
      await store.appendToStream(stream, events);
      onWritten(size);
    }
  };
  await Promise.all(Array.from({ length: scale.inFlight }, (_, index) => lane(`${streamPrefix}-${index}`)));
}

const METADATA = metadataFor();

function eventOf(index: number): EventToAppend {
  return { id: randomUUID(), type: 'Ticked', data: { index }, metadata: METADATA };
}

/** The number of events from `LTC_EXACTLY_ONCE_EVENTS`, else the default given. */
export function exactlyOnceEvents(fallback: number): number {
  const value = Number(process.env.LTC_EXACTLY_ONCE_EVENTS);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}
