/** The words of the lead domain that more than one event or command uses. */

export const LEAD_DIRECTIONS = ['inbound', 'outbound'] as const;
export type LeadDirection = (typeof LEAD_DIRECTIONS)[number];

export const TAG_CATEGORIES = ['cognitive_mode', 'important_need', 'purchase_characteristic', 'free'] as const;
export type TagCategory = (typeof TAG_CATEGORIES)[number];

export const INTERACTION_KINDS = [
  'web_visit',
  'content_download',
  'webinar_attended',
  'email_reply',
  'form_fill',
  'event_visit',
  'demo_request',
  'other',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const TIERS = ['A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

/** One line of a score's explanation. */
export interface ScoreLine {
  readonly ruleId: string;
  readonly kind: 'fit' | 'behaviour' | 'source_prior' | 'clamp';
  readonly label: string;
  readonly points: number;
  readonly reason: string;
}

/** The nine distribution methods of the domain brief (hybrid picks one of the others per lead). */
export const PUSH_METHODS = ['round_robin', 'top_producer', 'territory'] as const;
export const POOL_METHODS = ['cherry_pick', 'blind_pull', 'shark_tank'] as const;
export type PushMethod = (typeof PUSH_METHODS)[number];
export type PoolMethod = (typeof POOL_METHODS)[number];
export type AssignmentMethod = PushMethod | PoolMethod | 'shotgun' | 'manual';

/** A rep considered for an assignment, and why they were or weren't chosen. */
export interface AssignmentCandidate {
  readonly repId: string;
  readonly eligible: boolean;
  readonly chosen: boolean;
  readonly reason: string;
}

export const CONTACT_CHANNELS = ['phone', 'email', 'sms', 'linkedin', 'meeting', 'video_call', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'voicemail', 'wrong_number', 'bounced'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const ESCALATIONS = ['notify_manager', 'reassign', 'notify_manager_and_reassign'] as const;
export type Escalation = (typeof ESCALATIONS)[number];

export const DISQUALIFICATION_REASONS = [
  'no_budget',
  'no_authority',
  'no_need',
  'no_timeline',
  'competitor_chosen',
  'unreachable',
  'duplicate',
  'spam',
  'out_of_territory',
  'other',
] as const;
export type DisqualificationReason = (typeof DISQUALIFICATION_REASONS)[number];
