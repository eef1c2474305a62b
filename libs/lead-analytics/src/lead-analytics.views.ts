import { ApiProperty } from '@nestjs/swagger';

/** The window a report covers, as applied. */
export class AnalysisWindowView {
  @ApiProperty({ nullable: true, type: String, description: 'Inclusive start; null = the beginning' })
  from!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Exclusive end (the day after a date-only `to`); null = none',
  })
  before!: string | null;
}

export class SpeedToLeadFiguresView {
  @ApiProperty({ description: 'Assignments made in the window' }) assignments!: number;
  @ApiProperty({ description: 'Of those, contacted at least once' }) contacted!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Median seconds to first contact (nearest rank)' })
  medianSeconds!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '90th percentile seconds to first contact (nearest rank)' })
  p90Seconds!: number | null;
  @ApiProperty({ description: 'First contacts made by the due time' }) withinTarget!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'withinTarget / assignments whose target is decided (contacted, overdue, or left uncontacted after the due time); null when none is',
  })
  withinTargetShare!: number | null;
  @ApiProperty({ description: 'Still owned and not contacted yet' }) waiting!: number;
  @ApiProperty({ description: 'Waiting and past the due time now' }) overdue!: number;
}

export class SpeedToLeadGroupView extends SpeedToLeadFiguresView {
  @ApiProperty({ nullable: true, type: String, description: 'The source, rep or team; null = reps without a team' })
  key!: string | null;
}

export class SpeedToLeadReportView {
  @ApiProperty({ type: AnalysisWindowView }) window!: AnalysisWindowView;
  @ApiProperty({ enum: ['source', 'rep', 'team'] }) groupBy!: string;
  @ApiProperty({ description: 'The time overdue is judged at' }) asOf!: string;
  @ApiProperty({
    example: 'nearest-rank',
    description: 'Percentiles are the observed value at rank ceil(p/100 × n) of the sorted times; no interpolation',
  })
  percentileMethod!: string;
  @ApiProperty({ type: SpeedToLeadFiguresView }) total!: SpeedToLeadFiguresView;
  @ApiProperty({ type: [SpeedToLeadGroupView] }) groups!: SpeedToLeadGroupView[];
}

export class DisqualifyReasonView {
  @ApiProperty({ example: 'no_budget' }) reasonCode!: string;
  @ApiProperty() count!: number;
}

/** An amount won in one currency: integer minor units (never summed across currencies). */
export class WonValueView {
  @ApiProperty({ description: 'Integer minor units', example: 25_000_00 }) amountMinor!: number;
  @ApiProperty({ description: 'ISO 4217 code', example: 'EUR' }) currency!: string;
}

export class FunnelTotalsView {
  @ApiProperty({ description: 'Leads captured in the window' }) captured!: number;
  @ApiProperty({ description: 'Of those, ever qualified (converted ones included)' }) qualified!: number;
  @ApiProperty({ description: 'Of those, converted to an opportunity' }) converted!: number;
  @ApiProperty({ description: 'Of those, disqualified' }) disqualified!: number;
  @ApiProperty({ description: 'Neither converted nor disqualified yet' }) open!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'converted / captured' }) conversionRate!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'qualified / captured' })
  qualificationRate!: number | null;
  @ApiProperty({ description: 'Deals opened from these leads that are won now (a reopened deal no longer counts)' })
  wonDeals!: number;
  @ApiProperty({ type: [WonValueView], description: "The won deals' value, one amount per currency" })
  wonValue!: WonValueView[];
}

export class SourceConversionView extends FunnelTotalsView {
  @ApiProperty({ description: '1 = converts best; ties by more leads, then by name' }) rank!: number;
  @ApiProperty({ example: 'website' }) source!: string;
  @ApiProperty({ type: [DisqualifyReasonView], description: 'The three most frequent, most first' })
  topDisqualifyReasons!: DisqualifyReasonView[];
}

export class ConversionBySourceView {
  @ApiProperty({ type: AnalysisWindowView, description: 'By capture date: each lead counts in its capture cohort' })
  window!: AnalysisWindowView;
  @ApiProperty({ type: FunnelTotalsView, description: 'The tenant average: every lead of the window pooled' })
  average!: FunnelTotalsView;
  @ApiProperty({ type: [SourceConversionView] }) sources!: SourceConversionView[];
}

export class MethodCountView {
  @ApiProperty({ example: 'round_robin' }) method!: string;
  @ApiProperty() assignments!: number;
}

export class MethodShareView extends MethodCountView {
  @ApiProperty({ nullable: true, type: Number, description: 'Of all assignments in the window' }) share!: number | null;
}

export class RepDistributionView {
  @ApiProperty() repId!: string;
  @ApiProperty({ nullable: true, type: String, description: "The rep's team today" }) teamId!: string | null;
  @ApiProperty({ description: 'Assignments in the window' }) assignments!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Of all assignments in the window' }) share!: number | null;
  @ApiProperty({ type: [MethodCountView] }) byMethod!: MethodCountView[];
  @ApiProperty({ description: 'Open leads now, by the distribution ledger (as GET /distribution/workload)' })
  openLeads!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'maxOpenLeads; null for a rep the organisation does not know',
  })
  capacity!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'openLeads / capacity' }) utilisation!: number | null;
  @ApiProperty() overCapacity!: boolean;
}

export class DistributionReportView {
  @ApiProperty({ type: AnalysisWindowView, description: 'By assignment time' }) window!: AnalysisWindowView;
  @ApiProperty({ nullable: true, type: String }) method!: string | null;
  @ApiProperty() totalAssignments!: number;
  @ApiProperty({ type: [MethodShareView] }) methods!: MethodShareView[];
  @ApiProperty({ type: [RepDistributionView] }) reps!: RepDistributionView[];
  @ApiProperty({ type: [String], description: 'Reps holding more open leads than their capacity' })
  overCapacity!: string[];
}

export class ConversionGroupView {
  @ApiProperty({ example: 'within_5_min', description: 'The source, tier, method, response band or attempt count' })
  group!: string;
  @ApiProperty({ description: 'Leads captured in the window' }) leads!: number;
  @ApiProperty({ description: 'Of them, converted to an opportunity' }) converted!: number;
  @ApiProperty({ description: 'Of them, whose deal was won' }) won!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Lead → opportunity: converted / leads' })
  conversionRate!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Lead → won: won / leads' }) wonRate!: number | null;
}

export class ConversionByView {
  @ApiProperty({ type: AnalysisWindowView }) window!: AnalysisWindowView;
  @ApiProperty({ enum: ['source', 'tier', 'method', 'response', 'attempts'] }) by!: string;
  @ApiProperty({ type: ConversionGroupView, description: 'Every lead of the window' }) total!: ConversionGroupView;
  @ApiProperty({ type: [ConversionGroupView] }) groups!: ConversionGroupView[];
}
