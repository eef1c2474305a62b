import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '#ltc/clock';
import { Ctx, type RequestContext } from '../http/request-context.js';
import { ReadLogQueryDto, ReadLogView } from './read-log.dto.js';
import { ReadLogReader } from './read-log.reader.js';

/** Who read audited data (raw streams, deal histories, exports, data-subject exports), for auditors. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/reads')
export class ReadLogController {
  constructor(
    @Inject(ReadLogReader) private readonly reader: ReadLogReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Who read audited data, what and when: raw streams, deal histories, exports (oldest first)',
    description:
      'Every successful read of a route marked as audited, and every `ltc export events`, in the caller’s tenant. ' +
      'Filters: from/to (at most 366 days; default the 30 days before to), actor, kind. Failed reads are not listed.',
  })
  @ApiOkResponse({ type: ReadLogView })
  async list(@Query() query: ReadLogQueryDto, @Ctx() ctx: RequestContext): Promise<ReadLogView> {
    return this.reader.page({
      tenantId: ctx.tenantId,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? this.clock.now() : new Date(query.to),
      actor: query.actor,
      kind: query.kind,
      cursor: query.cursor,
      limit: query.limit ?? 50,
    });
  }
}
