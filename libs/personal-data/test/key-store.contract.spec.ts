import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createTestSchema, describeWithPostgres, type TestSchema } from '#ltc/testing';
import { randomBytes } from 'node:crypto';
import { EnvelopedKeyStore, KeyEnvelope, PersonalDataLockedError } from '../src/key-envelope.js';
import type { KeyStore } from '../src/key-store.port.js';
import { PostgresKeyStore } from '../src/postgres-key-store.js';
import { SqliteKeyStore } from '../src/sqlite-key-store.js';

/** Opens a key store of one kind; `reopen` gives another handle on the same keys (another process). */
interface KeyStoreTarget {
  open(): Promise<KeyStore>;
  cleanup(): Promise<void>;
}

/** The behaviour every key store owes the engine (ADR 0029), whichever database holds the keys. */
function keyStoreContract(name: string, makeTarget: () => KeyStoreTarget): void {
  describe(`key store on ${name}`, () => {
    let target: KeyStoreTarget;
    const opened: KeyStore[] = [];
    const open = async (): Promise<KeyStore> => {
      const store = await target.open();
      opened.push(store);
      return store;
    };
    beforeEach(() => {
      target = makeTarget();
    });
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await target.cleanup();
    });

    it('creates a 32-byte key on first use and returns that same key afterwards, also to another handle', async () => {
      const store = await open();
      const first = await store.keyFor('lead-1');
      expect(first.state).toBe('active');
      if (first.state !== 'active') return;
      expect(first.key).toHaveLength(32);
      expect(await store.keyFor('lead-1')).toEqual(first);
      expect(await (await open()).find('lead-1')).toEqual(first);
      const other = await store.keyFor('lead-2');
      expect(other.state === 'active' && other.key.equals(first.key)).toBe(false);
    });

    it('knows nothing of a subject it never saw', async () => {
      expect(await (await open()).find('lead-unseen')).toBeUndefined();
    });

    it('lets concurrent creators, in this handle and another, agree on one key', async () => {
      const [a, b] = [await open(), await open()];
      const keys = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).keyFor('lead-race')));
      expect(new Set(keys.map((key) => (key.state === 'active' ? key.key.toString('hex') : 'erased'))).size).toBe(1);
    });

    it('destroys a key for good: a tombstone with the first erasure time, never a new key', async () => {
      const store = await open();
      await store.keyFor('lead-gone');
      await store.destroy('lead-gone', '2026-12-01T10:00:00.000Z');
      await store.destroy('lead-gone', '2026-12-02T10:00:00.000Z');
      const tombstone = { state: 'erased', erasedAt: '2026-12-01T10:00:00.000Z' };
      expect(await store.find('lead-gone')).toEqual(tombstone);
      expect(await store.keyFor('lead-gone')).toEqual(tombstone);
      expect(await (await open()).keyFor('lead-gone')).toEqual(tombstone);
    });

    it('records the erasure of a subject it never held a key for, so none is made later', async () => {
      const store = await open();
      await store.destroy('lead-never', '2026-12-01T10:00:00.000Z');
      expect(await store.keyFor('lead-never')).toEqual({ state: 'erased', erasedAt: '2026-12-01T10:00:00.000Z' });
    });

    it('keeps one secret per tenant and purpose, the same for every handle and concurrent caller', async () => {
      const [a, b] = [await open(), await open()];
      const secrets = await Promise.all([a, b, a, b].map((store) => store.tenantSecret('acme', 'contact-hash')));
      expect(secrets[0]).toHaveLength(32);
      expect(new Set(secrets.map((secret) => secret.toString('hex'))).size).toBe(1);
      const otherTenant = await a.tenantSecret('globex', 'contact-hash');
      const otherPurpose = await a.tenantSecret('acme', 'another');
      expect(otherTenant.equals(secrets[0] as Buffer)).toBe(false);
      expect(otherPurpose.equals(secrets[0] as Buffer)).toBe(false);
    });
  });
}

