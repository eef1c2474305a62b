import type { RecordedEvent } from './recorded-event.js';
import { HeadSignal } from './head-signal.js';
import { PagedSubscription, type LogPage } from './paged-subscription.js';

/** Events at positions 1..count, as a log of that many events would hold them. */
function logOf(count: number): RecordedEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `event-${index + 1}`,
    stream: 'lead-1',
    revision: BigInt(index),
    position: BigInt(index + 1),
    type: 'LeadCaptured',
    data: {},
    metadata: {
      actor: { userId: 'u-1', role: 'sales' },
      correlationId: 'c-1',
      causationId: 'c-1',
      commandId: 'cmd-1',
      tenantId: 't-1',
      schemaVersion: 1,
    },
    recordedAt: new Date(0),
  }));
}

/** Pages of `size` events out of `log`, the way the store reads them, counting the reads. */
function pagesOf(
  log: readonly RecordedEvent[],
  size: number,
): { read: (after: bigint) => LogPage; reads: () => number } {
  let reads = 0;
  const read = (after: bigint): LogPage => {
    reads += 1;
    const events = log.filter((event) => event.position > after).slice(0, size);
    const full = events.length === size;
    return { events, scannedTo: full ? (events.at(-1)?.position ?? after) : BigInt(log.length), full };
  };
  return { read, reads: () => reads };
}

/** An owner's close callback that counts its calls. */
function closeCounter(): { onClose: () => void; calls: () => number } {
  let calls = 0;
  return { onClose: () => void (calls += 1), calls: () => calls };
}

describe('PagedSubscription', () => {
  it('answers next() calls made together with consecutive events, as an async generator queues them', async () => {
    const log = logOf(5);
    const pages = pagesOf(log, 2);
    const subscription = new PagedSubscription(pages.read, new HeadSignal(5n), 0n, () => undefined);
    const iterator = subscription[Symbol.asyncIterator]();

    const results = await Promise.all(Array.from({ length: 5 }, () => iterator.next()));

    expect(results.map((result) => (result.done ? undefined : result.value.position))).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(pages.reads()).toBe(3);
    await subscription.close();
  });

  it('is done once closed, and tells its owner once', async () => {
    const owner = closeCounter();
    const subscription = new PagedSubscription(pagesOf(logOf(3), 10).read, new HeadSignal(3n), 0n, owner.onClose);
    const iterator = subscription[Symbol.asyncIterator]();
    await expect(iterator.next()).resolves.toEqual({ done: false, value: expect.objectContaining({ position: 1n }) });

    await iterator.return?.();
    await subscription.close();

    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
    expect(owner.calls()).toBe(1);
  });

  it('closes when a read fails, hands the failure to the consumer, then is done', async () => {
    const owner = closeCounter();
    const failure = new Error('disk gone');
    const subscription = new PagedSubscription(
      () => {
        throw failure;
      },
      new HeadSignal(0n),
      0n,
      owner.onClose,
    );
    const iterator = subscription[Symbol.asyncIterator]();

    await expect(iterator.next()).rejects.toBe(failure);

    expect(owner.calls()).toBe(1);
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('waits at the head until it moves, then reads on from its cursor', async () => {
    const log = logOf(3);
    const visible = { upTo: 2 };
    const head = new HeadSignal(2n);
    const read = (after: bigint): LogPage => ({
      events: log.filter((event) => event.position > after && event.position <= visible.upTo),
      scannedTo: BigInt(visible.upTo),
      full: false,
    });
    const subscription = new PagedSubscription(read, head, 1n, () => undefined);
    const iterator = subscription[Symbol.asyncIterator]();
    await expect(iterator.next()).resolves.toMatchObject({ value: { position: 2n } });

    const third = iterator.next();
    visible.upTo = 3;
    head.advance(3n);

    await expect(third).resolves.toMatchObject({ done: false, value: { position: 3n } });
    await subscription.close();
  });
});
