import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes.js';

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
