import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CUSTOMER_ANSWERS, type CustomerAnswer } from '../domain/opportunity-vocabulary.js';

/** Body of `POST /opportunities/{id}/bid`. */
export class SubmitBidDto {
  @ApiProperty({ example: 1, description: 'The quote version the bid offers; it must have been sent' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quoteVersion!: number;
}

/** Body of `POST /opportunities/{id}/customer-answer`. */
export class CustomerAnswerDto {
  @ApiProperty({ enum: CUSTOMER_ANSWERS, example: 'accepted' })
  @IsIn(CUSTOMER_ANSWERS)
  answer!: CustomerAnswer;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Signed at the board meeting' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}
