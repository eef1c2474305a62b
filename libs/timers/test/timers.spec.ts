import { EventStoreUnavailableError, type EventStore } from '#ltc/event-store';
import { dueTimerTables } from '#ltc/timers';
import { describeWithPostgres } from '#ltc/testing';
import { eventually, metadata } from '../../projections/test/fixtures.js';
import {
  effects,
  keys,
  postgresPlace,
  sqlitePlace,
  timerEvents,
  timerSuiteSupport,
  type ReadModelPlace,
} from './timer-suite.js';
import { escalate, timerContext as context } from './timer-world.js';

const MINUTE = 60_000;

/** Lets a scheduler with nothing due settle into its sleep (a precondition, never an assertion). */
const fallAsleep = () => new Promise((resolve) => setTimeout(resolve, 150));

function timerSuite(place: ReadModelPlace): void {
  const { setup, passesDone } = timerSuiteSupport(place);

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
await describeWithPostgres('Durable timers on PostgreSQL', (url) => timerSuite(postgresPlace(url)));
