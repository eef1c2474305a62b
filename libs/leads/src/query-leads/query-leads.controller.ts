import { Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, NotFoundError } from '#ltc/kernel';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import type { ReadModelHandle } from '#ltc/projections';
import {
  AsOfQueryDto,
  CommandResponseDto,
  Ctx,
  ForbiddenResourceError,
  READ_MODEL_DB,
  UserIdParamDto,
  asOfInstant,
  commandResponse,
  seesDealMoney,
  type RequestContext,
} from '#ltc/platform';
import { LeadCommands } from '../lead-commands/lead-commands.service.js';
import { ApiLeadNotFoundResponse, LeadIdParamDto } from '../lead-id.param.js';
import { leadStream } from '../lead-stream.js';
import { foldLeadRow } from '../read-models/lead-list.projection.js';
import { POOL_STATUSES, type LeadScope } from '../domain/lead-visibility.js';
import { loadLeadScope } from '../read-models/lead-readers.js';
import { findRoutingWait } from '../read-models/unassigned-queue.queries.js';
import {
  findLeadRow,
  listLeads,
  nextPooledLead,
  toLeadView,
  type LeadListFilter,
} from '../read-models/lead.queries.js';
import { leadContactSubject } from '../lead-personal-data.js';
import { LeadDetailView, LeadPageView, type ScoreLineView } from '../read-models/lead.views.js';
import { CLAIM_GUARD, type ClaimGuard } from '../route-lead/claim-guard.js';
import { LeadListQueryDto, LeadPageQueryDto } from './lead-query.dto.js';

const MANAGERS = new Set(['admin', 'sales_manager', 'auditor']);
const OPEN_STATUSES = ['assigned', 'working', 'qualified', 'nurturing', 'offered'];

/** The paging part of a list query, defaults applied. */
function pageOf(query: LeadPageQueryDto): Pick<LeadListFilter, 'limit' | 'offset' | 'cursor' | 'count'> {
  return {
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
    ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    ...(query.count !== undefined ? { count: query.count } : {}),
  };
}

