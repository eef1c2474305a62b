import { InMemoryEventStore, type EventMetadata } from '#ltc/event-store';
import { eventParser, type Decider } from '#ltc/kernel';
import { aggregateStream, streamStateOf } from './aggregate-stream.js';
import { handleCommand, type CommandEnvelope } from './command-handler.js';
import { StaleRevisionError } from './command-errors.js';

/** A command decides on the caller’s fold without a read (still safe when it is behind) and folds through the parser. */
type Add = { by: number };
type Added = { type: 'Added'; data: { by: number } };
const counter: Decider<Add, Added, number> = {
  initialState: () => 0,
  decide: (command) => [{ type: 'Added', data: { by: command.by } }],
  evolve: (total, event) => total + event.data.by,
};
const parse = eventParser<Added>({ Added: true });

const metadata: EventMetadata = {
  actor: { userId: 'u1', role: 'ar' },
  correlationId: 'c',
  causationId: 'c',
  commandId: 'earlier',
  tenantId: 'acme',
  schemaVersion: 1,
};

const envelope = (overrides: Partial<CommandEnvelope<Add, number>> = {}): CommandEnvelope<Add, number> => ({
  command: { by: 1 },
  stream: 'counter-1',
  commandId: 'cmd-new',
  idempotent: false,
  actor: metadata.actor,
  tenantId: 'acme',
  correlationId: 'c',
  causationId: 'c',
  ...overrides,
});

/** The store, counting its stream reads. */
class CountingStore extends InMemoryEventStore {
  reads = 0;
  override readStream(
    ...args: Parameters<InMemoryEventStore['readStream']>
  ): ReturnType<InMemoryEventStore['readStream']> {
    this.reads += 1;
    return super.readStream(...args);
  }
}

describe('Generic command handler › its fold (the caller’s, the context’s parser)', () => {
  it('decides on the fold it is given without reading the stream again', async () => {
    const store = new CountingStore();
    await store.appendToStream('counter-1', [{ type: 'Added', data: { by: 5 }, metadata }]);
    const loaded = streamStateOf(await aggregateStream(store, counter, 'counter-1', { parse }));
    store.reads = 0;
    const outcome = await handleCommand(store, counter, envelope(), loaded ? { loaded } : {});
    expect([outcome.revision, store.reads]).toEqual([1n, 0]);
  });

  it('a fold that fell behind is a conflict, decided again on a fresh read', async () => {
    const store = new CountingStore();
    await store.appendToStream('counter-1', [{ type: 'Added', data: { by: 5 }, metadata }]);
    const loaded = streamStateOf(await aggregateStream(store, counter, 'counter-1', { parse }));
    await store.appendToStream('counter-1', [{ type: 'Added', data: { by: 2 }, metadata }]);
    const outcome = await handleCommand(store, counter, envelope(), loaded ? { loaded } : {});
    expect(outcome.revision).toBe(2n);
    expect((await aggregateStream(store, counter, 'counter-1', { parse })).state).toBe(8);
  });

  it('answers If-Match from the stream itself, not from a fold that fell behind', async () => {
    const store = new CountingStore();
    await store.appendToStream('counter-1', [{ type: 'Added', data: { by: 5 }, metadata }]);
    const loaded = streamStateOf(await aggregateStream(store, counter, 'counter-1', { parse }));
    await store.appendToStream('counter-1', [{ type: 'Added', data: { by: 2 }, metadata }]);
    const fresh = await handleCommand(store, counter, envelope({ expectedRevision: 1n }), loaded ? { loaded } : {});
    expect(fresh.revision).toBe(2n);
    await expect(
      handleCommand(store, counter, envelope({ commandId: 'cmd-3', expectedRevision: 0n }), loaded ? { loaded } : {}),
    ).rejects.toBeInstanceOf(StaleRevisionError);
  });

  it('folds through the context’s parser: foreign types are left out, older shapes upcast', async () => {
    const store = new CountingStore();
    await store.appendToStream('counter-1', [
      { type: 'Added', data: { amount: 5 }, metadata },
      { type: 'Multiplied', data: { by: 10 }, metadata },
    ]);
    // Version 1 stored `amount`; the decider knows `by`. A bare cast would fold NaN.
    const upcasting = eventParser<Added>({ Added: true }, (event, stored) =>
      'amount' in (stored.data as object)
        ? { type: 'Added', data: { by: (stored.data as { amount: number }).amount } }
        : event,
    );
    // Decides only on exactly 5: NaN (a bare cast of the old shape) or 15 (the foreign event folded) decide nothing.
    const onFive: Decider<Add, Added, number> = {
      ...counter,
      decide: (command, total) => (total === 5 ? counter.decide(command, total) : []),
    };
    const outcome = await handleCommand(store, onFive, envelope(), { parse: upcasting });
    expect(outcome.events).toEqual([expect.objectContaining({ type: 'Added', revision: 2n })]);
  });

  it('replays a retry whose command is already in the fold it is given, and appends nothing', async () => {
    const store = new CountingStore();
    await store.appendToStream('counter-1', [{ type: 'Added', data: { by: 5 }, metadata }]);
    const loaded = streamStateOf(await aggregateStream(store, counter, 'counter-1', { parse }));
    const retry = envelope({ commandId: 'earlier', idempotent: true });
    const outcome = await handleCommand(store, counter, retry, loaded ? { loaded } : {});
    expect([outcome.replayed, outcome.revision]).toEqual([true, 0n]);
    expect((await store.readStream('counter-1')).length).toBe(1);
  });

  it('gives no fold for an empty stream, so the command reads (and judges) the stream itself', async () => {
    const store = new CountingStore();
    expect(streamStateOf(await aggregateStream(store, counter, 'counter-1', { parse }))).toBeUndefined();
  });
});
