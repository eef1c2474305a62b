import {
  createTestSchema,
  describeWithPostgres,
  startEsdbWireDouble,
  type EsdbWireDouble,
  type TestSchema,
} from '#ltc/testing';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { TokenService } from '#ltc/platform';
import pg from 'pg';
import { builtEntry, freePort, startProcess, type RunningProcess } from './support/processes.js';
import { postgresTables } from './support/read-model-tables.js';
import { quiet, rebuildEverything } from './support/rebuild-all.js';
import { withSearchPath } from './support/postgres-url.js';
import { TEST_SECRET, eventually, startTestApp } from './support/test-app.js';

interface StreamEvent {
  readonly type: string;
  readonly revision: string;
  readonly metadata: { readonly commandId: string };
  readonly data: Record<string, unknown>;
}

async function dropSchema(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${name}" cascade`);
  } finally {
    await client.end();
  }
}

/**
 * Two API processes and two workers on PostgreSQL read models, with the events in EventStoreDB (the
 * wire double) and again in the PostgreSQL event store; commands through both APIs, and the active
 * worker killed with SIGKILL in the middle. The standby
 * takes the PostgreSQL advisory lock and resumes from the committed checkpoints: afterwards every
 * acknowledged command is stored, the read models equal a rebuild, and no process-manager effect or
 * timer happened twice.
 */
/** Where the events live for one run: the URL the processes get, and how to clean up after. */
interface EventLogPlace {
  readonly eventStoreUrl: string;
  close(): Promise<void>;
}

const STORES: readonly [string, (url: string, schema: string) => Promise<EventLogPlace>][] = [
  [
    'EventStoreDB (wire double)',
    async () => {
      const double: EsdbWireDouble = await startEsdbWireDouble();
      return { eventStoreUrl: double.connectionString, close: () => double.stop() };
    },
  ],
  [
    'the PostgreSQL event store',
    async (url, schema) => {
      const separator = url.includes('?') ? '&' : '?';
      return { eventStoreUrl: `${url}${separator}schema=${schema}_events`, close: async () => undefined };
    },
  ],
];

