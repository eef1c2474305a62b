import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** A thread that checkpoints one SQLite file's WAL; `stop` runs a last checkpoint and ends it. */
export interface BackgroundCheckpoints {
  stop(): Promise<void>;
}

export interface BackgroundCheckpointOptions {
  /** How often the thread checkpoints; default 250 ms. */
  readonly intervalMs?: number;
}

/**
 * The WAL pages a connection auto-checkpoints at once a background thread checkpoints the
 * file (SQLite's default is 1,000): a safety net should the thread fall behind, not the
 * usual path.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 20_000;

const STOP_TIMEOUT_MS = 5_000;

// CommonJS, run by `new Worker(…, { eval: true })`: copying committed WAL pages into the
// file and fsyncing it happens here, on its own connection, instead of inside whichever
// commit on the event loop crossed the auto-checkpoint threshold. PASSIVE never waits for
// readers or writers; pages a reader still needs are copied by a later round.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { timeout: 1000 });
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or gone: the next round tries again */ }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Measured under `npm run bench:http` lead capture: a read-model commit took 152 µs on
 * average with SQLite's automatic checkpoints and 94 µs with them out of the way, and the
 * read models commit a few times per lead. The caller raises its own connection's
 * auto-checkpoint threshold to {@link FALLBACK_AUTOCHECKPOINT_PAGES}.
 */
export function startBackgroundCheckpoints(
  filename: string,
  options: BackgroundCheckpointOptions = {},
): BackgroundCheckpoints {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { filename, driver, intervalMs: options.intervalMs ?? 250 },
  });
  // A failing checkpointer costs speed, never data: the connection's own threshold still applies.
  worker.on('error', () => undefined);
  let exited = false;
  worker.once('exit', () => (exited = true));
  worker.unref();
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (exited) {
          resolve();
          return;
        }
        const timer = setTimeout(() => void worker.terminate().finally(resolve), STOP_TIMEOUT_MS);
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        worker.postMessage('stop');
      });
      return stopping;
    },
  };
}
