import { randomUUID } from 'node:crypto';
import type { EventStore } from '../src/event-store.port.js';
import {
  anEvent,
  expectConflict,
  expectIncreasingPositions,
  metadataFor,
  someEvents,
  uniqueCategory,
  uniqueType,
} from './contract.helpers.js';
import { describeChainContract } from './chain.contract.js';
import { describeConcurrencyContract, describeSubscriptionContract } from './subscription.contract.js';

/** What an adapter's spec hands the contract: a store to test and a way to release it. */
export interface ContractFixture {
  store: EventStore;
  dispose(): Promise<void>;
}

/**
 * The one behavioural contract of the `EventStore` port. Every adapter's spec calls it
 * with a factory; each test gets a fresh fixture and uses stream names and event types
 * of its own, so adapters whose state outlives a fixture (a server double) pass too.
 * It asserts only what the port promises: positions grow but need not be gap-free, and
 * the head is compared with what the test itself appended.
 */
export function describeEventStoreContract(adapterName: string, setup: () => Promise<ContractFixture>): void {
  describe(`${adapterName} › event store contract`, () => {
    let fixture: ContractFixture | undefined;
    const store = (): EventStore => {
      if (!fixture) throw new Error('fixture not set up');
      return fixture.store;
    };

    beforeEach(async () => {
      fixture = await setup();
    });

    afterEach(async () => {
      await fixture?.dispose();
      fixture = undefined;
    });

    describe('appending and reading a stream', () => {
      it('round-trips id, type, data, every metadata field and the recording time', async () => {
        const stream = `${uniqueCategory()}-1`;
        const givenId = randomUUID();
        const metadata = metadataFor({ requestHash: 'sha256:abc', schemaVersion: 3 });
        const data = { name: 'Ada Ł. 🚀', amount: 12.5, tags: ['a', 'b'], nested: { ok: true, none: null } };
        const before = Date.now();

        const result = await store().appendToStream(stream, [
          { id: givenId, type: 'LeadCaptured', data, metadata },
          { type: 'LeadQualified', data: { score: 80 }, metadata: metadataFor() },
        ]);
        const [first, second, ...rest] = await store().readStream(stream);

        expect(rest).toEqual([]);
        expect(first).toMatchObject({ id: givenId, stream, type: 'LeadCaptured', revision: 0n, data, metadata });
        expect(second).toMatchObject({ stream, type: 'LeadQualified', revision: 1n, data: { score: 80 } });
        expect(typeof second?.id).toBe('string');
        expect(second?.id).not.toBe('');
        expect(second?.id).not.toBe(givenId);
        expect(typeof first?.position).toBe('bigint');
        expect(first?.recordedAt).toBeInstanceOf(Date);
        // Allow a little clock skew between a store server and the test process.
        expect(first?.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
        expect(first?.recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
        expect(result.nextRevision).toBe(1n);
        expect(result.position).toBe(second?.position);
        expectIncreasingPositions([first, second].flatMap((e) => (e ? [e] : [])));
      });

      it('generates a distinct id for every event appended without one', async () => {
        const stream = `${uniqueCategory()}-1`;
        await store().appendToStream(stream, someEvents(3));
        await store().appendToStream(stream, someEvents(2));
        const ids = (await store().readStream(stream)).map((e) => e.id);
        expect(ids).toHaveLength(5);
        expect(new Set(ids).size).toBe(5);
      });

      it('appends a batch atomically with consecutive revisions and growing positions', async () => {
        const stream = `${uniqueCategory()}-1`;
        const first = await store().appendToStream(stream, someEvents(3));
        const second = await store().appendToStream(stream, someEvents(2));
        const events = await store().readStream(stream);

        expect(first.nextRevision).toBe(2n);
        expect(second.nextRevision).toBe(4n);
        expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(events.map((e) => e.data)).toEqual([0, 1, 2, 0, 1].map((index) => ({ index })));
        expect(events[2]?.position).toBe(first.position);
        expect(events[4]?.position).toBe(second.position);
        expectIncreasingPositions(events);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store().readStream(`${uniqueCategory()}-missing`)).toEqual([]);
      });

      it('reads from a revision and at most maxCount events', async () => {
        const stream = `${uniqueCategory()}-1`;
        await store().appendToStream(stream, someEvents(5));
        const revisions = async (options: { fromRevision?: bigint; maxCount?: number }): Promise<bigint[]> =>
          (await store().readStream(stream, options)).map((e) => e.revision);

        expect(await revisions({ fromRevision: 2n })).toEqual([2n, 3n, 4n]);
        expect(await revisions({ maxCount: 2 })).toEqual([0n, 1n]);
        expect(await revisions({ fromRevision: 3n, maxCount: 1 })).toEqual([3n]);
        expect(await revisions({ fromRevision: 5n })).toEqual([]);
      });

      it('answers ping', async () => {
        await expect(store().ping()).resolves.toBeUndefined();
      });
    });

    describe('expected revision', () => {
      it("'any' (also the default) appends whether or not the stream exists", async () => {
        const stream = `${uniqueCategory()}-1`;
        await store().appendToStream(stream, someEvents(1), { expectedRevision: 'any' });
        await store().appendToStream(stream, someEvents(1), { expectedRevision: 'any' });
        const result = await store().appendToStream(stream, someEvents(1));
        expect(result.nextRevision).toBe(2n);
      });

      it("'no_stream' creates a stream and refuses an existing one", async () => {
        const stream = `${uniqueCategory()}-1`;
        const created = await store().appendToStream(stream, someEvents(2), { expectedRevision: 'no_stream' });
        expect(created.nextRevision).toBe(1n);

        await expectConflict(
          store().appendToStream(stream, someEvents(1), { expectedRevision: 'no_stream' }),
          stream,
          'no_stream',
          1n,
        );
        expect(await store().readStream(stream)).toHaveLength(2);
      });

      it("'stream_exists' refuses a missing stream and appends to an existing one", async () => {
        const stream = `${uniqueCategory()}-1`;
        await expectConflict(
          store().appendToStream(stream, someEvents(1), { expectedRevision: 'stream_exists' }),
          stream,
          'stream_exists',
          undefined,
        );
        expect(await store().readStream(stream)).toEqual([]);

        await store().appendToStream(stream, someEvents(1));
        const result = await store().appendToStream(stream, someEvents(1), { expectedRevision: 'stream_exists' });
        expect(result.nextRevision).toBe(1n);
      });

      it('an exact revision appends only when it is the revision of the last event', async () => {
        const stream = `${uniqueCategory()}-1`;
        await store().appendToStream(stream, someEvents(2));
        const result = await store().appendToStream(stream, someEvents(1), { expectedRevision: 1n });
        expect(result.nextRevision).toBe(2n);

        for (const stale of [0n, 1n, 3n]) {
          await expectConflict(
            store().appendToStream(stream, someEvents(1), { expectedRevision: stale }),
            stream,
            stale,
            2n,
          );
        }
        expect(await store().readStream(stream)).toHaveLength(3);
      });

      it('an exact revision refuses a missing stream, even revision 0', async () => {
        const stream = `${uniqueCategory()}-1`;
        await expectConflict(
          store().appendToStream(stream, someEvents(1), { expectedRevision: 0n }),
          stream,
          0n,
          undefined,
        );
        expect(await store().readStream(stream)).toEqual([]);
      });

      it('writes none of a refused batch, in the stream or in the global log', async () => {
        const category = uniqueCategory();
        const stream = `${category}-1`;
        await store().appendToStream(stream, someEvents(1));
        const head = await store().readHeadPosition();

        await expectConflict(store().appendToStream(stream, someEvents(3), { expectedRevision: 5n }), stream, 5n, 0n);
        expect(await store().readStream(stream)).toHaveLength(1);
        expect(await store().readAll({ after: head, filter: { streamPrefixes: [`${category}-`] } })).toEqual([]);
      });
    });

    describe('reading all', () => {
      it('reads the global log in append order, after a position (exclusive), up to maxCount', async () => {
        const category = uniqueCategory();
        const head = await store().readHeadPosition();
        for (const stream of ['a', 'b', 'a', 'c', 'b']) {
          await store().appendToStream(`${category}-${stream}`, [anEvent('Ticked', { stream })]);
        }
        const mine = { streamPrefixes: [`${category}-`] };

        const all = await store().readAll({ after: head, filter: mine });
        expect(all.map((e) => e.stream)).toEqual(['a', 'b', 'a', 'c', 'b'].map((s) => `${category}-${s}`));
        expect(all.map((e) => e.revision)).toEqual([0n, 0n, 1n, 0n, 1n]);
        expect(all.every((e) => e.position > head)).toBe(true);
        expectIncreasingPositions(all);

        const unfiltered = await store().readAll({ after: head });
        expect(unfiltered.filter((e) => e.stream.startsWith(`${category}-`))).toEqual(all);
        expectIncreasingPositions(unfiltered);

        const afterSecond = await store().readAll({ after: all[1]?.position, filter: mine });
        expect(afterSecond.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
        const firstTwo = await store().readAll({ after: head, maxCount: 2, filter: mine });
        expect(firstTwo.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
        expect(await store().readAll({ after: head, maxCount: 2 })).toHaveLength(2);
        expect(await store().readAll({ after: all[4]?.position, filter: mine })).toEqual([]);
      });

      it('filters by event type, by stream prefix, and by both', async () => {
        const [one, two] = [uniqueCategory(), uniqueCategory()];
        const [opened, closed] = [uniqueType('Opened'), uniqueType('Closed')];
        const head = await store().readHeadPosition();
        await store().appendToStream(`${one}-1`, [anEvent(opened), anEvent(closed)]);
        await store().appendToStream(`${two}-1`, [anEvent(opened), anEvent(closed)]);
        await store().appendToStream(`${uniqueCategory()}-1`, [anEvent(opened)]);
        const read = async (filter: { eventTypes?: string[]; streamPrefixes?: string[] }): Promise<string[]> =>
          (await store().readAll({ after: head, filter })).map((e) => `${e.stream}:${e.type}`);

        expect(await read({ eventTypes: [closed] })).toEqual([`${one}-1:${closed}`, `${two}-1:${closed}`]);
        expect(await read({ streamPrefixes: [`${two}-`] })).toEqual([`${two}-1:${opened}`, `${two}-1:${closed}`]);
        expect(await read({ streamPrefixes: [`${one}-`, `${two}-`], eventTypes: [opened] })).toEqual([
          `${one}-1:${opened}`,
          `${two}-1:${opened}`,
        ]);
      });

      it('reports the head as the position of the last appended event', async () => {
        const stream = `${uniqueCategory()}-1`;
        const first = await store().appendToStream(stream, someEvents(2));
        expect(await store().readHeadPosition()).toBe(first.position);
        const second = await store().appendToStream(stream, someEvents(1));
        expect(second.position > first.position).toBe(true);
        expect(await store().readHeadPosition()).toBe(second.position);
      });
    });

    describeChainContract(store);
    describeSubscriptionContract(store);
    describeConcurrencyContract(store);
  });
}
