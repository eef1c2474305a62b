import { InMemoryEventStore, verifyEventChains, type EventMetadata } from '#ltc/event-store';
import { PersonalDataEventStore } from './personal-data-event-store.js';
import { declarePersonalFields } from './personal-fields.js';
import { PersonalData } from './personal-data.js';
import { SqliteKeyStore } from './sqlite-key-store.js';

const metadata: EventMetadata = {
  actor: { userId: 'u1', role: 'ar' },
  correlationId: 'c',
  causationId: 'c',
  commandId: 'c',
  tenantId: 'acme',
  schemaVersion: 1,
};

declarePersonalFields({
  SpecContactNoted: {
    subject: (data) => `person-${(data as { id: string }).id}`,
    fields: ['contact.email', 'note'],
  },
  SpecContactReached: {
    subject: (data) => `person-${(data as { id: string }).id}`,
    fields: ['contact.email', 'contact.phone'],
    contactMethods: { email: ['contact.email'], phone: ['contact.phone'] },
  },
});

describe('The personal-data layer of the event store', () => {
  let stored: InMemoryEventStore;
  let personal: PersonalData;
  let store: PersonalDataEventStore;
  beforeEach(() => {
    stored = new InMemoryEventStore();
    personal = new PersonalData(new SqliteKeyStore(':memory:'));
    store = new PersonalDataEventStore(stored, personal);
  });
  afterEach(() => personal.close());

  const noted = (id: string, email: string | null) => ({
    type: 'SpecContactNoted',
    data: { id, contact: { email }, note: 'likes mornings', amount: 5 },
    metadata,
  });

  it('stores declared fields sealed, reads them opened, and lists them as personal values', async () => {
    await store.appendToStream('person-1', [noted('1', 'a@b.example')]);
    const [raw] = await stored.readStream('person-1');
    expect(JSON.stringify(raw?.data)).not.toContain('a@b.example');
    expect(raw?.data).toMatchObject({ amount: 5, contact: { email: { $sealed: 'aes-256-gcm', subject: 'person-1' } } });
    const [read] = await store.readStream('person-1');
    expect(read?.data).toEqual({ id: '1', contact: { email: 'a@b.example' }, note: 'likes mornings', amount: 5 });
    expect(read?.personalData).toEqual([
      { path: 'contact.email', subject: 'person-1' },
      { path: 'note', subject: 'person-1' },
    ]);
  });

  it('after an erasure reads [erased], writes no new value, and the stored bytes still verify', async () => {
    await store.appendToStream('person-2', [noted('2', 'c@d.example')]);
    const before = await stored.readStream('person-2');
    await personal.erase('person-2', new Date());
    expect((await store.readStream('person-2'))[0]?.data).toMatchObject({
      contact: { email: '[erased]' },
      note: '[erased]',
      amount: 5,
    });
    await store.appendToStream('person-2', [noted('2', 'new@d.example')]);
    const [, later] = await stored.readStream('person-2');
    expect(JSON.stringify(later?.data)).not.toContain('new@d.example');
    expect((await stored.readStream('person-2')).slice(0, 1)).toEqual(before);
    expect((await verifyEventChains(store)).breaks).toEqual([]);
  });

  it('reads an event written before encryption as it is, and as [erased] once its subject is erased', async () => {
    await stored.appendToStream('person-3', [noted('3', 'old@plain.example')]);
    expect((await store.readStream('person-3'))[0]?.data).toMatchObject({ contact: { email: 'old@plain.example' } });
    await personal.erase('person-3', new Date());
    expect((await store.readStream('person-3'))[0]?.data).toMatchObject({ contact: { email: '[erased]' } });
  });

  it('leaves nulls and undeclared events alone', async () => {
    await store.appendToStream('person-4', [noted('4', null), { type: 'Other', data: { email: 'x@y' }, metadata }]);
    const raw = await stored.readStream('person-4');
    expect(raw[0]?.data).toMatchObject({ contact: { email: null } });
    expect(raw[1]?.data).toEqual({ email: 'x@y' });
  });

  it('gives each readable contact method its keyed hash, as a lookup would compute it, and none once erased', async () => {
    const reached = {
      type: 'SpecContactReached',
      data: { id: '5', contact: { email: 'Ann@B.example ', phone: '+1 (555) 010' } },
      metadata,
    };
    await store.appendToStream('person-5', [reached]);
    const [read] = await store.readStream('person-5');
    expect(read?.personalData).toEqual([
      {
        path: 'contact.email',
        subject: 'person-5',
        contact: { kind: 'email', hash: await personal.contactMethodHash('acme', 'email', 'ann@b.example') },
      },
      {
        path: 'contact.phone',
        subject: 'person-5',
        contact: { kind: 'phone', hash: await personal.contactMethodHash('acme', 'phone', '+1555010') },
      },
    ]);
    expect(await personal.contactMethodHash('globex', 'email', 'ann@b.example')).not.toEqual(
      read?.personalData?.[0]?.contact?.hash,
    );
    await personal.erase('person-5', new Date());
    expect((await store.readStream('person-5'))[0]?.personalData).toEqual([
      { path: 'contact.email', subject: 'person-5' },
      { path: 'contact.phone', subject: 'person-5' },
    ]);
  });
});
