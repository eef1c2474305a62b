import { SqliteEventStore } from '#ltc/event-store';
import { openReadModelDb, type ReadModelDbOptions, type ReadModelHandle } from '#ltc/projections';

/**
 * What a crash-suite child process runs against: the store file in LTC_TEST_STORE and the
 * read model described by LTC_TEST_READ_MODEL (JSON), both set by the suite.
 */
export async function openChildWorld(): Promise<{ store: SqliteEventStore; handle: ReadModelHandle }> {
  const storeFile = process.env.LTC_TEST_STORE;
  const readModel = process.env.LTC_TEST_READ_MODEL;
  if (!storeFile || !readModel) throw new Error('LTC_TEST_STORE and LTC_TEST_READ_MODEL are required');
  const store = new SqliteEventStore({ filename: storeFile, durability: 'normal', pollIntervalMs: 20 });
  const handle = await openReadModelDb(JSON.parse(readModel) as ReadModelDbOptions);
  return { store, handle };
}
