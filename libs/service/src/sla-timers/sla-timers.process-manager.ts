import { decidingProcessManager, type ProcessManager } from '#ltc/projections';
import { SLA_TIMER_EVENTS, decideSlaTimers } from './sla-timers.decide.js';

/**
 * Keeps every ticket's SLA and OLA timers (see `decideSlaTimers`). Each ticket's events are
 * handled in log order, so the cancel of a plan never overtakes its schedule.
 */
export function slaTimersProcessManager(): ProcessManager {
  return decidingProcessManager({
    name: 'service_sla_timers',
    filter: { eventTypes: [...SLA_TIMER_EVENTS] },
    partitionKey: (event) => event.stream,
    decide: decideSlaTimers,
  });
}
