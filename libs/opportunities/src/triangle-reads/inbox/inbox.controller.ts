import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, UserIdParamDto, type RequestContext } from '#ltc/platform';
import { isSalesManager } from '../../opportunity-access.js';
import { InboxService } from './inbox.service.js';
import { InboxView } from './inbox.view.js';

/** Triangle inboxes: what waits for a person, overdue first. */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(@Inject(InboxService) private readonly inboxes: InboxService) {}

  @Get('me/inbox')
  @ApiOperation({ summary: "The caller's inbox: handoffs, escalations, approvals and deals, overdue first" })
  @ApiOkResponse({ type: InboxView })
  async mine(@Ctx() ctx: RequestContext): Promise<InboxView> {
    const approver = isSalesManager(ctx.caller.roles) ? 'any_sales_manager' : 'none';
    return this.inboxes.inbox(ctx.tenantId, ctx.caller.userId, { kind: approver });
  }

  @Get('people/:id/inbox')
  @ApiOperation({ summary: "A person's inbox, for sales managers (approvals: those falling to them as team manager)" })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: sales managers and admins only' })
  @ApiOkResponse({ type: InboxView })
  async theirs(@Param() { id }: UserIdParamDto, @Ctx() ctx: RequestContext): Promise<InboxView> {
    return this.inboxes.inbox(ctx.tenantId, id, { kind: 'team_manager' });
  }
}
