import { Controller, Get, Headers, Inject, Param, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditedRead, Ctx, type RequestContext } from '#ltc/platform';
import { cursorOf, nextCursor } from './history-cursor.js';
import { exportFile, exportFormatOf } from './history-export.js';
import { historyFilterOf } from './history-filter.js';
import { HistoryReader } from './history.reader.js';
import { ActorParamDto, PeriodPageQueryDto } from './history.dto.js';
import { ActorActivityDto } from './history.views.js';

/** What one person did, across deals and everything else of the tenant. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/actors')
export class ActorActivityController {
  constructor(@Inject(HistoryReader) private readonly reader: HistoryReader) {}

  @Get(':userId')
  @ApiOperation({
    summary: 'What one person did across deals in a period, in log order, each entry with its deal and cause',
    description: '`Accept: text/csv` or `application/x-ndjson` exports every matching entry.',
  })
  @AuditedRead('actor_activity', { target: 'userId' })
  @ApiProduces('application/json', 'text/csv', 'application/x-ndjson')
  @ApiOkResponse({ type: ActorActivityDto })
  async activity(
    @Param() params: ActorParamDto,
    @Query() query: PeriodPageQueryDto,
    @Headers('accept') accept: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ActorActivityDto | StreamableFile> {
    const source = { actor: params.userId, tenantId: ctx.tenantId };
    const filter = historyFilterOf(query);
    const format = exportFormatOf(accept);
    if (format) return exportFile(await this.reader.all(source, filter), format, `activity-${params.userId}`);
    const page = await this.reader.page(source, filter, cursorOf(query.cursor), query.limit ?? 50);
    return { userId: params.userId, entries: page.entries, nextCursor: nextCursor(page.nextAfter) };
  }
}
