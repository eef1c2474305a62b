import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEAL_GROUPINGS } from './deal-groupings.js';

export class StageVelocityView {
  @ApiProperty() stageId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Deals that ever entered the stage' }) deals!: number;
  @ApiProperty({ description: 'Stays in the stage that ended (the days are over these)' }) completedVisits!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Median days in the stage (nearest rank)' })
  medianDays!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '90th percentile days in the stage (nearest rank)' })
  p90Days!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The next stage in order (lost is never next)' })
  nextStageId!: string | null;
  @ApiProperty({ description: 'Deals that entered this stage and later the next' }) convertedToNext!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'convertedToNext / deals' }) conversionRate!: number | null;
}

export class LossReasonCountView {
  @ApiProperty() reasonCode!: string;
  @ApiProperty() count!: number;
}

export class SourceOutcomeView {
  @ApiProperty({ nullable: true, type: String, description: 'Lead source; null: opened directly' })
  source!: string | null;
  @ApiProperty() deals!: number;
  @ApiProperty() open!: number;
  @ApiProperty() won!: number;
  @ApiProperty() lost!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'won / (won + lost)' }) winRate!: number | null;
  @ApiProperty({ type: [LossReasonCountView] }) lossReasons!: LossReasonCountView[];
}

const GROUP_KEY = {
  nullable: true,
  type: String,
  description: "The lead source, the deal's team or its AR; null: from no lead, opened in no team, no AR",
} as const;

export class GroupStageVelocityView {
  @ApiProperty(GROUP_KEY) key!: string | null;
  @ApiProperty({ description: "The group's deals in the pipeline" }) deals!: number;
  @ApiProperty({ type: [StageVelocityView], description: "In the pipeline's stage order, over the group's deals" })
  stages!: StageVelocityView[];
}

export class StageVelocityReportView {
  @ApiProperty() pipelineId!: string;
  @ApiProperty({ enum: ['nearest-rank'] }) percentileMethod!: 'nearest-rank';
  @ApiProperty({ type: [StageVelocityView], description: "In the pipeline's stage order" })
  stages!: StageVelocityView[];
  @ApiProperty({ type: [SourceOutcomeView], description: 'Win rate and loss reasons by lead source' })
  bySource!: SourceOutcomeView[];
  @ApiPropertyOptional({ enum: DEAL_GROUPINGS, description: 'The grouping asked for (`by`); absent without one' })
  by?: string;
  @ApiPropertyOptional({
    type: [GroupStageVelocityView],
    description: 'With `by`: the stages per source, team or AR, keys in order, null last',
  })
  groups?: GroupStageVelocityView[];
}

export class DealOutcomeView {
  @ApiProperty(GROUP_KEY) key!: string | null;
  @ApiProperty() deals!: number;
  @ApiProperty() open!: number;
  @ApiProperty() won!: number;
  @ApiProperty() lost!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'won / (won + lost); null while none closed' })
  winRate!: number | null;
  @ApiProperty({ type: [LossReasonCountView], description: 'Most frequent first' }) lossReasons!: LossReasonCountView[];
}

export class WinRateReportView {
  @ApiProperty({ nullable: true, type: String, description: 'The pipeline filtered on; null = all' })
  pipelineId!: string | null;
  @ApiProperty({ enum: DEAL_GROUPINGS }) by!: string;
  @ApiProperty({ type: [DealOutcomeView], description: 'Keys in order, null last' })
  groups!: DealOutcomeView[];
}

export class StageDaysView {
  @ApiProperty() stageId!: string;
  @ApiProperty({ description: 'Finished stays counted' }) stays!: number;
  @ApiProperty({ nullable: true, type: Number }) medianDays!: number | null;
}

export class ScoreFiguresView {
  @ApiProperty() deals!: number;
  @ApiProperty() won!: number;
  @ApiProperty() lost!: number;
  @ApiProperty({ nullable: true, type: Number }) winRate!: number | null;
  @ApiProperty({ type: [StageDaysView], description: 'Median days per stage while leading' })
  medianDaysPerStage!: StageDaysView[];
  @ApiProperty({ nullable: true, type: Number }) medianHandoffAcceptanceSeconds!: number | null;
  @ApiProperty() handoffsOverdue!: number;
}

export class TriangleScoreView extends ScoreFiguresView {
  @ApiProperty({ nullable: true, type: String }) ar!: string | null;
  @ApiProperty({ nullable: true, type: String }) sr!: string | null;
  @ApiProperty({ nullable: true, type: String }) fr!: string | null;
}

export class PersonScoreView extends ScoreFiguresView {
  @ApiProperty() personId!: string;
  @ApiProperty({ enum: ['ar', 'sr', 'fr'] }) role!: string;
}

export class TriangleScorecardView {
  @ApiProperty({ nullable: true, type: String, description: 'The pipeline filtered on; null = all' })
  pipelineId!: string | null;
  @ApiProperty({ type: [TriangleScoreView], description: 'Per triangle (AR, SR, FR as they stand now)' })
  triangles!: TriangleScoreView[];
  @ApiProperty({
    type: [PersonScoreView],
    description: 'Per person in each role (days and handoffs: while leading / asked of them)',
  })
  people!: PersonScoreView[];
}
