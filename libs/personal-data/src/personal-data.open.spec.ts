import { PersonalData } from './personal-data.js';
import { SqliteKeyStore } from './sqlite-key-store.js';
import { ERASED } from './sealed-value.js';

/** Opening a value many readers share: remembered, yet never past the subject's erasure anywhere. */
describe('Opening sealed values', () => {
  it('reads the same value again, and [erased] from the moment of an erasure in this process', async () => {
    const personal = new PersonalData(new SqliteKeyStore(':memory:'));
    const sealed = await personal.seal('lead-1', 'anna@example.test');
    expect(await personal.open(sealed)).toBe('anna@example.test');
    expect(await personal.open(sealed)).toBe('anna@example.test');
    await personal.erase('lead-1', new Date());
    expect(await personal.open(sealed)).toBe(ERASED);
    await personal.close();
  });

  it("sees another process's erasure once told of it, or once its cached key is stale", async () => {
    let now = 0;
    const store = new SqliteKeyStore(':memory:');
    const here = new PersonalData(store, () => now);
    const [told, untold] = [await here.seal('lead-2', 'b@example.test'), await here.seal('lead-3', 'c@example.test')];
    expect([await here.open(told), await here.open(untold)]).toEqual(['b@example.test', 'c@example.test']);
    // Another process destroys both keys in the shared store.
    await store.destroy('lead-2', new Date(0).toISOString());
    await store.destroy('lead-3', new Date(0).toISOString());
    here.forget('lead-2');
    expect(await here.open(told)).toBe(ERASED);
    expect(await here.open(untold)).toBe('c@example.test');
    now += 60_001;
    expect(await here.open(untold)).toBe(ERASED);
    await here.close();
  });
});
