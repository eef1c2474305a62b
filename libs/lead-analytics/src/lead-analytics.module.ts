import { Module } from '@nestjs/common';
import { LeadAnalyticsController } from './lead-analytics.controller.js';

/**
 * Lead analytics in the Manage Leads context: speed to lead, conversion by source and
 * distribution fairness, read from its own projections. Those projections are declared in
 * `leadsContext` (libs/leads/src/leads.context.ts).
 */
@Module({ controllers: [LeadAnalyticsController] })
export class LeadAnalyticsModule {}
