import { InMemoryEventStore, type EventMetadata } from '#ltc/event-store';
import { eventParser, type DomainEvent } from '#ltc/kernel';
import { aggregateStream } from './aggregate-stream.js';

type Added = DomainEvent<'Added', { readonly amount: number }>;
type Reset = DomainEvent<'Reset', Record<string, never>>;
type CounterEvent = Added | Reset;

const counter = {
  initialState: () => 0,
  evolve: (total: number, event: CounterEvent) => (event.type === 'Added' ? total + event.data.amount : 0),
};

// Version 1 of `Added` stored the amount as `value`: the upcaster reads it as today's shape.
const parse = eventParser<CounterEvent>({ Added: true, Reset: true }, (event, stored) =>
  event.type === 'Added' && stored.metadata?.schemaVersion === 1
    ? { type: 'Added', data: { amount: (stored.data as { value: number }).value } }
    : event,
);

const metadata = (schemaVersion = 2): EventMetadata => ({
  actor: { userId: 'u-1', role: 'ad' },
  correlationId: 'c-1',
  causationId: 'c-1',
  commandId: 'cmd-1',
  tenantId: 'acme',
  schemaVersion,
});

describe('aggregateStream', () => {
  it('folds a stream with the decider, upcasting older shapes by their schema version', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('counter-1', [
      { type: 'Added', data: { value: 5 }, metadata: metadata(1) },
      { type: 'Added', data: { amount: 2 }, metadata: metadata() },
    ]);
    const folded = await aggregateStream(store, counter, 'counter-1', { parse });
    expect([folded.state, folded.revision, folded.tenantId]).toEqual([7, 1n, 'acme']);
    expect(folded.events.map((e) => e.event)).toEqual([
      { type: 'Added', data: { amount: 5 } },
      { type: 'Added', data: { amount: 2 } },
    ]);
  });

  it('skips a type the context does not know, yet counts it for the revision', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('counter-1', [
      { type: 'Added', data: { amount: 3 }, metadata: metadata() },
      { type: 'Multiplied', data: { by: 10 }, metadata: metadata() },
    ]);
    const folded = await aggregateStream(store, counter, 'counter-1', { parse });
    expect([folded.state, folded.revision]).toEqual([3, 1n]);
    expect(folded.events[1]?.event).toBeUndefined();
  });

  it('reads an unknown stream as the initial state at no revision', async () => {
    const folded = await aggregateStream(new InMemoryEventStore(), counter, 'nothing', { parse });
    expect(folded).toEqual({ state: 0, revision: undefined, tenantId: undefined, events: [] });
  });

  it('as of an instant, folds only the events recorded by then', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('counter-1', [{ type: 'Added', data: { amount: 3 }, metadata: metadata() }]);
    const [first] = await store.readStream('counter-1');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.appendToStream('counter-1', [{ type: 'Added', data: { amount: 4 }, metadata: metadata() }]);
    const then = await aggregateStream(store, counter, 'counter-1', { parse, asOf: first!.recordedAt });
    expect([then.state, then.revision, then.events.length]).toEqual([3, 0n, 1]);
    const before = await aggregateStream(store, counter, 'counter-1', {
      parse,
      asOf: new Date(first!.recordedAt.getTime() - 1),
    });
    expect([before.state, before.revision, before.tenantId]).toEqual([0, undefined, undefined]);
    const now = await aggregateStream(store, counter, 'counter-1', { parse, asOf: new Date() });
    expect([now.state, now.revision]).toEqual([7, 1n]);
  });
});
