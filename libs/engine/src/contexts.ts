import { auditContext } from '#ltc/audit';
import { contractsContext } from '#ltc/contracts';
import { leadsContext } from '#ltc/leads/context';
import { opportunitiesContext } from '#ltc/opportunities';
import { organisationContext } from '#ltc/organisation';
import { serviceContext } from '#ltc/service';
import { simulationsContext } from '#ltc/simulations';
import type { EngineContexts } from './engine-options.js';

/**
 * The bounded contexts the LTC Engine ships, in the order their routes appear in the
 * OpenAPI document. Adding a context is one line here (see docs/architecture.md).
 */
const BUSINESS_CONTEXTS: EngineContexts = [
  leadsContext,
  opportunitiesContext,
  contractsContext,
  serviceContext,
  organisationContext,
];

/**
 * …and, over them, the audit trail that reads their events into deal histories, and the
 * what-if replays of their policies.
 */
export const LTC_CONTEXTS: EngineContexts = [
  ...BUSINESS_CONTEXTS,
  auditContext(BUSINESS_CONTEXTS),
  simulationsContext(BUSINESS_CONTEXTS),
];
