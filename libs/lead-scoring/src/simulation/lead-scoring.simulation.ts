import { definePolicySimulation } from '#ltc/platform';
import { invalidModel } from '../domain/scoring-model.decider.js';
import type { ScoringModelDefinition } from '../domain/scoring-model.js';
import { parseScoringModel } from '../domain/validate-scoring-model.js';
import { ScoringReplay } from './scoring-replay.js';

/** What-if for the tenant's lead scoring model: the period's leads scored again under the proposal. */
export const leadScoringSimulation = definePolicySimulation<ScoringModelDefinition>({
  kind: 'lead_scoring',
  summary: "A scoring model tried on the period's leads: leads per tier, each tier's conversion, the average score",
  roles: ['sales_manager', 'auditor'],
  reads: { streamPrefixes: ['lead-', 'scoringModel-'] },
  parsePolicy: (input) => {
    const parsed = parseScoringModel(input);
    if (!parsed.ok) throw invalidModel(parsed.problems);
    return parsed.model;
  },
  start: (request) => new ScoringReplay(request),
});
