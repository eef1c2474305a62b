import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** A body that must say why (a termination, a cancelled order, a rejected amendment). */
export class RequiredReasonDto {
  @ApiProperty({ example: 'The customer withdrew the order' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