for (const [storeName, placeEvents] of STORES) {
  await describeWithPostgres(
    `fail-over on ${storeName}: 2 APIs + 2 workers, the active worker killed mid-load`,
    (url) => {
      let schema: TestSchema;
      let events: EventLogPlace;
      let readModelUrl: string;
      const running: RunningProcess[] = [];
      const workers: RunningProcess[] = [];
      let apis: string[] = [];
      const tokens = new TokenService(TEST_SECRET);
      const acknowledged: { readonly id: string; readonly tags: string[] }[] = [];
      let takeOverMs = 0;

      beforeAll(async () => {
        schema = await createTestSchema(url, 'failover');
        events = await placeEvents(url, schema.name);
        readModelUrl = withSearchPath(url, schema.name);
        const env = {
          EVENTSTORE_URL: events.eventStoreUrl,
          READMODEL_URL: readModelUrl,
          LTC_JWT_SECRET: TEST_SECRET,
          HOST: '127.0.0.1',
          LTC_DATA_DIR: '/nonexistent-ltc-data',
        };
        for (let i = 0; i < 2; i++) {
          const worker = startProcess(builtEntry('worker'), env);
          workers.push(worker);
          running.push(worker);
        }
        const ports = [await freePort(), await freePort()];
        for (const port of ports)
          running.push(startProcess(builtEntry('api'), { ...env, LTC_ROLE: 'api', PORT: String(port) }));
        apis = ports.map((port) => `http://127.0.0.1:${port}`);
        for (const base of apis) {
          await eventually(
            async () => ((await fetch(`${base}/health`).catch(() => undefined))?.ok ? true : undefined),
            60_000,
          );
        }
      }, 90_000);

      afterAll(async () => {
        for (const process of running) {
          if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill('SIGTERM');
          await process.exited;
        }
        await events?.close();
        if (storeName.includes('PostgreSQL')) await dropSchema(url, `${schema.name}_events`);
        await schema?.drop();
      });

      const admin = () => tokens.mint({ sub: 'ops', roles: ['admin'], tenant: 'acme' });

      async function post(
        api: number,
        path: string,
        body: unknown,
        key: string,
      ): Promise<{ status: number; body: { id?: string } }> {
        // A retry after a lost answer is safe with the same Idempotency-Key: that is how a client rides a fail-over.
        for (let attempt = 0; ; attempt++) {
          try {
            const response = await fetch(`${apis[api] ?? ''}${path}`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${await admin()}`,
                'content-type': 'application/json',
                'idempotency-key': key,
              },
              body: JSON.stringify(body),
            });
            return { status: response.status, body: (await response.json()) as { id?: string } };
          } catch (error) {
            if (attempt >= 3) throw error;
          }
        }
      }

      async function runnerOwner(): Promise<number | undefined> {
        const response = await fetch(`${apis[0] ?? ''}/projections/runner`, {
          headers: { authorization: `Bearer ${await admin()}` },
        });
        const body = (await response.json()) as { owner: { pid: number } | null };
        return body.owner?.pid;
      }

      async function activeWorkerPid(): Promise<number> {
        try {
          return await eventually(async () => {
            const pid = await runnerOwner();
            const alive = workers.some(
              (w) => w.child.pid === pid && w.child.exitCode === null && w.child.signalCode === null,
            );
            return alive ? pid : undefined;
          }, 30_000);
        } catch (error) {
          const outputs = workers.map((w) => `worker ${String(w.child.pid)}:\n${w.output().slice(-3000)}`).join('\n');
          throw new Error(`${(error as Error).message}; owner ${String(await runnerOwner())}\n${outputs}`, {
            cause: error,
          });
        }
      }

      /** One lead captured and tagged twice, through alternating APIs; each answer checked. */
      async function leadThread(n: number): Promise<void> {
        const created = await post(
          n % 2,
          '/leads',
          { name: `Fail-over ${n}`, email: `lead${n}@failover.example`, source: 'website' },
          `capture-${n}`,
        );
        expect([created.status, typeof created.body.id]).toEqual([201, 'string']);
        const id = created.body.id as string;
        const tags: string[] = [];
        for (const tag of [`first-${n}`, `second-${n}`]) {
          const tagged = await post(
            (n + 1) % 2,
            `/leads/${id}/tags`,
            { category: 'cognitive_mode', tag },
            `${tag}-${id}`,
          );
          expect(tagged.status).toBe(200);
          tags.push(tag);
        }
        acknowledged.push({ id, tags });
      }

      it('keeps every acknowledged command, and the standby takes over the jobs', async () => {
        for (const id of ['rep-a', 'rep-b']) {
          const rep = await post(
            0,
            '/reps',
            { id, name: id, email: `${id}@failover.example`, roles: ['ar'] },
            `rep-${id}`,
          );
          expect(rep.status).toBe(201);
        }
        const first = await activeWorkerPid();
        // Eight threads in flight through both APIs; the active worker dies after the first third.
        const threads = Array.from({ length: 36 }, (_, n) => n);
        const inFlight = 8;
        let next = 0;
        let killedAt = 0;
        await Promise.all(
          Array.from({ length: inFlight }, async () => {
            while (next < threads.length) {
              const n = next++;
              if (n === 12) {
                workers.find((w) => w.child.pid === first)?.child.kill('SIGKILL');
                killedAt = Date.now();
              }
              await leadThread(n);
            }
          }),
        );
        const second = await activeWorkerPid();
        takeOverMs = Date.now() - killedAt;
        expect(second).not.toBe(first);
        expect(acknowledged).toHaveLength(36);
        process.stdout.write(
          `fail-over: the standby took the jobs within ${takeOverMs} ms of the SIGKILL (upper bound)\n`,
        );

        // Every acknowledged command is in the store, once.
        const auditor = await tokens.mint({ sub: 'audit', roles: ['auditor'], tenant: 'acme' });
        for (const { id, tags } of acknowledged) {
          const stream = await fetch(`${apis[1] ?? ''}/streams/lead-${id}`, {
            headers: { authorization: `Bearer ${auditor}` },
          });
          const events = ((await stream.json()) as { events: StreamEvent[] }).events;
          expect(events.filter((e) => e.type === 'LeadCaptured')).toHaveLength(1);
          expect(events.filter((e) => e.type === 'LeadTagged').map((e) => e.data['tag'])).toEqual(tags);
        }
      }, 240_000);

      it('leaves read models equal to a rebuild, and no timer fired twice', async () => {
        for (const process of running) {
          if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill('SIGTERM');
          await process.exited;
        }
        // One process on the same stores takes the lease, catches up, then rebuilds every read model.
        const app = await startTestApp({ readModelUrl, eventStoreUrl: events.eventStoreUrl });
        try {
          await quiet(app, 60_000);
          // A process manager's effect (scoring, routing) happened once: its commands carry ids derived from
          // the event that caused them, so an effect sent again by the new worker would add a second run of
          // events under the same id. (A lead may be scored again for another cause: a new source measure.)
          const auditor = await app.token(['auditor']);
          for (const { id } of acknowledged) {
            const events = (await app.request('GET', `/streams/lead-${id}`, { token: auditor })).body
              .events as StreamEvent[];
            const runs = events.map((e) => e.metadata.commandId).filter((c, i, all) => i === 0 || all[i - 1] !== c);
            expect({ id, repeated: runs.filter((c, i) => runs.indexOf(c) !== i) }).toEqual({ id, repeated: [] });
            expect({ id, scored: events.some((e) => e.type === 'LeadScored') }).toEqual({ id, scored: true });
          }
          const live = await postgresTables(url, schema.name);
          expect((live['lead_list'] ?? []).length).toBeGreaterThanOrEqual(36);
          await rebuildEverything(app, 120_000);
          const rebuilt = await postgresTables(url, schema.name);
          expect(Object.keys(rebuilt)).toEqual(Object.keys(live));
          for (const [table, rows] of Object.entries(live))
            expect({ table, rows: rebuilt[table] }).toEqual({ table, rows });

          // A timer fires once in effect: one TimerFired per timer stream, whoever held the jobs.
          const fired = new Map<string, number>();
          for (const event of await app.app.get<symbol, EventStore>(EVENT_STORE).readAll()) {
            if (event.type === 'TimerFired') fired.set(event.stream, (fired.get(event.stream) ?? 0) + 1);
          }
          expect([...fired].filter(([, times]) => times > 1)).toEqual([]);
        } finally {
          await app.close();
        }
      }, 300_000);
    },
  );
}
