import { streamName } from '#ltc/event-store';

/**
 * Every change of one team's distribution policy lives in
 * `distributionPolicy-<tenantId>:<team>`. Team ids are chosen per tenant, so the
 * stream id carries the tenant: two tenants can both have a team `default`.
 */
export const distributionPolicyStream = (tenantId: string, team: string): string =>
  streamName('distributionPolicy', `${tenantId}:${team}`);
