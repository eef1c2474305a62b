/**
 * `npm run bench:http`: the whole engine over real HTTP on this machine. Starts the
 * built app (`dist/apps/api/src/main.js`, API and background jobs in one process, as
 * `npm start` runs it) on a fresh temporary data folder bound to loopback, seeds a team
 * and reps, then drives it with autocannon: the framework's floor (`GET /health`, no
 * token) first, then lead capture, commands on existing leads, service tickets accepted
 * and worked, and reads, each write phase followed
 * by the time the background work needs to catch up. Prints throughput, p50/p99, the
 * background lag sampled every second, catch-up times and the server's RSS. A
 * measurement, not a test: it exits 0 unless the app itself misbehaves.
 *
 * Flags: `--seconds N` per phase (default 10; 30 or 60 for steadier figures),
 * `--connections N` (default 32), `--durability normal` (default full, as `npm start`),
 * `--catch-up N`: seconds to wait for the background work after a write phase (default
 * 120; past that the report says how far behind it still is and the bench goes on),
 * `--rate N`: the write phases send N requests/s in all (a rate the background work should
 * sustain, for a soak), `--only capture,tags` to run some phase groups (capture, tags, tickets, reads; capture
 * always, since the others work on its leads).
 * Keep whole runs under ~4 minutes where you can: response-time warnings of the first
 * leads fall due then and add timer work of their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TokenService } from '#ltc/platform';
import { runPhase, type PhaseResult, type PhaseSpec } from './http-load.js';
import { LagMonitor, type LagSample } from './http-monitor.js';
import { startServer, type ServerUnderTest } from './http-server.js';
import { formatLag, formatPhases, type WritePhase } from './http-report.js';
import { machineLine, progress } from './report.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const TENANT = 'bench';
const TEAM = 'bench-team';
const REPS = 8;

interface Settings {
  readonly seconds: number;
  readonly connections: number;
  readonly durability: 'full' | 'normal';
  /** How long to wait for the background work after a write phase before going on regardless. */
  readonly catchUpSeconds: number;
  /** Requests per second in the write phases (`--rate`); unset: as fast as the server answers. */
  readonly rate: number | undefined;
  /** Which groups of phases run (the floor always does): capture, tags, tickets, reads. */
  readonly groups: ReadonlySet<string>;
}

const PHASE_GROUPS = ['capture', 'tags', 'tickets', 'reads'] as const;
/** Longest run of the floor phase, whatever `--seconds` says. */
const FLOOR_SECONDS = 15;

