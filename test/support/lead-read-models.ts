import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore } from '#ltc/event-store';
import { leadListProjection, leadPersonalFields, leadSourceStatsProjection } from '#ltc/leads';
import { PersonalData, PersonalDataEventStore, SqliteKeyStore, declarePersonalFields } from '#ltc/personal-data';
import { ProjectionRunner, openReadModelDb } from '#ltc/projections';

/** The embedded store and read-model files of an engine's `LTC_DATA_DIR`. */
export function dataFiles(dataDir: string): { events: string; readModels: string } {
  return { events: join(dataDir, 'events.sqlite'), readModels: join(dataDir, 'read-models.sqlite') };
}

/** The lead list and source stats, row by row, and every checkpoint, as stored in `file`. */
export interface LeadReadModelSnapshot {
  readonly leads: unknown[];
  readonly stats: { captured: number }[];
  readonly checkpoints: Record<string, string | null>;
}

export function leadReadModelSnapshot(file: string): LeadReadModelSnapshot {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('select name, position from projection_checkpoints').all() as {
      name: string;
      position: string | null;
    }[];
    return {
      leads: db.prepare('select * from lead_list order by tenant_id, lead_id').all(),
      stats: db.prepare('select * from lead_source_stats order by tenant_id, source').all() as { captured: number }[],
      checkpoints: Object.fromEntries(rows.map((row) => [row.name, row.position])),
    };
  } finally {
    db.close();
  }
}

/** A projection's checkpoint in the read-model file; undefined while there is none (or no file yet). */
export function checkpointOf(file: string, name: string): bigint | undefined {
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

/** The head of the embedded store in `dataDir` (opened and closed again). */
export async function headOf(dataDir: string): Promise<bigint> {
  const store = new SqliteEventStore({ filename: dataFiles(dataDir).events });
  try {
    return await store.readHeadPosition();
  } finally {
    await store.close();
  }
}

/**
 * Rebuilds the lead list and source stats from scratch into an empty file next to the
 * engine's, and returns both snapshots: what the engine recovered to, and the rebuild.
 */
export async function recoveredAndRebuilt(
  dataDir: string,
  label: string,
): Promise<{ recovered: LeadReadModelSnapshot; rebuilt: LeadReadModelSnapshot }> {
  const files = dataFiles(dataDir);
  const fresh = join(dataDir, `rebuild-${label}.sqlite`);
  // Read as the engine reads: the contacts it wrote are sealed in the log (ADR 0029).
  declarePersonalFields(leadPersonalFields);
  const store = new PersonalDataEventStore(
    new SqliteEventStore({ filename: files.events }),
    new PersonalData(new SqliteKeyStore(join(dataDir, 'personal-data.sqlite'))),
    true,
  );
  const handle = await openReadModelDb({ sqliteFilename: fresh });
  try {
    const head = await store.readHeadPosition();
    const runner = new ProjectionRunner({
      store,
      db: handle.db,
      projections: [leadListProjection, leadSourceStatsProjection],
    });
    await runner.start();
    await runner.waitFor('lead_list', head, 120_000);
    await runner.waitFor('lead_source_stats', head, 120_000);
    await runner.stop();
  } finally {
    await handle.close();
    await store.close();
  }
  return { recovered: leadReadModelSnapshot(files.readModels), rebuilt: leadReadModelSnapshot(fresh) };
}
