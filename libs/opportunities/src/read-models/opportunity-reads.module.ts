import { Module } from '@nestjs/common';

/** Opportunity list, detail with timeline, pipeline board and forecast routes. */
@Module({
  controllers: [],
  providers: [],
})
export class OpportunityReadsModule {}
