import { spawn, type ChildProcess } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// libs/testing/src → the repository (from a build, dist/libs/testing/src → dist → the repository).
const THREE_UP = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
const ROOT = basename(THREE_UP) === 'dist' ? dirname(THREE_UP) : THREE_UP;

/**
 * Module hooks that let a plain `node` child run this repository's TypeScript sources the
 * way jest does (SWC, transpile only): `#ltc/<lib>` resolves to `libs/<lib>/src/index.ts`
 * and `./x.js` to `./x.ts`. A test that must kill a process for real (a fault point, a
 * SIGKILL) then runs the code under test, not a build that may be stale.
 * Kept as source text because it has to exist before anything is transpiled.
 */
const HOOKS = `
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
const root = ${JSON.stringify(ROOT)};
const swc = createRequire(root + '/package.json')('@swc/core');
const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};
export async function resolve(specifier, context, next) {
  const lib = /^#ltc\\/([a-z-]+)$/.exec(specifier);
  if (lib) return { url: pathToFileURL(root + '/libs/' + lib[1] + '/src/index.ts').href, shortCircuit: true };
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const filename = fileURLToPath(url);
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  return { format: 'module', source: code, shortCircuit: true };
}
`;

const REGISTER = `
import { register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});
`;

/** Node arguments that make the next script argument run from TypeScript source. */
export function typeScriptNodeArgs(): string[] {
  return ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`];
}

/** A child process and what it printed. */
export interface ChildRun {
  readonly child: ChildProcess;
  output(): string;
  /** The exit code, or the signal that ended it (e.g. `SIGKILL`). */
  readonly exited: Promise<number | string>;
}

/** Runs `script` (a .ts file, absolute path) in a fresh `node` with `env` added to this process's. */
export function runTypeScriptChild(script: string, env: Record<string, string>): ChildRun {
  return runNode([...typeScriptNodeArgs(), script], env);
}

/** Runs `node <args>` from the repository folder, collecting stdout and stderr. */
export function runNode(args: readonly string[], env: Record<string, string>): ChildRun {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, output: () => output, exited };
}

/** A file next to the module at `moduleUrl` (pass `import.meta.url`), as an absolute path. */
export function siblingFile(moduleUrl: string, name: string): string {
  return fileURLToPath(new URL(name, moduleUrl));
}
