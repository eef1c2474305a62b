import { ApiProperty } from '@nestjs/swagger';

export class ComparisonRowView {
  @ApiProperty({ example: 'rep-ingrid' })
  key!: string;

  @ApiProperty({ description: 'What happened', example: 14 })
  actual!: number;

  @ApiProperty({ description: 'What would have happened under the proposal', example: 11 })
  simulated!: number;

  @ApiProperty({ description: 'simulated − actual', example: -3 })
  difference!: number;
}

export class ComparisonSectionView {
  @ApiProperty({ example: 'assignments_per_rep' })
  name!: string;

  @ApiProperty({ example: 'Leads assigned per rep' })
  title!: string;

  @ApiProperty({ example: 'leads' })
  unit!: string;

  @ApiProperty({ type: [ComparisonRowView] })
  rows!: ComparisonRowView[];
}

export class SimulationPeriodView {
  @ApiProperty({ example: '2026-09-01T00:00:00.000Z' })
  from!: string;

  @ApiProperty({ example: '2026-12-01T00:00:00.000Z' })
  to!: string;
}

export class SimulationResultView {
  @ApiProperty({ example: 'lead_distribution' })
  kind!: string;

  @ApiProperty({ type: SimulationPeriodView })
  period!: SimulationPeriodView;

  @ApiProperty({ nullable: true, type: String, example: null })
  scope!: string | null;

  @ApiProperty({
    enum: ['proposed', 'recorded'],
    description: '`recorded`: no policy was sent, so the replay ran under the policies in force at the time',
  })
  policy!: 'proposed' | 'recorded';

  @ApiProperty({ description: 'Events of the tenant the replay read', example: 48211 })
  eventsRead!: number;

  @ApiProperty({ type: [ComparisonSectionView] })
  sections!: ComparisonSectionView[];

  @ApiProperty({ type: [String], description: 'What the replay could not know, and how it filled it in' })
  assumptions!: string[];
}

export class SimulationKindView {
  @ApiProperty({ example: 'lead_distribution' })
  kind!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ type: [String], example: ['sales_manager'] })
  roles!: string[];

  @ApiProperty({ nullable: true, type: String, example: 'a sales team id' })
  scope!: string | null;
}
