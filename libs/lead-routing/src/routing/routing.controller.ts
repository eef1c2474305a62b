import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '#ltc/clock';
import type { ReadModelHandle } from '#ltc/projections';
import { Ctx, ForbiddenResourceError, READ_MODEL_DB, UserIdParamDto, type RequestContext } from '#ltc/platform';
import { repLoads } from '../distribution/ledger/ledger.queries.js';
import { listAttemptsDue } from './lead-attempts-due.js';
import { SALES_MANAGERS, listNotifications } from './lead-notifications.js';
import {
  AttemptDuePageView,
  AttemptsDueQueryDto,
  NotificationPageView,
  NotificationQueryDto,
  RepWorkloadView,
} from './routing.dto.js';

/** What routing tells people: their notifications, the attempts they owe, the team's workload. */
@ApiTags('distribution')
@ApiBearerAuth()
@Controller()
export class RoutingController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: "The caller's notifications (offers, SLA warnings, escalations), newest first" })
  @ApiOkResponse({
    type: NotificationPageView,
    description: "The caller's own (by token subject), newest first; sales managers also see those for every manager",
  })
  async notifications(@Query() query: NotificationQueryDto, @Ctx() ctx: RequestContext): Promise<NotificationPageView> {
    const { roles, userId } = ctx.caller;
    const managing = roles.includes('sales_manager') || roles.includes('admin');
    return listNotifications(this.readModels.db, ctx.tenantId, managing ? [userId, SALES_MANAGERS] : [userId], {
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
      ...(query.leadId ? { leadId: query.leadId } : {}),
    });
  }

  @Get('reps/:id/attempts-due')
  @ApiOperation({ summary: "A rep's leads with a contact attempt due, soonest first" })
  @ApiOkResponse({
    type: AttemptDuePageView,
    description: "The rep's owned leads by next contact attempt, soonest first",
  })
  @ApiForbiddenResponse({ description: "FORBIDDEN: a rep may only see their own; managers and auditors see anyone's" })
  async attemptsDue(
    @Param() { id }: UserIdParamDto,
    @Query() query: AttemptsDueQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<AttemptDuePageView> {
    const { roles, userId } = ctx.caller;
    const overseer = roles.some((role) => role === 'sales_manager' || role === 'admin' || role === 'auditor');
    if (id !== userId && !overseer) {
      throw new ForbiddenResourceError(
        'NOT_YOUR_LEADS',
        'Reps see their own attempts due; managers and auditors anyone’s',
      );
    }
    return listAttemptsDue(this.readModels.db, ctx.tenantId, id, this.clock.now(), {
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
      overdueOnly: query.overdueOnly ?? false,
    });
  }

  @Get('distribution/workload')
  @ApiOperation({ summary: "Each rep's open leads and recent assignments" })
  @ApiOkResponse({
    type: [RepWorkloadView],
    description: 'Every rep who ever got a lead, from the distribution ledger',
  })
  async workload(@Ctx() ctx: RequestContext): Promise<RepWorkloadView[]> {
    const loads = await repLoads(this.readModels.db, ctx.tenantId, this.clock.now());
    return [...loads].map(([repId, load]) => ({
      repId,
      openLeads: load.openLeads,
      assignedToday: load.assignedToday,
      lastAssignedAt: load.lastAssignedAt,
      recentAssigned: load.recentAssigned,
      recentConverted: load.recentConverted,
    }));
  }
}
