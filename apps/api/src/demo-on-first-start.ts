import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { eventStoreFor, type AppConfig } from '#ltc/platform';

/** Deals a first start with `--demo` seeds: about a minute on a laptop; `LTC_DEMO_DEALS` changes it. */
const DEFAULT_DEMO_DEALS = 12;

/** `npm start -- --demo` or `LTC_DEMO=on`: asks for a demo history on a fresh data folder. */
export const demoRequested = (argv: readonly string[], env: NodeJS.ProcessEnv): boolean =>
  argv.includes('--demo') || env['LTC_DEMO'] === 'on';

/**
 * Seeds a realistic history (`ltc demo seed`, the same command users run, in a child process of
 * its own so the server starts afterwards on a closed store) when the store has no event yet;
 * a store with a history is never written into, so a restart with `--demo` just starts.
 * The history runs up to today, so the boards and analytics read as current.
 */
export async function seedDemoOnFirstStart(config: AppConfig, logger: Logger, env: NodeJS.ProcessEnv): Promise<void> {
  const store = eventStoreFor(config);
  let head: bigint;
  try {
    head = await store.readHeadPosition();
  } finally {
    await store.close();
  }
  if (head > 0n) {
    logger.info('--demo: the event store already has a history, so nothing is seeded');
    return;
  }
  const deals = env['LTC_DEMO_DEALS'] ?? String(DEFAULT_DEMO_DEALS);
  const until = new Date().toISOString().slice(0, 10);
  logger.info({ deals, until }, '--demo: seeding a demo history into the empty store before starting');
  const ltc = fileURLToPath(new URL('../../ltc/src/main.js', import.meta.url));
  const seeding = spawn(process.execPath, [ltc, 'demo', 'seed', '--deals', deals, '--until', until], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    seeding.on('error', reject);
    seeding.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`--demo: the demo seed failed (exit code ${String(code)}); nothing was started`);
}