/** Reads of leads, served from the lead list read model (eventually consistent with commands). */
@ApiTags('leads')
@ApiBearerAuth()
@Controller()
export class QueryLeadsController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LeadCommands) private readonly commands: LeadCommands,
    @Inject(CLAIM_GUARD) private readonly guard: ClaimGuard,
  ) {}

  @Get('leads')
  @ApiOperation({ summary: 'List leads, filtered and sorted' })
  @ApiOkResponse({
    type: LeadPageView,
    description:
      "Leads the caller may see: reps their own and the pool; managers their team's; admins and auditors all.",
  })
  async list(@Query() query: LeadListQueryDto, @Ctx() ctx: RequestContext): Promise<LeadPageView> {
    const page = await listLeads(this.readModels.queryDb, ctx.tenantId, {
      scope: await this.scopeOf(ctx),
      ...(query.status ? { status: query.status } : {}),
      ...(query.owner ? { ownerId: query.owner } : {}),
      ...(query.source ? { source: query.source } : {}),
      ...(query.region ? { region: query.region } : {}),
      ...(query.team ? { team: query.team } : {}),
      ...(query.tier ? { tier: query.tier } : {}),
      ...(query.tag ? { tag: query.tag } : {}),
      ...(query.sla ? { slaState: query.sla } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(query.order ? { order: query.order } : {}),
      ...pageOf(query),
    });
    // Marketing sees every lead but no deal money (docs/permissions.md).
    if (seesDealMoney(ctx.caller.roles)) return page;
    return { ...page, items: page.items.map((lead) => ({ ...lead, estimatedDealSize: null, dealSize: null })) };
  }

  @Get('leads/pool')
  @ApiOperation({ summary: 'Leads in the pool, waiting to be claimed' })
  @ApiOkResponse({
    type: LeadPageView,
    description:
      'Leads waiting to be pulled. Reps see cherry-pick and shark-tank leads; blind-pull leads only to managers.',
  })
  async pool(@Query() query: LeadPageQueryDto, @Ctx() ctx: RequestContext): Promise<LeadPageView> {
    // The one visibility rule: reps see the pool they may pull from (recycled leads included), managers all of it.
    return listLeads(this.readModels.queryDb, ctx.tenantId, {
      scope: await this.scopeOf(ctx),
      status: [...POOL_STATUSES],
      order: 'priority',
      ...pageOf(query),
    });
  }

  @Post('leads/pool/claim-next')
  @ApiOperation({ summary: 'Claim the next lead from the pool' })
  @HttpCode(200)
  @ApiOkResponse({
    type: CommandResponseDto,
    description: 'Blind pull: the next pooled lead is assigned to the caller unseen',
  })
  async claimNext(
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponseDto> {
    const lost: string[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const leadId = await nextPooledLead(this.readModels.queryDb, ctx.tenantId, ['blind_pull'], lost);
      if (!leadId) break;
      // One read of the lead's stream serves the guard and the command.
      const loaded = await this.commands.load(ctx, leadId);
      await this.guard.assertMayClaim(ctx, loaded.lead);
      try {
        // Blind pull: the engine chose this lead for the caller, who may claim it without seeing it first.
        const outcome = await this.commands.run(
          ctx,
          {
            type: 'ClaimLead',
            leadId,
            repId: ctx.caller.userId,
            responseTargetSeconds: await this.guard.responseTargetSeconds(ctx, loaded.lead),
          },
          'chosen-by-engine',
          loaded,
        );
        return commandResponse(reply, leadId, outcome);
      } catch (error) {
        // Another rep pulled it first (the read model lags): try the next one.
        if (error instanceof DomainError && ['LEAD_ALREADY_CLAIMED', 'LEAD_NOT_IN_POOL'].includes(error.code)) {
          lost.push(leadId);
          continue;
        }
        throw error;
      }
    }
    throw new DomainError('POOL_EMPTY', 'No lead is waiting for a blind pull');
  }

  @Get('leads/:id')
  @ApiOperation({ summary: 'One lead with its score breakdown and timeline' })
  @ApiOkResponse({ type: LeadDetailView })
  @ApiLeadNotFoundResponse()
  async get(
    @Param() { id }: LeadIdParamDto,
    @Query() query: AsOfQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<LeadDetailView> {
    // Who may see the lead is decided on the lead as it is now, also for its past (`asOf`).
    const current = await findLeadRow(this.readModels.queryDb, ctx.tenantId, id, await this.scopeOf(ctx));
    const asOf = asOfInstant(query);
    const [stream, routingWait] = await Promise.all([
      this.store.readStream(leadStream(id)),
      asOf === undefined ? findRoutingWait(this.readModels.queryDb, ctx.tenantId, id) : null,
    ]);
    // As of an instant: the list's own fold over the events recorded by then, so the past reads
    // exactly as the list read at that moment (a routing wait is a queue's present, not history).
    const events = asOf === undefined ? stream : stream.filter((e) => e.recordedAt <= asOf);
    const row = asOf === undefined ? current : foldLeadRow(events);
    if (row === undefined) throw new NotFoundError('Lead', id);
    return {
      ...toLeadView(row),
      scoreBreakdown: row.score_breakdown ? (JSON.parse(row.score_breakdown) as ScoreLineView[]) : [],
      modelVersion: row.model_version === null ? null : Number(row.model_version),
      assignmentReason: row.assignment_reason,
      notes: row.notes,
      contactSubjectId: leadContactSubject(id),
      routingWait,
      timeline: events
        .filter((e) => e.metadata.tenantId === ctx.tenantId)
        .map((e) => ({
          at: e.recordedAt.toISOString(),
          type: e.type,
          actor: e.metadata.actor,
          revision: Number(e.revision),
          data: e.data,
        })),
    };
  }

  @Get('reps/:id/leads')
  @ApiOperation({ summary: "A rep's open leads" })
  @ApiOkResponse({
    type: LeadPageView,
    description:
      "A rep's open leads, in work order (tier, score, age). Reps see only their own (403 NOT_YOUR_LEADS); " +
      "a team's manager sees their team's reps.",
  })
  async repLeads(
    @Param() { id }: UserIdParamDto,
    @Query() query: LeadPageQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<LeadPageView> {
    const manager = ctx.caller.roles.some((r) => MANAGERS.has(r));
    if (!manager && ctx.caller.userId !== id) {
      throw new ForbiddenResourceError('NOT_YOUR_LEADS', 'Reps see their own leads; managers see everyone’s');
    }
    return listLeads(this.readModels.queryDb, ctx.tenantId, {
      scope: await this.scopeOf(ctx),
      ownerId: id,
      status: OPEN_STATUSES,
      order: 'priority',
      ...pageOf(query),
    });
  }

  /** What the caller may see of the tenant's leads (domain/lead-visibility.ts). */
  private async scopeOf(ctx: RequestContext): Promise<LeadScope> {
    return loadLeadScope(this.readModels.queryDb, { ...ctx.caller, tenantId: ctx.tenantId });
  }
}
