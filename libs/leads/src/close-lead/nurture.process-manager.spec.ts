import { recordedEvent } from '../../../projections/test/recorded-event.js';
import { decideNurture, nurtureProcessManager } from './nurture.process-manager.js';

const recorded = (type: string, data: Record<string, unknown>, revision = 4n) =>
  recordedEvent({ type, stream: 'lead-l1', data, revision });

const nurtured = (revision: bigint) =>
  recorded(
    'LeadNurtured',
    { leadId: 'l1', reactivateOn: '2026-06-01T00:00:00.000Z', reason: 'budget in Q3', at: '2026-03-02T09:00:00.000Z' },
    revision,
  );

describe('Lead nurture › when a lead is parked', () => {
  it('schedules its reactivation for the date it was parked until, one timer per nurture', () => {
    expect(decideNurture(nurtured(4n))).toEqual([
      {
        kind: 'schedule',
        timer: {
          timerId: 'lead-reactivate-l1-4',
          dueAt: new Date('2026-06-01T00:00:00.000Z'),
          command: { type: 'lead.ReactivateLead', payload: { leadId: 'l1' } },
        },
      },
    ]);
    const again = decideNurture(nurtured(9n));
    expect(again.map((effect) => effect.kind === 'schedule' && effect.timer.timerId)).toEqual(['lead-reactivate-l1-9']);
  });

  it('decides nothing for any other event', () => {
    expect(decideNurture(recorded('LeadReactivated', { leadId: 'l1', at: '2026-06-01T00:00:00.000Z' }))).toEqual([]);
    expect(decideNurture(recorded('TimerScheduled', { timerId: 't' }))).toEqual([]);
  });

  it('listens to nurtures alone', () => {
    expect([nurtureProcessManager.name, nurtureProcessManager.filter]).toEqual([
      'lead_nurture',
      { eventTypes: ['LeadNurtured'] },
    ]);
  });
});
