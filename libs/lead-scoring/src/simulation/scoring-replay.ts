import type { RecordedEvent } from '#ltc/event-store';
import { evolveLead, initialLeadState, isClosed, parseLeadEvent, type Lead } from '#ltc/leads/domain';
import type { SimulationOutcome, SimulationReplay, SimulationRequest } from '#ltc/platform';
import { forScoring } from '../lead-scoring.decision.js';
import type { LeadInteraction } from '../domain/score-lead.js';
import { parseScoringModelEvent } from '../domain/scoring-model.events.js';
import type { ScoringModelDefinition } from '../domain/scoring-model.js';
import { initialScoringModelState } from '../domain/scoring-model.state.js';
import { scoreWithTenant } from '../score-for-tenant.js';
import { compareScores, type ScoredCase } from './scoring-comparison.js';

/** The lead events after which scoring takes the lead's score again (the scoring process manager's). */
const RESCORE_ON: ReadonlySet<string> = new Set([
  'LeadCaptured',
  'LeadInteractionRecorded',
  'LeadTagged',
  'LeadUntagged',
]);

/**
 * Lead scoring replayed under a proposed model: every lead captured in the period is scored
 * again, by the real `scoreLead`, at each moment scoring scored it (capture, interactions,
 * tags, a new model), from the lead as it stood and the source's conversion measured up to
 * then. Without a proposal the models in force at the time are used.
 */
export class ScoringReplay implements SimulationReplay {
  private model: ScoringModelDefinition = initialScoringModelState().model;
  private readonly leads = new Map<string, Lead>();
  private readonly interactions = new Map<string, LeadInteraction[]>();
  private readonly bySource = new Map<string, { leads: number; converted: number }>();
  private readonly sourceOf = new Map<string, string>();
  private readonly cases = new Map<string, ScoredCase>();
  private readonly from: string;
  private readonly to: string;

  constructor(private readonly request: SimulationRequest<ScoringModelDefinition>) {
    this.from = request.period.from.toISOString();
    this.to = request.period.to.toISOString();
  }

  apply(recorded: RecordedEvent): void {
    const modelChange = parseScoringModelEvent(recorded);
    if (modelChange) {
      if (modelChange.data.changedAt >= this.to) return;
      this.model = modelChange.data.model;
      // A new model rescores every open lead.
      for (const found of this.cases.values()) this.rescore(found.leadId, new Date(modelChange.data.changedAt));
      return;
    }
    const event = parseLeadEvent(recorded);
    if (!event) return;
    const at = 'at' in event.data ? event.data.at : event.type === 'LeadCaptured' ? event.data.capturedAt : null;
    if (typeof at !== 'string' || at >= this.to) return;
    const leadId = event.data.leadId;
    const after = evolveLead(this.leads.get(leadId) ?? initialLeadState(), event);
    if (after.status === 'none') return;
    this.leads.set(leadId, after);
    this.measure(event.type, after, event.type === 'LeadConverted');
    if (event.type === 'LeadInteractionRecorded') {
      this.interactions.set(leadId, [...(this.interactions.get(leadId) ?? []), { kind: event.data.kind, at }]);
    }
    if (event.type === 'LeadCaptured' && at >= this.from) {
      this.cases.set(leadId, { leadId, simulated: null });
    }
    if (RESCORE_ON.has(event.type) && this.cases.has(leadId)) this.rescore(leadId, new Date(at));
  }

  outcome(): SimulationOutcome {
    return compareScores([...this.cases.values()], (leadId) => this.leads.get(leadId));
  }

  /** The measured conversion per source, folded as `source_conversion` folds it. */
  private measure(type: string, lead: Lead, converted: boolean): void {
    const source = lead.profile.source;
    if (type === 'LeadCaptured' && !this.sourceOf.has(lead.leadId)) {
      this.sourceOf.set(lead.leadId, source);
      this.countOf(source).leads += 1;
    }
    if (converted) {
      const capturedFrom = this.sourceOf.get(lead.leadId);
      if (capturedFrom !== undefined) this.countOf(capturedFrom).converted += 1;
    }
  }

  private countOf(source: string): { leads: number; converted: number } {
    let count = this.bySource.get(source);
    if (!count) this.bySource.set(source, (count = { leads: 0, converted: 0 }));
    return count;
  }

  private rescore(leadId: string, now: Date): void {
    const lead = this.leads.get(leadId);
    const found = this.cases.get(leadId);
    if (!lead || !found || isClosed(lead)) return;
    const counted = this.bySource.get(lead.profile.source) ?? { leads: 0, converted: 0 };
    const sourceConversion = {
      source: lead.profile.source,
      ...counted,
      rate: counted.leads > 0 ? counted.converted / counted.leads : 0,
    };
    const model = this.request.policy ?? this.model;
    const score = scoreWithTenant(
      { model, modelVersion: null, sourceConversion },
      { lead: forScoring(lead), interactions: this.interactions.get(leadId) ?? [], now },
    );
    found.simulated = { score: score.score, tier: score.tier };
  }
}
