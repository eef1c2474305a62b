import { sql } from 'kysely';
import pg from 'pg';
import { BackgroundJobs, type ReadModelHandle } from '#ltc/projections';
import { describeWithPostgres } from '#ltc/testing';
import { eventually, postgresTarget, sqliteTarget, type ReadModelLocation, type ReadModelTarget } from './fixtures.js';
import { Cleanup } from './suite-support.js';

/** One process's background jobs, counting how often they were started and stopped. */
function jobsOn(handle: ReadModelHandle, cleanup: Cleanup): { jobs: BackgroundJobs; runs: string[] } {
  const runs: string[] = [];
  const jobs = new BackgroundJobs({
    lease: handle.createRunnerLease(),
    db: handle.db,
    processRole: 'all',
    pollIntervalMs: 20,
    start: async () => void runs.push('start'),
    stop: async () => void runs.push('stop'),
  });
  cleanup.add(() => jobs.end());
  return { jobs, runs };
}

function leaseSuite(makeTarget: () => ReadModelTarget, kind: string): void {
  const target = makeTarget();
  const cleanup = new Cleanup();
  afterAll(() => target.cleanup());
  afterEach(() => cleanup.run());

  async function open(location: ReadModelLocation): Promise<ReadModelHandle> {
    const handle = await location.open();
    cleanup.add(() => handle.close());
    return handle;
  }

  it('runs the jobs in one of two processes; the other stands by and takes over when the first lets go', async () => {
    const location = await target.create();
    const first = jobsOn(await open(location), cleanup);
    const second = jobsOn(await open(location), cleanup);
    await first.jobs.begin();
    await second.jobs.begin();
    expect([first.jobs.currentRole, second.jobs.currentRole]).toEqual(['active', 'standby']);
    // Many polls later the standby still has not started anything.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(first.runs).toEqual(['start']);
    expect(second.runs).toEqual([]);
    expect(await second.jobs.status()).toMatchObject({
      role: 'standby',
      lease: kind,
      owner: { pid: process.pid, processRole: 'all' },
    });

    await first.jobs.end();
    expect(first.runs).toEqual(['start', 'stop']);
    await eventually(() => second.jobs.currentRole === 'active', 5000, 'take-over');
    expect(second.runs).toEqual(['start']);
    expect(first.jobs.currentRole).toBe('standby');
  });
}

describe('background jobs on SQLite read models', () => leaseSuite(sqliteTarget, 'sqlite_lock_file'));

await describeWithPostgres('background jobs on PostgreSQL read models', (url) => {
  leaseSuite(() => postgresTarget(url), 'postgres_advisory_lock');

  it('a holder whose session the server ends stops its jobs; then exactly one of the two runs them', async () => {
    const target = postgresTarget(url);
    const cleanup = new Cleanup();
    try {
      const location = await target.create();
      const holderHandle = await location.open();
      cleanup.add(() => holderHandle.close());
      const holder = jobsOn(holderHandle, cleanup);
      const spareHandle = await location.open();
      cleanup.add(() => spareHandle.close());
      const spare = jobsOn(spareHandle, cleanup);
      await holder.jobs.begin();
      await spare.jobs.begin();
      expect(holder.jobs.currentRole).toBe('active');
      // The server ends the session holding this schema's lease, as a failover or a killed backend would.
      const schema = (await sql<{ name: string }>`select current_schema() as name`.execute(holderHandle.db)).rows[0]
        ?.name;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const ended = await admin.query(
          `select pg_terminate_backend(l.pid) from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.application_name = $1`,
          [schema],
        );
        expect(ended.rowCount).toBe(1);
      } finally {
        await admin.end();
      }
      await eventually(() => holder.runs.length >= 2, 5000, 'holder stopped');
      expect(holder.runs.slice(0, 2)).toEqual(['start', 'stop']);
      // Both now poll for the free lease; whichever asks first runs the jobs (the old holder
      // is alive and may win it back), and never both.
      const active = () => [holder, spare].filter((side) => side.jobs.currentRole === 'active');
      await eventually(() => active().length === 1, 5000, 'one side to take the lease');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(active()).toHaveLength(1);
      const running = (runs: string[]) => runs.at(-1) === 'start';
      expect([running(holder.runs), running(spare.runs)].filter(Boolean)).toHaveLength(1);
    } finally {
      await cleanup.run();
      await target.cleanup();
    }
  });
});
