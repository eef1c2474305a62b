import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import type { ReadModelHandle } from '#ltc/projections';
import { AsOfQueryDto, Ctx, READ_MODEL_DB, DealScopes, asOfInstant, type RequestContext } from '#ltc/platform';
import { canSeeDeal } from '../opportunity-access.js';
import { loadDeal } from '../opportunity-commands/deal-stream.js';
import { membersOf } from '../opportunity-commands/opportunity-actor.js';
import { ApiOpportunityNotFound, OpportunityIdParamDto } from '../opportunity-dto.js';
import { listOpportunities } from '../read-models/opportunity-list.queries.js';
import { OpportunityPageView } from '../read-models/opportunity.views.js';
import { OpportunityDetailView, opportunityDetail } from './opportunity-detail.view.js';
import { OpportunityListQueryDto } from './opportunity-query.dto.js';
import { dealFilterOf } from './opportunity-readers.js';

/** The list of deals (from the list read model) and one deal's detail (from its own stream). */
@ApiTags('opportunities')
@ApiBearerAuth()
@Controller('opportunities')
export class QueryOpportunitiesController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DealScopes) private readonly scopes: DealScopes,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List and search deals, newest first, with a cursor' })
  @ApiOkResponse({
    type: OpportunityPageView,
    description:
      'Deals the caller may see: admins and auditors all, sales managers their teams’ (all without a team); everyone those whose triangle they sit in',
  })
  async list(@Query() query: OpportunityListQueryDto, @Ctx() ctx: RequestContext): Promise<OpportunityPageView> {
    return listOpportunities(this.readModels.queryDb, ctx.tenantId, {
      ...dealFilterOf(query, await this.scopes.of(ctx)),
      ...(query.pipeline ? { pipelineId: query.pipeline } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.stage ? { stageId: query.stage } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      limit: query.limit ?? 50,
    });
  }

  /**
   * Read from the deal's own stream, not a timeline projection: one read gives the exact
   * state (quotes with lines and totals, handoffs, triangle, bid) and every event for the
   * timeline, never lags a command the caller just sent, and its revision is the ETag an
   * If-Match names. A deal's stream is short, so the read stays cheap.
   */
  @Get(':id')
  @ApiOperation({ summary: 'One deal with its triangle, handoffs, quotes, bid and full timeline (ETag)' })
  @ApiOkResponse({ type: OpportunityDetailView })
  @ApiOpportunityNotFound()
  async get(
    @Param() { id }: OpportunityIdParamDto,
    @Query() query: AsOfQueryDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpportunityDetailView> {
    const folded = await loadDeal(this.store, id);
    const deal = folded.state;
    if (deal.status === 'none' || folded.tenantId !== ctx.tenantId) throw new NotFoundError('Opportunity', id);
    // A deal the caller may not see answers exactly like an unknown one; who may see it is
    // decided on the deal as it is now, also for its past (`asOf`).
    const scope = await this.scopes.of(ctx);
    if (!canSeeDeal(scope, membersOf(deal))) throw new NotFoundError('Opportunity', id);
    const asOf = asOfInstant(query);
    if (asOf === undefined) {
      if (folded.revision !== undefined) void reply.header('ETag', `"${folded.revision.toString()}"`);
      return opportunityDetail(folded, deal);
    }
    const then = await loadDeal(this.store, id, asOf);
    if (then.state.status === 'none') throw new NotFoundError('Opportunity', id);
    return opportunityDetail(then, then.state);
  }
}
