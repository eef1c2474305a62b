import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createTestSchema, describeWithPostgres, type TestSchema } from '#ltc/testing';
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

keyStoreContract('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-keys-'));
  const file = join(dir, 'personal-data.sqlite');
  return {
    open: () => Promise.resolve(new SqliteKeyStore(file)),
    cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
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
    const urlOf = async (): Promise<string> => {
      schema ??= createTestSchema(url, 'keys');
      const name = (await schema).name;
      const separator = url.includes('?') ? '&' : '?';
      return `${url}${separator}options=${encodeURIComponent(`-c search_path=${name}`)}`;
    };
    return {
      open: async () => new PostgresKeyStore(await urlOf()),
      cleanup: async () => {
        if (schema) await (await schema).drop();
      },
    };
  }),
);
