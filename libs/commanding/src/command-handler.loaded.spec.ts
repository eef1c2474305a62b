import { InMemoryEventStore, type EventMetadata } from '#ltc/event-store';
import { eventParser, type Decider } from '#ltc/kernel';
import { aggregateStream, streamStateOf } from './aggregate-stream.js';
import { handleCommand, type CommandEnvelope } from './command-handler.js';
import { StaleRevisionError } from './command-errors.js';

/** A command that starts from the caller's fold: decided without a read, and still safe when the fold is behind. */
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

describe('Generic command handler › from the caller’s fold', () => {
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
});
