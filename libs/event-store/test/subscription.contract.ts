import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../src/errors.js';
import type { EventStore, ExpectedRevision } from '../src/event-store.port.js';
import type { RecordedEvent } from '../src/recorded-event.js';
import {
  SubscriptionReader,
  anEvent,
  deferred,
  expectIncreasingPositions,
  nextTurn,
  someEvents,
  uniqueCategory,
  uniqueType,
  withTimeout,
} from './contract.helpers.js';

/** Subscription part of the port contract; called from `describeEventStoreContract`. */
export function describeSubscriptionContract(store: () => EventStore): void {
  describe('subscribing to all', () => {
    it('delivers the stored events, then live ones, in global order', async () => {
      const category = uniqueCategory();
      const head = await store().readHeadPosition();
      await store().appendToStream(`${category}-1`, someEvents(2));
      await store().appendToStream(`${category}-2`, someEvents(1));
      const reader = new SubscriptionReader(
        store().subscribeToAll({ after: head, filter: { streamPrefixes: [`${category}-`] } }),
      );

      const stored = await reader.take(3);
      expect(stored.map((e) => `${e.stream}@${e.revision}`)).toEqual([
        `${category}-1@0`,
        `${category}-1@1`,
        `${category}-2@0`,
      ]);
      await store().appendToStream(`${category}-2`, someEvents(1));
      await store().appendToStream(`${category}-1`, someEvents(1));
      const live = await reader.take(2);
      expect(live.map((e) => `${e.stream}@${e.revision}`)).toEqual([`${category}-2@1`, `${category}-1@2`]);
      expect(live[0]?.data).toEqual({ index: 0 });
      expect(live[0]?.recordedAt).toBeInstanceOf(Date);
      expectIncreasingPositions([...stored, ...live]);
      await reader.close();
    });

    it('starts strictly after the given checkpoint', async () => {
      const stream = `${uniqueCategory()}-1`;
      await store().appendToStream(stream, someEvents(4));
      const stored = await store().readStream(stream);
      const reader = new SubscriptionReader(
        store().subscribeToAll({ after: stored[1]?.position, filter: { streamPrefixes: [stream] } }),
      );
      expect((await reader.take(2)).map((e) => e.id)).toEqual(stored.slice(2).map((e) => e.id));
      await reader.close();
    });

    it('starts at the beginning of the log without a checkpoint', async () => {
      const stream = `${uniqueCategory()}-1`;
      await store().appendToStream(stream, someEvents(2));
      const reader = new SubscriptionReader(store().subscribeToAll({ filter: { streamPrefixes: [stream] } }));
      expect((await reader.take(2)).map((e) => e.revision)).toEqual([0n, 1n]);
      await reader.close();
    });

    it('delivers only events that pass the filter, while catching up and live', async () => {
      const [one, two] = [uniqueCategory(), uniqueCategory()];
      const [opened, closed] = [uniqueType('Opened'), uniqueType('Closed')];
      const head = await store().readHeadPosition();
      await store().appendToStream(`${one}-1`, [anEvent(opened), anEvent(closed)]);
      await store().appendToStream(`${two}-1`, [anEvent(opened)]);
      const reader = new SubscriptionReader(
        store().subscribeToAll({ after: head, filter: { eventTypes: [opened], streamPrefixes: [`${one}-`] } }),
      );

      expect((await reader.take(1)).map((e) => `${e.stream}:${e.type}`)).toEqual([`${one}-1:${opened}`]);
      await store().appendToStream(`${one}-2`, [anEvent(closed)]);
      await store().appendToStream(`${two}-2`, [anEvent(opened)]);
      await store().appendToStream(`${one}-2`, [anEvent(opened)]);
      const next = await reader.take(1);
      expect(next.map((e) => `${e.stream}@${e.revision}:${e.type}`)).toEqual([`${one}-2@1:${opened}`]);
      await reader.close();
    });

    it('ends an iteration that waits for live events when closed', async () => {
      const stream = `${uniqueCategory()}-1`;
      const head = await store().readHeadPosition();
      await store().appendToStream(stream, someEvents(2));
      const subscription = store().subscribeToAll({ after: head, filter: { streamPrefixes: [stream] } });
      const seen: RecordedEvent[] = [];
      const caughtUp = deferred();
      const iteration = (async () => {
        for await (const event of subscription) {
          seen.push(event);
          if (seen.length === 2) caughtUp.resolve();
        }
      })();

      await withTimeout(caughtUp.promise, 5_000, 'the stored events');
      await nextTurn(); // let the loop park on its wait for live events
      await subscription.close();
      await withTimeout(iteration, 5_000, 'the iteration to end after close()');
      expect(seen).toHaveLength(2);
    });

    it('ends the iteration when closed during catch-up', async () => {
      const stream = `${uniqueCategory()}-1`;
      await store().appendToStream(stream, someEvents(3));
      const reader = new SubscriptionReader(store().subscribeToAll({ filter: { streamPrefixes: [stream] } }));
      await reader.take(1);
      await reader.close();
      expect(await reader.next()).toBeUndefined();
    });

    it('delivers every event exactly once, in order, while appends race the switch to live', async () => {
      const category = uniqueCategory();
      const head = await store().readHeadPosition();
      const appended = new Set<string>();
      const someStored = deferred();
      const writers = Array.from({ length: 4 }, async (_, writer) => {
        for (let index = 0; index < 50; index += 1) {
          const id = randomUUID();
          await store().appendToStream(`${category}-w${writer}`, [anEvent('Ticked', { writer, index }, id)]);
          appended.add(id);
          if (appended.size === 40) someStored.resolve();
          await nextTurn();
        }
      });
      const allWritten = Promise.all(writers);
      allWritten.catch(() => undefined); // surfaced by the await below, not as an unhandled rejection

      await withTimeout(someStored.promise, 10_000, 'the first appends');
      const reader = new SubscriptionReader(
        store().subscribeToAll({ after: head, filter: { streamPrefixes: [`${category}-`] } }),
      );
      const received = await reader.take(200, 10_000);
      await allWritten;
      // A repeat of any event would arrive before this marker, so the marker proves there was none.
      const marker = randomUUID();
      await store().appendToStream(`${category}-end`, [anEvent('Ended', {}, marker)]);
      expect((await reader.next())?.id).toBe(marker);
      await reader.close();

      expect(new Set(received.map((e) => e.id))).toEqual(appended);
      expectIncreasingPositions(received);
      for (let writer = 0; writer < 4; writer += 1) {
        const revisions = received.filter((e) => e.stream === `${category}-w${writer}`).map((e) => e.revision);
        expect(revisions).toEqual(Array.from({ length: 50 }, (_, index) => BigInt(index)));
      }
    });
  });
}

