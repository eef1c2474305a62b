import { join } from 'node:path';
import { ManualClock } from '#ltc/clock';
import { EventStoreUnavailableError, type EventStore } from '#ltc/event-store';
import { openReadModelDb, type ReadModelDbOptions } from '#ltc/projections';
import { dueTimerTables } from '#ltc/timers';
import { createTestSchema, describeWithPostgres } from '#ltc/testing';
import type { DispatchCall } from '../../projections/test/effect-dispatcher.js';
import { eventually, metadata, openStore, tempDir, type ReadModelLocation } from '../../projections/test/fixtures.js';
import { Cleanup } from '../../projections/test/suite-support.js';
import type { TimerProcessArgs } from './timer-process.js';
import { bootTimerWorld, escalate, timerContext as context, type BootOptions, type TimerWorld } from './timer-world.js';
import { startTsChild } from './ts-child-process.js';

const MINUTE = 60_000;
const TIMER_PROCESS = new URL('./timer-process.ts', import.meta.url).pathname;

/** Where a read model lives, so that this process and a child process can both open it. */
type ReadModelPlace = (dir: string) => Promise<ReadModelDbOptions>;

const sqlitePlace: ReadModelPlace = async (dir) => ({ sqliteFilename: join(dir, 'read-model.db') });

/** Lets a scheduler with nothing due settle into its sleep (a precondition, never an assertion). */
const fallAsleep = () => new Promise((resolve) => setTimeout(resolve, 150));