/** The SQLite key store, its keys wrapped with `masterKey` when one is given (as `openKeyStore` does). */
function sqliteAt(file: string, masterKey?: Buffer): KeyStore {
  const envelope = new KeyEnvelope(masterKey);
  return new EnvelopedKeyStore(new SqliteKeyStore(file, (name) => envelope.fresh(name)), envelope);
}

function sqliteTarget(masterKey?: Buffer): () => KeyStoreTarget {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-keys-'));
    const file = join(dir, 'personal-data.sqlite');
    return {
      open: () => Promise.resolve(sqliteAt(file, masterKey)),
      cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  };
}

keyStoreContract('SQLite', sqliteTarget());
keyStoreContract('SQLite, keys wrapped with a master key', sqliteTarget(randomBytes(32)));

describe('keys wrapped with a master key (LTC_PERSONAL_DATA_KEY)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ltc-keys-'));
    file = join(dir, 'personal-data.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const checkpointed = (): Buffer => {
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return readFileSync(file);
  };

  it('never stores a usable key or secret in the file: a copy of the data folder opens nothing', async () => {
    const store = sqliteAt(file, randomBytes(32));
    const key = await store.keyFor('lead-1');
    const secret = await store.tenantSecret('acme', 'contact-hash');
    await store.close();
    if (key.state !== 'active') throw new Error('expected an active key');
    const bytes = checkpointed();
    expect(bytes.includes(key.key)).toBe(false);
    expect(bytes.includes(secret)).toBe(false);
  });

  it('refuses to open wrapped keys without the master key, or with another one, saying what is missing', async () => {
    const master = randomBytes(32);
    const store = sqliteAt(file, master);
    await store.keyFor('lead-1');
    await store.close();
    const without = sqliteAt(file);
    await expect(without.find('lead-1')).rejects.toBeInstanceOf(PersonalDataLockedError);
    await without.close();
    const other = sqliteAt(file, randomBytes(32));
    await expect(other.find('lead-1')).rejects.toThrow();
    await other.close();
    const again = sqliteAt(file, master);
    expect((await again.find('lead-1'))?.state).toBe('active');
    await again.close();
  });

  it('keeps reading keys made before a master key was set, and wraps only the new ones', async () => {
    const plain = sqliteAt(file);
    const before = await plain.keyFor('lead-old');
    await plain.close();
    const wrapped = sqliteAt(file, randomBytes(32));
    expect(await wrapped.find('lead-old')).toEqual(before);
    const after = await wrapped.keyFor('lead-new');
    await wrapped.close();
    if (after.state !== 'active') throw new Error('expected an active key');
    expect(checkpointed().includes(after.key)).toBe(false);
  });
});

describe('key store on SQLite, in the file', () => {
  it('leaves no byte of a destroyed key in the file (secure_delete), after a checkpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-keys-'));
    const file = join(dir, 'personal-data.sqlite');
    try {
      const store = new SqliteKeyStore(file);
      const key = await store.keyFor('lead-shredded');
      if (key.state !== 'active') throw new Error('expected an active key');
      await store.destroy('lead-shredded', '2026-12-01T10:00:00.000Z');
      await store.close();
      const db = new Database(file);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      expect(readFileSync(file).includes(key.key)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

await describeWithPostgres('key store (PostgreSQL)', (url) =>
  keyStoreContract('PostgreSQL', () => {
    let schema: Promise<TestSchema> | undefined;
    const master = randomBytes(32);
    const urlOf = async (): Promise<string> => {
      schema ??= createTestSchema(url, 'keys');
      const name = (await schema).name;
      const separator = url.includes('?') ? '&' : '?';
      return `${url}${separator}options=${encodeURIComponent(`-c search_path=${name}`)}`;
    };
    return {
      open: async () => {
        const envelope = new KeyEnvelope(master);
        // Wrapped, as with a master key: the plain store is the SQLite runs' business.
        return new EnvelopedKeyStore(new PostgresKeyStore(await urlOf(), (name) => envelope.fresh(name)), envelope);
      },
      cleanup: async () => {
        if (schema) await (await schema).drop();
      },
    };
  }),
);
