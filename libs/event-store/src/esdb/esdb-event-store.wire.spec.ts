import { randomUUID } from 'node:crypto';
import { startEsdbWireDouble } from '#ltc/testing';
import type { EsdbWireDouble } from '#ltc/testing';
import { EventStoreUnavailableError } from '../errors.js';
import type { EventToAppend } from '../recorded-event.js';
import { describeEventStoreContract } from '../../test/event-store.contract.js';
import { SubscriptionReader, anEvent, uniqueCategory, withTimeout } from '../../test/contract.helpers.js';
import { EsdbEventStore } from './esdb-event-store.js';

// Retries fast enough for a test, still with the doubling backoff of production.
const FAST_RESUBSCRIBE = { initialDelayMs: 5, maxDelayMs: 40 };

let double: EsdbWireDouble;

beforeAll(async () => {
  double = await startEsdbWireDouble();
});

afterAll(async () => {
  await double.stop();
});

describeEventStoreContract('EsdbEventStore over the wire double', async () => {
  const store = new EsdbEventStore(double.connectionString);
  return { store, dispose: () => store.close() };
});

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('EsdbEventStore over the wire double', () => {
  let store: EsdbEventStore;

  beforeEach(() => {
    store = new EsdbEventStore(double.connectionString, { resubscribe: FAST_RESUBSCRIBE });
  });

  afterEach(async () => {
    await store.close();
  });

  describe('when the server drops subscriptions', () => {
    it('resubscribes and delivers every event exactly once, in order, while appends go on', async () => {
      const category = uniqueCategory();
      const head = await store.readHeadPosition();
      const reader = new SubscriptionReader(
        store.subscribeToAll({ after: head, filter: { streamPrefixes: [`${category}-`] } }),
      );
      const received = reader.take(60, 10_000);

      const appended: string[] = [];
      let drops = 0;
      for (let index = 0; index < 60; index += 1) {
        const id = randomUUID();
        await store.appendToStream(`${category}-${index % 3}`, [anEvent('Ticked', { index }, id)]);
        appended.push(id);
        if (index % 15 === 7) {
          await waitUntil(() => double.liveSubscriptionCount() > 0, 'the subscription to be live again');
          double.dropSubscriptions();
          expect(double.liveSubscriptionCount()).toBe(0);
          drops += 1;
        }
      }

      expect((await received).map((e) => e.id)).toEqual(appended);
      expect(drops).toBe(4);
      // A repeat would arrive before this marker, so receiving the marker next proves there was none.
      const marker = randomUUID();
      await store.appendToStream(`${category}-end`, [anEvent('Ended', {}, marker)]);
      expect((await reader.next())?.id).toBe(marker);
      await reader.close();
    });

    it('loses none of the events it had received but not yet handed out', async () => {
      const stream = `${uniqueCategory()}-1`;
      const events = Array.from({ length: 300 }, (_, index) => anEvent('Ticked', { index }));
      await store.appendToStream(stream, events);
      const reader = new SubscriptionReader(store.subscribeToAll({ filter: { streamPrefixes: [stream] } }));

      const first = await reader.take(10);
      // The double sent all 300 at once, so most of them sit in the client's buffers now.
      double.dropSubscriptions();
      const rest = await reader.take(290);

      await store.appendToStream(stream, [anEvent('Ticked', { index: 300 })]);
      const [live] = await reader.take(1);

      expect([...first, ...rest].map((e) => e.revision)).toEqual(events.map((_, index) => BigInt(index)));
      expect(live?.revision).toBe(300n);
      await reader.close();
    });

    it('throws EventStoreUnavailableError from the iterator once the server stays away', async () => {
      const doomed = await startEsdbWireDouble();
      const doomedStore = new EsdbEventStore(doomed.connectionString, {
        resubscribe: { ...FAST_RESUBSCRIBE, maxAttempts: 3 },
      });
      const stream = `${uniqueCategory()}-1`;
      await doomedStore.appendToStream(stream, [anEvent('Ticked')]);
      const reader = new SubscriptionReader(doomedStore.subscribeToAll({ filter: { streamPrefixes: [stream] } }));
      await reader.take(1);

      await doomed.stop();
      const failure = await withTimeout(
        reader.next().then(
          () => new Error('the iterator went on after the server had gone'),
          (error: unknown) => error,
        ),
        5_000,
        'the subscription to give up',
      );

      expect(failure).toBeInstanceOf(EventStoreUnavailableError);
      await doomedStore.close();
    });
  });

  describe('metadata on the wire', () => {
    it('stores $correlationId, $causationId and the chain hash beside our metadata, and reads back exactly our metadata', async () => {
      const stream = `${uniqueCategory()}-1`;
      const event: EventToAppend = anEvent('LeadCaptured', { name: 'Ada' });
      await store.appendToStream(stream, [event]);

      const [stored] = double.storedEvents().filter((e) => e.stream === stream);
      const raw: unknown = JSON.parse(Buffer.from(stored?.customMetadata ?? []).toString('utf8'));
      expect(raw).toEqual({
        ...event.metadata,
        $correlationId: event.metadata.correlationId,
        $causationId: event.metadata.causationId,
        $chainHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(stored?.contentType).toBe('application/json');
      const [read] = await store.readStream(stream);
      expect(read?.metadata).toEqual(event.metadata);
      expect(read?.chainHash).toBe((raw as { $chainHash: string }).$chainHash);
    });
  });

  describe('positions beyond 2^53', () => {
    let bigDouble: EsdbWireDouble;
    let bigStore: EsdbEventStore;

    beforeAll(async () => {
      bigDouble = await startEsdbWireDouble({ firstPosition: 2n ** 60n + 1n });
      bigStore = new EsdbEventStore(bigDouble.connectionString);
    });

    afterAll(async () => {
      await bigStore.close();
      await bigDouble.stop();
    });

    it('keeps every position exact through append, reads, the head and subscriptions', async () => {
      const stream = `${uniqueCategory()}-1`;
      const result = await bigStore.appendToStream(stream, [anEvent('A'), anEvent('B'), anEvent('C')]);
      const positions = bigDouble.storedEvents().map((e) => e.position);
      const [first, second, third] = positions;
      if (first === undefined || second === undefined || third === undefined) throw new Error('three events expected');

      expect(first).toBe(2n ** 60n + 1n);
      expect(result.position).toBe(third);
      expect(await bigStore.readHeadPosition()).toBe(third);
      expect((await bigStore.readStream(stream)).map((e) => e.position)).toEqual(positions);
      expect((await bigStore.readAll({ after: first })).map((e) => e.position)).toEqual([second, third]);
      const reader = new SubscriptionReader(bigStore.subscribeToAll({ after: first }));
      expect((await reader.take(2)).map((e) => e.position)).toEqual([second, third]);
      await reader.close();
    });

    it('reads an empty log as head 0', async () => {
      const empty = await startEsdbWireDouble({ firstPosition: 2n ** 60n });
      const emptyStore = new EsdbEventStore(empty.connectionString);
      expect(await emptyStore.readHeadPosition()).toBe(0n);
      expect(await emptyStore.readAll()).toEqual([]);
      await emptyStore.close();
      await empty.stop();
    });
  });
});
