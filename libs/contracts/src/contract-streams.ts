import { streamName } from '#ltc/event-store';

/**
 * Every event of one contract lives in `contract-<contractId>`. A deal has one contract, and its
 * id is the deal's own (the lead's conversion named it), so lead, deal and contract share one id.
 */
export const contractStream = (contractId: string): string => streamName('contract', contractId);

/** The contract of a deal: the same id (see `contractStream`). */
export const contractIdForDeal = (dealId: string): string => dealId;
