import { commandIdFromKey } from '#ltc/commanding';
import type { EventStore, RecordedEvent } from '#ltc/event-store';
import { ProjectionRunner, type ProcessManager, type ReadModelHandle } from '#ltc/projections';
import { metadata, openStore, sqliteTarget, tempDir, writeEvents } from './fixtures.js';
import { EffectDispatcher } from './effect-dispatcher.js';
import { Cleanup } from './suite-support.js';

/** What a handler saw: when each event started and ended relative to the others. */
class Trace {
  readonly started: string[] = [];
  readonly finished: string[] = [];
  inFlight = new Set<string>();
  maxInFlight = 0;
  /** Events of one stream found in flight together (must stay empty). */
  readonly overlapsInStream: string[] = [];

  async around(event: RecordedEvent, work: () => Promise<void>): Promise<void> {
    for (const other of this.inFlight) if (other.startsWith(`${event.stream}#`)) this.overlapsInStream.push(event.id);
    const label = `${event.stream}#${event.id}`;
    this.inFlight.add(label);
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight.size);
    this.started.push(event.id);
    try {
      // Lets the other partitions run meanwhile, as a handler waiting on the store does.
      await new Promise((resolve) => setTimeout(resolve, 2));
      await work();
    } finally {
      this.inFlight.delete(label);
      this.finished.push(event.id);
    }
  }
}

/** Reacts to every order event with one command on the order's effect stream. */
function reactor(trace: Trace, fail?: (event: RecordedEvent) => boolean): ProcessManager {
  return {
    name: 'reactor',
    filter: { streamPrefixes: ['order-', 'catalogue-'] },
    partitionKey: (event) => (event.stream.startsWith('catalogue-') ? undefined : event.stream),
    async handle(event, ctx) {
      await trace.around(event, async () => {
        if (fail?.(event)) throw new Error(`cannot react to ${event.id}`);
        await ctx.dispatch({ type: 'react', payload: { target: event.id } });
      });
    },
  };
}

describe('Process managers with a partition key', () => {
  const target = sqliteTarget();
  const cleanup = new Cleanup();
  afterAll(() => target.cleanup());
  afterEach(() => cleanup.run());

  async function world(): Promise<{ store: EventStore; readModel: ReadModelHandle; dispatcher: EffectDispatcher }> {
    const dir = tempDir('pm-partitions');
    const store = openStore(dir.path);
    cleanup.add(dir.cleanup);
    cleanup.add(() => store.close());
    const readModel = await (await target.create()).open();
    cleanup.add(() => readModel.close());
    return { store, readModel, dispatcher: new EffectDispatcher(store) };
  }

  function start(store: EventStore, readModel: ReadModelHandle, manager: ProcessManager, dispatcher: EffectDispatcher) {
    const runner = new ProjectionRunner({
      store,
      db: readModel.db,
      processManagers: [manager],
      dispatcher,
      batchSize: 50,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    cleanup.add(() => runner.stop());
    return runner;
  }

  /** Each effect stream holds exactly one event, stored under the id its key derives. */
  async function expectEachEffectOnce(store: EventStore, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      const effects = await store.readStream(`effect-${event.id}`);
      expect(effects.map((effect) => effect.metadata.commandId)).toEqual([
        commandIdFromKey(event.metadata.tenantId, 'system', `reactor:${event.id}`),
      ]);
    }
  }

  it('handles streams side by side, each stream in log order, with the keys of one-at-a-time handling', async () => {
    const { store, readModel, dispatcher } = await world();
    const head = await writeEvents(store, 140, 7);
    const trace = new Trace();
    const runner = start(store, readModel, reactor(trace), dispatcher);
    await runner.start();
    await runner.waitFor('reactor', head);

    const events = await store.readAll({ filter: { streamPrefixes: ['order-'] } });
    expect(trace.maxInFlight).toBeGreaterThan(1);
    expect(trace.overlapsInStream).toEqual([]);
    for (const stream of new Set(events.map((event) => event.stream))) {
      const inLog = events.filter((event) => event.stream === stream).map((event) => event.id);
      expect(trace.started.filter((id) => inLog.includes(id))).toEqual(inLog);
    }
    expect(dispatcher.calls.map((call) => call.context.idempotencyKey).sort()).toEqual(
      events.map((event) => `reactor:${event.id}`).sort(),
    );
    await expectEachEffectOnce(store, events);
  });

  it('an event without a partition waits for all before it and holds back all after it', async () => {
    const { store, readModel, dispatcher } = await world();
    await writeEvents(store, 30, 5);
    const barrier = await store.appendToStream('catalogue-1', [
      { type: 'CatalogueChanged', data: {}, metadata: metadata() },
    ]);
    const head = await writeEvents(store, 30, 5);
    const trace = new Trace();
    const runner = start(store, readModel, reactor(trace), dispatcher);
    await runner.start();
    await runner.waitFor('reactor', head);

    const events = await store.readAll({ filter: { streamPrefixes: ['order-', 'catalogue-'] } });
    const change = events.find((event) => event.position === barrier.position);
    if (!change) throw new Error('catalogue change not stored');
    const before = events.filter((event) => event.position < barrier.position).map((event) => event.id);
    const after = events.filter((event) => event.position > barrier.position).map((event) => event.id);
    const startedAt = trace.started.indexOf(change.id);
    expect(trace.finished.slice(0, before.length).sort()).toEqual([...before].sort());
    expect(trace.started.slice(0, startedAt).sort()).toEqual([...before].sort());
    expect(trace.started.slice(startedAt + 1).sort()).toEqual([...after].sort());
    expect(trace.finished.indexOf(change.id)).toBe(before.length);
  });

  it('a failing event holds the checkpoint before it, while other streams go on; the restart takes every effect once', async () => {
    const { store, readModel, dispatcher } = await world();
    const head = await writeEvents(store, 40, 4);
    const events = await store.readAll();
    // The 6th event fails; events of other streams after it are handled in the same batch.
    const doomed = events[5];
    if (!doomed) throw new Error('too few events');
    const failing = start(
      store,
      readModel,
      reactor(new Trace(), (event) => event.id === doomed.id),
      dispatcher,
    );
    await failing.start();
    await expect(failing.waitFor('reactor', head, 5000)).rejects.toThrow(/reactor failed: cannot react to/);
    const [status] = await failing.status();
    expect(status?.position).toBe(events[4]?.position);
    const handledLater = events.filter((event) => event.position > doomed.position && event.stream !== doomed.stream);
    const reactedTo = new Set(dispatcher.calls.map((call) => call.command.payload.target));
    expect(handledLater.some((event) => reactedTo.has(event.id))).toBe(true);
    expect(
      events.filter(
        (event) => event.stream === doomed.stream && event.position > doomed.position && reactedTo.has(event.id),
      ),
    ).toEqual([]);
    await failing.stop();

    const fixed = start(store, readModel, reactor(new Trace()), dispatcher);
    await fixed.start();
    await fixed.waitFor('reactor', head);
    await expectEachEffectOnce(store, events);
  });
});
