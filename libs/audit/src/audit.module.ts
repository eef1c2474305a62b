import { Module } from '@nestjs/common';
import { ActorActivityController } from './history/actor-activity.controller.js';
import { DealHistoryController } from './history/deal-history.controller.js';
import { HistoryReader } from './history/history.reader.js';

/** Deal histories, causal chains and a person's activity, read from the audit trail. */
@Module({
  controllers: [DealHistoryController, ActorActivityController],
  providers: [HistoryReader],
})
export class AuditModule {}
