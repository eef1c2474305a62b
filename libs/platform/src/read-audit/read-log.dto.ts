import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { CursorPageQueryDto, USER_ID_PATTERN } from '../http/common.dto.js';

export class ReadLogQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ description: 'Reads at or after this instant (ISO-8601); default 30 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Reads before this instant (ISO-8601); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Only the reads of this user (token subject)', example: 'rep-ingrid' })
  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: 'actor must be a user id (letters, digits, . _ : @ | + -)' })
  actor?: string;

  @ApiPropertyOptional({
    description:
      'Only reads of this kind: raw_stream, deal_history, actor_activity, data_subject_export, data_subject_lookup, event_export',
    example: 'deal_history',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,49}$/, { message: 'kind must be a read kind such as deal_history' })
  kind?: string;
}

export class ReadActorView {
  @ApiProperty({ example: 'auditor-anna' }) userId!: string;
  @ApiProperty({ example: 'auditor', description: 'The role the read was made in' }) role!: string;
}

export class ReadEntryView {
  @ApiProperty({ description: 'When the read was answered (engine clock)' }) at!: string;
  @ApiProperty({ type: ReadActorView }) actor!: ReadActorView;
  @ApiProperty({ example: 'deal_history' }) kind!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The stream, deal, user or data subject read' })
  target!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The query as sent',
    example: { from: '2026-03-01T00:00:00Z' },
  })
  filters!: Record<string, string>;
  @ApiProperty({ example: 'text/csv', description: 'application/json for a page; text/csv or NDJSON for an export' })
  format!: string;
  @ApiProperty({ example: 'GET /deals/:dealId/history' }) route!: string;
  @ApiPropertyOptional({ description: 'Records handed out, where counted (CLI exports)' }) records?: number;
  @ApiProperty({ description: 'The ReadRecorded event (GET /streams/{stream} shows it raw)' }) eventId!: string;
  @ApiProperty({ example: 'readAudit-acme:2026-03-02' }) stream!: string;
}

export class ReadLogView {
  @ApiProperty({ type: [ReadEntryView] }) entries!: ReadEntryView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
}
