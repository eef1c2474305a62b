import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, DealScopes, UserIdParamDto, isSalesManager, type RequestContext } from '#ltc/platform';
import { InboxService } from './inbox.service.js';
import { InboxView } from './inbox.view.js';

/** Triangle inboxes: what waits for a person, overdue first. */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(
    @Inject(InboxService) private readonly inboxes: InboxService,
    @Inject(DealScopes) private readonly scopes: DealScopes,
  ) {}

  @Get('me/inbox')
  @ApiOperation({ summary: "The caller's inbox: handoffs, escalations, approvals and deals, overdue first" })
  @ApiOkResponse({ type: InboxView })
  async mine(@Ctx() ctx: RequestContext): Promise<InboxView> {
    const approver = isSalesManager(ctx.caller.roles) ? 'any_sales_manager' : 'none';
    const scope = await this.scopes.of(ctx);
    // What waits for the caller is theirs to see; the approvals are only those of deals they manage.
    return this.inboxes.inbox(
      ctx.tenantId,
      ctx.caller.userId,
      { kind: approver },
      { scope, sight: { kind: 'tenant' } },
    );
  }

  @Get('people/:id/inbox')
  @ApiOperation({
    summary: "A person's inbox, for sales managers (approvals: those falling to them as team manager)",
    description: 'Only what concerns the deals the caller sees: a team’s sales manager, their teams’ deals',
  })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: sales managers and admins only' })
  @ApiOkResponse({ type: InboxView })
  async theirs(@Param() { id }: UserIdParamDto, @Ctx() ctx: RequestContext): Promise<InboxView> {
    const scope = await this.scopes.of(ctx);
    return this.inboxes.inbox(ctx.tenantId, id, { kind: 'team_manager' }, { scope, sight: scope });
  }
}
