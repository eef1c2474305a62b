import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class LeadIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;
}
