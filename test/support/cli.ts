import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes.js';
import { TEST_SECRET } from './test-app.js';

const LTC = join(ROOT, 'dist', 'apps', 'ltc', 'src', 'main.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `ltc` command line (npm test builds it first), with no token or URL inherited. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  if (!existsSync(LTC)) throw new Error(`${LTC} is missing: run "npm run build" (npm test does it for you)`);
  const child = spawn(process.execPath, [LTC, ...args], {
    cwd: ROOT,
    env: { ...process.env, LTC_TOKEN: '', LTC_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  // Decoded as a stream: a character split between two chunks (an arrow, an umlaut) stays whole.
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (stdout += chunk));
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** One line of `ltc export events` (NDJSON), as an analyst's script reads it. */
export interface ExportedEvent {
  readonly stream: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly data: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The NDJSON lines of a successful run, parsed. */
export function ndjsonLines<T = Record<string, unknown>>(run: CliRun): T[] {
  if (run.code !== 0) throw new Error(`ltc exited ${String(run.code)}: ${run.stderr}`);
  return run.stdout
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);
}

/** `ltc export events --kind …` of a test app's store, straight from its files. */
export async function exportedEvents(
  app: { readonly dataDir: string },
  kinds: readonly string[],
): Promise<ExportedEvent[]> {
  const run = await runCli(['export', 'events', '--kind', kinds.join(',')], {
    LTC_DATA_DIR: app.dataDir,
    LTC_JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
  });
  return ndjsonLines<ExportedEvent>(run);
}
