import { Module } from '@nestjs/common';
import { ChangeDistributionPolicyHandler } from '../distribution/change-distribution-policy.handler.js';
import { DistributionPolicyController } from '../distribution/distribution-policy.controller.js';
import {
  ChangeRoutingRulesHandler,
  RoutingRulesController,
} from '../distribution/routing-rules/routing-rules.controller.js';
import { RoutingController } from './routing.controller.js';

/**
 * The HTTP side of lead distribution: policies, routing rules, notifications, attempts due
 * and workload. The claim guard the lead routes use is a port the context's descriptor provides. The routing process manager itself runs in
 * the engine's projection runner (see LeadRoutingProcessManager).
 */
@Module({
  controllers: [DistributionPolicyController, RoutingRulesController, RoutingController],
  providers: [ChangeDistributionPolicyHandler, ChangeRoutingRulesHandler],
})
export class LeadDistributionModule {}
