import { Module } from '@nestjs/common';
import { CaptureLeadController } from './capture-lead/capture-lead.controller.js';
import { CaptureLeadHandler } from './capture-lead/capture-lead.handler.js';
import { QueryLeadsController } from './query-leads/query-leads.controller.js';

/** The Manage Leads (ML) bounded context: routes, command handlers and read models. */
@Module({
  controllers: [CaptureLeadController, QueryLeadsController],
  providers: [CaptureLeadHandler],
})
export class LeadsModule {}
