import { DomainError, type Decider, type DomainEvent } from '#ltc/kernel';

/**
 * A bench-only lead that walks a sales pipeline in six steps, one event per step, so
 * every command after the first has to read and fold a growing stream before it decides.
 */
export const STAGES = ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won'] as const;
export type Stage = (typeof STAGES)[number];
export type LaterStage = Exclude<Stage, 'new'>;

/** Commands per lead: one capture, then one move per later stage. */
export const COMMANDS_PER_LEAD = STAGES.length;

export const BENCH_SOURCES = [
  'website',
  'referral_customer',
  'webinar',
  'paid_search',
  'tradeshow',
  'partner',
] as const;
export type BenchSource = (typeof BENCH_SOURCES)[number];

/** A lead came in from a source. */
export type LeadCaptured = DomainEvent<
  'LeadCaptured',
  {
    readonly leadId: string;
    readonly name: string;
    readonly company: string;
    readonly email: string;
    readonly source: BenchSource;
    readonly capturedAt: string;
  }
>;

/** The lead moved one stage on (contacted, qualified, proposal sent, negotiating, won). */
export type LeadAdvanced = DomainEvent<StageEventType, { readonly leadId: string; readonly at: string }>;

export type PipelineEvent = LeadCaptured | LeadAdvanced;

export const EVENT_OF_STAGE = {
  contacted: 'LeadContacted',
  qualified: 'LeadQualified',
  proposal: 'ProposalSent',
  negotiation: 'NegotiationStarted',
  won: 'DealWon',
} as const satisfies Record<LaterStage, string>;
type StageEventType = (typeof EVENT_OF_STAGE)[LaterStage];

/** The stage an event puts its lead in; undefined for events this model does not know. */
export function stageAfter(eventType: string): Stage | undefined {
  if (eventType === 'LeadCaptured') return 'new';
  return STAGE_OF_EVENT.get(eventType);
}
const STAGE_OF_EVENT = new Map<string, LaterStage>(
  Object.entries(EVENT_OF_STAGE).map(([stage, type]) => [type, stage as LaterStage]),
);

export type PipelineCommand =
  | {
      readonly type: 'CaptureLead';
      readonly leadId: string;
      readonly name: string;
      readonly company: string;
      readonly email: string;
      readonly source: BenchSource;
      readonly now: string;
    }
  | { readonly type: 'AdvanceLead'; readonly to: LaterStage; readonly now: string };

export type PipelineState =
  { readonly stage: 'none' } | { readonly stage: Stage; readonly leadId: string; readonly source: BenchSource };

export const pipelineLeadDecider: Decider<PipelineCommand, PipelineEvent, PipelineState> = {
  initialState: () => ({ stage: 'none' }),

  decide(command, state) {
    if (command.type === 'CaptureLead') {
      if (state.stage !== 'none') throw new DomainError('LEAD_ALREADY_EXISTS', `Lead ${command.leadId} exists`);
      const { leadId, name, company, email, source, now } = command;
      return [{ type: 'LeadCaptured', data: { leadId, name, company, email, source, capturedAt: now } }];
    }
    if (state.stage === 'none') throw new DomainError('LEAD_NOT_FOUND', 'No lead to advance');
    const expected = STAGES[STAGES.indexOf(state.stage) + 1];
    if (command.to !== expected) {
      throw new DomainError('LEAD_STAGE_SKIPPED', `Lead ${state.leadId} is ${state.stage}, cannot go to ${command.to}`);
    }
    return [{ type: EVENT_OF_STAGE[command.to], data: { leadId: state.leadId, at: command.now } }];
  },

  evolve(state, event) {
    if (event.type === 'LeadCaptured') {
      return { stage: 'new', leadId: event.data.leadId, source: event.data.source };
    }
    const stage = stageAfter(event.type);
    return state.stage === 'none' || stage === undefined ? state : { ...state, stage };
  },
};

/**
 * The `step`-th command (0 = capture) for lead number `lead`. Deterministic, so the
 * raw baseline and the store do exactly the same work.
 */
export function commandFor(lead: number, step: number, now: string): PipelineCommand {
  const leadId = leadIdOf(lead);
  if (step === 0) {
    return {
      type: 'CaptureLead',
      leadId,
      name: `Prospect ${lead}`,
      company: `Company ${lead % 997} GmbH`,
      email: `buyer${lead}@example.com`,
      source: BENCH_SOURCES[lead % BENCH_SOURCES.length] ?? 'website',
      now,
    };
  }
  const to = STAGES[step];
  if (to === undefined || to === 'new') throw new RangeError(`No command number ${step} in a lead's life`);
  return { type: 'AdvanceLead', to, now };
}

export function leadIdOf(lead: number): string {
  return `L${lead.toString().padStart(7, '0')}`;
}

export function streamOfLead(lead: number): string {
  return `lead-${leadIdOf(lead)}`;
}
