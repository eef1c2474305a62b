import { commandIdFromKey, type CommandDispatcher } from '#ltc/commanding';
import type { EventStore, RecordedEvent } from '#ltc/event-store';
import { ProjectionRunner, type ProcessManager, type ReadModelHandle } from '#ltc/projections';
import { describeWithPostgres } from '#ltc/testing';
import {
  metadata,
  openStore,
  postgresTarget,
  sqliteTarget,
  tempDir,
  writeEvents,
  type ReadModelTarget,
} from './fixtures.js';
import { EffectDispatcher } from './effect-dispatcher.js';
import { Cleanup } from './suite-support.js';

/** Ships and invoices each placed order: two commands per event. */
const shipper: ProcessManager = {
  name: 'shipper',
  filter: { eventTypes: ['OrderPlaced'] },
  async handle(event: RecordedEvent, ctx) {
    const orderId = String((event.data as { orderId: string }).orderId);
    await ctx.dispatch({ type: 'shipping.prepare', payload: { target: `ship${orderId}` } });
    await ctx.dispatch({ type: 'billing.invoice', payload: { target: `bill${orderId}` } });
  },
};

function processManagerSuite(makeTarget: () => ReadModelTarget): void {
  // Created when the suite is collected: a temp folder (SQLite) or nothing yet (PostgreSQL).
  const target = makeTarget();
  const cleanup = new Cleanup();
  afterAll(() => target.cleanup());
  afterEach(() => cleanup.run());

  async function storeIn(): Promise<EventStore> {
    const dir = tempDir('pm');
    const store = openStore(dir.path);
    cleanup.add(dir.cleanup);
    cleanup.add(() => store.close());
    return store;
  }

  function runner(
    store: EventStore,
    readModel: ReadModelHandle,
    managers: ProcessManager[],
    dispatcher: CommandDispatcher,
  ) {
    const created = new ProjectionRunner({
      store,
      db: readModel.db,
      processManagers: managers,
      dispatcher,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    });
    cleanup.add(() => created.stop());
    return created;
  }

  async function placeOrders(store: EventStore, count: number): Promise<RecordedEvent[]> {
    for (let i = 0; i < count; i++) {
      await store.appendToStream(`order-${i}`, [
        {
          type: 'OrderPlaced',
          data: { orderId: `o${i}` },
          metadata: metadata({ correlationId: `corr-${i}`, tenantId: 't-9' }),
        },
      ]);
    }
    return store.readAll({ filter: { eventTypes: ['OrderPlaced'] } });
  }

  it('dispatches as the system, with keys derived from the event and its correlation', async () => {
    const store = await storeIn();
    const readModel = await (await target.create()).open();
    cleanup.add(() => readModel.close());
    const orders = await placeOrders(store, 3);
    const dispatcher = new EffectDispatcher(store);
    const r = runner(store, readModel, [shipper], dispatcher);
    await r.start();
    await r.waitFor('shipper', await store.readHeadPosition());

    expect(dispatcher.calls.map((call) => call.context)).toEqual(
      orders.flatMap((event, i) => [
        {
          idempotencyKey: `shipper:${event.id}`,
          actor: { userId: 'system', role: 'system' },
          tenantId: 't-9',
          correlationId: `corr-${i}`,
          causationId: event.id,
        },
        expect.objectContaining({ idempotencyKey: `shipper:${event.id}:1`, causationId: event.id }),
      ]),
    );
    // Past the last order, over the effects' own events its filter passes over, up to the head it read.
    const [status] = await r.status();
    expect(status).toMatchObject({ name: 'shipper', kind: 'process_manager', lag: 0n });
    expect(status?.position).toBeGreaterThanOrEqual(orders.at(-1)?.position ?? 0n);
    expect(status?.position).toBeLessThanOrEqual(await store.readHeadPosition());
  });

  it('an event delivered again after a crash before the checkpoint takes effect once', async () => {
    const store = await storeIn();
    const location = await target.create();
    const doomed = await location.open();
    const orders = await placeOrders(store, 5);
    const dispatcher = new EffectDispatcher(store);
    // The process dies after the 6th command took effect, before any checkpoint is written.
    dispatcher.afterDispatch = async () => {
      if (dispatcher.calls.length === 6) await doomed.close();
    };
    const first = runner(store, doomed, [shipper], dispatcher);
    await first.start();
    await expect(first.waitFor('shipper', await store.readHeadPosition(), 5000)).rejects.toThrow(/shipper failed/);
    await first.stop();
    const checkpoint = (await first.status())[0]?.position ?? 0n;
    const firstKeys = dispatcher.calls.map((call) => call.context.idempotencyKey);

    dispatcher.afterDispatch = undefined;
    const revived = await location.open();
    cleanup.add(() => revived.close());
    const second = runner(store, revived, [shipper], dispatcher);
    await second.start();
    await second.waitFor('shipper', await store.readHeadPosition());

    // Every event after the checkpoint was handled again, with exactly the keys it had before...
    const redelivered = orders.filter((order) => order.position > checkpoint);
    expect(redelivered.length).toBeGreaterThanOrEqual(3);
    const secondKeys = dispatcher.calls.slice(firstKeys.length).map((call) => call.context.idempotencyKey);
    expect(secondKeys).toEqual(redelivered.flatMap((order) => [`shipper:${order.id}`, `shipper:${order.id}:1`]));
    expect(firstKeys).toEqual(expect.arrayContaining(secondKeys));
    // ...and every command took effect exactly once, through the command path's idempotency
    // (the dispatcher appends whenever asked): one event, with the id derived from its key.
    for (const order of orders) {
      const orderId = (order.data as { orderId: string }).orderId;
      const effects = [
        { stream: `effect-ship${orderId}`, key: `shipper:${order.id}` },
        { stream: `effect-bill${orderId}`, key: `shipper:${order.id}:1` },
      ];
      for (const { stream, key } of effects) {
        expect((await store.readStream(stream)).map((event) => [event.type, event.metadata.commandId])).toEqual([
          ['EffectApplied', commandIdFromKey('t-9', 'system', key)],
        ]);
      }
    }
  });

  it('retries a failing handler with backoff, then fails it alone with the error', async () => {
    const store = await storeIn();
    const readModel = await (await target.create()).open();
    cleanup.add(() => readModel.close());
    const orders = await placeOrders(store, 2);
    await writeEvents(store, 5);
    const attempts = new Map<string, number>();
    const flaky: ProcessManager = {
      name: 'flaky',
      filter: { eventTypes: ['OrderPlaced'] },
      async handle(event) {
        const n = (attempts.get(event.id) ?? 0) + 1;
        attempts.set(event.id, n);
        if (n < 3) throw new Error('try again');
      },
    };
    const broken: ProcessManager = {
      name: 'broken',
      filter: { eventTypes: ['OrderPlaced'] },
      async handle() {
        throw new Error('downstream unavailable');
      },
    };
    const dispatcher = new EffectDispatcher(store);
    const r = runner(store, readModel, [broken, flaky, shipper], dispatcher);
    await r.start();
    const head = await store.readHeadPosition();
    await r.waitFor('flaky', head);
    await r.waitFor('shipper', head);
    await expect(r.waitFor('broken', head, 3000)).rejects.toThrow(/broken failed: downstream unavailable/);

    expect([...attempts.values()]).toEqual([3, 3]);
    const first = orders[0];
    const status = await r.status();
    expect(status.find((s) => s.name === 'broken')).toMatchObject({
      state: 'failed',
      position: null,
      lastError: `downstream unavailable (event ${first?.id} OrderPlaced at position ${first?.position})`,
    });
    expect(status.find((s) => s.name === 'flaky')?.state).toBe('live');
  });

  it('starts at the head when told to ignore history', async () => {
    const store = await storeIn();
    const readModel = await (await target.create()).open();
    cleanup.add(() => readModel.close());
    await placeOrders(store, 2);
    const dispatcher = new EffectDispatcher(store);
    const r = runner(store, readModel, [{ ...shipper, startAt: 'now' }], dispatcher);
    await r.start();
    await store.appendToStream('order-new', [{ type: 'OrderPlaced', data: { orderId: 'new' }, metadata: metadata() }]);
    await r.waitFor('shipper', await store.readHeadPosition());
    expect(dispatcher.calls.map((call) => call.command.payload.target)).toEqual(['shipnew', 'billnew']);
  });
}

describe('Process managers on SQLite', () => processManagerSuite(sqliteTarget));
await describeWithPostgres('Process managers on PostgreSQL', (url) => processManagerSuite(() => postgresTarget(url)));
