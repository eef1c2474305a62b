export { handoffTimersProcessManager } from './handoff-timers.process-manager.js';
export { decideHandoffTimers, handoffTimerId } from './handoff-timers.decide.js';
