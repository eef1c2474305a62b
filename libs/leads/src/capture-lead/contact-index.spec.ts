import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { ManualClock } from '#ltc/clock';
import {
  EsdbEventStore,
  SqliteEventStore,
  WrongExpectedRevisionError,
  type EventMetadata,
  type EventStore,
} from '#ltc/event-store';
import { PersonalData, SqliteKeyStore } from '#ltc/personal-data';
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
  let personal: PersonalData;
  beforeEach(() => {
    store = openStore();
    // One key store shared by both: the tenant's hashing secret is the same in every process.
    personal = new PersonalData(new SqliteKeyStore(':memory:'));
    first = new ContactIndex(store, new ManualClock(), personal);
    second = new ContactIndex(store, new ManualClock(), personal);
    key = { ...email, value: `${randomUUID()}@lumen.example` };
  });
  afterEach(async () => {
    await store.close();
    await personal.close();
  });

  const legacyStream = (contact: ContactKey): string =>
    `leadContact-${createHash('sha256').update(`acme\u0000${contact.kind}\u0000${contact.value}`).digest('hex').slice(0, 40)}`;

  it('names the reservation by a keyed hash: the plain hash of the contact names no stream', async () => {
    const leadA = randomUUID();
    expect(await first.reserve('acme', key, leadA, metadata)).toEqual({ reserved: true });
    expect(await store.readStream(legacyStream(key))).toEqual([]);
  });

  it('a reservation made before keyed hashes is still held, and released with its lead', async () => {
    const legacyLead = randomUUID();
    await store.appendToStream(legacyStream(key), [
      { type: 'LeadContactClaimed', data: { leadId: legacyLead, kind: 'email' }, metadata },
    ]);
    await store.appendToStream(leadStream(legacyLead), captured(legacyLead), { expectedRevision: 'no_stream' });
    expect(await first.holder('acme', key)).toBe(legacyLead);
    expect(await second.reserve('acme', key, randomUUID(), metadata)).toEqual({
      reserved: false,
      existingLeadId: legacyLead,
    });
    await first.release('acme', key, legacyLead, metadata);
    expect(await second.reserve('acme', key, randomUUID(), metadata)).toEqual({ reserved: true });
  });

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

  it("an erased lead's contact is free for a new lead: the person is no longer known, the old lead stays", async () => {
    const leadA = randomUUID();
    await first.reserve('acme', key, leadA, metadata);
    await store.appendToStream(leadStream(leadA), captured(leadA), { expectedRevision: 'no_stream' });
    await personal.erase(leadStream(leadA), new Date());
    expect(await second.holder('acme', key)).toBeUndefined();
    const leadB = randomUUID();
    expect(await second.reserve('acme', key, leadB, metadata)).toEqual({ reserved: true });
    await store.appendToStream(leadStream(leadB), captured(leadB), { expectedRevision: 'no_stream' });
    expect(await first.holder('acme', key)).toBe(leadB);
    expect((await store.readStream(leadStream(leadA))).map((e) => e.type)).toEqual(['LeadCaptured']);
  });

  it('a reservation made before keyed hashes does not hold an erased lead either', async () => {
    const legacyLead = randomUUID();
    await store.appendToStream(legacyStream(key), [
      { type: 'LeadContactClaimed', data: { leadId: legacyLead, kind: 'email' }, metadata },
    ]);
    await store.appendToStream(leadStream(legacyLead), captured(legacyLead), { expectedRevision: 'no_stream' });
    await personal.erase(leadStream(legacyLead), new Date());
    expect(await first.reserve('acme', key, randomUUID(), metadata)).toEqual({ reserved: true });
  });
});
