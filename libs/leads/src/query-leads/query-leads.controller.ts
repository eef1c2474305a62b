import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, READ_MODEL_DB, Roles, type RequestContext } from '#ltc/platform';
import { findLead, listLeads } from '../read-models/lead.queries.js';
import { LeadPageView, LeadView } from '../read-models/lead.views.js';
import { LeadIdParamDto, LeadListQueryDto } from './lead-query.dto.js';

/** Reads of leads, served from the lead list read model (eventually consistent with commands). */
@ApiTags('leads')
@ApiBearerAuth()
@Controller('leads')
export class QueryLeadsController {
  constructor(@Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle) {}

  @Get()
  @Roles('sales_manager', 'ar', 'sr', 'fr', 'service_agent', 'service_manager', 'auditor')
  @ApiOkResponse({ type: LeadPageView })
  list(@Query() query: LeadListQueryDto, @Ctx() ctx: RequestContext): Promise<LeadPageView> {
    return listLeads(this.readModels.db, ctx.tenantId, {
      ...(query.status ? { status: query.status } : {}),
      ...(query.source ? { source: query.source } : {}),
      ...(query.region ? { region: query.region } : {}),
      ...(query.q ? { q: query.q } : {}),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  @Get(':id')
  @Roles('sales_manager', 'ar', 'sr', 'fr', 'service_agent', 'service_manager', 'auditor')
  @ApiOkResponse({ type: LeadView })
  @ApiNotFoundResponse({ description: 'LEAD_NOT_FOUND' })
  get(@Param() params: LeadIdParamDto, @Ctx() ctx: RequestContext): Promise<LeadView> {
    return findLead(this.readModels.db, ctx.tenantId, params.id);
  }
}
