import { Module } from '@nestjs/common';
import { ChainVerifyController } from './chain/chain-verify.controller.js';
import { ActorActivityController } from './history/actor-activity.controller.js';
import { DealHistoryController } from './history/deal-history.controller.js';
import { HistoryReader } from './history/history.reader.js';

/** Deal histories, causal chains and a person's activity, read from the audit trail; the hash chains' check. */
@Module({
  controllers: [DealHistoryController, ActorActivityController, ChainVerifyController],
  providers: [HistoryReader],
})
export class AuditModule {}