async function main(): Promise<void> {
  const settings = settingsFromArgs();
  const dataDir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'ltc-http-bench-'));
  const loadBefore = loadavg();
  progress(`ltc bench:http: ${settings.seconds} s per phase, ${settings.connections} connections, in ${dataDir}`);
  let server: ServerUnderTest | undefined;
  // Ctrl-C mid-run: the server and its data folder go too.
  const interrupted = (): void => {
    void (server?.stop() ?? Promise.resolve()).finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    server = await startServer(ROOT, dataDir, { LTC_SQLITE_DURABILITY: settings.durability });
    const tokens = new TokenService(server.jwtSecret);
    const manager = await tokens.mint({ sub: 'bench-manager', roles: ['sales_manager', 'admin'], tenant: TENANT });
    await seedOrganisation(server.url, manager);
    const monitor = new LagMonitor(server.url, manager, () => server?.rssMiB() ?? 0);
    monitor.start();
    const run = (spec: PhaseSpec, token: string | undefined, rate?: number, seconds = settings.seconds) => {
      progress(`  ${spec.phase} …`);
      return runPhase(spec, { url: server?.url ?? '', token, ...settings, seconds, rate });
    };

    const phases: PhaseResult[] = [];
    const writes: WritePhase[] = [];
    // The floor is a reference, not a soak: a longer run of it says nothing more.
    phases.push(await run(healthPhase(), undefined, undefined, Math.min(settings.seconds, FLOOR_SECONDS)));

    const leadIds: string[] = [];
    const write = async (spec: PhaseSpec): Promise<void> => {
      const from = monitor.samples.length;
      const load = await run(spec, manager, settings.rate);
      phases.push(load);
      progress('  waiting for the background work to catch up …');
      const catchUp = await monitor.waitForCatchUp(settings.catchUpSeconds);
      writes.push({ phase: spec.phase, catchUp, load, samples: monitor.samples.slice(from) });
    };
    const only = settings.groups;
    await write(capturePhase(leadIds));
    if (leadIds.length === 0) throw new Error('no lead was captured; nothing else to measure');
    if (only.has('tags')) await write(tagPhase(leadIds));
    const ticketIds: string[] = [];
    if (only.has('tickets')) await write(acceptTicketPhase(ticketIds));
    if (ticketIds.length > 0) await write(ticketProgressPhase(ticketIds));

    if (only.has('reads')) {
      phases.push(
        await run(
          readPhase('GET /leads?limit=50', () => '/leads?limit=50'),
          manager,
        ),
      );
      phases.push(
        await run(
          readPhase('GET /leads?source&status', () => FILTERED_LIST),
          manager,
        ),
      );
      phases.push(
        await run(
          readPhase('GET /leads/{id}', () => `/leads/${pick(leadIds)}`),
          manager,
        ),
      );
      if (ticketIds.length > 0) {
        phases.push(
          await run(
            readPhase('GET /queues/1', () => '/queues/1?limit=50'),
            manager,
          ),
        );
        phases.push(
          await run(
            readPhase('GET /tickets/{id}', () => `/tickets/${pick(ticketIds)}`),
            manager,
          ),
        );
      }
    }
    await monitor.stop();

    const failed = await monitor.failures();
    const visible = await visibleLeads(server.url, manager);
    const samples: readonly LagSample[] = monitor.samples;
    process.stdout.write(
      [
        '',
        `## bench:http — ${new Date().toISOString()}`,
        machineLine(),
        `load average before ${formatLoad(loadBefore)}, after ${formatLoad(loadavg())}; ` +
          `${settings.connections} connections, ${settings.seconds} s per phase, durability ${settings.durability}` +
          (settings.rate === undefined ? '' : `, writes at ${settings.rate}/s`),
        '',
        formatPhases(phases),
        '',
        formatLag(writes),
        '',
        `leads captured ${leadIds.length}, listed by GET /leads after catch-up ${visible ?? 'n/a'}` +
          (failed.length > 0 ? `; FAILED subscribers: ${failed.join(', ')}` : '; no subscriber failed'),
        `server RSS: peak ${Math.round(Math.max(0, ...samples.map((s) => s.rssMiB)))} MiB, ` +
          `at the end ${Math.round(server.rssMiB())} MiB`,
        '',
      ].join('\n'),
    );
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const FILTERED_LIST = '/leads?source=website&status=assigned&limit=50';

function healthPhase(): PhaseSpec {
  return { phase: 'floor: GET /health (no token)', method: 'GET', next: () => ({ path: '/health' }) };
}

/** New leads, each from its own contact (a known contact is a duplicate, not a capture). */
function capturePhase(leadIds: string[]): PhaseSpec {
  let sent = 0;
  return {
    phase: 'POST /leads',
    method: 'POST',
    next: () => {
      sent += 1;
      const body = {
        name: `Fleet telematics ${sent}`,
        company: `Nordfrakt ${sent % 500} AB`,
        email: `buyer${sent}@nordfrakt.example`,
        source: sent % 3 === 0 ? 'webinar' : 'website',
        region: 'EMEA',
        team: TEAM,
      };
      return { path: '/leads', body };
    },
    onResponse: (status, body) => {
      if (status !== 201) return;
      const id = (JSON.parse(body) as { id?: unknown }).id;
      if (typeof id === 'string') leadIds.push(id);
    },
  };
}

/** Commands on existing leads: a new free tag each time, so every one writes an event and triggers a rescore. */
function tagPhase(leadIds: readonly string[]): PhaseSpec {
  let sent = 0;
  return {
    phase: 'POST /leads/{id}/tags',
    method: 'POST',
    next: () => {
      sent += 1;
      return { path: `/leads/${pick(leadIds)}/tags`, body: { category: 'free', tag: `bench-${sent}` } };
    },
  };
}

/** New service tickets from the hotline, graded by impact × urgency: each plans two SLA clocks and four timers. */
function acceptTicketPhase(ticketIds: string[]): PhaseSpec {
  let sent = 0;
  return {
    phase: 'POST /tickets',
    method: 'POST',
    next: () => {
      sent += 1;
      const body = {
        channel: 'hotline',
        customerAccount: `Nordfrakt ${sent % 500} AB`,
        subject: `Unit ${sent} offline`,
        impact: sent % 2 === 0 ? 'high' : 'medium',
        urgency: 'medium',
      };
      return { path: '/tickets', body };
    },
    onResponse: (status, body) => {
      if (status !== 201) return;
      const id = (JSON.parse(body) as { id?: unknown }).id;
      if (typeof id === 'string') ticketIds.push(id);
    },
  };
}

/** Commands on existing tickets: an internal progress note each time. */
function ticketProgressPhase(ticketIds: readonly string[]): PhaseSpec {
  let sent = 0;
  return {
    phase: 'POST /tickets/{id}/progress',
    method: 'POST',
    next: () => {
      sent += 1;
      return {
        path: `/tickets/${pick(ticketIds)}/progress`,
        body: { note: `Checked ${sent}`, visibility: 'internal' },
      };
    },
  };
}

function readPhase(phase: string, path: () => string): PhaseSpec {
  return { phase, method: 'GET', next: () => ({ path: path() }) };
}

async function seedOrganisation(url: string, token: string): Promise<void> {
  await post(url, token, '/teams', { id: TEAM, name: 'Bench', managerId: 'bench-manager' });
  for (let index = 1; index <= REPS; index++) {
    await post(url, token, '/reps', {
      id: `bench-rep-${index}`,
      name: `Rep ${index}`,
      email: `rep${index}@bench.example`,
      roles: ['ar'],
      team: TEAM,
      capacity: { maxOpenLeads: 10_000, dailyQuota: 0 },
    });
  }
  // Routing sees a rep once the organisation read model has them.
  for (let index = 1; index <= REPS; index++) {
    for (let tries = 0; ; tries++) {
      const found = await fetch(`${url}/reps/bench-rep-${index}`, { headers: { authorization: `Bearer ${token}` } });
      if (found.ok) break;
      if (tries > 200) throw new Error(`rep bench-rep-${index} never became visible`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function post(url: string, token: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
}

async function visibleLeads(url: string, token: string): Promise<number | undefined> {
  const response = await fetch(`${url}/leads?limit=1`, { headers: { authorization: `Bearer ${token}` } });
  const page = (await response.json()) as { total?: unknown };
  return typeof page.total === 'number' ? page.total : undefined;
}

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

function formatLoad(load: readonly number[]): string {
  return load.map((value) => value.toFixed(2)).join(' ');
}

function settingsFromArgs(): Settings {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '32' },
      durability: { type: 'string', default: 'full' },
      'catch-up': { type: 'string', default: '120' },
      only: { type: 'string', default: PHASE_GROUPS.join(',') },
      rate: { type: 'string' },
    },
  });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  if (!Number.isInteger(seconds) || seconds < 1) throw new Error(`--seconds must be a whole number ≥ 1`);
  if (!Number.isInteger(connections) || connections < 1) throw new Error(`--connections must be a whole number ≥ 1`);
  if (values.durability !== 'full' && values.durability !== 'normal') throw new Error(`--durability is full or normal`);
  const catchUpSeconds = Number(values['catch-up']);
  if (!Number.isFinite(catchUpSeconds) || catchUpSeconds < 0) throw new Error(`--catch-up must be seconds ≥ 0`);
  const groups = new Set(values.only.split(',').filter((group) => group !== ''));
  const unknown = [...groups].filter((group) => !(PHASE_GROUPS as readonly string[]).includes(group));
  if (unknown.length > 0 || !groups.has('capture')) {
    throw new Error(
      `--only lists phase groups from ${PHASE_GROUPS.join(', ')}, capture among them (got ${values.only})`,
    );
  }
  const rate = values.rate === undefined ? undefined : Number(values.rate);
  if (rate !== undefined && (!Number.isInteger(rate) || rate < 1)) throw new Error(`--rate must be a whole number ≥ 1`);
  return { seconds, connections, durability: values.durability, catchUpSeconds, groups, rate };
}

await main();
