import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { OptionalText, Text } from './ticket-text.dto.js';

/** Body of `POST /tickets/{id}/resolve`. */
export class ResolveDto {
  @Text(10_000, 'Antennas replaced; all twelve units report again')
  resolution!: string;
}

/** Body of `POST /tickets/{id}/verify`: the check of the result. */
export class VerifyDto {
  @Text(10_000, 'Water ingress at the antenna connector')
  rootCause!: string;

  @Text(10_000, 'Sealed housings on the whole fleet')
  preventiveAction!: string;

  @ApiProperty({ description: 'No new problems were caused; false sends the ticket back to work' })
  @IsBoolean()
  noNewProblems!: boolean;

  @OptionalText(10_000)
  note?: string | null;
}

/** Body of `POST /tickets/{id}/callback`. */
export class CallbackDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 4 })
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction!: number;

  @OptionalText(10_000, 'Quick, thanks')
  comment?: string | null;
}
