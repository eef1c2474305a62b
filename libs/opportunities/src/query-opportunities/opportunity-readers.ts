import type { OpportunityScope } from '../opportunity-access.js';
import type { DealFilter } from '../read-models/deal-filter.js';
import type { DealFilterQueryDto } from './opportunity-query.dto.js';

/** Everyone who works deals reads them; auditors read everything and command nothing. */
export const OPPORTUNITY_READERS = ['sales_manager', 'ar', 'sr', 'fr', 'auditor'] as const;

/** The shared filters of a query, with the caller's scope (opportunity-access.ts). */
export function dealFilterOf(query: DealFilterQueryDto, scope: OpportunityScope): DealFilter {
  return {
    scope,
    ...(query.owner ? { ownerId: query.owner } : {}),
    ...(query.team ? { team: query.team } : {}),
    ...(query.source ? { source: query.source } : {}),
    ...(query.region ? { region: query.region } : {}),
    ...(query.closeFrom ? { closeFrom: query.closeFrom } : {}),
    ...(query.closeTo ? { closeTo: query.closeTo } : {}),
  };
}
