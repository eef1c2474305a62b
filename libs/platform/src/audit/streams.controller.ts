import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { NotFoundError } from '#ltc/kernel';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { AuditedRead } from '../read-audit/audited-read.decorator.js';
import { Ctx, type RequestContext } from '../http/request-context.js';

class StreamQueryDto {
  @ApiPropertyOptional({ description: 'First revision to return', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  fromRevision?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

class StreamParamDto {
  @ApiProperty({ example: 'lead-0b6c1f5e-7d0a-4c53-9f3e-2a1d5c7e9b10' })
  @Matches(/^[a-zA-Z][a-zA-Z0-9]*-[A-Za-z0-9_.:-]{1,200}$/, { message: 'stream must look like <category>-<id>' })
  stream!: string;
}

class AuditEventView {
  @ApiProperty() id!: string;
  @ApiProperty() stream!: string;
  @ApiProperty() revision!: string;
  @ApiProperty({ description: 'Global position in the log (a decimal string: it can exceed 2^53)' }) position!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ type: Object }) data!: unknown;
  @ApiProperty({ type: Object, description: 'actor, correlationId, causationId, commandId, tenantId, schemaVersion' })
  metadata!: unknown;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Hash chaining this event to the one before it in its stream (GET /audit/verify checks it)',
  })
  chainHash!: string | null;
}

class AuditStreamView {
  @ApiProperty() stream!: string;
  @ApiProperty({ type: [AuditEventView] }) events!: AuditEventView[];
  @ApiProperty({ nullable: true, type: String, description: 'Revision to pass as fromRevision for the next page' })
  nextRevision!: string | null;
}

/** The audit view: a stream's raw events with who, when, why. Nothing is ever rewritten. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('streams')
export class StreamsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':stream')
  @ApiOperation({ summary: "Read one stream's raw events with their metadata (audit)" })
  @AuditedRead('raw_stream', { target: 'stream' })
  @ApiOkResponse({ type: AuditStreamView })
  async read(
    @Param() params: StreamParamDto,
    @Query() query: StreamQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditStreamView> {
    const limit = query.limit ?? 100;
    const [first] = await this.store.readStream(params.stream, { maxCount: 1 });
    if (!first || first.metadata.tenantId !== ctx.tenantId) throw new NotFoundError('Stream', params.stream);
    const events = await this.store.readStream(params.stream, {
      fromRevision: BigInt(query.fromRevision ?? 0),
      maxCount: limit + 1,
    });
    const page = events.slice(0, limit);
    return {
      stream: params.stream,
      events: page.map((e) => ({
        id: e.id,
        stream: e.stream,
        revision: e.revision.toString(),
        position: e.position.toString(),
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        recordedAt: e.recordedAt.toISOString(),
        chainHash: e.chainHash ?? null,
      })),
      nextRevision: events.length > limit ? (events[limit]?.revision.toString() ?? null) : null,
    };
  }
}
