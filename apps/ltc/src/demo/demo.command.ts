import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig, resolveJwtSecret, type AppConfig } from '#ltc/platform';
import { engineEventStore } from '../cli/engine-store.js';
import { positionsCountEvents } from '#ltc/event-store';
import { Progress, count, duration } from '../cli/progress.js';
import { DemoEngine } from './demo-engine.js';
import { DemoStory, type StoryFigures } from './demo-story.js';

export const DEMO_HELP = `  ltc demo seed [--deals 200] [--seed 1] [--until 2026-07-01] [--months 6] [--tenant T]
      Write a realistic history into an empty data folder (LTC_DATA_DIR or EVENTSTORE_URL):
      a sales organisation of three teams, about deals / 0.13 leads from every source,
      worked, qualified, disqualified, nurtured and converted; deals through the iron
      triangle to won or lost; contracts to cash (some paid late or in part); service
      tickets under them with SLA clocks. Driven through the engine's own routes, process
      managers and timers on a manual clock that runs from --months before --until to it.
      The same seed writes the same history. Refuses a store that already has events, and a
      data folder a running server holds (stop it first). Progress to stderr, summary to stdout.`;

interface SeedCommand {
  readonly deals: number;
  readonly seed: number;
  readonly start: Date;
  readonly end: Date;
  readonly tenant: string | undefined;
}

/** `ltc demo <subcommand>` */
export async function demoCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'seed') {
    console.error(`Unknown command "demo ${subcommand ?? ''}".\n\nUsage:\n${DEMO_HELP}`);
    return 2;
  }
  const command = parseSeedArgs(rest);
  if (typeof command === 'string') {
    console.error(`${command}\n\nUsage:\n${DEMO_HELP}`);
    return 2;
  }
  return seed(loadConfig(), command);
}

function parseSeedArgs(args: string[]): SeedCommand | string {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        deals: { type: 'string', default: '200' },
        seed: { type: 'string', default: '1' },
        until: { type: 'string', default: '2026-07-01' },
        months: { type: 'string', default: '6' },
        tenant: { type: 'string' },
      },
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const deals = Number(values.deals);
  if (!Number.isInteger(deals) || deals < 1 || deals > 100_000)
    return '--deals must be a whole number from 1 to 100000';
  const seedValue = Number(values.seed);
  if (!Number.isInteger(seedValue) || seedValue < 0 || seedValue > 0xffffffff)
    return '--seed must be a whole number from 0 to 4294967295';
  const months = Number(values.months);
  if (!Number.isInteger(months) || months < 1 || months > 36) return '--months must be a whole number from 1 to 36';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.until) || Number.isNaN(Date.parse(values.until)))
    return '--until must be a date YYYY-MM-DD';
  const end = new Date(`${values.until}T00:00:00.000Z`);
  const start = new Date(end);
  start.setUTCMonth(start.getUTCMonth() - months);
  start.setUTCHours(8);
  return { deals, seed: seedValue, start, end, tenant: values.tenant };
}

async function seed(config: AppConfig, command: SeedCommand): Promise<number> {
  const where = config.eventStoreUrl ?? config.dataDir;
  // Look before booting anything: a store with a history is never written into.
  const store = engineEventStore(config);
  let head: bigint;
  try {
    head = await store.readHeadPosition();
  } finally {
    await store.close();
  }
  if (head > 0n) {
    console.error(`The event store at ${where} already has events: demo seed writes only into an empty one.`);
    return 1;
  }
  const tenant = command.tenant ?? config.defaultTenant;
  const { secret } = resolveJwtSecret(config.jwtSecret, config.dataDir);
  const started = performance.now();
  const engine = await DemoEngine.boot(config, secret, command.start, tenant);
  try {
    const auditor = await engine.token('demo-auditor', ['auditor']);
    const role = await engine.runnerRole(auditor);
    if (role !== 'active') {
      console.error(
        `Another process runs the background jobs on ${where} (this one is ${role}): stop the server, then seed.`,
      );
      return 1;
    }
    const days = Math.round((command.end.getTime() - command.start.getTime()) / 86_400_000);
    const progress = new Progress(process.stderr, days, 'days', 15);
    progress.note(
      `Seeding ${count(command.deals)} deals (seed ${command.seed}) for tenant "${tenant}", ` +
        `${command.start.toISOString().slice(0, 10)} to ${command.end.toISOString().slice(0, 10)}, into ${where}`,
    );
    const story = new DemoStory(engine, {
      deals: command.deals,
      seed: command.seed,
      start: command.start,
      end: command.end,
    });
    await story.tell((day) => progress.moveTo(day));
    progress.finish();
    const events = await engine.headPosition(auditor);
    const seconds = (performance.now() - started) / 1000;
    console.log(summary(story.figures, engine, events, seconds, !positionsCountEvents(config.eventStoreUrl)));
    for (const [refusal, times] of [...engine.refused].sort((a, b) => b[1] - a[1])) {
      console.error(`  refused ${times}×: ${refusal}`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}

function summary(f: StoryFigures, engine: DemoEngine, head: bigint, seconds: number, esdb: boolean): string {
  const refused = [...engine.refused.values()].reduce((sum, n) => sum + n, 0);
  return [
    'Demo history written:',
    `  leads        ${count(f.leads)} captured (+${count(f.serviceLeads)} raised from tickets), ${count(f.attempts)} contact attempts`,
    `               ${count(f.qualified)} qualified, ${count(f.converted)} converted, ${count(f.disqualified)} disqualified, ${count(f.nurtured)} nurtured`,
    `  deals        ${count(f.converted)} opened, ${count(f.quotesSent)} quotes sent, ${count(f.dealsWon)} won, ${count(f.dealsLost)} lost`,
    `  contracts    ${count(f.contractsSigned)} signed, ${count(f.handedOver)} handed over, ${count(f.purchaseOrders)} purchase orders, ${count(f.deliveries)} deliveries`,
    `  cash         ${count(f.invoices)} invoices, ${count(f.payments)} payments`,
    `  tickets      ${count(f.tickets)} opened, ${count(f.escalated)} escalated, ${count(f.resolved)} resolved, ${count(f.closed)} closed`,
    `  commands     ${count(engine.commands)} sent, ${count(refused)} refused by the engine, ${count(f.openAtEnd)} steps still ahead at the end`,
    `  events       ${esdb ? `log position ${head}` : count(Number(head))} in ${duration(seconds)}`,
  ].join('\n');
}
