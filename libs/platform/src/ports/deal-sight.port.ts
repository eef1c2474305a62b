import { definePort } from '../context/port.js';
import type { DealScope } from './deal-scope.js';

/**
 * Whether a scope sees one deal, asked by the audit trail before it shows a deal's history: the
 * opportunities context owns deals and provides it from the deal's own stream, so a history is
 * shown to exactly those who may open the deal itself.
 */
export interface DealSight {
  /** False for an unknown deal, another tenant's, or one the scope does not reach. */
  canSee(tenantId: string, dealId: string, scope: DealScope): Promise<boolean>;
}

export const DEAL_SIGHT = definePort<DealSight>('DealSight');
