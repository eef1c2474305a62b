import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEAD_SOURCES, type LeadSource } from '../domain/lead-sources.js';

/** Answer to every lead command: the lead, its new revision (also in ETag) and the events written. */
export class CommandResponseDto {
  @ApiProperty({ example: '0b6c1f5e-7d0a-4c53-9f3e-2a1d5c7e9b10' })
  id!: string;
  @ApiProperty({ nullable: true, type: Number, example: 0, description: 'Stream revision; send it back in If-Match' })
  revision!: number | null;
  @ApiProperty({ example: [{ id: 'e1', type: 'LeadCaptured', revision: 0 }] })
  events!: { id: string; type: string; revision: number }[];
}

/** A lead as the lead list read model shows it. */
export class LeadView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'new' }) status!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) company!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactPerson!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ enum: LEAD_SOURCES }) source!: LeadSource;
  @ApiPropertyOptional({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ description: 'False when the lead has no email or phone' }) complete!: boolean;
  @ApiProperty({ description: 'ISO time the lead was captured' }) capturedAt!: string;
  @ApiProperty({ description: 'Stream revision the view reflects; compare with ETag of commands' }) revision!: number;
}

export class LeadPageView {
  @ApiProperty({ type: [LeadView] }) items!: LeadView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
