import { SqliteEventStore } from '#ltc/event-store';

/**
 * Appends in rounds of ROUND_SIZE concurrent requests (each round one group commit, each
 * request two events to a new stream) and prints `ack <stream> <position>` for every
 * acknowledged append, so the parent knows exactly what was promised before a fault point
 * killed this process.
 */
const ROUNDS = 3;
const ROUND_SIZE = 10;

const filename = process.env.LTC_TEST_STORE;
if (!filename) throw new Error('LTC_TEST_STORE is required');
const store = new SqliteEventStore({ filename, durability: 'full' });
const metadata = {
  actor: { userId: 'writer', role: 'system' },
  correlationId: 'c',
  causationId: 'c',
  commandId: 'c',
  tenantId: 't',
  schemaVersion: 1,
};
for (let round = 0; round < ROUNDS; round++) {
  // Submitted in one event-loop turn: the queue writes them in one transaction.
  const appends = Array.from({ length: ROUND_SIZE }, async (_, i) => {
    const stream = `round${round}-${i}`;
    const events = [0, 1].map((n) => ({ type: 'Written', data: { round, i, n }, metadata }));
    const result = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
    process.stdout.write(`ack ${stream} ${result.position.toString()}\n`);
  });
  await Promise.all(appends);
}
await store.close();
