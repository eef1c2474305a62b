import { EsdbEventStore } from './esdb/esdb-event-store.js';
import { createEventStore, eventStoreKind, positionsCountEvents } from './create-event-store.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';
import { postgresLocation } from './postgres/postgres-location.js';

describe('choosing the event store from EVENTSTORE_URL', () => {
  const selection = { sqliteFilename: ':memory:', durability: 'normal' as const };

  it('opens PostgreSQL for postgres:// and postgresql://, EventStoreDB for esdb://', async () => {
    // Neither connects before its first use, so nothing needs to listen on these addresses.
    for (const url of ['postgres://u@127.0.0.1:1/db', 'postgresql://u@127.0.0.1:1/db']) {
      const store = createEventStore({ ...selection, eventStoreUrl: url });
      expect(store).toBeInstanceOf(PostgresEventStore);
      await store.close();
    }
    const esdb = createEventStore({ ...selection, eventStoreUrl: 'esdb://127.0.0.1:1?tls=false' });
    expect(esdb).toBeInstanceOf(EsdbEventStore);
    await esdb.close();
  });

  it('names the kind, and says whose positions count events', () => {
    expect([undefined, 'postgres://h/db', 'esdb://h:2113'].map(eventStoreKind)).toEqual([
      'sqlite',
      'postgresql',
      'eventstoredb',
    ]);
    expect([undefined, 'postgresql://h/db', 'esdb://h:2113'].map(positionsCountEvents)).toEqual([true, true, false]);
  });

  it('takes the schema from the URL, keeps it from the driver, and refuses a name unsafe in SQL', () => {
    expect(postgresLocation('postgres://u@h/db?schema=crm_events&sslmode=disable')).toEqual({
      connectionString: 'postgres://u@h/db?sslmode=disable',
      schema: 'crm_events',
    });
    expect(postgresLocation('postgres://u@h/db').schema).toBe('ltc_events');
    expect(() => postgresLocation('postgres://u@h/db?schema=x;drop')).toThrow(/Invalid event-store schema/);
  });
});
