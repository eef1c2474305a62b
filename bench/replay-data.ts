import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '#ltc/event-store';
import { appendCopies, appendCopy, readTemplate } from './replay-clone.js';
import { writeLongDeal, type LongDeal } from './replay-long-deal.js';
import { count, progress } from './report.js';
import { startStopwatch } from './stopwatch.js';

/** Bump when the generated history changes shape: a cached folder of another version is not reused. */
const GENERATOR_VERSION = 1;
/** The seeded history's tenant: a name no data holds otherwise, so that a copy can rename it by text. */
const TEMPLATE_TENANT = 'replaytpl';
const TEMPLATE_SEED = 1;
/** The demo's story ends on 2026-07-01; the long deal starts the next working morning. */
const LONG_DEAL_START = new Date('2026-07-01T08:00:00.000Z');
const COPIES_IN_FLIGHT = 32;

export interface ReplaySize {
  /** At least this many events in the log. */
  readonly events: number;
  /** Deals of the seeded template each tenant's history is a copy of. */
  readonly templateDeals: number;
  /** Events of the long deal's opportunity stream (its lead, timers and the rest come on top). */
  readonly dealEvents: number;
}

/** What a generated folder holds, written beside it once it is complete. */
export interface ReplayManifest {
  readonly version: number;
  readonly size: ReplaySize;
  readonly events: number;
  readonly tenants: number;
  readonly templateEvents: number;
  /** The long deal, with its ids as copied into the log. */
  readonly deal: LongDeal & { readonly tenant: string };
  readonly seconds: { readonly template: number; readonly longDeal: number; readonly clone: number };
}

export interface ReplayData {
  readonly dataDir: string;
  readonly eventsFile: string;
  readonly manifest: ReplayManifest;
  /** False when a cached folder was reused. */
  readonly generated: boolean;
}

/**
 * The history the replay bench reads, generated once per size and generator version under
 * `root` and reused after: a demo history seeded through the engine's command path (slow,
 * so small), a copy of it extended by one long deal through the same path, then both
 * cloned through `EventStore.appendToStream` into one log, a tenant per copy, until the
 * log holds `size.events` events.
 */
export async function replayData(root: string, size: ReplaySize): Promise<ReplayData> {
  const key = `v${GENERATOR_VERSION}-${size.events}-events-${size.templateDeals}-deals-${size.dealEvents}`;
  const dataDir = join(root, `replay-${key}`);
  const eventsFile = join(dataDir, 'events.sqlite');
  const manifestFile = join(dataDir, 'manifest.json');
  if (existsSync(manifestFile)) {
    return {
      dataDir,
      eventsFile,
      manifest: JSON.parse(readFileSync(manifestFile, 'utf8')) as ReplayManifest,
      generated: false,
    };
  }
  rmSync(dataDir, { recursive: true, force: true });
  const templateDir = join(root, `template-v${GENERATOR_VERSION}-${size.templateDeals}-deals`);
  const templateSeconds = await seedTemplate(templateDir, size.templateDeals);

  const longDealDir = join(root, `long-deal-${key}`);
  rmSync(longDealDir, { recursive: true, force: true });
  copyDataFolder(templateDir, longDealDir);
  progress(`replay data: the long deal through the engine's routes in ${longDealDir} …`);
  const longDealWatch = startStopwatch();
  const written = await writeLongDeal(longDealDir, TEMPLATE_TENANT, LONG_DEAL_START, size.dealEvents);
  const longDealSeconds = longDealWatch().seconds;

  mkdirSync(dataDir, { recursive: true });
  const template = await readTemplate(join(templateDir, 'events.sqlite'), TEMPLATE_TENANT);
  const withDeal = await readTemplate(join(longDealDir, 'events.sqlite'), TEMPLATE_TENANT);
  const copies = Math.max(0, Math.ceil((size.events - withDeal.events) / template.events));
  progress(
    `replay data: cloning ${count(copies)} copies of ${count(template.events)} events ` +
      `and one of ${count(withDeal.events)} (the long deal) into ${eventsFile} …`,
  );
  const store = new SqliteEventStore({ filename: eventsFile, durability: 'normal', maxBatchSize: 256 });
  const cloneWatch = startStopwatch();
  let events: number;
  let deal: ReplayManifest['deal'];
  try {
    // The long deal's tenant goes first, the others interleave after it.
    const dealTenant = tenantName(0);
    const ids = await appendCopy(store, withDeal, dealTenant);
    let reported = 0;
    await appendCopies(
      store,
      template,
      (copy) => tenantName(copy + 1),
      copies,
      COPIES_IN_FLIGHT,
      (done) => {
        if (done.events - reported < 100_000 && done.copies < copies) return;
        reported = done.events;
        progress(`  ${count(withDeal.events + done.events)} events (${done.copies} of ${copies} copies)`);
      },
    );
    events = Number(await store.readHeadPosition());
    deal = {
      tenant: dealTenant,
      leadId: mapped(ids, written.leadId),
      dealId: mapped(ids, written.dealId),
      opportunityEvents: written.opportunityEvents,
    };
  } finally {
    await store.close();
  }
  const manifest: ReplayManifest = {
    version: GENERATOR_VERSION,
    size,
    events,
    tenants: copies + 1,
    templateEvents: template.events,
    deal,
    seconds: { template: templateSeconds, longDeal: longDealSeconds, clone: cloneWatch().seconds },
  };
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(longDealDir, { recursive: true, force: true });
  return { dataDir, eventsFile, manifest, generated: true };
}

const tenantName = (copy: number): string => `tenant-${copy.toString().padStart(5, '0')}`;

function mapped(ids: ReadonlyMap<string, string>, id: string): string {
  const found = ids.get(id.toLowerCase());
  if (found === undefined) throw new Error(`the copy holds no id for ${id}`);
  return found;
}

/** `ltc demo seed` into `dir`, unless an earlier run left it there; the seconds the seeding took. */
async function seedTemplate(dir: string, deals: number): Promise<number> {
  const done = join(dir, 'seeded');
  if (existsSync(done)) return Number(readFileSync(done, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  progress(`replay data: seeding the template (${deals} deals through the engine's routes) in ${dir} …`);
  const watch = startStopwatch();
  const args = ['dist/apps/ltc/src/main.js', 'demo', 'seed', '--deals', String(deals)];
  args.push('--seed', String(TEMPLATE_SEED), '--tenant', TEMPLATE_TENANT);
  const child = spawn(process.execPath, args, {
    env: { ...process.env, LTC_DATA_DIR: dir, LTC_JWT_SECRET: 'bench-template-secret-with-32-characters' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`ltc demo seed exited with ${code}`);
  const { seconds } = watch();
  writeFileSync(done, `${seconds.toFixed(1)}\n`);
  return seconds;
}

/** The template's files, without the runner's lock files, for the engine to go on writing in. */
function copyDataFolder(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (source) => !source.includes('runner-lock') });
}
