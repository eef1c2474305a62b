import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { ReadModelDb } from './read-model-db.js';
import type { RunnerLease, RunnerLeaseKind } from './runner-lease.js';
import { errorMessage, type RunnerLogger } from './subscriber-worker.js';
import { withSetupLock } from './subscriber-tables.js';

/** `active`: this process runs the background jobs; `standby`: another one does, this one waits to take over. */
export type RunnerRole = 'active' | 'standby';

/** Who last took the lease, as recorded by that process; operators and other processes read it. */
export interface RunnerOwner {
  readonly pid: number;
  readonly host: string;
  /** The process's configured role (`all`, `worker`). */
  readonly processRole: string;
  /** ISO-8601 UTC, the holder's clock: informative only, nothing decides on it. */
  readonly since: string;
}

/** This process's view of the background jobs. */
export interface BackgroundJobsStatus {
  readonly role: RunnerRole;
  readonly lease: RunnerLeaseKind;
  readonly pid: number;
  /** The holder as last recorded; null before any process has taken the lease. */
  readonly owner: RunnerOwner | null;
}

export interface BackgroundJobsOptions {
  readonly lease: RunnerLease;
  readonly db: ReadModelDb;
  /** Starts the jobs (projection runner, timer scheduler); called when this process takes the lease. */
  start(): Promise<void>;
  /** Stops them gracefully; called on shutdown or when the lease is lost. */
  stop(): Promise<void>;
  /** Recorded with the owner row, e.g. `all` or `worker`. */
  readonly processRole: string;
  /** How often a standby tries to take the lease; default 500 ms. */
  readonly pollIntervalMs?: number;
  readonly logger?: RunnerLogger & { info(context: Record<string, unknown>, message: string): void };
}

type OwnerTables = {
  background_runner: {
    id: string;
    pid: number;
    host: string;
    process_role: string;
    since: string;
  };
};

const OWNER_ROW = 'jobs';

/**
 * Runs the background jobs in at most one process per read-model database: the process
 * that holds the lease is `active`; any other is `standby` and tries to take the lease
 * every poll interval, so it takes over within one interval of the holder's death.
 */
export class BackgroundJobs {
  private role: RunnerRole = 'standby';
  private poller: ReturnType<typeof setInterval> | undefined;
  /** Serialises take-over attempts, loss handling and shutdown. */
  private transition: Promise<void> = Promise.resolve();
  private ended = false;

  constructor(private readonly options: BackgroundJobsOptions) {
    options.lease.onLost(() => {
      void this.serially(() => this.lost());
    });
  }

  /** Creates the owner table, tries to take the lease once, and keeps trying in the background while standby. */
  async begin(): Promise<void> {
    this.ended = false;
    await setupOwnerTable(this.options.db);
    await this.serially(() => this.tryTakeOver());
    this.poller = setInterval(() => {
      if (this.role === 'standby') void this.serially(() => this.tryTakeOver());
    }, this.options.pollIntervalMs ?? 500);
    this.poller.unref();
  }

  /** Stops the jobs if they run here and gives the lease up, so a standby takes over at once. */
  async end(): Promise<void> {
    this.ended = true;
    clearInterval(this.poller);
    this.poller = undefined;
    await this.serially(async () => {
      if (this.role === 'active') await this.options.stop();
      this.role = 'standby';
      await this.options.lease.release();
    });
  }

  async status(): Promise<BackgroundJobsStatus> {
    return {
      role: this.role,
      lease: this.options.lease.kind,
      pid: process.pid,
      owner: await readRunnerOwner(this.options.db),
    };
  }

  get currentRole(): RunnerRole {
    return this.role;
  }

  private serially(step: () => Promise<void>): Promise<void> {
    this.transition = this.transition.then(step).catch((error: unknown) => {
      this.options.logger?.error({ error: errorMessage(error) }, 'background jobs: lease transition failed');
    });
    return this.transition;
  }

  private async tryTakeOver(): Promise<void> {
    if (this.ended || this.role === 'active') return;
    if (!(await this.options.lease.tryAcquire())) return;
    try {
      await recordOwner(this.options.db, this.options.processRole);
      await this.options.start();
    } catch (error) {
      // Holding the lease without running the jobs would starve everyone: give it back.
      await this.options.stop().catch(() => undefined);
      await this.options.lease.release();
      throw error;
    }
    this.role = 'active';
    this.options.logger?.info({ pid: process.pid, lease: this.options.lease.kind }, 'took the background-jobs lease');
  }

  private async lost(): Promise<void> {
    if (this.role !== 'active') return;
    this.role = 'standby';
    this.options.logger?.warn({ pid: process.pid }, 'lost the background-jobs lease; stopping the jobs');
    await this.options.stop();
  }
}

/** The last recorded holder of the lease (any process can read it). */
export async function readRunnerOwner(db: ReadModelDb): Promise<RunnerOwner | null> {
  const row = await ownerTables(db)
    .selectFrom('background_runner')
    .selectAll()
    .where('id', '=', OWNER_ROW)
    .executeTakeFirst()
    .catch(() => undefined);
  if (!row) return null;
  return { pid: Number(row.pid), host: row.host, processRole: row.process_role, since: row.since };
}

async function setupOwnerTable(db: ReadModelDb): Promise<void> {
  // Every process of the installation creates it at start, so they take turns (see withSetupLock).
  await withSetupLock(db, async (on) => {
    await on.schema
      .createTable('background_runner')
      .ifNotExists()
      .addColumn('id', 'varchar(20)', (column) => column.primaryKey())
      .addColumn('pid', 'integer', (column) => column.notNull())
      .addColumn('host', 'varchar(255)', (column) => column.notNull())
      .addColumn('process_role', 'varchar(20)', (column) => column.notNull())
      .addColumn('since', 'varchar(40)', (column) => column.notNull())
      .execute();
  });
}

async function recordOwner(db: ReadModelDb, processRole: string): Promise<void> {
  const row = {
    id: OWNER_ROW,
    pid: process.pid,
    host: hostname(),
    process_role: processRole,
    since: new Date().toISOString(),
  };
  await ownerTables(db)
    .insertInto('background_runner')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet({
        pid: row.pid,
        host: row.host,
        process_role: row.process_role,
        since: row.since,
      }),
    )
    .execute();
}

function ownerTables(db: ReadModelDb): Kysely<OwnerTables> {
  return db.withTables<OwnerTables>();
}