/** Concurrency part of the port contract; called from `describeEventStoreContract`. */
export function describeConcurrencyContract(store: () => EventStore): void {
  describe('concurrent appends', () => {
    async function race(stream: string, expected: ExpectedRevision, contenders: number): Promise<void> {
      const outcomes = await Promise.allSettled(
        Array.from({ length: contenders }, () =>
          store().appendToStream(stream, someEvents(1), { expectedRevision: expected }),
        ),
      );
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(contenders - 1);
      for (const reason of lost) expect(reason).toBeInstanceOf(WrongExpectedRevisionError);
    }

    it('lets exactly one of two appends expecting the same revision succeed', async () => {
      const stream = `${uniqueCategory()}-1`;
      await store().appendToStream(stream, someEvents(1));
      await race(stream, 0n, 2);
      expect((await store().readStream(stream)).map((e) => e.revision)).toEqual([0n, 1n]);
    });

    it('lets exactly one of several creators of a stream succeed', async () => {
      const stream = `${uniqueCategory()}-1`;
      await race(stream, 'no_stream', 8);
      expect(await store().readStream(stream)).toHaveLength(1);
    });

    it('accepts many concurrent appends to different streams', async () => {
      const category = uniqueCategory();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          store().appendToStream(`${category}-${index}`, someEvents(2), { expectedRevision: 'no_stream' }),
        ),
      );
      expect(results.every((result) => result.nextRevision === 1n)).toBe(true);
      expect(new Set(results.map((result) => result.position)).size).toBe(50);
      const stored = await store().readAll({ filter: { streamPrefixes: [`${category}-`] } });
      expect(stored).toHaveLength(100);
      expectIncreasingPositions(stored);
    });

    it('orders concurrent appends to one stream without losing any', async () => {
      const stream = `${uniqueCategory()}-1`;
      await Promise.all(Array.from({ length: 20 }, () => store().appendToStream(stream, someEvents(1))));
      const revisions = (await store().readStream(stream)).map((e) => e.revision);
      expect(revisions).toEqual(Array.from({ length: 20 }, (_, index) => BigInt(index)));
    });
  });
}
