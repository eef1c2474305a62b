import { streamName } from '#ltc/event-store';

/** Every version of a tenant's routing rules lives in `routingRules-<tenantId>`. */
export const routingRulesStream = (tenantId: string): string => streamName('routingRules', tenantId);
