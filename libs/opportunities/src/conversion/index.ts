export { conversionProcessManager } from './conversion.process-manager.js';
export { decideOpenDeal } from './open-deal-on-conversion.decide.js';
