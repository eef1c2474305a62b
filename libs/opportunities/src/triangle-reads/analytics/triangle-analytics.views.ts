import { ApiProperty } from '@nestjs/swagger';

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

export class StageVelocityReportView {
  @ApiProperty() pipelineId!: string;
  @ApiProperty({ enum: ['nearest-rank'] }) percentileMethod!: 'nearest-rank';
  @ApiProperty({ type: [StageVelocityView], description: "In the pipeline's stage order" })
  stages!: StageVelocityView[];
  @ApiProperty({ type: [SourceOutcomeView], description: 'Win rate and loss reasons by lead source' })
  bySource!: SourceOutcomeView[];
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
