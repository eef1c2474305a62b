import type { DomainEvent } from '#ltc/kernel';
import type { PipelineConfig } from './pipeline.types.js';

/**
 * A pipeline was configured: its first version, or a new one replacing the last whole.
 * Deals already in it keep their stage; the next decision on them reads this version.
 */
export type PipelineConfigured = DomainEvent<
  'PipelineConfigured',
  {
    readonly pipeline: PipelineConfig;
    readonly previousVersion: number | null;
    readonly actor: string;
    readonly at: string;
  }
>;

export type PipelineEvent = PipelineConfigured;
export type PipelineEventType = PipelineEvent['type'];
