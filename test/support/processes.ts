import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { runNode, type ChildRun } from '#ltc/testing';

export const ROOT = new URL('../..', import.meta.url).pathname;

/** What `tsconfig.build.json` compiles: sources under these folders, minus tests and the web app (Vite builds it). */
const BUILT_FOLDERS = ['apps', 'libs', 'bench'];
const NOT_BUILT = /(\.spec\.ts|\.e2e-spec\.ts)$|(^|\/)test\/|^apps\/web\//;

/** Roots whose dist/ was found current during this test file. */
const verified = new Set<string>();

/**
 * The compiled entry points; `npm test` builds them first (the `pretest` script). A jest
 * run started without that step would otherwise test whatever an older build left in
 * dist/, so this refuses to hand out an entry while any source is newer than its output.
 */
export function builtEntry(app: 'api' | 'worker', root = ROOT): string {
  const file = join(root, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" (npm test does it for you)`);
  if (!verified.has(root)) {
    const stale = staleOutputs(root);
    if (stale.length > 0) {
      throw new Error(
        `dist/ is older than ${stale.length} source file(s), e.g. ${stale.slice(0, 3).join(', ')}: ` +
          'run "npm run build" (npm test does it for you) so the child processes run the code under test',
      );
    }
    verified.add(root);
  }
  return file;
}

/**
 * Sources the last build has not seen: newer than its record (`dist/.tsbuildinfo`, which
 * tsc rewrites on every build that reads a change), or without a compiled file. Compared
 * with the record rather than each output, as tsc itself does: a change that compiles to
 * the same JavaScript (a comment, formatting) leaves that output untouched.
 */
export function staleOutputs(root = ROOT): string[] {
  const record = join(root, 'dist', '.tsbuildinfo');
  const builtAt = existsSync(record) ? statSync(record).mtimeMs : 0;
  const stale: string[] = [];
  for (const folder of BUILT_FOLDERS) {
    for (const source of typeScriptFiles(join(root, folder))) {
      const path = relative(root, source);
      if (NOT_BUILT.test(path)) continue;
      const output = join(root, 'dist', path.replace(/\.ts$/, '.js'));
      if (!existsSync(output) || builtAt < statSync(source).mtimeMs) stale.push(path);
    }
  }
  return stale;
}

/**
 * The web app's sources newer than its build (dist/web/index.html, which every Vite build
 * rewrites), or all of them when it was never built: a browser suite would test an old app.
 */
export function staleWebApp(root = ROOT): string[] {
  const page = join(root, 'dist', 'web', 'index.html');
  const builtAt = existsSync(page) ? statSync(page).mtimeMs : 0;
  const web = join(root, 'apps', 'web');
  if (!existsSync(web)) return [];
  return readdirSync(web, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !/\.spec\.ts$/.test(file) && statSync(file).mtimeMs > builtAt)
    .map((file) => relative(root, file));
}

function typeScriptFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

export type RunningProcess = ChildRun;

/** Starts a built entry point (see {@link builtEntry}) with `env` added; logs at warn level. */
export function startProcess(entry: string, env: Record<string, string>): RunningProcess {
  return runNode([entry], { LOG_LEVEL: 'warn', ...env });
}

/** A free port on loopback for a child process to listen on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
