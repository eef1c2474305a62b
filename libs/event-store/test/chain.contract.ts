import { randomUUID } from 'node:crypto';
import { chainLink, contentDigest } from '../src/chain/event-chain.js';
import { chainAnchors, verifyEventChains } from '../src/chain/verify-chains.js';
import type { EventStore } from '../src/event-store.port.js';
import type { EventToAppend, RecordedEvent } from '../src/recorded-event.js';
import { expectConflict, metadataFor, uniqueCategory } from './contract.helpers.js';

/** Events of a tenant of their own, so a check by tenant sees only this test's events. */
function tenantEvents(tenantId: string, count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => ({
    type: 'Ticked',
    data: { index, note: 'Zoë’s 🚀', amount: { minor: 1250, currency: 'EUR' } },
    metadata: metadataFor({ tenantId }),
  }));
}

/** Asserts that each event of one stream carries the link computed from its predecessor and its content. */
function expectLinked(events: readonly RecordedEvent[]): void {
  let previous: string | undefined;
  for (const event of events) {
    const digest = contentDigest({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
    expect(event.chainHash).toBe(chainLink(previous, event.stream, event.revision, digest));
    previous = event.chainHash;
  }
}

/** Tamper evidence: what every adapter promises about `chainHash` (ADR 0021). */
export function describeChainContract(store: () => EventStore): void {
  describe('chain hashes', () => {
    it('links each event to the one before it in its stream, across appends and streams', async () => {
      const tenant = `tenant-${randomUUID()}`;
      const [a, b] = [`${uniqueCategory()}-1`, `${uniqueCategory()}-2`];
      await store().appendToStream(a, tenantEvents(tenant, 2));
      await store().appendToStream(b, tenantEvents(tenant, 1));
      await store().appendToStream(a, tenantEvents(tenant, 3), { expectedRevision: 1n });
      const streamA = await store().readStream(a);
      const streamB = await store().readStream(b);
      expect(streamA).toHaveLength(5);
      expectLinked(streamA);
      expectLinked(streamB);
      const hashes = [...streamA, ...streamB].map((event) => event.chainHash);
      expect(new Set(hashes).size).toBe(6);
      expect((await store().readAll({ filter: { streamPrefixes: [a] } })).map((event) => event.chainHash)).toEqual(
        streamA.map((event) => event.chainHash),
      );
    });

    it('links appends that race on one stream, whatever order they land in', async () => {
      const tenant = `tenant-${randomUUID()}`;
      const stream = `${uniqueCategory()}-1`;
      await Promise.all(Array.from({ length: 12 }, () => store().appendToStream(stream, tenantEvents(tenant, 2))));
      const events = await store().readStream(stream);
      expect(events).toHaveLength(24);
      expectLinked(events);
    });

    it('leaves the chain as it was when an append is refused', async () => {
      const tenant = `tenant-${randomUUID()}`;
      const stream = `${uniqueCategory()}-1`;
      await store().appendToStream(stream, tenantEvents(tenant, 1));
      await expectConflict(
        store().appendToStream(stream, tenantEvents(tenant, 1), { expectedRevision: 5n }),
        stream,
        5n,
        0n,
      );
      await store().appendToStream(stream, tenantEvents(tenant, 1), { expectedRevision: 0n });
      expectLinked(await store().readStream(stream));
    });

    it('verifies a tenant’s chains without a break and exports each stream’s head as an anchor', async () => {
      const tenant = `tenant-${randomUUID()}`;
      const [a, b] = [`${uniqueCategory()}-1`, `${uniqueCategory()}-2`];
      await store().appendToStream(a, tenantEvents(tenant, 3));
      await store().appendToStream(b, tenantEvents(tenant, 2));
      const progress: bigint[] = [];
      const report = await verifyEventChains(store(), {
        tenantId: tenant,
        pageSize: 2,
        onProgress: ({ position }) => progress.push(position),
      });
      expect(report).toMatchObject({ eventsChecked: 5, streamsChecked: 2, anchorsChecked: 0, breaks: [] });
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.at(-1)).toBe(report.headPosition);

      const { anchors } = await chainAnchors(store(), { tenantId: tenant });
      const heads = [(await store().readStream(a)).at(-1), (await store().readStream(b)).at(-1)];
      expect(anchors).toEqual(
        heads.map((head) => ({ stream: head?.stream, revision: head?.revision, chainHash: head?.chainHash })),
      );
      expect(await verifyEventChains(store(), { tenantId: tenant, anchors })).toMatchObject({
        anchorsChecked: 2,
        breaks: [],
      });
    });
  });
}
