import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsUUID, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { CUSTOMER_ACCOUNT, CUSTOMER_ACCOUNT_RULE } from '../customer-account.js';
import { CHANNELS, LEVELS, PRIORITIES, type Channel, type Level, type Priority } from '../domain/service-vocabulary.js';
import { OneOf, OptionalGroup, OptionalOneOf, OptionalPerson, OptionalText, Text } from './ticket-text.dto.js';

export class ContactDto {
  @OptionalText(200, 'Nils Berg')
  name?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'nils@nordfrakt.example' })
  @ValidateIf((_o, value) => value !== undefined && value !== null)
  @IsEmail({}, { message: 'contact.email must be an email address' })
  email?: string | null;

  @OptionalText(50, '+46 8 123 45 67')
  phone?: string | null;
}

/** Priority set directly, or impact and urgency (the matrix gives the priority). */
class GradingDto {
  @OptionalOneOf(PRIORITIES)
  priority?: Priority | null;

  @OptionalOneOf(LEVELS)
  impact?: Level | null;

  @OptionalOneOf(LEVELS)
  urgency?: Level | null;
}

/** Body of `POST /tickets`. */
export class AcceptTicketDto extends GradingDto {
  @OneOf(CHANNELS, 'hotline')
  channel!: Channel;

  @ApiProperty({ example: 'Nordfrakt AB', pattern: CUSTOMER_ACCOUNT.source })
  @Matches(CUSTOMER_ACCOUNT, { message: `customerAccount ${CUSTOMER_ACCOUNT_RULE}` })
  customerAccount!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: "The customer's contract: its entitlement decides the SLA policy (else the tenant's default)",
  })
  @ValidateIf((_o, value) => value !== undefined && value !== null)
  @IsUUID('all', { message: 'contractId must be a contract id (a UUID)' })
  contractId?: string | null;

  @ApiPropertyOptional({ type: ContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;

  @OptionalText(200, 'TLM-100')
  product?: string | null;

  @OptionalText(200, 'hardware')
  category?: string | null;

  @Text(500, 'Telematics units offline')
  subject!: string;

  @OptionalText(20_000, 'Twelve trucks stopped reporting positions this morning.')
  description?: string | null;
}

/** Body of `POST /tickets/{id}/grade`: a new grading, category or product (what is absent stays). */
export class GradeTicketDto extends GradingDto {
  @OptionalText(200)
  category?: string | null;

  @OptionalText(200)
  product?: string | null;

  @OptionalText(2_000, 'Whole fleet affected')
  reason?: string | null;
}

/** Who is to own work: a service group, an engineer or both. */
export class OwnerDto {
  @OptionalGroup()
  group?: string | null;

  @OptionalPerson('engineer')
  engineer?: string | null;
}

export const ownerOf = (dto: OwnerDto) => ({ group: dto.group ?? null, engineer: dto.engineer ?? null });

/** Body of `POST /tickets/{id}/assign`. */
export class AssignTicketDto extends OwnerDto {
  @OptionalText(2_000)
  reason?: string | null;
}

/** Body of `POST /tickets/{id}/respond`. */
export class RespondDto {
  @Text(10_000, 'We are on it; an engineer calls you within the hour.')
  message!: string;
}

/** Body of `POST /tickets/{id}/sla-policy/reapply`. */
export class ReapplyPolicyDto {
  @OptionalText(2_000, 'Customer upgraded to the gold contract')
  reason?: string | null;
}

export const gradingOf = (dto: GradingDto) => ({
  priority: dto.priority ?? null,
  impact: dto.impact ?? null,
  urgency: dto.urgency ?? null,
});
