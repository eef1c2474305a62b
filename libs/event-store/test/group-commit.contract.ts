import { WrongExpectedRevisionError } from '../src/errors.js';
import type { EventStore } from '../src/event-store.port.js';
import { someEvents } from './contract.helpers.js';

/** A store that writes concurrent appends in shared transactions, and counts them. */
export type GroupCommittingStore = EventStore & { readonly committedTransactions: number };

/**
 * What group commit promises on the stores that have it (embedded SQLite, PostgreSQL): appends
 * of one turn share a transaction, yet each one is judged on its own, in arrival order. Each
 * test opens an empty store, so positions start at 1.
 */
export function describeGroupCommitContract(adapterName: string, open: () => Promise<GroupCommittingStore>): void {
  describe(`${adapterName} › group commit`, () => {
    it('groups concurrent appends into fewer transactions', async () => {
      const store = await open();
      const before = store.committedTransactions;
      await Promise.all(Array.from({ length: 16 }, (_, index) => store.appendToStream(`lead-${index}`, someEvents(1))));
      expect(store.committedTransactions - before).toBeLessThan(16);
      expect(store.committedTransactions - before).toBeGreaterThanOrEqual(1);
    });

    it('refuses one request of a batch and still commits the others, judged in arrival order', async () => {
      const store = await open();
      const [created, stale, missing, appended] = await Promise.allSettled([
        store.appendToStream('lead-a', someEvents(1), { expectedRevision: 'no_stream' }),
        store.appendToStream('lead-a', someEvents(1), { expectedRevision: 'no_stream' }),
        store.appendToStream('lead-b', someEvents(1), { expectedRevision: 3n }),
        store.appendToStream('lead-a', someEvents(1), { expectedRevision: 0n }),
      ]);
      expect(store.committedTransactions).toBe(1);
      expect(created).toMatchObject({ status: 'fulfilled', value: { nextRevision: 0n, position: 1n } });
      expect(appended).toMatchObject({ status: 'fulfilled', value: { nextRevision: 1n, position: 2n } });
      expect(stale.status === 'rejected' && stale.reason instanceof WrongExpectedRevisionError).toBe(true);
      expect(missing).toMatchObject({ status: 'rejected', reason: { stream: 'lead-b', actual: undefined } });
      expect(await store.readStream('lead-b')).toEqual([]);
    });
  });
}
