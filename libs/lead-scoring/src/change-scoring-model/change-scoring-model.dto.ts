import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsObject, IsOptional, IsString, Length } from 'class-validator';
import { BehaviourRuleView, FitRuleView, SourcePriorView, TierPoliciesView } from '../scoring-model.views.js';

/**
 * Body of `PUT /scoring-models/current`: the model without its version, plus why.
 * Only the outer shape is checked here; the domain validates every rule and answers
 * 400 naming the field path (`fitRules[0].op`), so nested fields are not stripped.
 */
export class ChangeScoringModelDto {
  @ApiProperty({ type: [FitRuleView] })
  @IsArray()
  fitRules!: unknown[];

  @ApiProperty({ type: [BehaviourRuleView] })
  @IsArray()
  behaviourRules!: unknown[];

  @ApiProperty({ type: SourcePriorView })
  @IsObject()
  sourcePrior!: Record<string, unknown>;

  @ApiProperty({ type: TierPoliciesView })
  @IsObject()
  tiers!: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'Why the model changed, e.g. the sales feedback behind it; kept in the history',
    example: 'Webinar leads converted better than scored this quarter',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
