export { dunningProcessManager } from './dunning.process-manager.js';
export { decideDunning, overdueTimerId, reminderTimerId, REMINDER_DAYS } from './dunning.decide.js';
