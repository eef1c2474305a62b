import type { EventStore } from '#ltc/event-store';
import { CheckpointStore } from './checkpoint.store.js';
import type { Projection } from './projection.js';
import type { ReadModelDb } from './read-model-db.js';

const checkpoints = new CheckpointStore();

/**
 * Waits until a projection has folded every event of its filter up to `position`, judged by
 * its stored checkpoint, so it holds in any process that shares the read-model database. For
 * a process manager that decides with a projection's rows and must see at least what came
 * before the event it handles (both are fed from the log, each at its own pace). A filtered
 * projection's checkpoint moves only on its own events: it is there when none of them lies
 * between its checkpoint and `position`. False when `timeoutMs` passes first. Reading the log
 * for that costs up to a scan from the checkpoint to the head: check once, then follow the
 * projection's own events (`waitForCheckpoint`).
 */
export async function waitUntilProjected(
  source: { readonly store: EventStore; readonly db: ReadModelDb },
  projection: Pick<Projection, 'name' | 'filter'>,
  position: bigint,
  options: { readonly timeoutMs: number; readonly pollMs?: number } = { timeoutMs: 10_000 },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const at = (await checkpoints.load(source.db, projection.name))?.position ?? null;
    if (at !== null && at >= position) return true;
    const [next] = await source.store.readAll({
      ...(at !== null ? { after: at } : {}),
      ...(projection.filter ? { filter: projection.filter } : {}),
      maxCount: 1,
    });
    if (next === undefined || next.position > position) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 20));
  }
}

/**
 * Waits until a projection's stored checkpoint is at or beyond `position` (an event the
 * projection is known to receive). Cheap: one row read per try. False when time runs out.
 */
export async function waitForCheckpoint(
  db: ReadModelDb,
  name: string,
  position: bigint,
  options: { readonly timeoutMs: number; readonly pollMs?: number } = { timeoutMs: 10_000 },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const at = (await checkpoints.load(db, name))?.position ?? null;
    if (at !== null && at >= position) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 20));
  }
}
