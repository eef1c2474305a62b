import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Rates are basis points (10 000 = 100 %), rounded; null when there is nothing to rate. */
const RATE = 'Basis points (10 000 = 100 %); null when the count it is out of is 0';

export class SlaBucketView {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The priority, line, group, category or month (YYYY-MM) of acceptance; null: none',
  })
  bucket!: string | null;
  @ApiProperty({ description: 'Tickets accepted in the period' }) tickets!: number;
  @ApiProperty({ description: 'First responses given' }) responses!: number;
  @ApiProperty({ description: 'First responses within target (TicketResponded.withinTarget)' })
  responsesOnTime!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: RATE }) responseOnTimeBp!: number | null;
  @ApiProperty({
    description: 'Tickets resolved at least once, each by its latest resolution (also when reopened since)',
  })
  resolutions!: number;
  @ApiProperty({ description: 'Latest resolutions within target (TicketResolved.withinTarget)' })
  resolutionsOnTime!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: RATE }) resolutionOnTimeBp!: number | null;
  @ApiProperty({ description: 'Tickets whose response clock breached' }) responseBreaches!: number;
  @ApiProperty({ description: 'Tickets whose resolution clock breached' }) resolutionBreaches!: number;
  @ApiProperty({ description: 'Open or waiting now with a running clock warned and not breached' }) atRisk!: number;
  @ApiProperty({ description: 'Open or waiting now with a breached clock' }) breached!: number;
}

export class SlaAnalyticsView {
  @ApiProperty({ enum: ['priority', 'line', 'group', 'category', 'month'] }) groupBy!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'YYYY-MM-DD, inclusive (UTC)' })
  from!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'YYYY-MM-DD, inclusive (UTC)' })
  to!: string | null;
  @ApiProperty({ type: [SlaBucketView] }) buckets!: SlaBucketView[];
}

export class OlaBucketView {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The line (1–3) or group; null: none' })
  bucket!: string | null;
  @ApiProperty() tasks!: number;
  @ApiProperty() done!: number;
  @ApiProperty() doneOnTime!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: `Done on time out of done. ${RATE}` })
  onTimeBp!: number | null;
  @ApiProperty({ description: 'Open tasks past their due instant' }) overdueOpen!: number;
}

export class OlaAnalyticsView {
  @ApiProperty({ enum: ['line', 'group'] }) groupBy!: string;
  @ApiProperty({ type: [OlaBucketView] }) buckets!: OlaBucketView[];
}

export class SatisfactionDistributionView {
  @ApiProperty({ name: '1' }) 1!: number;
  @ApiProperty({ name: '2' }) 2!: number;
  @ApiProperty({ name: '3' }) 3!: number;
  @ApiProperty({ name: '4' }) 4!: number;
  @ApiProperty({ name: '5' }) 5!: number;
}

export class CsatBucketView {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The group, category or engineer; null: none' })
  bucket!: string | null;
  @ApiProperty({ description: 'Callbacks recorded (a ticket reopened and called back again counts twice)' })
  callbacks!: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Average satisfaction in integer hundredths (432 = 4.32); null without callbacks',
  })
  averageSatisfactionHundredths!: number | null;
  @ApiProperty({ type: () => SatisfactionDistributionView, description: 'Callbacks per satisfaction 1–5' })
  distribution!: SatisfactionDistributionView;
  @ApiProperty({ description: 'Tickets closed (at least once)' }) closed!: number;
  @ApiProperty({ description: 'Tickets reopened at least once' }) reopened!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: `Reopened out of closed. ${RATE}` })
  reopenRateBp!: number | null;
}

export class CsatAnalyticsView {
  @ApiProperty({ enum: ['group', 'category', 'engineer'] }) groupBy!: string;
  @ApiProperty({ type: [CsatBucketView] }) buckets!: CsatBucketView[];
}
