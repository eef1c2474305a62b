import type { RecordedEvent } from '#ltc/event-store';
import type { ProcessManager, ReadModelDb } from '#ltc/projections';

type Tables = { order_tally: { event_id: string; stream: string; position: string } };

const tally = (db: ReadModelDb) => db.withTables<Tables>();

/** Records an event as seen; again is a no-op (handled at least once). */
async function see(db: ReadModelDb, event: RecordedEvent): Promise<void> {
  await tally(db)
    .insertInto('order_tally')
    .values({ event_id: event.id, stream: event.stream, position: event.position.toString() })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
}

/**
 * A process manager with state of its own: it keeps which order events it has seen (its
 * fold of the log) and reacts to each with one command. Its state can be rebuilt.
 */
export function tallyManager(db: ReadModelDb): ProcessManager {
  return {
    name: 'tally',
    filter: { streamPrefixes: ['order-'] },
    partitionKey: (event) => event.stream,
    async setup(setupDb) {
      await setupDb.schema
        .createTable('order_tally')
        .ifNotExists()
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('stream', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .execute();
    },
    state: {
      version: 1,
      reset: async (resetDb) => {
        await tally(resetDb).deleteFrom('order_tally').execute();
      },
      evolve: see,
    },
    async handle(event, ctx) {
      await see(db, event);
      await ctx.dispatch({ type: 'react', payload: { target: event.id } });
    },
  };
}

/** The event ids the tally holds, in log order. */
export async function tallied(db: ReadModelDb): Promise<string[]> {
  const rows = await tally(db).selectFrom('order_tally').select(['event_id', 'position']).execute();
  return rows.sort((a, b) => Number(BigInt(a.position) - BigInt(b.position))).map((row) => row.event_id);
}
