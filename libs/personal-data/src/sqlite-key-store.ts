import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { KeyEnvelope, subjectKeyName, tenantSecretName } from './key-envelope.js';
import type { KeyStore, SubjectKey } from './key-store.port.js';

interface KeyRow {
  readonly key: Buffer | null;
  readonly erased_at: string | null;
}

/**
 * The key store in a SQLite file of its own beside the event store's (the default). WAL
 * like the event store, so several processes share it; `secure_delete` so a destroyed key's
 * bytes are overwritten in the file, not left in a free page.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  /** Subjects whose keys the next group commit creates, with who waits for them. */
  private pending: Map<string, { resolve: (key: SubjectKey) => void; reject: (error: unknown) => void }[]> | undefined;

  /** `fresh` makes the bytes a new key is stored as (wrapped by `EnvelopedKeyStore` when a master key is set). */
  constructor(
    filename: string,
    private readonly fresh: (name: string) => Buffer = (name) => new KeyEnvelope().fresh(name),
  ) {
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    this.db = new Database(filename, { timeout: 10_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.exec(`
      create table if not exists subject_keys (
        subject_id text primary key,
        key blob,
        created_at text not null,
        erased_at text
      );
      create table if not exists tenant_secrets (
        tenant_id text not null,
        purpose text not null,
        secret blob not null,
        primary key (tenant_id, purpose)
      );`);
  }

  /**
   * Keys asked for in the same turn of the event loop (an import's concurrent captures) are
   * created in one transaction: one fsync for all of them instead of one each.
   */
  keyFor(subject: string): Promise<SubjectKey> {
    return new Promise((resolve, reject) => {
      if (!this.pending) {
        this.pending = new Map();
        setImmediate(() => this.createPending());
      }
      const waiting = this.pending.get(subject) ?? [];
      waiting.push({ resolve, reject });
      this.pending.set(subject, waiting);
    });
  }

  private createPending(): void {
    const batch = this.pending ?? new Map<string, never[]>();
    this.pending = undefined;
    try {
      const insert = this.db.prepare(
        'insert or ignore into subject_keys (subject_id, key, created_at) values (?, ?, ?)',
      );
      const select = this.db.prepare('select key, erased_at from subject_keys where subject_id = ?');
      const now = new Date().toISOString();
      // Insert-or-ignore: two processes creating the same subject's key agree on the first one.
      const keys = this.db.transaction(() =>
        [...batch.keys()].map((subject) => {
          insert.run(subject, this.fresh(subjectKeyName(subject)), now);
          return subjectKey(select.get(subject) as KeyRow);
        }),
      )();
      [...batch.values()].forEach((waiting, index) => {
        for (const waiter of waiting) waiter.resolve(keys[index] as SubjectKey);
      });
    } catch (error) {
      for (const waiting of batch.values()) for (const waiter of waiting) waiter.reject(error);
    }
  }

  find(subject: string): Promise<SubjectKey | undefined> {
    const row = this.db.prepare('select key, erased_at from subject_keys where subject_id = ?').get(subject) as
      KeyRow | undefined;
    return Promise.resolve(row === undefined ? undefined : subjectKey(row));
  }

  destroy(subject: string, erasedAt: string): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare('insert or ignore into subject_keys (subject_id, key, created_at, erased_at) values (?, null, ?, ?)')
        .run(subject, erasedAt, erasedAt);
      this.db
        .prepare('update subject_keys set key = null, erased_at = coalesce(erased_at, ?) where subject_id = ?')
        .run(erasedAt, subject);
    })();
    // The old key may still sit in the WAL: copy it into the (securely overwritten) main file now.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return Promise.resolve();
  }

  tenantSecret(tenantId: string, purpose: string): Promise<Buffer> {
    this.db
      .prepare('insert or ignore into tenant_secrets (tenant_id, purpose, secret) values (?, ?, ?)')
      .run(tenantId, purpose, this.fresh(tenantSecretName(tenantId, purpose)));
    const row = this.db
      .prepare('select secret from tenant_secrets where tenant_id = ? and purpose = ?')
      .get(tenantId, purpose) as { secret: Buffer };
    return Promise.resolve(row.secret);
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

export function subjectKey(row: KeyRow): SubjectKey {
  return row.key === null
    ? { state: 'erased', erasedAt: row.erased_at ?? '' }
    : { state: 'active', key: Buffer.from(row.key) };
}
