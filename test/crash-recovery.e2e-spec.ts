import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { SqliteEventStore, type EventToAppend } from '#ltc/event-store';
import { FAULT_POINT_ENV, type FaultPointName } from '#ltc/kernel';
import { LEAD_SOURCES } from '#ltc/leads';
import { TokenService } from '#ltc/platform';
import { checkpointOf, dataFiles, headOf, recoveredAndRebuilt } from './support/lead-read-models.js';
import { builtEntry, freePort, startProcess, type RunningProcess } from './support/processes.js';
import { TEST_SECRET, eventually, tempDataDir } from './support/test-app.js';

/**
 * Kill -9 at the exact places where a crash is most dangerous (see LTC_FAULT_POINT in
 * ADR 0003 and 0004), then restart and require the same state a rebuild from scratch gives.
 */
const LEADS = 20_000;

/** Writes `LEADS` captured leads straight into the embedded store of `dataDir`. */
async function seedLeads(dataDir: string): Promise<bigint> {
  const store = new SqliteEventStore({ filename: dataFiles(dataDir).events, durability: 'normal' });
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

/** Waits until the lead list and the source stats have reached the head of the store. */
async function caughtUp(dataDir: string): Promise<bigint> {
  const head = await headOf(dataDir);
  const { readModels } = dataFiles(dataDir);
  await eventually(
    async () =>
      checkpointOf(readModels, 'lead_list') === head && checkpointOf(readModels, 'lead_source_stats') === head
        ? true
        : undefined,
    // Generous: the machine may be busy; nothing here asserts speed.
    120_000,
  );
  return head;
}

/** Expects the process to have died by SIGKILL at `point`, not anywhere else. */
async function expectKilledAt(engine: RunningProcess, point: FaultPointName | `${FaultPointName}@${string}`) {
  expect(await engine.exited).toBe('SIGKILL');
  expect(engine.output()).toContain(`${FAULT_POINT_ENV}: ${point} hit`);
}

async function expectEqualToRebuild(dataDir: string, label: string, leads: number): Promise<void> {
  const { recovered, rebuilt } = await recoveredAndRebuilt(dataDir, label);
  expect(recovered.leads).toHaveLength(leads);
  expect(recovered.leads).toEqual(rebuilt.leads);
  expect(recovered.stats).toEqual(rebuilt.stats);
  expect(recovered.stats.reduce((sum, row) => sum + row.captured, 0)).toBe(leads);
}

describe('Crash recovery: kill -9 of the built engine at each fault point', () => {
  const dirs: string[] = [];
  const running: RunningProcess[] = [];
  afterEach(async () => {
    for (const engine of running.splice(0)) {
      engine.child.kill('SIGKILL');
      await engine.exited;
    }
  });
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function dataDir(): string {
    const dir = tempDataDir();
    dirs.push(dir);
    return dir;
  }

  /** The engine (API and background jobs in one process); process managers off, so only commands move the head. */
  async function startEngine(dir: string, port: number, fault?: string): Promise<RunningProcess> {
    const engine = startProcess(builtEntry('api'), {
      LTC_DATA_DIR: dir,
      LTC_JWT_SECRET: TEST_SECRET,
      LTC_PROCESS_MANAGERS: 'off',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(fault ? { [FAULT_POINT_ENV]: fault } : {}),
    });
    running.push(engine);
    await eventually(async () => {
      if (engine.child.exitCode !== null) throw new Error(`engine exited: ${engine.output()}`);
      return (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.ok ? true : undefined;
    }, 60_000);
    return engine;
  }

  async function capture(port: number, key: string, email: string): Promise<Response> {
    const token = await new TokenService(TEST_SECRET).mint({
      sub: 'manager',
      roles: ['sales_manager'],
      tenant: 'acme',
    });
    return fetch(`http://127.0.0.1:${port}/leads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ name: `Buyer ${key}`, email, source: 'website' }),
    });
  }

  /** Every LeadCaptured in the store, as the lead ids they captured. */
  async function capturedLeadIds(dir: string): Promise<string[]> {
    const store = new SqliteEventStore({ filename: dataFiles(dir).events });
    try {
      const events = await store.readAll({ filter: { eventTypes: ['LeadCaptured'] } });
      return events.map((event) => event.stream.replace(/^lead-/, '')).sort();
    } finally {
      await store.close();
    }
  }

  it('a worker killed after a batch of rows is written, before its checkpoint, restarts equal to a rebuild', async () => {
    const dir = dataDir();
    const head = await seedLeads(dir);
    const env = { LTC_DATA_DIR: dir, LTC_JWT_SECRET: TEST_SECRET, LTC_PROCESS_MANAGERS: 'off' };
    // The source stats count events: a batch applied twice would show. A catch-up takes batches
    // of up to 5,000 events: 4 here; die in the 2nd.
    const point = 'projection.after-rows-before-checkpoint@lead_source_stats';
    const first = startProcess(builtEntry('worker'), { ...env, [FAULT_POINT_ENV]: `${point}:2` });
    running.push(first);
    await expectKilledAt(first, point);
    const atKill = checkpointOf(dataFiles(dir).readModels, 'lead_source_stats') ?? 0n;
    expect(atKill).toBeLessThan(head);

    running.push(startProcess(builtEntry('worker'), env));
    await caughtUp(dir);
    await expectEqualToRebuild(dir, 'projection', LEADS);
  }, 300_000);

  it('a capture whose events are durable but whose response never left: the retry returns it, once', async () => {
    const dir = dataDir();
    const port = await freePort();
    const doomed = await startEngine(dir, port, 'command.after-append-before-response');
    await expect(capture(port, 'crash-1', 'first@buyer.example')).rejects.toThrow();
    await expectKilledAt(doomed, 'command.after-append-before-response');
    const [stored, ...others] = await capturedLeadIds(dir);
    expect(others).toEqual([]);

    await startEngine(dir, port);
    const retry = await capture(port, 'crash-1', 'first@buyer.example');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as { id: string }).id).toBe(stored);
    expect(await capturedLeadIds(dir)).toEqual([stored]);
    await caughtUp(dir);
    await expectEqualToRebuild(dir, 'command', 1);
  }, 240_000);

  it('concurrent captures killed mid group commit: none acknowledged is lost, every retry lands once', async () => {
    const dir = dataDir();
    const port = await freePort();
    // 24 captures append 48 times (contact reservation, lead): the 30th append dies inside its batch.
    const doomed = await startEngine(dir, port, 'event-store.mid-group-commit:30');
    const keys = Array.from({ length: 24 }, (_, i) => `burst-${i}`);
    const first = await Promise.allSettled(keys.map((key) => capture(port, key, `${key}@buyer.example`)));
    await expectKilledAt(doomed, 'event-store.mid-group-commit');
    const acknowledged = new Map<string, string>();
    for (const [i, result] of first.entries()) {
      if (result.status !== 'fulfilled') continue;
      expect(result.value.status).toBe(201);
      acknowledged.set(keys[i] ?? '', ((await result.value.json()) as { id: string }).id);
    }
    // The crash interrupted at least the batch it hit.
    expect(acknowledged.size).toBeLessThan(keys.length);

    await startEngine(dir, port);
    const ids: string[] = [];
    for (const key of keys) {
      const retry = await capture(port, key, `${key}@buyer.example`);
      expect(retry.status).toBe(201);
      const { id } = (await retry.json()) as { id: string };
      ids.push(id);
      // An acknowledged capture survived the crash: its retry is a replay with the same lead.
      if (acknowledged.has(key)) {
        expect([retry.headers.get('idempotent-replayed'), id]).toEqual(['true', acknowledged.get(key)]);
      }
    }
    expect(new Set(ids).size).toBe(keys.length);
    expect(await capturedLeadIds(dir)).toEqual([...ids].sort());
    await caughtUp(dir);
    await expectEqualToRebuild(dir, 'group-commit', keys.length);
  }, 240_000);
});
