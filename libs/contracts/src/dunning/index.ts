export { dunningProcessManager } from './dunning.process-manager.js';
export { decideDunning, overdueTimerId, reminderTimerId } from './dunning.decide.js';
