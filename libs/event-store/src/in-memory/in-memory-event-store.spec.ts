import { describeEventStoreContract } from '../../test/event-store.contract.js';
import { InMemoryEventStore } from './in-memory-event-store.js';

describeEventStoreContract('InMemoryEventStore', async () => {
  const store = new InMemoryEventStore();
  return { store, dispose: () => store.close() };
});

describe('InMemoryEventStore', () => {
  it('stores data as JSON, so a Date comes back as the string a durable store would return', async () => {
    const store = new InMemoryEventStore();
    const at = new Date('2026-01-05T09:00:00.000Z');
    await store.appendToStream('lead-1', [
      {
        type: 'LeadCaptured',
        data: { at },
        metadata: {
          actor: { userId: 'u', role: 'sales' },
          correlationId: 'c',
          causationId: 'c',
          commandId: 'c',
          tenantId: 't',
          schemaVersion: 1,
        },
      },
    ]);
    const [event] = await store.readStream('lead-1');
    expect(event?.data).toEqual({ at: '2026-01-05T09:00:00.000Z' });
    await store.close();
  });
});
