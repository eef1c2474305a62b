import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, freePort } from './support/processes.js';
import { TEST_SECRET, eventually, tempDataDir } from './support/test-app.js';

const run = promisify(execFile);
const BUILT_FILES = [
  join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js'),
  join(ROOT, 'dist', 'libs', 'leads', 'src', 'index.js'),
];

function modifiedTimes(): number[] {
  return BUILT_FILES.map((file) => statSync(file).mtimeMs);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids of a process's children (procps `ps`, present on every machine we run on). */
async function childrenOf(pid: number): Promise<number[]> {
  const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', String(pid)]).catch(() => ({ stdout: '' }));
  return stdout
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((child) => Number.isInteger(child) && child > 0);
}

async function healthStatus(port: number): Promise<number | 'refused'> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`)).status;
  } catch {
    return 'refused';
  }
}

describe('npm start', () => {
  const dataDir = tempDataDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Make the build current first (a no-op when `npm test` just built it).
  beforeAll(async () => {
    await run('npm', ['run', 'build', '--silent'], { cwd: ROOT });
  }, 300_000);

  it('starts from a current build without rebuilding it, and SIGTERM stops the server gracefully', async () => {
    const builtBefore = modifiedTimes();
    const port = await freePort();
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LTC_DATA_DIR: dataDir,
        LTC_JWT_SECRET: TEST_SECRET,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.setEncoding('utf8');
    npm.stderr.setEncoding('utf8');
    npm.stdout.on('data', (chunk: string) => (output += chunk));
    npm.stderr.on('data', (chunk: string) => (output += chunk));
    const npmExited = new Promise<number | string>((resolve) =>
      npm.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
    );
    const npmPid = npm.pid;
    if (npmPid === undefined) throw new Error('npm did not start');

    const descendants: number[] = [];
    try {
      // Generous: on a busy machine even a start from the build takes a while; a rebuild fails below.
      await eventually(async () => ((await healthStatus(port)) === 200 ? true : undefined), 240_000);
      expect(modifiedTimes()).toEqual(builtBefore);

      // Whatever runs the server under npm (a shell, or node itself): every descendant must stop.
      const children = await childrenOf(npmPid);
      descendants.push(...children, ...(await Promise.all(children.map(childrenOf))).flat());
      expect(descendants.length).toBeGreaterThan(0);

      npm.kill('SIGTERM');
      await npmExited;
      await eventually(async () => (descendants.every((pid) => !isAlive(pid)) ? true : undefined), 15_000).catch(() => {
        throw new Error(`still running 15 s after SIGTERM to npm: ${descendants.filter(isAlive).join(', ')}`);
      });
      expect(await healthStatus(port)).toBe('refused');
      // A graceful stop closes the embedded store: SQLite removes the write-ahead log on the last close.
      expect(readdirSync(dataDir).filter((file) => file.endsWith('-wal'))).toEqual([]);
      expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- npm start said:\n${output}`, {
        cause: error,
      });
    } finally {
      // Leave nothing running, whatever failed.
      for (const pid of [npmPid, ...descendants, ...(await childrenOf(npmPid))]) {
        if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      }
    }
  }, 300_000);
});
