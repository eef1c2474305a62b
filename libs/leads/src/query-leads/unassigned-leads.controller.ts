import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, type RequestContext } from '#ltc/platform';
import { unassignedQueueScopeOf } from '../domain/lead-visibility.js';
import { loadLeadReader } from '../read-models/lead-readers.js';
import { listUnassignedLeads } from '../read-models/unassigned-queue.queries.js';
import { UnassignedLeadPageView, UnassignedLeadsQueryDto } from './unassigned-leads.dto.js';

/** The leads routing could not place: what a manager has to unblock (capacity, availability, territories). */
@ApiTags('leads')
@ApiBearerAuth()
@Controller()
export class UnassignedLeadsController {
  constructor(@Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle) {}

  @Get('leads/unassigned')
  @ApiOperation({ summary: 'Leads waiting for a rep, oldest first, each with the reason routing could not place it' })
  @ApiOkResponse({
    type: UnassignedLeadPageView,
    description:
      "Oldest first. A team's manager sees the leads waiting for their teams and those routed tenant-wide; " +
      'admins, auditors and a manager without a team see all. They are routed again when a rep has room.',
  })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: reps work leads; the queue is for managers and auditors' })
  async list(@Query() query: UnassignedLeadsQueryDto, @Ctx() ctx: RequestContext): Promise<UnassignedLeadPageView> {
    const reader = await loadLeadReader(this.readModels.db, { ...ctx.caller, tenantId: ctx.tenantId });
    return listUnassignedLeads(this.readModels.db, ctx.tenantId, {
      scope: unassignedQueueScopeOf(reader),
      ...(query.team ? { team: query.team } : {}),
      ...(query.reason ? { reason: query.reason } : {}),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }
}
