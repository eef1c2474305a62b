import { SqliteEventStore } from '#ltc/event-store';

/** Opens the store file named by LTC_TEST_STORE (migrating it when it is older) and closes it. */
const filename = process.env.LTC_TEST_STORE;
if (!filename) throw new Error('LTC_TEST_STORE is required');
const store = new SqliteEventStore({ filename });
await store.close();
process.stdout.write('opened\n');
