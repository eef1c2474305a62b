import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../src/errors.js';
import type { EventSubscription, ExpectedRevision } from '../src/event-store.port.js';
import type { EventMetadata, EventToAppend, RecordedEvent } from '../src/recorded-event.js';

// Tag names with this run, so that a store shared between tests (or kept between runs,
// like a long-lived EventStoreDB double) never mixes one test's events into another's.
const runTag = randomUUID().replaceAll('-', '').slice(0, 8);
let sequence = 0;

/** A stream category (letters and digits only) that no other test has used. */
export function uniqueCategory(): string {
  sequence += 1;
  return `contract${runTag}n${sequence}`;
}

/** An event type no other test has used, so type filters are meaningful on a shared store. */
export function uniqueType(name: string): string {
  sequence += 1;
  return `${name}${runTag}n${sequence}`;
}

export function metadataFor(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: { userId: 'user-7', role: 'sales' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
    tenantId: 'tenant-a',
    schemaVersion: 1,
    ...overrides,
  };
}

export function anEvent(type: string, data: unknown = {}, id?: string): EventToAppend {
  return id === undefined ? { type, data, metadata: metadataFor() } : { id, type, data, metadata: metadataFor() };
}

export function someEvents(count: number, type = 'Ticked'): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => anEvent(type, { index }));
}

/** Asserts that positions only ever grow, which is all the port promises about them. */
export function expectIncreasingPositions(events: readonly RecordedEvent[]): void {
  for (let index = 1; index < events.length; index += 1) {
    const previous = events[index - 1];
    const current = events[index];
    if (!previous || !current) throw new Error('unreachable: index within bounds');
    expect(current.position > previous.position).toBe(true);
  }
}

export async function expectConflict(
  attempt: Promise<unknown>,
  stream: string,
  expected: ExpectedRevision,
  actual: bigint | undefined,
): Promise<void> {
  const error = await attempt.then(
    () => new Error('expected a WrongExpectedRevisionError, but the append succeeded'),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  if (!(error instanceof WrongExpectedRevisionError)) return;
  expect(error.stream).toBe(stream);
  expect(error.expected).toBe(expected);
  expect(error.actual).toBe(actual);
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Yields to the event loop so that concurrent tasks (and adapters' I/O) really interleave. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Reads a subscription through ONE iterator (the port does not promise that a second
 * iterator continues where the first stopped) with a timeout on every step.
 */
export class SubscriptionReader {
  private readonly iterator: AsyncIterator<RecordedEvent>;

  constructor(readonly subscription: EventSubscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  /** The next event; `undefined` once the iteration has ended. */
  async next(timeoutMs = 5_000): Promise<RecordedEvent | undefined> {
    const result = await withTimeout(this.iterator.next(), timeoutMs, 'the next subscription event');
    return result.done ? undefined : result.value;
  }

  async take(count: number, timeoutMs = 5_000): Promise<RecordedEvent[]> {
    const taken: RecordedEvent[] = [];
    while (taken.length < count) {
      const event = await this.next(timeoutMs);
      if (!event) throw new Error(`Subscription ended after ${taken.length} of ${count} events`);
      taken.push(event);
    }
    return taken;
  }

  close(): Promise<void> {
    return this.subscription.close();
  }
}

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve: (value) => resolve(value) };
}
