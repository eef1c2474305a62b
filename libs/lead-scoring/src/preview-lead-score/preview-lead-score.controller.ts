import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '#ltc/clock';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { Ctx, READ_MODEL_DB, type RequestContext } from '#ltc/platform';
import type { ReadModelHandle } from '#ltc/projections';
import { invalidModel } from '../domain/scoring-model.decider.js';
import type { ScoringModelDefinition } from '../domain/scoring-model.js';
import { parseScoringModel } from '../domain/validate-scoring-model.js';
import { scoreForTenant } from '../score-for-tenant.js';
import { LeadScoreView } from '../scoring-model.views.js';
import { PreviewLeadScoreDto } from './preview-lead-score.dto.js';

/** Scores a hypothetical lead, so managers can see what a rule change would do before saving it. */
@ApiTags('lead scoring')
@ApiBearerAuth()
@Controller('scoring-models')
export class PreviewLeadScoreController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Score a hypothetical lead and explain every point',
    description:
      "Uses the tenant's current model, or the rules in `model` when given, and the tenant's measured conversion " +
      'of the lead source (or `sourceConversion` when given). Nothing is saved.',
  })
  @ApiOkResponse({ type: LeadScoreView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, naming the field (model.fitRules[0].op, lead.source…)' })
  async preview(@Body() body: PreviewLeadScoreDto, @Ctx() ctx: RequestContext): Promise<LeadScoreView> {
    let model: ScoringModelDefinition | undefined;
    if (body.model !== undefined) {
      const parsed = parseScoringModel(body.model, 'model');
      if (!parsed.ok) throw invalidModel(parsed.problems);
      model = parsed.model;
    }
    const { lead } = body;
    const { score, modelVersion, sourceConversion } = await scoreForTenant(
      { store: this.store, db: this.readModels.db },
      {
        tenantId: ctx.tenantId,
        lead: {
          source: lead.source,
          region: lead.region ?? null,
          language: lead.language ?? null,
          industry: lead.industry ?? null,
          dealSize: lead.dealSize ?? null,
          company: lead.company ?? null,
          email: lead.email ?? null,
          phone: lead.phone ?? null,
          tags: lead.tags ?? [],
        },
        interactions: (body.interactions ?? []).map((i) => ({ kind: i.kind, at: i.at })),
        now: this.clock.now(),
      },
      {
        ...(model ? { model } : {}),
        ...(body.sourceConversion ? { sourceConversion: body.sourceConversion } : {}),
      },
    );
    return { ...score, breakdown: [...score.breakdown], modelVersion, sourceConversion };
  }
}
