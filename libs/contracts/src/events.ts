/**
 * The contracts context's published event contract: the contract events other contexts may
 * react to (the deal's lead passes to the FR on handover; lead analytics measures the pipeline
 * length to cash collected), as types only. A consumer imports this entry
 * (`#ltc/contracts/events`) with `import type` and keeps its own projection. Add fields, never
 * remove or repurpose one.
 */
export type * from './domain/contract.events.js';
export type {
  Triangle,
  Milestone,
  MilestoneShare,
  PaymentTerms,
  OrderLine,
  DeliveredItem,
  OpenItem,
} from './domain/contract-vocabulary.js';

/** The stream category of every contract event, `contract-<contractId>`; the tenant is in the event's metadata. */
export type ContractStreamPrefix = 'contract-';
