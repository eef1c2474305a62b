/**
 * The opportunities context's published event contract: the deal and pipeline events other
 * contexts may react to (contracts start from a won deal; lead analytics follows won value by
 * source), as types only. A consumer imports this entry (`#ltc/opportunities/events`) with
 * `import type` and keeps its own projection. Add fields, never remove or repurpose one.
 */
export type * from './domain/opportunity.events.js';
export type * from './domain/quote.events.js';
export type * from './domain/pipeline.events.js';
export type { PipelineConfig, PipelineStage, ForecastCategory, StageGate } from './domain/pipeline.types.js';
export type { QuoteLine } from './domain/quote.pricing.js';
export type { HandoffPhase, OpportunityOrigin, TriangleSeat, CustomerAnswer } from './domain/opportunity-vocabulary.js';

/** The stream category of every deal event, `opportunity-<dealId>`; the tenant is in the event's metadata. */
export type OpportunityStreamPrefix = 'opportunity-';
/** The stream category of every pipeline event, `pipeline-<pipelineId>`. */
export type PipelineStreamPrefix = 'pipeline-';
