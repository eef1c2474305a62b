import { decidingProcessManager, type ProcessManager } from '#ltc/projections';
import { decideOpenDeal } from './open-deal-on-conversion.decide.js';

/**
 * Lead → opportunity: reads the leads context's published `LeadConverted` (never its
 * tables) and opens the deal. Deals are independent of each other, so conversions are
 * handled side by side, each lead's in log order.
 */
export function conversionProcessManager(): ProcessManager {
  return decidingProcessManager({
    name: 'opportunity_conversion',
    filter: { eventTypes: ['LeadConverted'] },
    partitionKey: (event) => event.stream,
    decide: decideOpenDeal,
  });
}
