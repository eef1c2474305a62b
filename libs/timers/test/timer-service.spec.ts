import { ManualClock } from '#ltc/clock';
import type { SqliteEventStore } from '#ltc/event-store';
import { TimerService } from '#ltc/timers';
import { openStore, tempDir } from '../../projections/test/fixtures.js';
import { escalate, timerContext as context } from './timer-world.js';

/**
 * What the timer service writes, now that it goes through the timer decider and the
 * generic command path: the same events, metadata and answers as a hand-written append.
 */
describe('Timer service › the events it writes', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const service = () => new TimerService(store, clock);
  const dueAt = new Date('2026-03-02T09:05:00.000Z');

  beforeEach(() => {
    dir = tempDir('timer-service');
    store = openStore(dir.path);
  });
  afterEach(async () => {
    await store.close();
    dir.cleanup();
  });

  it('schedules as the engine, for the origin, with command id timer:<id>:schedule at revision 0', async () => {
    expect(await service().schedule({ timerId: 's1', dueAt, command: escalate('lead1'), context })).toBe(true);
    const [scheduled, ...rest] = await store.readStream('timer-s1');
    expect(rest).toEqual([]);
    expect(scheduled).toMatchObject({
      type: 'TimerScheduled',
      revision: 0n,
      data: { timerId: 's1', dueAt: '2026-03-02T09:05:00.000Z', command: escalate('lead1'), context },
      metadata: {
        actor: { userId: 'system', role: 'system' },
        tenantId: 'tenant-7',
        correlationId: 'corr-lead-1',
        causationId: 'evt-lead-1',
        commandId: 'timer:s1:schedule',
        schemaVersion: 1,
      },
    });
  });

  it('answers false and writes nothing for a timer id used before, by this tenant or another', async () => {
    await service().schedule({ timerId: 's2', dueAt, command: escalate('lead1'), context });
    const again = { timerId: 's2', dueAt: new Date('2026-03-02T10:00:00Z'), command: escalate('lead2') };
    expect(await service().schedule({ ...again, context })).toBe(false);
    expect(await service().schedule({ ...again, context: { ...context, tenantId: 'tenant-8' } })).toBe(false);
    const stream = await store.readStream('timer-s2');
    expect(stream.map((event) => [event.type, (event.data as { dueAt: string }).dueAt])).toEqual([
      ['TimerScheduled', '2026-03-02T09:05:00.000Z'],
    ]);
  });

  it('refuses a due time that is not a date, writing nothing', async () => {
    const invalid = { timerId: 's3', dueAt: new Date('soon'), command: escalate('lead1'), context };
    await expect(service().schedule(invalid)).rejects.toThrow(new RangeError('Timer s3: invalid dueAt'));
    expect(await store.readStream('timer-s3')).toEqual([]);
  });

  it('cancels for the scheduling tenant, with the given causation and the scheduling correlation', async () => {
    await service().schedule({ timerId: 'c1', dueAt, command: escalate('lead1'), context });
    clock.set(new Date('2026-03-02T09:02:00.000Z'));
    expect(await service().cancel('c1', { causationId: 'evt-contacted' })).toBe(true);
    const [, cancelled] = await store.readStream('timer-c1');
    expect(cancelled).toMatchObject({
      type: 'TimerCancelled',
      revision: 1n,
      data: { timerId: 'c1', cancelledAt: '2026-03-02T09:02:00.000Z' },
      metadata: {
        actor: { userId: 'system', role: 'system' },
        tenantId: 'tenant-7',
        correlationId: 'corr-lead-1',
        causationId: 'evt-contacted',
        commandId: 'timer:c1:cancel',
        schemaVersion: 1,
      },
    });
    expect(await service().cancel('c1')).toBe(false);
    expect(await service().cancel('never-scheduled')).toBe(false);
    expect((await store.readStream('timer-c1')).length).toBe(2);
    expect(await store.readStream('timer-never-scheduled')).toEqual([]);
  });
});
