import { Module } from '@nestjs/common';
import { ChangeDistributionPolicyHandler } from '../distribution/change-distribution-policy.handler.js';
import { DistributionPolicyController } from '../distribution/distribution-policy.controller.js';
import {
  ChangeRoutingRulesHandler,
  RoutingRulesController,
} from '../distribution/routing-rules/routing-rules.controller.js';
import { DistributionClaimGuard } from './distribution-claim-guard.js';
import { RoutingController } from './routing.controller.js';

/**
 * The HTTP side of lead distribution: policies, notifications, attempts due, workload,
 * and the claim guard the lead routes use. The routing process manager itself runs in
 * the engine's projection runner (see LeadRoutingProcessManager).
 */
@Module({
  controllers: [DistributionPolicyController, RoutingRulesController, RoutingController],
  providers: [ChangeDistributionPolicyHandler, ChangeRoutingRulesHandler, DistributionClaimGuard],
  exports: [DistributionClaimGuard],
})
export class LeadDistributionModule {}
