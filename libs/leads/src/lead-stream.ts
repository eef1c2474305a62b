import { streamName } from '#ltc/event-store';

/** Every event of one lead lives in `lead-<leadId>`. */
export const leadStream = (leadId: string): string => streamName('lead', leadId);
