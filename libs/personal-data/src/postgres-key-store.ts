import pg from 'pg';
import { KeyEnvelope, subjectKeyName, tenantSecretName } from './key-envelope.js';
import type { KeyStore, SubjectKey } from './key-store.port.js';
import { subjectKey } from './sqlite-key-store.js';

/**
 * The key store in PostgreSQL, beside the read models when they live there (its tables are
 * the engine's, not a read model's: a rebuild never drops them). `on conflict do nothing`
 * lets concurrent creators agree on the first key.
 */
export class PostgresKeyStore implements KeyStore {
  private readonly pool: pg.Pool;
  private ready: Promise<void> | undefined;

  /** `fresh` makes the bytes a new key is stored as (wrapped by `EnvelopedKeyStore` when a master key is set). */
  constructor(
    url: string,
    private readonly fresh: (name: string) => Buffer = (name) => new KeyEnvelope().fresh(name),
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: 4 });
    this.pool.on('error', () => undefined);
  }

  async keyFor(subject: string): Promise<SubjectKey> {
    await this.schema();
    await this.pool.query(
      'insert into personal_data_subject_keys (subject_id, key, created_at) values ($1, $2, now()) on conflict do nothing',
      [subject, this.fresh(subjectKeyName(subject))],
    );
    const found = await this.find(subject);
    if (!found) throw new Error(`No key row for ${subject}`);
    return found;
  }

  async find(subject: string): Promise<SubjectKey | undefined> {
    await this.schema();
    const { rows } = await this.pool.query<{ key: Buffer | null; erased_at: Date | null }>(
      'select key, erased_at from personal_data_subject_keys where subject_id = $1',
      [subject],
    );
    const row = rows[0];
    return row === undefined
      ? undefined
      : subjectKey({ key: row.key, erased_at: row.erased_at?.toISOString() ?? null });
  }

  async destroy(subject: string, erasedAt: string): Promise<void> {
    await this.schema();
    await this.pool.query(
      `insert into personal_data_subject_keys (subject_id, key, created_at, erased_at) values ($1, null, $2, $2)
       on conflict (subject_id) do update
       set key = null, erased_at = coalesce(personal_data_subject_keys.erased_at, excluded.erased_at)`,
      [subject, erasedAt],
    );
  }

  async tenantSecret(tenantId: string, purpose: string): Promise<Buffer> {
    await this.schema();
    await this.pool.query(
      'insert into personal_data_tenant_secrets (tenant_id, purpose, secret) values ($1, $2, $3) on conflict do nothing',
      [tenantId, purpose, this.fresh(tenantSecretName(tenantId, purpose))],
    );
    const { rows } = await this.pool.query<{ secret: Buffer }>(
      'select secret from personal_data_tenant_secrets where tenant_id = $1 and purpose = $2',
      [tenantId, purpose],
    );
    const row = rows[0];
    if (!row) throw new Error(`No ${purpose} secret for tenant ${tenantId}`);
    return row.secret;
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private schema(): Promise<void> {
    this.ready ??= this.createTables().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  /**
   * `create table if not exists` is not safe against itself on PostgreSQL: two processes
   * starting together (API replicas, a worker) can both pass the check and one then fails on
   * the catalogue's unique index. A transaction-scoped advisory lock makes them take turns.
   */
  private async createTables(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query("select pg_advisory_xact_lock(hashtext('ltc:personal-data-keys'))");
      await client.query(
        `create table if not exists personal_data_subject_keys (
           subject_id text primary key, key bytea, created_at timestamptz not null, erased_at timestamptz);
         create table if not exists personal_data_tenant_secrets (
           tenant_id text not null, purpose text not null, secret bytea not null, primary key (tenant_id, purpose));`,
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
