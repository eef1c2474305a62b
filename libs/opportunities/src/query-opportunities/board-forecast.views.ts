import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CurrencyTotalView {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ description: 'Deals with an amount in this currency' }) count!: number;
  @ApiProperty({ description: 'Integer minor units' }) amountMinor!: number;
  @ApiProperty({ description: 'Σ amount × probability / 10 000, rounded half up once' }) weightedMinor!: number;
}

export class BoardColumnView {
  @ApiProperty({ example: 'bid' }) stage!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['open', 'won', 'lost', 'unknown'] }) outcome!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: [CurrencyTotalView] }) totals!: CurrencyTotalView[];
}

export class PipelineBoardView {
  @ApiProperty() pipelineId!: string;
  @ApiProperty() pipelineVersion!: number;
  @ApiProperty({ type: [BoardColumnView], description: "In the pipeline's order, empty stages included" })
  stages!: BoardColumnView[];
}

export class ForecastBucketView {
  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-04' }) month!: string | null;
  @ApiProperty({ enum: ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] }) category!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: [CurrencyTotalView] }) totals!: CurrencyTotalView[];
}

export class ForecastDeltaView {
  @ApiPropertyOptional({ nullable: true, type: String }) month!: string | null;
  @ApiProperty() category!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() countDelta!: number;
  @ApiProperty() amountDeltaMinor!: number;
  @ApiProperty() weightedDeltaMinor!: number;
}

export class ForecastFactsView {
  @ApiProperty() status!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() forecastCategory!: string;
  @ApiProperty() probabilityBp!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) amountMinor!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) currency!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closeDate!: string | null;
}

export class MovedDealView {
  @ApiProperty() opportunityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: [String],
    description:
      'opened, won, lost, reopened, pushed, pulled, close_date_set, close_date_cleared, category_changed, stage_changed, amount_changed, probability_changed',
  })
  moves!: string[];
  @ApiPropertyOptional({ nullable: true, type: () => ForecastFactsView }) before!: ForecastFactsView | null;
  @ApiProperty({ type: () => ForecastFactsView }) after!: ForecastFactsView;
}

export class ForecastMovementView {
  @ApiProperty() since!: string;
  @ApiProperty({ type: [ForecastDeltaView] }) deltas!: ForecastDeltaView[];
  @ApiProperty({ type: [MovedDealView] }) deals!: MovedDealView[];
}

export class ForecastView {
  @ApiPropertyOptional({ nullable: true, type: String }) pipelineId!: string | null;
  @ApiProperty({ type: [ForecastBucketView] }) buckets!: ForecastBucketView[];
  @ApiPropertyOptional({ nullable: true, type: () => ForecastMovementView }) movement!: ForecastMovementView | null;
}
