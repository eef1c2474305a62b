import { entityIdFromCommandId } from '#ltc/commanding';

/**
 * One lead becomes at most one deal, so the deal id is derived from the lead id: a
 * retried conversion names the same deal, and everything after it (opportunity,
 * contract, cash, tickets) links back through it.
 */
export const dealIdForLead = (leadId: string): string => entityIdFromCommandId(`deal:${leadId}`);
