import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches } from 'class-validator';

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

export class FindSubjectsQueryDto {
  @ApiPropertyOptional({ example: 'anna@kestrel.example', description: 'Compared trimmed and lower-cased' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 320)
  email?: string;

  @ApiPropertyOptional({ example: '+44 20 7946 0958', description: 'Compared by its digits (and a leading +)' })
  @IsOptional()
  @IsString()
  @Matches(/\d/, { message: 'phone must contain digits' })
  @Length(1, 50)
  phone?: string;
}

export class FoundSubjectView {
  @ApiProperty({ example: 'lead-0b6c1f5e-7d0a-4c53-9f3e-2a1d5c7e9b10' }) subjectId!: string;
}

export class FoundSubjectsView {
  @ApiProperty({
    type: [FoundSubjectView],
    description: 'The subjects of this tenant reached by that email or phone; erased subjects are never found',
  })
  subjects!: FoundSubjectView[];
}
