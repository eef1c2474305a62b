import { streamName } from '#ltc/event-store';

/** A tenant's scoring model lives in `scoringModel-<tenantId>`: one model per tenant. */
export const scoringModelStream = (tenantId: string): string => streamName('scoringModel', tenantId);
