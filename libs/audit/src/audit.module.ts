import { Module } from '@nestjs/common';
import { DealScopes } from '#ltc/platform';
import { ChainVerifyController } from './chain/chain-verify.controller.js';
import { DataSubjectsController } from './data-subjects/data-subjects.controller.js';
import { DataSubjects } from './data-subjects/data-subjects.service.js';
import { ActorActivityController } from './history/actor-activity.controller.js';
import { DealHistoryController } from './history/deal-history.controller.js';
import { HistoryReader } from './history/history.reader.js';

/**
 * Deal histories, causal chains and a person's activity, read from the audit trail; the hash
 * chains' check; data subjects' access and erasure.
 */
@Module({
  controllers: [DealHistoryController, ActorActivityController, ChainVerifyController, DataSubjectsController],
  providers: [HistoryReader, DataSubjects, DealScopes],
})
export class AuditModule {}
