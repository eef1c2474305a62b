import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/** How the lease is held; shown to operators in the runner status. */
export type RunnerLeaseKind = 'sqlite_lock_file' | 'postgres_advisory_lock' | 'none';

/**
 * The right to run the background jobs (projections, process managers, timers) against
 * one read-model database: at most one process holds it at a time. Both implementations
 * are locks the operating system or the database server drops when the holder dies, so
 * a crashed holder is detected without heartbeats or trusting anyone's clock (ADR 0011).
 */
export interface RunnerLease {
  readonly kind: RunnerLeaseKind;
  /** Takes the lease if nobody holds it; never waits. True while this process holds it. */
  tryAcquire(): Promise<boolean>;
  /** Called when a held lease is lost without `release()` (the PostgreSQL session ended). */
  onLost(listener: () => void): void;
  /** Gives the lease up (idempotent). */
  release(): Promise<void>;
}

/**
 * An exclusive SQLite transaction on a lock file beside the read models, held open for
 * as long as this process runs the jobs. SQLite's file locks belong to the process: the
 * kernel releases them when it exits, however it exits (kill -9 included), and another
 * connection, in this process or another, gets SQLITE_BUSY meanwhile.
 */
export class SqliteLockFileLease implements RunnerLease {
  readonly kind = 'sqlite_lock_file';
  private connection: Database.Database | undefined;
  private held = false;

  constructor(private readonly filename: string) {}

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    mkdirSync(dirname(this.filename), { recursive: true });
    this.connection ??= new Database(this.filename, { timeout: 0 });
    try {
      this.connection.exec('BEGIN EXCLUSIVE');
      this.held = true;
    } catch (error) {
      if (!isBusy(error)) throw error;
    }
    return this.held;
  }

  onLost(): void {
    // A lock held by an open connection of a live process is never taken away.
  }

  async release(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (this.held) connection?.exec('ROLLBACK');
    this.held = false;
    connection?.close();
  }
}

/**
 * A session-level PostgreSQL advisory lock on a connection of its own, keyed by the
 * read-model schema. The server releases it when the session ends (the holder died, or
 * the connection broke); the holder then learns it lost the lease and stops its jobs.
 */
export class PostgresAdvisoryLease implements RunnerLease {
  readonly kind = 'postgres_advisory_lock';
  private client: pg.Client | undefined;
  private held = false;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly url: string,
    private readonly schema: string | undefined,
  ) {}

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    const client = this.client ?? (await this.connect());
    const key = `ltc-background-runner:${this.schema ?? 'public'}`;
    const result = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [
      key,
    ]);
    this.held = result.rows[0]?.locked === true;
    return this.held;
  }

  onLost(listener: () => void): void {
    this.listeners.push(listener);
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    // Ending the session releases the lock.
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    const dropped = (): void => {
      if (this.client !== client) return;
      this.client = undefined;
      const wasHeld = this.held;
      this.held = false;
      if (wasHeld) for (const listener of this.listeners) listener();
    };
    client.on('error', dropped);
    client.on('end', dropped);
    await client.connect();
    this.client = client;
    return client;
  }
}

/** For a private, in-memory read-model database: no other process can share it. */
export class UncontendedLease implements RunnerLease {
  readonly kind = 'none';
  async tryAcquire(): Promise<boolean> {
    return true;
  }
  onLost(): void {}
  async release(): Promise<void> {}
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}
