import type { RecordedEvent } from '#ltc/event-store';
import { dueTimerChanges, dueTimerRow } from './due-timers.batch.js';
import type { DueTimerRow } from './due-timers.row.js';

let position = 0n;
function timerEvent(type: 'TimerScheduled' | 'TimerFired' | 'TimerCancelled', timerId: string): RecordedEvent {
  position += 1n;
  const scheduled = {
    timerId,
    dueAt: '2026-01-02T00:00:00.000Z',
    command: { type: 'Remind', payload: { n: Number(position) } },
    context: { tenantId: 'acme', correlationId: 'corr', causationId: 'cause' },
  };
  return {
    id: `evt-${position}`,
    stream: `timer-${timerId}`,
    type,
    revision: 0n,
    position,
    data: type === 'TimerScheduled' ? scheduled : { timerId },
    metadata: {
      tenantId: 'acme',
      correlationId: 'corr',
      causationId: 'cause',
      commandId: 'cmd',
      actor: { userId: 'u', role: 'system' },
      schemaVersion: 1,
    },
    recordedAt: new Date(0),
  };
}

/** The rows `apply` leaves, one event at a time: insert keeping an existing row, delete on fired or cancelled. */
function oneByOne(
  stored: ReadonlyMap<string, DueTimerRow>,
  events: readonly RecordedEvent[],
): Map<string, DueTimerRow> {
  const rows = new Map(stored);
  for (const event of events) {
    const timerId = (event.data as { timerId: string }).timerId;
    if (event.type === 'TimerScheduled') {
      if (!rows.has(timerId)) rows.set(timerId, dueTimerRow(event));
    } else rows.delete(timerId);
  }
  return rows;
}

/** The rows the batch's changes leave: its deletes first, then its inserts keeping an existing row. */
function batched(stored: ReadonlyMap<string, DueTimerRow>, events: readonly RecordedEvent[]): Map<string, DueTimerRow> {
  const rows = new Map(stored);
  const { deletes, inserts } = dueTimerChanges(events);
  for (const timerId of deletes) rows.delete(timerId);
  for (const row of inserts) if (!rows.has(row.timer_id)) rows.set(row.timer_id, row);
  return rows;
}

describe('dueTimerChanges', () => {
  const stored = new Map([['old', dueTimerRow(timerEvent('TimerScheduled', 'old'))]]);
  const sequences: Record<string, readonly (readonly ['TimerScheduled' | 'TimerFired' | 'TimerCancelled', string])[]> =
    {
      'scheduled then fired in one batch': [
        ['TimerScheduled', 'a'],
        ['TimerFired', 'a'],
      ],
      'fired from an earlier batch': [['TimerFired', 'old']],
      'scheduled again over a stored row keeps it': [['TimerScheduled', 'old']],
      'cancelled then scheduled again replaces the stored row': [
        ['TimerCancelled', 'old'],
        ['TimerScheduled', 'old'],
      ],
      'scheduled, fired, scheduled keeps the last': [
        ['TimerScheduled', 'b'],
        ['TimerFired', 'b'],
        ['TimerScheduled', 'b'],
      ],
      'scheduled twice keeps the first': [
        ['TimerScheduled', 'c'],
        ['TimerScheduled', 'c'],
      ],
    };

  it.each(Object.entries(sequences))('leaves the rows of one event at a time: %s', (_name, steps) => {
    const events = steps.map(([type, timerId]) => timerEvent(type, timerId));
    expect(batched(stored, events)).toEqual(oneByOne(stored, events));
  });

  it('ignores events of other types', () => {
    const other = { ...timerEvent('TimerScheduled', 'x'), type: 'SomethingElse' };
    expect(dueTimerChanges([other])).toEqual({ deletes: [], inserts: [] });
  });
});
