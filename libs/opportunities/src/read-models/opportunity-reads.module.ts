import { DealScopes } from '#ltc/platform';
import { Module } from '@nestjs/common';
import { BoardForecastController } from '../query-opportunities/board-forecast.controller.js';
import { QueryOpportunitiesController } from '../query-opportunities/query-opportunities.controller.js';

/** Opportunity list, detail with timeline, pipeline board and forecast routes. */
@Module({
  controllers: [QueryOpportunitiesController, BoardForecastController],
  providers: [DealScopes],
})
export class OpportunityReadsModule {}
