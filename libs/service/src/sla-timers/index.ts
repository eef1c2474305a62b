export { slaTimersProcessManager } from './sla-timers.process-manager.js';
export { decideSlaTimers, olaTimerId, slaTimerId } from './sla-timers.decide.js';
