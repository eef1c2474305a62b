import type { RecordedEvent } from '#ltc/event-store';
import {
  ProjectionRunner,
  type Projection,
  type ProjectionRunnerOptions,
  type ReadModelTransaction,
} from '#ltc/projections';
import { openStore, sqliteTarget, tempDir, writeEvents } from './fixtures.js';
import { Cleanup } from './suite-support.js';

/** Records how the runner fed it: each batch's size and last position, and when its indexes were dropped or created. */
class RecordingProjection implements Projection {
  readonly name = 'recording';
  readonly version = 1;
  readonly batches: { size: number; last: bigint }[] = [];
  readonly indexCalls: string[] = [];
  readonly deferredIndexes = {
    drop: async (): Promise<void> => {
      this.indexCalls.push('drop');
    },
    create: async (): Promise<void> => {
      this.indexCalls.push(`create after ${this.batches.at(-1)?.last.toString() ?? 'nothing'}`);
    },
  };

  async setup(): Promise<void> {}
  async reset(): Promise<void> {}
  async apply(): Promise<void> {
    throw new Error('the runner hands this projection whole batches');
  }
  async applyBatch(_trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
    const last = events.at(-1);
    if (last) this.batches.push({ size: events.length, last: last.position });
  }
}

describe('Projections catching up', () => {
  const target = sqliteTarget();
  const cleanup = new Cleanup();
  afterAll(() => target.cleanup());
  afterEach(() => cleanup.run());

  async function world(events: number) {
    const dir = tempDir('catch-up');
    const store = openStore(dir.path);
    const readModel = await (await target.create()).open();
    cleanup.add(dir.cleanup);
    cleanup.add(() => store.close());
    cleanup.add(() => readModel.close());
    const head = await writeEvents(store, events);
    const runner = (projection: Projection, options: Partial<ProjectionRunnerOptions> = {}): ProjectionRunner => {
      const created = new ProjectionRunner({ store, db: readModel.db, projections: [projection], ...options });
      cleanup.add(() => created.stop());
      return created;
    };
    return { store, head, runner };
  }

  it('commit batches of catchUpBatchSize events, not the few the reader had handed over when asked', async () => {
    const { head, runner } = await world(3_000);
    const projection = new RecordingProjection();
    const r = runner(projection, { catchUpBatchSize: 1_000 });
    await r.start();
    await r.waitFor(projection.name, head);
    // The first batches go out as events arrive; once the reader is ahead, batches are full.
    const sizes = projection.batches.map((batch) => batch.size);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(3_000);
    expect(sizes.length).toBeLessThanOrEqual(6);
    expect(sizes.filter((size) => size === 1_000).length).toBeGreaterThanOrEqual(2);
  });

  it('keep batches at batchSize when only that is given', async () => {
    const { head, runner } = await world(300);
    const projection = new RecordingProjection();
    const r = runner(projection, { batchSize: 100 });
    await r.start();
    await r.waitFor(projection.name, head);
    const sizes = projection.batches.map((batch) => batch.size);
    expect(Math.max(...sizes)).toBe(100);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(300);
  });

  it('drop deferred indexes on a replay from the beginning and create them in the batch that reaches the head', async () => {
    const { store, head, runner } = await world(900);
    const projection = new RecordingProjection();
    const r = runner(projection, { catchUpBatchSize: 400 });
    await r.start();
    await r.waitFor(projection.name, head);
    expect(projection.indexCalls).toEqual(['drop', `create after ${head.toString()}`]);

    // Live batches after that leave the indexes alone.
    const later = await writeEvents(store, 5);
    await r.waitFor(projection.name, later);
    expect(projection.indexCalls).toHaveLength(2);

    projection.indexCalls.length = 0;
    projection.batches.length = 0;
    await r.rebuild(projection.name);
    await r.waitFor(projection.name, later);
    expect(projection.indexCalls).toEqual(['drop', `create after ${later.toString()}`]);
  });

  it('keep the indexes when resuming from a checkpoint, and create any missing once caught up', async () => {
    const { store, head, runner } = await world(50);
    const projection = new RecordingProjection();
    const first = runner(projection);
    await first.start();
    await first.waitFor(projection.name, head);
    await first.stop();

    projection.indexCalls.length = 0;
    const later = await writeEvents(store, 20);
    const second = runner(projection);
    await second.start();
    await second.waitFor(projection.name, later);
    expect(projection.indexCalls).toEqual([`create after ${later.toString()}`]);
  });
});
