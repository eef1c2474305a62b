import { DealScopes } from '#ltc/platform';
import { Module } from '@nestjs/common';
import { BidController } from './bid/bid.controller.js';
import { CloseOpportunityController } from './close-opportunity/close-opportunity.controller.js';
import { EditOpportunityController } from './edit-opportunity/edit-opportunity.controller.js';
import { HandoffsController } from './handoffs/handoffs.controller.js';
import { MoveStageController } from './move-stage/move-stage.controller.js';
import { OpenOpportunityController } from './open-opportunity/open-opportunity.controller.js';
import { opportunityCommands } from './opportunity-commands/opportunity-command.message.js';
import { OpportunityCommands } from './opportunity-commands/opportunity-commands.service.js';
import { pipelineCommands } from './pipelines/pipeline-commands.js';
import { PipelinesController } from './pipelines/pipelines.controller.js';
import { QuotesController } from './quotes/quotes.controller.js';
import { TriangleController } from './triangle/triangle.controller.js';

/**
 * The opportunity and pipeline commands of the MO context: their routes and the one generic
 * handler per aggregate. Reads have modules of their own (read-models/, triangle-reads/).
 */
@Module({
  controllers: [
    PipelinesController,
    OpenOpportunityController,
    EditOpportunityController,
    MoveStageController,
    CloseOpportunityController,
    TriangleController,
    HandoffsController,
    QuotesController,
    BidController,
  ],
  providers: [opportunityCommands.Handler, pipelineCommands.Handler, OpportunityCommands, DealScopes],
  exports: [OpportunityCommands],
})
export class OpportunitiesModule {}
