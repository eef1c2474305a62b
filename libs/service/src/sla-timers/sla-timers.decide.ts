import type { RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerEffect } from '#ltc/projections';
import type { TicketSlaPlanned, TicketTaskCompleted, TicketTaskOpened } from '../domain/ticket.events.js';
import type { SlaClockName } from '../domain/service-vocabulary.js';

type Threshold = 'warn' | 'breach';

/** One durable timer per clock, plan and threshold, so a redelivered plan schedules it once. */
export const slaTimerId = (ticketId: string, clock: SlaClockName, plan: number, threshold: Threshold): string =>
  `sla-${ticketId}-${clock}-${String(plan)}-${threshold}`;

/** One durable timer per OLA task. */
export const olaTimerId = (ticketId: string, taskId: string): string => `ola-${ticketId}-${taskId}`;

export const SLA_TIMER_EVENTS = ['TicketSlaPlanned', 'TicketTaskOpened', 'TicketTaskCompleted'] as const;

/**
 * Every schedule of an SLA clock sets a durable timer at the exact instants it warns and breaches
 * (`service.FlagSlaWarning` / `service.FlagSlaBreach` for that plan), and cancels the timers of the
 * plan before it: those would decide nothing (a stale plan is ignored by the ticket), so the cancel
 * only spares the work. An OLA task's timer flags it overdue at its due instant; completing it cancels it.
 */
export function decideSlaTimers(event: RecordedEvent): ProcessManagerEffect[] {
  switch (event.type) {
    case 'TicketSlaPlanned': {
      const plan = event.data as TicketSlaPlanned['data'];
      const { ticketId, clock } = plan;
      const cancelPrevious: ProcessManagerEffect[] =
        plan.plan > 1
          ? (['warn', 'breach'] as const).map((threshold) => ({
              kind: 'cancel',
              timerId: slaTimerId(ticketId, clock, plan.plan - 1, threshold),
            }))
          : [];
      const schedule = (threshold: Threshold, dueAt: string | null): ProcessManagerEffect[] =>
        dueAt === null
          ? []
          : [
              {
                kind: 'schedule',
                timer: {
                  timerId: slaTimerId(ticketId, clock, plan.plan, threshold),
                  dueAt: new Date(dueAt),
                  command: {
                    type: threshold === 'warn' ? 'service.FlagSlaWarning' : 'service.FlagSlaBreach',
                    payload: { ticketId, clock, plan: plan.plan },
                  },
                },
              },
            ];
      return [...cancelPrevious, ...schedule('warn', plan.warnAt), ...schedule('breach', plan.breachAt)];
    }
    case 'TicketTaskOpened': {
      const { ticketId, taskId, dueAt } = event.data as TicketTaskOpened['data'];
      return [
        {
          kind: 'schedule',
          timer: {
            timerId: olaTimerId(ticketId, taskId),
            dueAt: new Date(dueAt),
            command: { type: 'service.FlagTaskOverdue', payload: { ticketId, taskId } },
          },
        },
      ];
    }
    case 'TicketTaskCompleted': {
      const { ticketId, taskId } = event.data as TicketTaskCompleted['data'];
      return [{ kind: 'cancel', timerId: olaTimerId(ticketId, taskId) }];
    }
    default:
      return [];
  }
}
