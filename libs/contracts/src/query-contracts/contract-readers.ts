import type { ContractScope } from '../contract-access.js';
import type { ContractFilter } from '../read-models/contract-filter.js';
import type { ContractFilterQueryDto } from './contract-query.dto.js';

/** Everyone who works contracts reads them; auditors read everything and command nothing. */
export const CONTRACT_READERS = ['sales_manager', 'ar', 'sr', 'fr', 'auditor'] as const;

/** The shared filters of a query, with the caller's scope (contract-access.ts). */
export function contractFilterOf(query: ContractFilterQueryDto, scope: ContractScope): ContractFilter {
  return {
    scope,
    ...(query.status ? { status: query.status } : {}),
    ...(query.ar ? { arId: query.ar } : {}),
    ...(query.fr ? { frId: query.fr } : {}),
    ...(query.q ? { q: query.q } : {}),
  };
}
