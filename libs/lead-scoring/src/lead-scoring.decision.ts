import { majorUnits } from '#ltc/kernel';
import type { ProcessManagerEffect } from '#ltc/projections';
import { isClosed, type Lead } from '#ltc/leads/domain';
import type { LeadForScoring, LeadInteraction } from './domain/score-lead.js';
import { scoreWithTenant, type TenantScoring } from './score-for-tenant.js';

/** A lead of the event's tenant that the event asks to score, as read just before the decision. */
export interface LeadToScore {
  readonly leadId: string;
  /** Names the dispatch when one event scores many leads (a new model rescores every open one). */
  readonly key?: string;
  readonly lead: Lead;
  readonly interactions: readonly LeadInteraction[];
  /** The tenant's model and its conversion of this lead's source. */
  readonly scoring: TenantScoring;
}

/** Everything one event's scoring decision needs. */
export interface ScoringRound {
  readonly now: Date;
  readonly leads: readonly LeadToScore[];
}

/**
 * One `lead.ScoreLead` per open lead, in the order given, with the breakdown that says
 * which rule gave how many points. A closed lead keeps its last score. The command
 * itself writes nothing when the score is unchanged.
 */
export function decideScores(round: ScoringRound): ProcessManagerEffect[] {
  return round.leads.flatMap((toScore) => decideScore(toScore, round.now));
}

function decideScore(toScore: LeadToScore, now: Date): ProcessManagerEffect[] {
  const { leadId, key, lead, interactions, scoring } = toScore;
  if (isClosed(lead)) return [];
  const { modelVersion } = scoring;
  if (modelVersion === null) return []; // only a preview brings rules of its own
  const score = scoreWithTenant(scoring, { lead: forScoring(lead), interactions, now });
  const command = {
    type: 'lead.ScoreLead',
    payload: {
      leadId,
      score: score.score,
      tier: score.tier,
      attemptTarget: score.attemptTarget,
      responseTargetSeconds: score.responseTargetSeconds,
      modelVersion,
      breakdown: score.breakdown,
    },
  };
  return [{ kind: 'dispatch', command, ...(key ? { options: { key } } : {}) }];
}

/** The attributes of a lead its score is taken from. */
export function forScoring(lead: Lead): LeadForScoring {
  const { profile } = lead;
  return {
    source: profile.source,
    region: profile.region,
    language: profile.language ?? null,
    industry: profile.industry ?? null,
    dealSize: profile.estimatedDealSize ? majorUnits(profile.estimatedDealSize) : null,
    company: profile.company,
    email: profile.contact.email,
    phone: profile.contact.phone,
    tags: lead.tags.map((t) => t.tag),
  };
}
