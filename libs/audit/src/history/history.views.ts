import { ApiProperty } from '@nestjs/swagger';
import type { CauseKind } from './history-entry.view.js';

class ActorView {
  @ApiProperty({ example: 'rep-ingrid' }) userId!: string;
  @ApiProperty({ example: 'ar', description: 'The role the person acted in; system for the engine itself' })
  role!: string;
}

class CauseDto {
  @ApiProperty({
    enum: ['command', 'process', 'timer', 'unknown'],
    description:
      "command: a person's command; process: the engine reacting to an earlier event; timer: a durable timer came due",
  })
  kind!: CauseKind;
  @ApiProperty({ example: 'command by rep-ingrid (ar)' }) description!: string;
  @ApiProperty({ nullable: true, type: String }) eventId!: string | null;
  @ApiProperty({ nullable: true, type: String }) type!: string | null;
  @ApiProperty({ nullable: true, type: String }) stream!: string | null;
}

export class HistoryEntryDto {
  @ApiProperty({ description: 'Global position in the log (a decimal string): the order of the history' })
  position!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ nullable: true, type: String }) dealId!: string | null;
  @ApiProperty({ example: 'lead-0b6c1f5e-7d0a-4c53-9f3e-2a1d5c7e9b10' }) stream!: string;
  @ApiProperty({ example: 'lead', description: 'lead, opportunity, contract, ticket, timer, …' }) kind!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ example: 'LeadQualified' }) type!: string;
  @ApiProperty({ example: 'Lead qualified · reason Budget confirmed' }) summary!: string;
  @ApiProperty({ description: "When it happened by the engine's clock (ISO-8601)" }) occurredAt!: string;
  @ApiProperty({ description: 'When the store recorded it (ISO-8601)' }) recordedAt!: string;
  @ApiProperty({ type: ActorView }) actor!: ActorView;
  @ApiProperty() commandId!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty({ type: CauseDto }) cause!: CauseDto;
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistoryEntryDto] }) entries!: HistoryEntryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last one' })
  nextCursor!: string | null;
}

export class DealHistoryDto extends HistoryPageDto {
  @ApiProperty() dealId!: string;
}

export class ActorActivityDto extends HistoryPageDto {
  @ApiProperty() userId!: string;
}

export class CausalChainDto {
  @ApiProperty() dealId!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({
    type: [HistoryEntryDto],
    description: 'From the first cause the log holds (a command, when complete) down to the event',
  })
  chain!: HistoryEntryDto[];
  @ApiProperty({ description: "True when the chain starts at a person's command" }) complete!: boolean;
}
