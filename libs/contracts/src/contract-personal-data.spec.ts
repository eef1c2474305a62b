import { InMemoryEventStore } from '#ltc/event-store';
import {
  ERASED,
  PersonalData,
  PersonalDataEventStore,
  SqliteKeyStore,
  declarePersonalFields,
  valueAt,
} from '#ltc/personal-data';
import { CONTRACT, draft, handedOver, hold, schedule, sign } from '../test/contract-decider.support.js';
import { contractPeopleSubject, contractPersonalFields } from './contract-personal-data.js';
import { contractStream } from './contract-streams.js';
import { ContractHistory } from './read-models/test/contract-history.js';

/** Drafted, signed by Ingrid Lund and handed over with minutes, as the contract's functional core decides it. */
const history = handedOver();

describe('The personal fields of contract events', () => {
  it('name text fields every declared event type has, under the contract as subject', () => {
    for (const [type, declared] of Object.entries(contractPersonalFields)) {
      const events = history.filter((event) => event.type === type);
      expect({ type, written: events.length }).toEqual({ type, written: 1 });
      for (const event of events) {
        for (const path of declared.fields)
          expect({ type, path, value: typeof valueAt(event.data, path) }).toEqual({ type, path, value: 'string' });
        expect(declared.subject(event.data)).toBe(contractPeopleSubject(CONTRACT));
      }
    }
  });

  it('are sealed in the store, opened for readers, and read [erased] once the subject is erased', async () => {
    declarePersonalFields(contractPersonalFields);
    const stored = new InMemoryEventStore();
    const personal = new PersonalData(new SqliteKeyStore(':memory:'));
    const store = new PersonalDataEventStore(stored, personal);
    await new ContractHistory(store).decide('acme', CONTRACT, draft, sign(), schedule, hold);
    const raw = JSON.stringify((await stored.readStream(contractStream(CONTRACT))).map((event) => event.data));
    for (const text of ['Ingrid Lund', 'Rollout in two waves']) expect(raw).not.toContain(text);
    // Execution's facts stay in clear: the terms, the open items, the risks.
    for (const text of ['2026-07-01', 'Confirm depot addresses', 'Winter roads delay wave two'])
      expect(raw).toContain(text);
    const opened = await store.readStream(contractStream(CONTRACT));
    expect(opened.map(({ type, data }) => ({ type, data }))).toEqual(history.map(({ type, data }) => ({ type, data })));

    await personal.erase(contractPeopleSubject(CONTRACT), new Date());
    const erased = await store.readStream(contractStream(CONTRACT));
    expect(erased.find((event) => event.type === 'ContractSigned')?.data).toMatchObject({ signatory: ERASED });
    expect(erased.find((event) => event.type === 'HandoverMeetingHeld')?.data).toMatchObject({
      notes: ERASED,
      risks: ['Winter roads delay wave two'],
    });
    await personal.close();
  });
});
