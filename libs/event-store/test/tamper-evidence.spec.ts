import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainLink, contentDigest } from '../src/chain/event-chain.js';
import { chainAnchors, verifyEventChains, type ChainReport } from '../src/chain/verify-chains.js';
import { SqliteEventStore } from '../src/sqlite/sqlite-event-store.js';
import { metadataFor } from './contract.helpers.js';

// Someone with the database file changes it behind the engine's back; the check must point
// at exactly the event that changed, and at nothing else.

let folder: string;
let filename: string;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'ltc-tamper-'));
  filename = join(folder, 'events.sqlite');
  const store = new SqliteEventStore({ filename });
  for (let index = 0; index < 5; index += 1) {
    await store.appendToStream('invoice-1', [
      {
        type: 'InvoiceLine',
        data: { index, amount: { minor: 1000 * (index + 1), currency: 'EUR' } },
        metadata: metadataFor(),
      },
    ]);
    await store.appendToStream('payment-1', [{ type: 'PaymentReceived', data: { index }, metadata: metadataFor() }]);
  }
  await store.close();
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Runs SQL straight on the file, as someone holding it could. */
function tamper(sql: string, ...params: unknown[]): void {
  const db = new Database(filename);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

async function verify(options: Parameters<typeof verifyEventChains>[1] = {}): Promise<ChainReport> {
  const store = new SqliteEventStore({ filename });
  try {
    return await verifyEventChains(store, options);
  } finally {
    await store.close();
  }
}

async function anchorsNow(): Promise<Awaited<ReturnType<typeof chainAnchors>>['anchors']> {
  const store = new SqliteEventStore({ filename });
  try {
    return (await chainAnchors(store)).anchors;
  } finally {
    await store.close();
  }
}

/** Recomputes the chain hashes of `stream` from `from` to `to` (revisions), as a careful forger would. */
function rechain(stream: string, from: number, to = Number.MAX_SAFE_INTEGER): void {
  const db = new Database(filename);
  try {
    const rows = db
      .prepare<[string], { position: number; revision: number; chain_hash: string }>(
        'SELECT position, revision, chain_hash FROM events WHERE stream = ? ORDER BY revision',
      )
      .all(stream);
    let previous: string | undefined;
    for (const row of rows) {
      if (row.revision < from || row.revision > to) {
        previous = row.chain_hash;
        continue;
      }
      previous = chainLink(previous, stream, BigInt(row.revision), contentDigest(readOne(row.position)));
      db.prepare('UPDATE events SET chain_hash = ? WHERE position = ?').run(previous, row.position);
    }
  } finally {
    db.close();
  }
}

/** One event as a read gives it (id, type, data, metadata), straight from the file. */
function readOne(position: number): { id: string; type: string; data: unknown; metadata: unknown } {
  const db = new Database(filename, { readonly: true });
  try {
    const row = db
      .prepare<
        [number],
        {
          id: string;
          type: string;
          data: string;
          tenant_id: string;
          actor_user_id: string;
          actor_role: string;
          correlation_id: string;
          causation_id: string;
          command_id: string;
          schema_version: number;
        }
      >('SELECT * FROM events WHERE position = ?')
      .get(position);
    if (!row) throw new Error(`no event at ${position}`);
    return {
      id: row.id,
      type: row.type,
      data: JSON.parse(row.data) as unknown,
      metadata: {
        actor: { userId: row.actor_user_id, role: row.actor_role },
        correlationId: row.correlation_id,
        causationId: row.causation_id,
        commandId: row.command_id,
        tenantId: row.tenant_id,
        schemaVersion: row.schema_version,
      },
    };
  } finally {
    db.close();
  }
}

function positionOf(stream: string, revision: number): bigint {
  const db = new Database(filename, { readonly: true });
  try {
    const row = db
      .prepare<[string, number], { position: number }>('SELECT position FROM events WHERE stream = ? AND revision = ?')
      .get(stream, revision);
    if (!row) throw new Error(`no ${stream}@${revision}`);
    return BigInt(row.position);
  } finally {
    db.close();
  }
}

describe('tamper evidence on the SQLite file', () => {
  it('finds nothing wrong in a log nobody touched', async () => {
    expect(await verify()).toMatchObject({ eventsChecked: 10, streamsChecked: 2, breaks: [] });
  });

  it('reports a changed amount at exactly that event, and only there', async () => {
    const position = positionOf('invoice-1', 2);
    tamper(`UPDATE events SET data = json_set(data, '$.amount.minor', 1) WHERE position = ?`, position);
    const report = await verify();
    expect(report.eventsChecked).toBe(10);
    expect(report.breaks).toEqual([
      { stream: 'invoice-1', revision: 2n, position, eventId: expect.any(String), reason: 'content_changed' },
    ]);
  });

  it('reports a changed actor and a changed type, each where it was changed', async () => {
    tamper(`UPDATE events SET actor_user_id = 'someone-else' WHERE stream = 'payment-1' AND revision = 1`);
    tamper(`UPDATE events SET type = 'InvoiceVoided' WHERE stream = 'invoice-1' AND revision = 4`);
    const report = await verify();
    expect(report.breaks.map(({ stream, revision, reason }) => [stream, revision, reason])).toEqual([
      ['payment-1', 1n, 'content_changed'],
      ['invoice-1', 4n, 'content_changed'],
    ]);
  });

  it('reports a removed event at the revision that follows the gap', async () => {
    tamper(`DELETE FROM events WHERE stream = 'invoice-1' AND revision = 1`);
    const report = await verify();
    expect(report.breaks.map(({ stream, revision, reason }) => [stream, revision, reason])).toEqual([
      ['invoice-1', 2n, 'revision_gap'],
    ]);
  });

  it('reports a removed chain hash as an unchained event', async () => {
    tamper(`UPDATE events SET chain_hash = NULL WHERE stream = 'payment-1' AND revision = 3`);
    const report = await verify();
    expect(report.breaks.map(({ stream, revision, reason }) => [stream, revision, reason])).toEqual([
      ['payment-1', 3n, 'unchained'],
    ]);
  });

  it('reports a change whose own hash was recomputed at the next event, which still links to the old hash', async () => {
    tamper(`UPDATE events SET data = json_set(data, '$.amount.minor', 1) WHERE stream = 'invoice-1' AND revision = 1`);
    rechain('invoice-1', 1, 1);
    const report = await verify();
    expect(report.breaks.map(({ stream, revision, reason }) => [stream, revision, reason])).toEqual([
      ['invoice-1', 2n, 'content_changed'],
    ]);
  });

  it('catches a rewritten tail against anchors exported before, at the anchored head', async () => {
    const anchors = await anchorsNow();
    tamper(`UPDATE events SET data = json_set(data, '$.amount.minor', 1) WHERE stream = 'invoice-1' AND revision = 1`);
    rechain('invoice-1', 1);
    expect((await verify()).breaks).toEqual([]);
    const report = await verify({ anchors });
    expect(report.anchorsChecked).toBe(2);
    expect(report.breaks.map(({ stream, revision, reason }) => [stream, revision, reason])).toEqual([
      ['invoice-1', 4n, 'anchor_mismatch'],
    ]);
  });

  it('catches a removed tail against anchors exported before', async () => {
    const anchors = await anchorsNow();
    tamper(`DELETE FROM events WHERE stream = 'payment-1' AND revision = 4`);
    expect((await verify()).breaks).toEqual([]);
    const report = await verify({ anchors });
    expect(report.breaks).toEqual([
      { stream: 'payment-1', revision: 4n, position: undefined, eventId: undefined, reason: 'anchor_missing' },
    ]);
  });
});
