import { streamName } from '#ltc/event-store';

/** Every event of one deal lives in `opportunity-<dealId>`; the deal id is the one `LeadConverted` names (or a new uuid). */
export const opportunityStream = (opportunityId: string): string => streamName('opportunity', opportunityId);

/**
 * Pipeline ids are slugs a tenant picks (`default`, `renewals`), so two tenants may pick the
 * same one: the stream carries the tenant, `pipeline-<tenantId>:<pipelineId>` (as teams do).
 */
export const pipelineStream = (tenantId: string, pipelineId: string): string =>
  streamName('pipeline', `${tenantId}:${pipelineId}`);

/** The pipeline a deal opens in when nobody names one, and the one a lead conversion uses. */
export const DEFAULT_PIPELINE_ID = 'default';
