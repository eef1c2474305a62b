import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore, type EventToAppend } from '#ltc/event-store';
import { leadListProjection, leadSourceStatsProjection, LEAD_SOURCES } from '#ltc/leads';
import { ProjectionRunner, openReadModelDb } from '#ltc/projections';
import { builtEntry, startProcess } from './support/processes.js';
import { TEST_SECRET, eventually, tempDataDir } from './support/test-app.js';

const LEADS = 20_000;

/** Writes `LEADS` captured leads straight into the embedded store of `dataDir`. */
async function seedLeads(dataDir: string): Promise<bigint> {
  const store = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite'), durability: 'normal' });
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < LEADS; i++) {
    const leadId = randomUUID();
    const event: EventToAppend = {
      type: 'LeadCaptured',
      data: {
        leadId,
        name: `Lead ${i}`,
        company: `Company ${i % 97}`,
        contact: { person: null, email: `lead${i}@example.com`, phone: null },
        source: LEAD_SOURCES[i % LEAD_SOURCES.length],
        region: i % 2 ? 'EMEA' : 'APAC',
        complete: true,
        capturedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      },
      metadata: {
        actor: { userId: 'seed', role: 'admin' },
        correlationId: leadId,
        causationId: leadId,
        commandId: `cmd_${leadId}`,
        tenantId: 'acme',
        schemaVersion: 1,
      },
    };
    writes.push(store.appendToStream(`lead-${leadId}`, [event], { expectedRevision: 'no_stream' }));
  }
  await Promise.all(writes);
  const head = await store.readHeadPosition();
  await store.close();
  return head;
}

function readModelSnapshot(file: string): {
  leads: unknown[];
  stats: unknown[];
  checkpoints: Record<string, string | null>;
} {
  const db = new Database(file, { readonly: true });
  try {
    const checkpoints = Object.fromEntries(
      (
        db.prepare('select name, position from projection_checkpoints').all() as {
          name: string;
          position: string | null;
        }[]
      ).map((row) => [row.name, row.position]),
    );
    return {
      leads: db.prepare('select * from lead_list order by tenant_id, lead_id').all(),
      stats: db.prepare('select * from lead_source_stats order by tenant_id, source').all(),
      checkpoints,
    };
  } finally {
    db.close();
  }
}

function checkpointOf(file: string, name: string): bigint | undefined {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('select position from projection_checkpoints where name = ?').get(name) as
        { position: string | null } | undefined;
      return row?.position ? BigInt(row.position) : undefined;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

describe('Crash recovery of the worker process (kill -9 of the built worker)', () => {
  const dataDir = tempDataDir();
  const readModels = join(dataDir, 'read-models.sqlite');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('a worker killed mid-catch-up and restarted ends equal to a rebuild from scratch, nothing counted twice', async () => {
    const head = await seedLeads(dataDir);
    // Read models only: process managers would keep appending (scores) and move the head.
    const env = { LTC_DATA_DIR: dataDir, LTC_JWT_SECRET: TEST_SECRET, LTC_PROCESS_MANAGERS: 'off' };

    const t0 = Date.now();
    const first = startProcess(builtEntry('worker'), env);
    // Kill it as soon as it has committed some batches but not all of them.
    await eventually(async () => {
      const at = checkpointOf(readModels, 'lead_source_stats');
      return at !== undefined && at > head / 10n ? at : undefined;
    }, 30_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const atKill = checkpointOf(readModels, 'lead_source_stats') ?? 0n;
    console.warn(`worker killed at ${atKill.toString()} of ${head.toString()} after ${Date.now() - t0} ms`);

    const second = startProcess(builtEntry('worker'), env);
    await eventually(async () => {
      const leads = checkpointOf(readModels, 'lead_list');
      const stats = checkpointOf(readModels, 'lead_source_stats');
      return leads === head && stats === head ? true : undefined;
    }, 30_000);
    console.warn(`restarted worker caught up after ${Date.now() - t0} ms`);
    second.child.kill('SIGTERM');
    await second.exited;

    // A rebuild from scratch of the same projections, into an empty database.
    const fresh = join(dataDir, 'rebuild.sqlite');
    const store = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite') });
    const handle = await openReadModelDb({ sqliteFilename: fresh });
    const runner = new ProjectionRunner({
      store,
      db: handle.db,
      projections: [leadListProjection, leadSourceStatsProjection],
    });
    await runner.start();
    await runner.waitFor('lead_list', head, 30_000);
    await runner.waitFor('lead_source_stats', head, 30_000);
    await runner.stop();
    await handle.close();
    await store.close();

    const recovered = readModelSnapshot(readModels);
    const rebuilt = readModelSnapshot(fresh);
    expect(recovered.leads).toHaveLength(LEADS);
    expect(recovered.leads).toEqual(rebuilt.leads);
    expect(recovered.stats).toEqual(rebuilt.stats);
    const counted = (recovered.stats as { captured: number }[]).reduce((sum, row) => sum + row.captured, 0);
    expect(counted).toBe(LEADS);
    // The kill really landed mid-way (otherwise the test proves nothing about recovery).
    expect(atKill).toBeLessThan(head);
  }, 90_000);
});
