import { InMemoryEventStore } from '#ltc/event-store';
import { recordedEvent } from '../../../projections/test/recorded-event.js';
import { decideHandoffTimers, handoffTimerId } from './handoff-timers.decide.js';
import { handoffTimersProcessManager } from './handoff-timers.process-manager.js';

const onDeal = (type: string, data: Record<string, unknown>) =>
  recordedEvent({ type, stream: 'opportunity-deal-1', data });

const requested = onDeal('HandoffRequested', {
  opportunityId: 'deal-1',
  handoffId: 'h1',
  from: 'ar-1',
  to: 'sr-1',
  phase: 'bid',
  notes: null,
  openItems: [],
  dueAt: '2026-03-02T09:00:00.000Z',
  escalateAt: '2026-03-03T09:00:00.000Z',
  at: '2026-03-01T09:00:00.000Z',
});

const flag = (step: 1 | 2) => ({
  type: 'opportunity.FlagHandoffOverdue',
  payload: { opportunityId: 'deal-1', handoffId: 'h1', step },
});

describe('Handoff timers', () => {
  it('given a requested handoff, then two durable timers: step 1 at its due time, step 2 at its escalation time', () => {
    expect(decideHandoffTimers(requested)).toEqual([
      {
        kind: 'schedule',
        timer: { timerId: 'handoff-overdue-h1-1', dueAt: new Date('2026-03-02T09:00:00.000Z'), command: flag(1) },
      },
      {
        kind: 'schedule',
        timer: { timerId: 'handoff-overdue-h1-2', dueAt: new Date('2026-03-03T09:00:00.000Z'), command: flag(2) },
      },
    ]);
  });

  it('names the timers by the handoff alone, so a redelivered request schedules the same two', () => {
    expect(decideHandoffTimers(requested)).toEqual(decideHandoffTimers(requested));
    expect([handoffTimerId('h1', 1), handoffTimerId('h2', 1)]).toEqual([
      'handoff-overdue-h1-1',
      'handoff-overdue-h2-1',
    ]);
  });

  it.each(['HandoffAccepted', 'HandoffDeclined'])(
    'given %s, then both timers of that handoff are cancelled',
    (type) => {
      expect(
        decideHandoffTimers(onDeal(type, { opportunityId: 'deal-1', handoffId: 'h1', from: 'ar-1', to: 'sr-1' })),
      ).toEqual([
        { kind: 'cancel', timerId: 'handoff-overdue-h1-1' },
        { kind: 'cancel', timerId: 'handoff-overdue-h1-2' },
      ]);
    },
  );

  it.each(['OpportunityWon', 'OpportunityLost'])(
    'given %s, then the timers of the handoffs pending then are cancelled; none pending, nothing',
    (type) => {
      const closing = onDeal(type, { opportunityId: 'deal-1' });
      expect(decideHandoffTimers(closing, ['h1', 'h2']).map((e) => e.kind === 'cancel' && e.timerId)).toEqual([
        'handoff-overdue-h1-1',
        'handoff-overdue-h1-2',
        'handoff-overdue-h2-1',
        'handoff-overdue-h2-2',
      ]);
      expect(decideHandoffTimers(closing, [])).toEqual([]);
    },
  );

  it('decides nothing for any other event, even the overdue flag itself', () => {
    expect(decideHandoffTimers(onDeal('HandoffOverdue', { opportunityId: 'deal-1', handoffId: 'h1' }))).toEqual([]);
    expect(decideHandoffTimers(onDeal('OpportunityStageChanged', { opportunityId: 'deal-1' }), ['h1'])).toEqual([]);
  });

  it('listens to handoff requests and answers and to deals closing, each deal in order', () => {
    const manager = handoffTimersProcessManager({ store: new InMemoryEventStore() });
    expect([manager.name, manager.filter]).toEqual([
      'opportunity_handoff_timers',
      { eventTypes: ['HandoffRequested', 'HandoffAccepted', 'HandoffDeclined', 'OpportunityWon', 'OpportunityLost'] },
    ]);
    expect(manager.partitionKey?.(requested)).toBe('opportunity-deal-1');
  });
});
