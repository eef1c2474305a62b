import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class SubjectIdParamDto {
  @ApiProperty({
    example: 'lead-0b6c1f5e-7d0a-4c53-9f3e-2a1d5c7e9b10',
    description: 'A data subject id, e.g. the `contactSubjectId` of a lead',
  })
  @Matches(/^[a-zA-Z][a-zA-Z0-9]*-[A-Za-z0-9_.:-]{1,200}$/, { message: 'id must be a data subject id (<kind>-<id>)' })
  id!: string;
}

export class EraseSubjectDto {
  @ApiProperty({
    example: 'Art. 17 request, ticket PRIV-2041',
    description: 'Why the subject is erased; kept in the log, so it must not itself name the person',
  })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class ErasureView {
  @ApiProperty() subjectId!: string;
  @ApiProperty() erasedAt!: string;
  @ApiProperty({ description: 'Who erased it (user id)' }) erasedBy!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'True when the subject had been erased before this request (nothing changed)' })
  alreadyErased!: boolean;
}

export class PersonalRecordView {
  @ApiProperty() stream!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'LeadCaptured' }) type!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { 'contact.email': 'anna@kestrel.example' },
    description: 'The personal values of the event, by field path; `[erased]` once the subject is erased',
  })
  values!: Record<string, unknown>;
}

export class SubjectExportView {
  @ApiProperty() subjectId!: string;
  @ApiProperty({ enum: ['active', 'erased'] }) status!: 'active' | 'erased';
  @ApiPropertyOptional({ nullable: true, type: String }) erasedAt!: string | null;
  @ApiProperty({ type: [PersonalRecordView], description: 'Every event holding personal data of the subject' })
  records!: PersonalRecordView[];
}
