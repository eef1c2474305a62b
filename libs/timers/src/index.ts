export * from './timer.events.js';
export * from './timer.service.js';
export * from './due-timers.projection.js';
export * from './timer-scheduler.js';
