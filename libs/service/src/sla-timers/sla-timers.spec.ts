import { recordedEvent } from '../../../projections/test/recorded-event.js';
import { decideSlaTimers } from './sla-timers.decide.js';
import { slaTimersProcessManager } from './sla-timers.process-manager.js';

const onTicket = (type: string, data: Record<string, unknown>) => recordedEvent({ type, stream: 'ticket-tk-1', data });
const planned = (plan: number, warnAt: string | null, breachAt: string | null) =>
  onTicket('TicketSlaPlanned', {
    ticketId: 'tk-1',
    clock: 'response',
    plan,
    targetMs: 600_000,
    elapsedMs: 0,
    state: warnAt === null && breachAt === null ? 'paused' : 'running',
    warnAt,
    breachAt,
    policyVersion: 1,
    at: '2026-03-02T09:00:00.000Z',
  });

describe('SLA timers', () => {
  it('given a running plan, then a timer at the instant it warns and one at the instant it breaches, for that plan', () => {
    expect(decideSlaTimers(planned(1, '2026-03-02T09:07:30.000Z', '2026-03-02T09:10:00.000Z'))).toEqual([
      {
        kind: 'schedule',
        timer: {
          timerId: 'sla-tk-1-response-1-warn',
          dueAt: new Date('2026-03-02T09:07:30.000Z'),
          command: { type: 'service.FlagSlaWarning', payload: { ticketId: 'tk-1', clock: 'response', plan: 1 } },
        },
      },
      {
        kind: 'schedule',
        timer: {
          timerId: 'sla-tk-1-response-1-breach',
          dueAt: new Date('2026-03-02T09:10:00.000Z'),
          command: { type: 'service.FlagSlaBreach', payload: { ticketId: 'tk-1', clock: 'response', plan: 1 } },
        },
      },
    ]);
  });

  it('given a new plan, then the timers of the plan before are cancelled; a paused clock sets none', () => {
    expect(decideSlaTimers(planned(3, null, null))).toEqual([
      { kind: 'cancel', timerId: 'sla-tk-1-response-2-warn' },
      { kind: 'cancel', timerId: 'sla-tk-1-response-2-breach' },
    ]);
  });

  it('given an OLA task, then a timer at its due instant; completing it cancels the timer', () => {
    const opened = onTicket('TicketTaskOpened', { ticketId: 'tk-1', taskId: 't1', dueAt: '2026-03-02T11:00:00.000Z' });
    expect(decideSlaTimers(opened)).toEqual([
      {
        kind: 'schedule',
        timer: {
          timerId: 'ola-tk-1-t1',
          dueAt: new Date('2026-03-02T11:00:00.000Z'),
          command: { type: 'service.FlagTaskOverdue', payload: { ticketId: 'tk-1', taskId: 't1' } },
        },
      },
    ]);
    expect(decideSlaTimers(onTicket('TicketTaskCompleted', { ticketId: 'tk-1', taskId: 't1' }))).toEqual([
      { kind: 'cancel', timerId: 'ola-tk-1-t1' },
    ]);
  });

  it('handles each ticket in log order, under its own name', () => {
    const manager = slaTimersProcessManager();
    expect(manager.name).toBe('service_sla_timers');
    expect(manager.partitionKey?.(planned(1, null, null))).toBe('ticket-tk-1');
  });
});
