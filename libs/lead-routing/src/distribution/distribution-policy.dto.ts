import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, Matches } from 'class-validator';
import { LEAD_SOURCES, ESCALATIONS, TIERS } from '#ltc/leads/domain';
import { CONCRETE_METHODS, DEFAULT_DISTRIBUTION_POLICY, DISTRIBUTION_METHODS } from './domain/distribution-policy.js';
import { POLICY_LIMITS } from './domain/validate-distribution-policy.js';

const d = DEFAULT_DISTRIBUTION_POLICY;

/** A team id, or `default` for the tenant-wide policy. */
export class PolicyTeamParamDto {
  @ApiProperty({
    example: 'default',
    description: 'A team id, or `default` for the policy of every team without its own',
  })
  @Matches(/^[a-z0-9][a-z0-9_-]{0,62}$/, {
    message: 'team must be a slug: lower-case letters, digits, - and _ (at most 63), e.g. emea-north',
  })
  team!: string;
}

class HybridRulesDoc {
  @ApiPropertyOptional({
    description: `Method per lead source (${LEAD_SOURCES.join(', ')})`,
    example: { partner: 'manual', sales_generated: 'cherry_pick' },
  })
  bySource?: Record<string, string>;
  @ApiPropertyOptional({ enum: CONCRETE_METHODS, description: 'Method for inbound leads without a source rule' })
  inbound?: string;
  @ApiPropertyOptional({ enum: CONCRETE_METHODS, description: 'Method for outbound leads without a source rule' })
  outbound?: string;
  @ApiProperty({ enum: CONCRETE_METHODS }) default!: string;
}

class ResponseTargetsDoc {
  @ApiPropertyOptional({ default: d.responseTargetSeconds.default, minimum: 1, description: 'Seconds' })
  default?: number;
  @ApiPropertyOptional({ description: `Seconds per tier (${TIERS.join(', ')})`, example: { A: 120 } })
  byTier?: Record<string, number>;
  @ApiPropertyOptional({ description: 'Seconds per lead source', example: { website: 300 } })
  bySource?: Record<string, number>;
}

class CadenceRuleDoc {
  @ApiProperty({ minimum: POLICY_LIMITS.attempts.min, maximum: POLICY_LIMITS.attempts.max, example: 6 })
  attempts!: number;
  @ApiProperty({ description: 'Minutes between two attempts (fractions allowed)', example: 240 })
  gapMinutes!: number;
}

class CadenceDoc {
  @ApiPropertyOptional({ type: CadenceRuleDoc, default: d.cadence.A }) A?: CadenceRuleDoc;
  @ApiPropertyOptional({ type: CadenceRuleDoc, default: d.cadence.B }) B?: CadenceRuleDoc;
  @ApiPropertyOptional({ type: CadenceRuleDoc, default: d.cadence.C }) C?: CadenceRuleDoc;
}

class RecycleDoc {
  @ApiPropertyOptional({ default: d.recycle.idleDays, description: 'Days without progress (fractions allowed)' })
  idleDays?: number;
  @ApiPropertyOptional({ default: d.recycle.warnDaysBefore, description: 'Warn the owner this many days before' })
  warnDaysBefore?: number;
  @ApiPropertyOptional({ default: d.recycle.archiveAfterDays, description: 'Archive after this many days in the pool' })
  archiveAfterDays?: number;
  @ApiPropertyOptional({ enum: ['pool', 'redistribute'], default: d.recycle.onRecycle })
  onRecycle?: string;
}

class DealSizeBandsDoc {
  @ApiPropertyOptional({ default: d.dealSizeBands.medium, description: 'Smallest medium deal' }) medium?: number;
  @ApiPropertyOptional({ default: d.dealSizeBands.large }) large?: number;
  @ApiPropertyOptional({ default: d.dealSizeBands.enterprise }) enterprise?: number;
}

/**
 * Body of `PUT /distribution-policies/{team}`: the whole policy; omitted fields take the
 * defaults. Checked field by field by the policy decider (400 naming the field path).
 */
export class DistributionPolicyDto {
  @ApiPropertyOptional({ enum: DISTRIBUTION_METHODS, default: d.method })
  @Allow()
  method?: unknown;

  @ApiPropertyOptional({ type: HybridRulesDoc, description: 'Required when method is hybrid' })
  @Allow()
  hybrid?: unknown;

  @ApiPropertyOptional({
    default: d.offerTimeoutSeconds,
    type: 'integer',
    minimum: POLICY_LIMITS.offerTimeoutSeconds.min,
    maximum: POLICY_LIMITS.offerTimeoutSeconds.max,
    description: 'Shotgun: seconds a rep has to accept',
  })
  @Allow()
  offerTimeoutSeconds?: unknown;

  @ApiPropertyOptional({
    default: d.maxOfferRounds,
    type: 'integer',
    minimum: POLICY_LIMITS.maxOfferRounds.min,
    maximum: POLICY_LIMITS.maxOfferRounds.max,
    description: 'Shotgun: offers before the lead goes to the pool',
  })
  @Allow()
  maxOfferRounds?: unknown;

  @ApiPropertyOptional({
    default: d.claimCapPerRep,
    type: 'integer',
    minimum: POLICY_LIMITS.claimCapPerRep.min,
    maximum: POLICY_LIMITS.claimCapPerRep.max,
    description: 'Pull: most open leads a rep may hold and still claim',
  })
  @Allow()
  claimCapPerRep?: unknown;

  @ApiPropertyOptional({
    type: ResponseTargetsDoc,
    description: 'Seconds to the first contact; the tighter override wins',
  })
  @Allow()
  responseTargetSeconds?: unknown;

  @ApiPropertyOptional({
    default: d.warningPercent,
    type: 'integer',
    minimum: POLICY_LIMITS.warningPercent.min,
    maximum: POLICY_LIMITS.warningPercent.max,
    description: 'Warn the owner when this share of the target passed',
  })
  @Allow()
  warningPercent?: unknown;

  @ApiPropertyOptional({ enum: ESCALATIONS, default: d.escalation })
  @Allow()
  escalation?: unknown;

  @ApiPropertyOptional({ type: CadenceDoc, description: 'Contact attempts and the gap between them, per tier' })
  @Allow()
  cadence?: unknown;

  @ApiPropertyOptional({ type: RecycleDoc })
  @Allow()
  recycle?: unknown;

  @ApiPropertyOptional({ type: DealSizeBandsDoc, description: 'Lower bounds of the deal-size bands territories name' })
  @Allow()
  dealSizeBands?: unknown;
}

/** `GET /distribution-policies/{team}`: the policy that applies and where it comes from. */
export class DistributionPolicyView {
  @ApiProperty({ example: 'default' }) team!: string;
  @ApiProperty({
    enum: ['team', 'tenant', 'built_in'],
    description: "team: the team's own; tenant: the `default` team's; built_in: nobody saved one",
  })
  from!: 'team' | 'tenant' | 'built_in';
  @ApiProperty({ nullable: true, type: Number, description: 'Version of the saved policy; null for the built-in' })
  version!: number | null;
  @ApiProperty({ type: DistributionPolicyDto, description: 'Complete, with every default filled in' })
  policy!: unknown;
  @ApiProperty({ nullable: true, type: String }) changedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) changedAt!: string | null;
}
