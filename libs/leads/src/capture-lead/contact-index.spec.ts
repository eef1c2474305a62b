import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ManualClock } from '#ltc/clock';
import {
  EsdbEventStore,
  SqliteEventStore,
  WrongExpectedRevisionError,
  type EventMetadata,
  type EventStore,
} from '#ltc/event-store';
import { startEsdbWireDouble, type EsdbWireDouble } from '#ltc/testing';
import { leadStream } from '../lead-stream.js';
import { ContactIndex, type ContactKey } from './contact-index.js';

const metadata: EventMetadata = {
  actor: { userId: 'u1', role: 'ar' },
  correlationId: 'corr',
  causationId: 'cmd',
  commandId: 'cmd',
  tenantId: 'acme',
  schemaVersion: 1,
};
const email: ContactKey = { kind: 'email', value: 'ops@lumen.example' };
const captured = (leadId: string) => [{ type: 'LeadCaptured', data: { leadId }, metadata }];

let double: EsdbWireDouble;
let folder: string;
beforeAll(async () => {
  double = await startEsdbWireDouble();
  folder = mkdtempSync(join(tmpdir(), 'ltc-contacts-'));
});
afterAll(async () => {
  await double.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe.each([
  [
    'the embedded SQLite store',
    (): EventStore => new SqliteEventStore({ filename: join(folder, `${randomUUID()}.db`), durability: 'full' }),
  ],
  ['EventStoreDB (wire double)', (): EventStore => new EsdbEventStore(double.connectionString)],
])('Contact reservations on %s', (_name, openStore) => {
  let store: EventStore;
  // Two indexes on one store stand for two processes: no in-process lock between them.
  let first: ContactIndex;
  let second: ContactIndex;
  let key: ContactKey;
  beforeEach(() => {
    store = openStore();
    first = new ContactIndex(store, new ManualClock());
    second = new ContactIndex(store, new ManualClock());
    key = { ...email, value: `${randomUUID()}@lumen.example` };
  });
  afterEach(() => store.close());

  it('a reservation whose lead was written is held: the next capture is told which lead has it', async () => {
    const leadA = randomUUID();
    expect(await first.reserve('acme', key, leadA, metadata)).toEqual({ reserved: true });
    await store.appendToStream(leadStream(leadA), captured(leadA), { expectedRevision: 'no_stream' });
    expect(await second.reserve('acme', key, randomUUID(), metadata)).toEqual({
      reserved: false,
      existingLeadId: leadA,
    });
    expect(await second.holder('acme', key)).toBe(leadA);
  });

  it('a capture stalled after reserving can no longer write its lead once another took the contact over', async () => {
    const stalled = randomUUID();
    const taker = randomUUID();
    expect(await first.reserve('acme', key, stalled, metadata)).toEqual({ reserved: true });
    expect(await second.holder('acme', key)).toBeUndefined();

    expect(await second.reserve('acme', key, taker, metadata)).toEqual({ reserved: true });
    await expect(
      store.appendToStream(leadStream(stalled), captured(stalled), { expectedRevision: 'no_stream' }),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect((await store.readStream(leadStream(stalled))).map((e) => e.type)).toEqual(['LeadCaptureVoided']);
    await store.appendToStream(leadStream(taker), captured(taker), { expectedRevision: 'no_stream' });
    expect(await first.holder('acme', key)).toBe(taker);
  });

  it('racing captures over an abandoned reservation: exactly one writes its lead and holds the contact', async () => {
    await first.reserve('acme', key, randomUUID(), metadata);
    // A capture as the service runs it: reserve, then write the lead expecting no stream.
    const capture = async (index: ContactIndex, leadId: string): Promise<string | undefined> => {
      if (!(await index.reserve('acme', key, leadId, metadata)).reserved) return undefined;
      try {
        await store.appendToStream(leadStream(leadId), captured(leadId), { expectedRevision: 'no_stream' });
        return leadId;
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) return undefined;
        throw error;
      }
    };
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.all([capture(first, randomUUID()), capture(second, randomUUID())]);
      const written = outcomes.filter((leadId) => leadId !== undefined);
      if (round === 0) {
        expect(written).toHaveLength(1);
        expect(await first.holder('acme', key)).toBe(written[0]);
      } else {
        expect(written).toEqual([]);
      }
    }
  });

  it('a released contact is free for the next lead without voiding anything', async () => {
    const leadA = randomUUID();
    await first.reserve('acme', key, leadA, metadata);
    await store.appendToStream(leadStream(leadA), captured(leadA), { expectedRevision: 'no_stream' });
    await first.release('acme', key, leadA, metadata);
    const leadB = randomUUID();
    expect(await second.reserve('acme', key, leadB, metadata)).toEqual({ reserved: true });
    expect((await store.readStream(leadStream(leadA))).map((e) => e.type)).toEqual(['LeadCaptured']);
  });
});
