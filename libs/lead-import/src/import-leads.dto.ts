import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query options of `POST /leads/import`. */
export class ImportLeadsQueryDto {
  @ApiPropertyOptional({
    enum: ['reject', 'touch'],
    default: 'reject',
    description:
      'A row whose email or phone belongs to an existing lead: report it as a duplicate (with existingLeadId), ' +
      'or record a touch on that lead',
  })
  @IsOptional()
  @IsIn(['reject', 'touch'])
  onDuplicate?: 'reject' | 'touch';

  @ApiPropertyOptional({
    enum: ['all', 'errors'],
    default: 'all',
    description: '`errors`: results list only the rows that were not created (totals still count every row)',
  })
  @IsOptional()
  @IsIn(['all', 'errors'])
  report?: 'all' | 'errors';

  @ApiPropertyOptional({
    default: 1,
    minimum: 1,
    description:
      'The file row number of the first data row in this body, for a file sent in parts: results and the ' +
      'per-row idempotency keys (`<Idempotency-Key>:row:<n>`) then use the row numbers of the whole file',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  firstRow?: number;
}

export class ImportRowErrorView {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ example: 'isEmail', description: 'The rule broken: a validation rule, duplicate, columnCount, …' })
  rule!: string;
  @ApiProperty({ example: 'email must be an email' }) message!: string;
}

export class ImportRowResultView {
  @ApiProperty({ example: 3, description: 'Data row number in the file, from 1 (the CSV header is not a row)' })
  row!: number;
  @ApiProperty({ enum: ['created', 'duplicate', 'touched', 'invalid', 'failed'] })
  status!: 'created' | 'duplicate' | 'touched' | 'invalid' | 'failed';
  @ApiPropertyOptional({ description: 'The lead the row now lives in: the new one (created) or the touched one' })
  leadId?: string;
  @ApiPropertyOptional({ description: 'The existing lead holding the email or phone (duplicate, touched)' })
  existingLeadId?: string;
  @ApiPropertyOptional({
    enum: [true],
    description: 'Created by an earlier import with the same Idempotency-Key; nothing was written this time',
  })
  replayed?: true;
  @ApiPropertyOptional({ type: [ImportRowErrorView], description: 'Why the row was not created' })
  errors?: ImportRowErrorView[];
}

export class ImportTotalsView {
  @ApiProperty({ example: 1000 }) rows!: number;
  @ApiProperty({ example: 970, description: 'Including rows replayed with the same Idempotency-Key' })
  created!: number;
  @ApiProperty({ example: 12 }) duplicate!: number;
  @ApiProperty({ example: 0 }) touched!: number;
  @ApiProperty({ example: 18 }) invalid!: number;
  @ApiProperty({ example: 0 }) failed!: number;
}

export class ImportReportView {
  @ApiProperty({
    example: 'import_3f2a9c…',
    description:
      'Names this import on its leads; the same for every part and retry sent with one Idempotency-Key. ' +
      'Leads nobody could take yet are announced in one notification naming it',
  })
  batchId!: string;
  @ApiProperty({ type: ImportTotalsView }) totals!: ImportTotalsView;
  @ApiProperty({ type: [ImportRowResultView], description: 'One entry per row, in row order' })
  results!: ImportRowResultView[];
}
