import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('../../..', import.meta.url).pathname;

/**
 * A Node ESM loader that runs this repository's TypeScript as jest does (SWC, transpile
 * only), so a test can start a real process on the current sources — never on a stale
 * build — and kill it with SIGKILL. Written to a temp file: the repository holds no JS.
 */
function loaderSource(swcUrl: string): string {
  return `
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import swc from ${JSON.stringify(swcUrl)};
const root = ${JSON.stringify(ROOT)};
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
  if (specifier.startsWith('#ltc/')) {
    const url = pathToFileURL(root + 'libs/' + specifier.slice(5) + '/src/index.ts').href;
    return { url, shortCircuit: true };
  }
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const ts = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
    if (existsSync(fileURLToPath(ts))) return { url: ts.href, shortCircuit: true };
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const filename = fileURLToPath(url);
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  return { format: 'module', source: code, shortCircuit: true };
}
`;
}

let registerFile: string | undefined;

function registration(): string {
  if (registerFile) return registerFile;
  const dir = mkdtempSync(join(tmpdir(), 'ltc-ts-loader-'));
  const swcUrl = pathToFileURL(createRequire(import.meta.url).resolve('@swc/core')).href;
  const loader = join(dir, 'loader.mjs');
  writeFileSync(loader, loaderSource(swcUrl));
  registerFile = join(dir, 'register.mjs');
  writeFileSync(
    registerFile,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(loader).href)});\n`,
  );
  return registerFile;
}

/** A child process running one TypeScript file of this repository. */
export interface TsChild {
  readonly child: ChildProcess;
  /** Everything it wrote so far (stdout and stderr). */
  output(): string;
  /** Resolves when a line equal to `line` appears on stdout; rejects if the process ends first. */
  waitForLine(line: string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code, or the signal that ended it. */
  readonly exited: Promise<number | NodeJS.Signals>;
}

export function startTsChild(entry: string, args: readonly string[]): TsChild {
  const child = spawn(process.execPath, ['--import', pathToFileURL(registration()).href, entry, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    lines.push(...complete);
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.on('exit', (code, signal) => {
      resolve(signal ?? code ?? 0);
      for (const wake of waiters.splice(0)) wake();
    }),
  );
  return {
    child,
    output: () => output,
    exited,
    async waitForLine(line, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!lines.includes(line)) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`The process ended before printing "${line}":\n${output}`);
        }
        if (Date.now() > deadline) throw new Error(`No "${line}" within ${timeoutMs} ms:\n${output}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
  };
}