function timerSuite(place: ReadModelPlace): void {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  interface Setup {
    clock: ManualClock;
    calls: DispatchCall[];
    storeDir: string;
    readModel: ReadModelDbOptions;
    boot(overrides?: Partial<BootOptions>): Promise<TimerWorld>;
  }

  async function setup(): Promise<Setup> {
    const dir = tempDir('timers');
    cleanup.add(dir.cleanup);
    const readModel = await place(dir.path);
    const location: ReadModelLocation = { open: () => openReadModelDb(readModel), kill: (handle) => handle.close() };
    const clock = new ManualClock();
    const calls: DispatchCall[] = [];
    return {
      clock,
      calls,
      storeDir: dir.path,
      readModel,
      async boot(overrides = {}) {
        const world = await bootTimerWorld({ storeDir: dir.path, location, clock, calls, ...overrides });
        let down = false;
        const shutdown = world.shutdown;
        const once = async (): Promise<void> => {
          if (down) return;
          down = true;
          await shutdown();
        };
        cleanup.add(once);
        return { ...world, shutdown: once };
      },
    };
  }

  async function timerEvents(store: EventStore, timerId: string): Promise<string[]> {
    return (await store.readStream(`timer-${timerId}`)).map((event) => event.type);
  }

  async function effects(store: EventStore, target: string): Promise<number> {
    return (await store.readStream(`effect-${target}`)).length;
  }

  const keys = (calls: DispatchCall[]) => calls.map((call) => call.context.idempotencyKey);

  /**
   * Proves that every scheduler pass that started before now has finished, without
   * sleeping: a barrier timer due 1 ms ahead can only fire in a pass that starts after
   * the clock moved, and passes run one after another. Two barriers in turn, because a
   * pass already under way when the first is projected may fire it too. Moves the clock
   * 2 ms; returns the idempotency keys of the barriers, for exact assertions on `calls`.
   */
  let barriers = 0;
  async function passesDone(world: TimerWorld, clock: ManualClock, calls: DispatchCall[]): Promise<string[]> {
    const fired: string[] = [];
    for (let i = 0; i < 2; i++) {
      const timerId = `barrier-${++barriers}`;
      const dueAt = new Date(clock.now().getTime() + 1);
      await world.service.schedule({ timerId, dueAt, command: escalate(timerId), context });
      await world.settle();
      clock.advance(1);
      await eventually(() => keys(calls).includes(`timer:${timerId}`), 3000, `barrier ${timerId}`);
      await eventually(async () => (await timerEvents(world.store, timerId)).length === 2, 3000, 'its TimerFired');
      fired.push(`timer:${timerId}`);
    }
    // Leaves due_timers as it was: the barriers' rows are gone.
    await world.settle();
    return fired;
  }

  it('fires a due timer once, exactly when the clock reaches it and not a millisecond before', async () => {
    const { clock, calls, boot } = await setup();
    const world = await boot();
    const dueAt = new Date(clock.now().getTime() + 5 * MINUTE);
    expect(await world.service.schedule({ timerId: 't1', dueAt, command: escalate('lead1'), context })).toBe(true);
    await world.settle();

    // The barriers move the clock to 1 ms before the due time and prove the passes there found nothing.
    clock.set(new Date(dueAt.getTime() - 3));
    const before = await passesDone(world, clock, calls);
    expect(clock.now().getTime()).toBe(dueAt.getTime() - 1);
    expect(keys(calls)).toEqual(before);
    expect(await timerEvents(world.store, 't1')).toEqual(['TimerScheduled']);

    clock.set(dueAt);
    await eventually(() => calls.length === 3, 2000, 'the timer to fire');
    const [scheduled] = await world.store.readStream('timer-t1');
    expect(calls[2]).toEqual({
      command: escalate('lead1'),
      context: {
        idempotencyKey: 'timer:t1',
        actor: { userId: 'system', role: 'system' },
        tenantId: 'tenant-7',
        correlationId: 'corr-lead-1',
        causationId: scheduled?.id,
      },
    });
    await eventually(async () => (await timerEvents(world.store, 't1')).length === 2, 2000, 'TimerFired');
    await world.settle();
    expect(await dueTimerTables(world.readModel.db).selectFrom('due_timers').selectAll().execute()).toEqual([]);

    clock.advance(10 * MINUTE);
    const after = await passesDone(world, clock, calls);
    expect(keys(calls)).toEqual([...before, 'timer:t1', ...after]);
    expect(await timerEvents(world.store, 't1')).toEqual(['TimerScheduled', 'TimerFired']);
    expect(await effects(world.store, 'lead1')).toBe(1);
  });

  it('re-arms a sleeping scheduler when an earlier timer is projected', async () => {
    const { clock, calls, boot } = await setup();
    const world = await boot();
    const at = (ms: number) => new Date(clock.now().getTime() + ms);
    await world.service.schedule({ timerId: 'later', dueAt: at(60 * MINUTE), command: escalate('later'), context });
    await world.settle();
    await fallAsleep();
    await world.service.schedule({ timerId: 'sooner', dueAt: at(500), command: escalate('sooner'), context });
    await world.settle();
    await fallAsleep();
    clock.advance(600);
    await eventually(() => calls.length === 1, 2000, 'the sooner timer to fire');
    expect(calls[0]?.context.idempotencyKey).toBe('timer:sooner');
  });

  /** Runs a scenario of timer-process.ts in a child process on this setup's files; resolves once it is ready. */
  async function startChild(
    { storeDir, readModel, clock }: Setup,
    scenario: TimerProcessArgs['scenario'],
  ): Promise<ReturnType<typeof startTsChild>> {
    const args: TimerProcessArgs = { scenario, storeDir, readModel, startAt: clock.now().toISOString() };
    const child = startTsChild(TIMER_PROCESS, [JSON.stringify(args)]);
    cleanup.add(async () => {
      child.child.kill('SIGKILL');
      await child.exited;
    });
    return child;
  }

  it('fires once after kill -9 of the process that scheduled it, projected or not', async () => {
    const setupDone = await setup();
    const { clock, calls, boot } = setupDone;
    const child = await startChild(setupDone, 'schedule');
    await child.waitForLine('READY');
    // `unprojected` is in the log only: the child had stopped projecting when it scheduled it.
    child.child.kill('SIGKILL');
    expect(await child.exited).toBe('SIGKILL');

    const second = await boot();
    await second.settle();
    const dueAt = clock.now().getTime() + 30 * MINUTE;
    clock.set(new Date(dueAt - 3));
    const before = await passesDone(second, clock, calls);
    expect(clock.now().getTime()).toBe(dueAt - 1);
    expect(keys(calls)).toEqual(before);

    clock.set(new Date(dueAt));
    await eventually(() => calls.length === 4, 3000, 'both timers to fire');
    await eventually(async () => (await timerEvents(second.store, 'unprojected')).length === 2, 2000, 'TimerFired');
    await eventually(async () => (await timerEvents(second.store, 'projected')).length === 2, 2000, 'TimerFired');
    const after = await passesDone(second, clock, calls);
    expect(keys(calls)).toEqual([...before, 'timer:projected', 'timer:unprojected', ...after]);
    for (const [timerId, target] of [
      ['projected', 'a'],
      ['unprojected', 'b'],
    ] as const) {
      expect(await timerEvents(second.store, timerId)).toEqual(['TimerScheduled', 'TimerFired']);
      expect(await effects(second.store, target)).toBe(1);
    }
  });

  it('after kill -9 between dispatch and TimerFired, fires again with the same key and one effect', async () => {
    const setupDone = await setup();
    const { calls, boot } = setupDone;
    const child = await startChild(setupDone, 'fire');
    // The child kills itself inside the dispatcher, once the command has taken effect.
    expect(await child.exited).toBe('SIGKILL');

    // What the killed process left: the effect, and no TimerFired.
    const left = openStore(setupDone.storeDir);
    expect(await effects(left, 'x')).toBe(1);
    expect(await timerEvents(left, 'tx')).toEqual(['TimerScheduled']);
    await left.close();

    const second = await boot();
    await eventually(async () => (await timerEvents(second.store, 'tx')).length === 2, 3000, 'TimerFired');
    expect(keys(calls)).toEqual(['timer:tx']);
    expect(await effects(second.store, 'x')).toBe(1);
    const fired = (await second.store.readStream('timer-tx'))[1];
    expect(fired?.data).toEqual({ timerId: 'tx', firedAt: setupDone.clock.now().toISOString() });
  });

  it('fires again with the same key when TimerFired cannot be recorded, and the command takes effect once', async () => {
    const { clock, calls, boot } = await setup();
    const losesTimerFired = (store: EventStore): EventStore =>
      Object.assign(Object.create(store) as EventStore, {
        appendToStream: (async (stream, events, options) => {
          if (events.some((event) => event.type === 'TimerFired')) throw new EventStoreUnavailableError('power cut');
          return store.appendToStream(stream, events, options);
        }) satisfies EventStore['appendToStream'],
      });
    const first = await boot({ schedulerStore: losesTimerFired });
    await first.service.schedule({ timerId: 'tx', dueAt: clock.now(), command: escalate('x'), context });
    await first.settle();
    clock.advance(1000);
    await eventually(() => calls.length >= 1, 2000, 'the first dispatch');
    expect(await effects(first.store, 'x')).toBe(1);
    expect(await timerEvents(first.store, 'tx')).toEqual(['TimerScheduled']);
    await first.shutdown();

    const second = await boot();
    await eventually(async () => (await timerEvents(second.store, 'tx')).length === 2, 3000, 'TimerFired');
    expect(new Set(calls.map((call) => call.context.idempotencyKey))).toEqual(new Set(['timer:tx']));
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(await effects(second.store, 'x')).toBe(1);
    expect(await timerEvents(second.store, 'tx')).toEqual(['TimerScheduled', 'TimerFired']);
  });

  it('does not fire a cancelled timer; cancelling again or an unknown timer is a no-op', async () => {
    const { clock, calls, boot } = await setup();
    const world = await boot();
    const dueAt = new Date(clock.now().getTime() + MINUTE);
    await world.service.schedule({ timerId: 'c1', dueAt, command: escalate('c'), context });
    expect(await world.service.cancel('c1', { causationId: 'evt-contacted' })).toBe(true);
    expect(await world.service.cancel('c1')).toBe(false);
    expect(await world.service.cancel('never-scheduled')).toBe(false);
    await world.settle();
    clock.advance(2 * MINUTE);
    const fenced = await passesDone(world, clock, calls);
    expect(keys(calls)).toEqual(fenced);
    const stream = await world.store.readStream('timer-c1');
    expect(stream.map((event) => event.type)).toEqual(['TimerScheduled', 'TimerCancelled']);
    expect(stream[1]?.metadata).toMatchObject({
      tenantId: 'tenant-7',
      correlationId: 'corr-lead-1',
      causationId: 'evt-contacted',
    });
    expect(await dueTimerTables(world.readModel.db).selectFrom('due_timers').selectAll().execute()).toEqual([]);
  });

  it('treats scheduling the same timer id twice as a no-op', async () => {
    const { clock, calls, boot } = await setup();
    const world = await boot();
    const now = clock.now().getTime();
    const first = { timerId: 'd1', dueAt: new Date(now + MINUTE), command: escalate('d'), context };
    expect(await world.service.schedule(first)).toBe(true);
    expect(await world.service.schedule({ ...first, dueAt: new Date(now + 2 * MINUTE) })).toBe(false);
    await world.settle();
    expect(await timerEvents(world.store, 'd1')).toEqual(['TimerScheduled']);
    clock.advance(MINUTE);
    await eventually(() => calls.length === 1, 2000, 'the timer to fire');
    clock.advance(5 * MINUTE);
    const fenced = await passesDone(world, clock, calls);
    expect(keys(calls)).toEqual(['timer:d1', ...fenced]);
  });

  it('lets a process manager schedule and cancel timers in the context of its event', async () => {
    const { clock, calls, boot } = await setup();
    const world = await boot({
      processManagers: () => [
        {
          name: 'first_contact',
          filter: { eventTypes: ['LeadCaptured', 'LeadContacted'] },
          async handle(event, ctx) {
            const leadId = event.stream.slice('lead-'.length);
            if (event.type === 'LeadCaptured') {
              // A re-run computes another dueAt, but the stable timer id makes it a no-op.
              const dueAt = new Date(clock.now().getTime() + 5 * MINUTE);
              await ctx.schedule({ timerId: `firstContact-${leadId}`, dueAt, command: escalate(leadId) });
            } else {
              await ctx.cancel(`firstContact-${leadId}`);
            }
          },
        },
      ],
    });
    await world.store.appendToStream('lead-A', [
      { type: 'LeadCaptured', data: {}, metadata: metadata({ correlationId: 'corr-A' }) },
    ]);
    await world.store.appendToStream('lead-B', [
      { type: 'LeadCaptured', data: {}, metadata: metadata({ correlationId: 'corr-B' }) },
    ]);
    await world.store.appendToStream('lead-B', [
      { type: 'LeadContacted', data: {}, metadata: metadata({ correlationId: 'corr-B' }) },
    ]);
    // The process manager's schedule/cancel appends land after the first settle.
    await world.settle();
    await world.settle();
    clock.advance(6 * MINUTE);
    await eventually(() => calls.length === 1, 2000, 'lead A to escalate');
    const fenced = await passesDone(world, clock, calls);
    expect(keys(calls)).toEqual(['timer:firstContact-A', ...fenced]);
    expect([calls[0]?.command.payload.target, calls[0]?.context.correlationId]).toEqual(['A', 'corr-A']);
    const [captured] = await world.store.readStream('lead-A');
    const [scheduled] = await world.store.readStream('timer-firstContact-A');
    expect(scheduled?.metadata).toMatchObject({
      correlationId: 'corr-A',
      causationId: captured?.id,
      tenantId: 'tenant-1',
    });
    expect(await timerEvents(world.store, 'firstContact-B')).toEqual(['TimerScheduled', 'TimerCancelled']);
  });
}

describe('Durable timers on SQLite', () => timerSuite(sqlitePlace));
await describeWithPostgres('Durable timers on PostgreSQL', (url) => {
  const schemas: { drop(): Promise<void> }[] = [];
  timerSuite(async () => {
    const schema = await createTestSchema(url, 'rm');
    schemas.push(schema);
    return { url, schema: schema.name, sqliteFilename: 'unused.db' };
  });
  afterAll(async () => {
    await Promise.all(schemas.map((schema) => schema.drop()));
  });
});
