import { decidingProcessManager, type ProcessManager } from '#ltc/projections';
import { decideHandoffTimers } from './handoff-timers.decide.js';

/**
 * Watches every handoff's acceptance target with durable timers (see `decideHandoffTimers`).
 * Each deal's handoffs are handled in log order, so a cancel never overtakes its schedule.
 */
export function handoffTimersProcessManager(): ProcessManager {
  return decidingProcessManager({
    name: 'opportunity_handoff_timers',
    filter: { eventTypes: ['HandoffRequested', 'HandoffAccepted', 'HandoffDeclined'] },
    partitionKey: (event) => event.stream,
    decide: decideHandoffTimers,
  });
}
