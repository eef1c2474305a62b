import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** Body of `POST /contracts`: the won deal whose contract to draft (the contract takes the deal's id). */
export class DraftContractDto {
  @ApiProperty({ format: 'uuid', description: 'The won deal (opportunity) id' })
  @IsUUID('all')
  dealId!: string;
}
