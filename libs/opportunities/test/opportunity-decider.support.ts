import { deciderSpec } from '#ltc/testing/decider-spec';
import type {
  CreateQuoteVersion,
  MoveOpportunityStage,
  OpenOpportunity,
  RequestHandoff,
  SendQuote,
  SetTriangle,
} from '../src/domain/opportunity.commands.js';
import type { TriangleRole } from '../src/domain/opportunity-vocabulary.js';
import { opportunityDecider } from '../src/domain/opportunity.decider.js';
import type { QuoteLineInput } from '../src/domain/quote.pricing.js';
import { DEFAULT_PIPELINE, type PipelineConfig } from '../src/domain/pipeline.types.js';
import type { Actor } from '../src/domain/opportunity-vocabulary.js';

/** Deal decider specs: `given(history).when(command).thenEmitsOne('OpportunityWon')` and the like. */
export const { given, history: historyOf } = deciderSpec(opportunityDecider);

export const NOW = new Date('2026-03-01T10:00:00Z');
export const DEAL = 'deal-0001';
export const PIPELINE: PipelineConfig = { ...DEFAULT_PIPELINE, pipelineId: 'new-business', version: 1 };

export const ar: Actor = { id: 'ann-ar', salesManager: false };
export const sr: Actor = { id: 'sam-sr', salesManager: false };
export const fr: Actor = { id: 'fay-fr', salesManager: false };
export const manager: Actor = { id: 'max-manager', salesManager: true };
export const otherManager: Actor = { id: 'mia-manager', salesManager: true };

export const PEOPLE: Readonly<Record<string, readonly TriangleRole[]>> = {
  [ar.id]: ['ar'],
  [sr.id]: ['sr'],
  [fr.id]: ['fr'],
  'sid-sr': ['sr'],
  [manager.id]: [],
};

const base = { opportunityId: DEAL, actor: ar, now: NOW };

export const open: OpenOpportunity = {
  ...base,
  type: 'OpenOpportunity',
  origin: 'lead_conversion',
  lead: { leadId: DEAL, source: 'website', contactPerson: 'Ingrid Lund', tags: ['price_first'], score: 72 },
  name: 'Fleet telematics upgrade',
  account: 'Nordfrakt AB',
  amount: { amountMinor: 250_000_00, currency: 'EUR' },
  closeDate: '2026-06-30',
  productsOfInterest: ['telematics'],
  owner: ar.id,
  team: 'emea-north',
  region: 'SE',
  pipeline: PIPELINE,
};

export const triangle: SetTriangle = {
  ...base,
  type: 'SetTriangle',
  ar: ar.id,
  sr: sr.id,
  fr: fr.id,
  sponsor: manager.id,
  people: PEOPLE,
  reason: null,
};

export const line = (unitPriceMinor: number, discountBp = 0, quantity = 1): QuoteLineInput => ({
  sku: 'TLM-100',
  description: 'Telematics unit',
  quantity,
  unitPrice: { amountMinor: unitPriceMinor, currency: 'EUR' },
  discountBp,
});

export const quote = (lines: readonly QuoteLineInput[], actor: Actor = sr): CreateQuoteVersion => ({
  ...base,
  actor,
  type: 'CreateQuoteVersion',
  lines,
  validUntil: '2026-04-30',
  pipeline: PIPELINE,
});

export const send = (version: number): SendQuote => ({ ...base, type: 'SendQuote', version });

export const move = (stageId: string): MoveOpportunityStage => ({
  ...base,
  type: 'MoveOpportunityStage',
  stageId,
  reason: null,
  pipeline: PIPELINE,
});

export const handoff = (to: string, handoffId = 'h1', actor: Actor = ar): RequestHandoff => ({
  ...base,
  actor,
  type: 'RequestHandoff',
  handoffId,
  to,
  phase: 'bid',
  notes: 'customer wants a pilot',
  openItems: ['pilot scope'],
  pipeline: PIPELINE,
});

export const at = (iso: string): Date => new Date(iso);
