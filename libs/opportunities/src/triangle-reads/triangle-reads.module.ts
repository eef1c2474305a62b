import { DealScopes } from '#ltc/platform';
import { Module } from '@nestjs/common';
import { HandoffsListController } from './handoffs/handoffs-list.controller.js';
import { InboxController } from './inbox/inbox.controller.js';
import { InboxService } from './inbox/inbox.service.js';
import { TriangleAnalyticsController } from './analytics/triangle-analytics.controller.js';

/** Inboxes, the handoffs list, stage velocity and the triangle scorecard. */
@Module({
  controllers: [InboxController, HandoffsListController, TriangleAnalyticsController],
  providers: [InboxService, DealScopes],
})
export class TriangleReadsModule {}
