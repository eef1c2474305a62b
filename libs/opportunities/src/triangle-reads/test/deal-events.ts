import type { OpportunityEvent } from '../../domain/opportunity.events.js';
import type { QuoteVersionCreated } from '../../domain/quote.events.js';

/** Deal events as the deal decider would have written them, for read-model specs. */
type Ev<T extends OpportunityEvent['type']> = Extract<OpportunityEvent, { type: T }>;

export const opened = (
  opportunityId: string,
  owner: string,
  when: string,
  source: string | null = 'website',
  pipelineId = 'default',
  team: string | null = null,
): Ev<'OpportunityOpened'> => ({
  type: 'OpportunityOpened',
  data: {
    opportunityId,
    origin: source === null ? 'direct' : 'lead_conversion',
    lead: source === null ? null : { leadId: opportunityId, source, contactPerson: null, tags: [], score: null },
    name: `Deal ${opportunityId}`,
    account: null,
    amount: null,
    closeDate: null,
    productsOfInterest: [],
    owner,
    team,
    region: null,
    pipelineId,
    pipelineVersion: 0,
    stageId: 'qualify',
    probabilityBp: 1000,
    forecastCategory: 'pipeline',
    actor: owner,
    at: when,
  },
});

const attributed = (opportunityId: string, when: string) => ({
  opportunityId,
  actor: 'tester',
  reason: null,
  at: when,
});

export const triangleFormed = (
  opportunityId: string,
  seats: { ar: string; sr?: string; fr?: string; sponsor?: string },
  when: string,
): Ev<'TriangleFormed'> => ({
  type: 'TriangleFormed',
  data: {
    ...attributed(opportunityId, when),
    ar: seats.ar,
    sr: seats.sr ?? null,
    fr: seats.fr ?? null,
    sponsor: seats.sponsor ?? null,
  },
});

export const stageChanged = (
  opportunityId: string,
  from: string,
  to: string,
  when: string,
): Ev<'OpportunityStageChanged'> => ({
  type: 'OpportunityStageChanged',
  data: {
    ...attributed(opportunityId, when),
    stageId: to,
    previousStageId: from,
    pipelineVersion: 0,
    probabilityBp: 5000,
    forecastCategory: 'pipeline',
  },
});

export const won = (
  opportunityId: string,
  from: string,
  when: string,
  amountMinor = 100_00,
  currency = 'EUR',
): Ev<'OpportunityWon'> => ({
  type: 'OpportunityWon',
  data: {
    ...attributed(opportunityId, when),
    quoteVersion: 1,
    amount: { amountMinor, currency },
    stageId: 'won',
    previousStageId: from,
    pipelineVersion: 0,
  },
});

export const lost = (opportunityId: string, from: string, reasonCode: string, when: string): Ev<'OpportunityLost'> => ({
  type: 'OpportunityLost',
  data: {
    ...attributed(opportunityId, when),
    reasonCode,
    competitor: null,
    note: null,
    stageId: 'lost',
    previousStageId: from,
    pipelineVersion: 0,
  },
});

export const reopened = (opportunityId: string, stageId: string, when: string): Ev<'OpportunityReopened'> => ({
  type: 'OpportunityReopened',
  data: {
    ...attributed(opportunityId, when),
    reason: 'customer came back',
    stageId,
    probabilityBp: 5000,
    forecastCategory: 'pipeline',
  },
});

export const handoffRequested = (
  opportunityId: string,
  handoffId: string,
  from: string,
  to: string,
  when: string,
  dueAt: string,
  escalateAt: string,
): Ev<'HandoffRequested'> => ({
  type: 'HandoffRequested',
  data: {
    opportunityId,
    handoffId,
    from,
    to,
    phase: 'bid',
    notes: 'over to you',
    openItems: ['pricing'],
    dueAt,
    escalateAt,
    at: when,
  },
});

export const handoffAccepted = (
  opportunityId: string,
  handoffId: string,
  from: string,
  to: string,
  when: string,
  secondsToAccept: number,
): Ev<'HandoffAccepted'> => ({
  type: 'HandoffAccepted',
  data: { opportunityId, handoffId, from, to, phase: 'bid', secondsToAccept, at: when },
});

export const handoffDeclined = (
  opportunityId: string,
  handoffId: string,
  from: string,
  to: string,
  when: string,
): Ev<'HandoffDeclined'> => ({
  type: 'HandoffDeclined',
  data: { opportunityId, handoffId, from, to, reason: 'on leave', at: when },
});

export const handoffOverdue = (
  opportunityId: string,
  handoffId: string,
  to: string,
  sponsor: string | null,
  dueAt: string,
  when: string,
): Ev<'HandoffOverdue'> => ({
  type: 'HandoffOverdue',
  data: { opportunityId, handoffId, to, sponsor, dueAt, at: when },
});

export const handoffEscalated = (
  opportunityId: string,
  handoffId: string,
  to: string,
  escalatedTo: string | null,
  escalateAt: string,
  when: string,
): Ev<'HandoffEscalated'> => ({
  type: 'HandoffEscalated',
  data: { opportunityId, handoffId, to, escalatedTo, escalateAt, at: when },
});

export const quoteCreated = (
  opportunityId: string,
  version: number,
  needsApproval: boolean,
  when: string,
): QuoteVersionCreated => ({
  type: 'QuoteVersionCreated',
  data: {
    opportunityId,
    version,
    currency: 'EUR',
    lines: [],
    subtotalMinor: 1000_00,
    discountMinor: needsApproval ? 200_00 : 100_00,
    totalMinor: needsApproval ? 800_00 : 900_00,
    validUntil: '2026-04-30',
    needsApproval,
    approvalThresholdBp: 1500,
    actor: 'tester',
    at: when,
  },
});

export const approvalRequested = (
  opportunityId: string,
  version: number,
  actor: string,
  when: string,
): Ev<'QuoteApprovalRequested'> => ({
  type: 'QuoteApprovalRequested',
  data: { opportunityId, version, actor, at: when },
});

export const quoteApproved = (
  opportunityId: string,
  version: number,
  actor: string,
  requestedBy: string,
  when: string,
): Ev<'QuoteApproved'> => ({
  type: 'QuoteApproved',
  data: { opportunityId, version, requestedBy, actor, note: null, at: when },
});

export const memberChanged = (
  opportunityId: string,
  seat: 'ar' | 'sr' | 'fr' | 'sponsor',
  personId: string | null,
  previousPersonId: string | null,
  when: string,
): Ev<'TriangleMemberChanged'> => ({
  type: 'TriangleMemberChanged',
  data: { ...attributed(opportunityId, when), seat, personId, previousPersonId },
});
