import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandResponseDto } from '#ltc/platform';
import { LEAD_SOURCES, type LeadSource } from '#ltc/leads/domain';
import {
  FIT_FIELDS,
  FIT_OPS,
  INTERACTION_KINDS,
  TIERS,
  type FitField,
  type FitOp,
  type FitValue,
  type InteractionKind,
  type Tier,
} from './domain/scoring-model.js';

// OpenAPI shapes of the scoring model. The rules themselves are checked by the domain's
// validateScoringModel, which names every wrong field by its path (`fitRules[0].op`).

export class FitRuleView {
  @ApiProperty({ example: 'has-phone', description: 'Unique among all rules of the model' }) id!: string;
  @ApiProperty({ example: 'Has a phone number' }) label!: string;
  @ApiProperty({ enum: FIT_FIELDS, description: 'tag matches when any of the lead’s tags does' }) field!: FitField;
  @ApiProperty({ enum: FIT_OPS, description: 'gte/lte only on dealSize; contains only on text' }) op!: FitOp;
  @ApiPropertyOptional({
    description:
      'Text (number for dealSize) for equals/contains, a list for in, a number for gte/lte; absent for present/absent',
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
    ],
  })
  value?: FitValue;
  @ApiProperty({ example: 10, description: 'Whole points, may be negative' }) points!: number;
}

export class BehaviourRuleView {
  @ApiProperty({ example: 'demo-request' }) id!: string;
  @ApiProperty({ example: 'Asked for a demo' }) label!: string;
  @ApiProperty({ enum: INTERACTION_KINDS }) interaction!: InteractionKind;
  @ApiProperty({ example: 20, description: 'Whole points per interaction, may be negative' }) points!: number;
  @ApiProperty({ example: 1, description: 'Interactions counted at most' }) maxCount!: number;
  @ApiPropertyOptional({ example: 30, description: 'Only interactions of the last N days count' }) withinDays?: number;
}

export class SourcePriorView {
  @ApiProperty({ example: 100, description: 'Points for a source converting 100% of its leads' }) weight!: number;
  @ApiProperty({
    description: 'Conversion rate (0..1) per source until enough leads were measured; missing sources use 0.13',
    example: { website: 0.2, referral_customer: 0.25, lead_list: 0.03 },
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  defaultRates!: Partial<Record<LeadSource, number>>;
  @ApiProperty({ example: 30, description: 'Leads from a source needed before its measured rate is used' })
  minLeadsForMeasuredRate!: number;
}

export class TierPolicyView {
  @ApiProperty({ example: 60, description: 'Lowest score of the tier (C takes every lead below B)' }) minScore!: number;
  @ApiProperty({ example: 6, description: 'Contact attempts before giving up' }) attemptTarget!: number;
  @ApiProperty({ example: 300, description: 'First contact due within this many seconds' })
  responseTargetSeconds!: number;
}

export class TierPoliciesView {
  @ApiProperty({ type: TierPolicyView }) A!: TierPolicyView;
  @ApiProperty({ type: TierPolicyView }) B!: TierPolicyView;
  @ApiProperty({ type: TierPolicyView }) C!: TierPolicyView;
}

/** The model without its version: GET returns it as `model`, PUT takes it as the body. */
export class ScoringModelDefinitionView {
  @ApiProperty({ type: [FitRuleView] }) fitRules!: FitRuleView[];
  @ApiProperty({ type: [BehaviourRuleView] }) behaviourRules!: BehaviourRuleView[];
  @ApiProperty({ type: SourcePriorView }) sourcePrior!: SourcePriorView;
  @ApiProperty({ type: TierPoliciesView }) tiers!: TierPoliciesView;
}

export class CurrentScoringModelView {
  @ApiProperty({
    example: 1,
    description:
      'Version of the rules. A tenant that never saved a model works with the built-in default, which is version 1; ' +
      'the first saved change is version 2',
  })
  version!: number;
  @ApiProperty({ enum: ['default', 'saved'], description: 'default = never saved: the built-in default model' })
  origin!: 'default' | 'saved';
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Stream revision, also sent as ETag; null (and no ETag) while the default is in force',
  })
  revision!: number | null;
  @ApiProperty({ nullable: true, type: String }) changedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) changedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ type: ScoringModelDefinitionView }) model!: ScoringModelDefinitionView;
}

/** The command response of a scoring-model change (its `id` is the tenant's: one model per tenant), and what it did. */
export class ScoringModelChangeView extends CommandResponseDto {
  @ApiProperty({ example: 2, description: 'Version now in force' }) version!: number;
  @ApiProperty({ description: 'False when the submitted rules equal the current ones (nothing saved)' })
  changed!: boolean;
}

export class ScoreLineView {
  @ApiProperty({ example: 'has-phone', description: 'Rule id, or source_prior / clamp' }) ruleId!: string;
  @ApiProperty({ enum: ['fit', 'behaviour', 'source_prior', 'clamp'] }) kind!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ example: 10 }) points!: number;
  @ApiProperty({ example: 'phone is present' }) reason!: string;
}

export class SourceConversionView {
  @ApiProperty({ enum: LEAD_SOURCES }) source!: LeadSource;
  @ApiProperty({ description: 'Leads captured from this source' }) leads!: number;
  @ApiProperty({ description: 'Of those, converted to an opportunity' }) converted!: number;
  @ApiProperty({ example: 0.21, description: 'converted / leads' }) rate!: number;
}

export class LeadScoreView {
  @ApiProperty({ example: 65, description: '0..100; the breakdown points add up to it' }) score!: number;
  @ApiProperty({ example: 65, description: 'Sum of the rule lines before clamping to 0..100' }) rawScore!: number;
  @ApiProperty({ enum: TIERS }) tier!: Tier;
  @ApiProperty({ example: 6 }) attemptTarget!: number;
  @ApiProperty({ example: 300 }) responseTargetSeconds!: number;
  @ApiProperty({ type: [ScoreLineView] }) breakdown!: ScoreLineView[];
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Version of the tenant model used; null for a submitted one',
  })
  modelVersion!: number | null;
  @ApiProperty({ type: SourceConversionView, description: 'The conversion of the lead’s source the prior was given' })
  sourceConversion!: SourceConversionView;
}
