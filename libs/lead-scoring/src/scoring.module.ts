import { Module } from '@nestjs/common';
import { ChangeScoringModelController } from './change-scoring-model/change-scoring-model.controller.js';
import { scoringModelCommands } from './change-scoring-model/change-scoring-model.handler.js';
import { CurrentScoringModelController } from './current-scoring-model/current-scoring-model.controller.js';
import { PreviewLeadScoreController } from './preview-lead-score/preview-lead-score.controller.js';

/**
 * Lead scoring in the Manage Leads context: the tenant's versioned scoring model
 * (read, change, preview). Its read model, `sourceConversionProjection`, and the scoring
 * process manager are declared in `leadsContext` (libs/leads/src/leads.context.ts).
 */
@Module({
  controllers: [CurrentScoringModelController, ChangeScoringModelController, PreviewLeadScoreController],
  providers: [scoringModelCommands.Handler],
})
export class ScoringModule {}
