import type { LeadSource } from '#ltc/leads/domain';
import type { ScoringModel } from './scoring-model.js';

/**
 * The average lead → opportunity conversion (docs/domain.md › Leads › Conversion: about 13%); used for a
 * source with no default.
 */
export const AVERAGE_CONVERSION_RATE = 0.13;

/**
 * Starting conversion rates per source, until a tenant has measured its own. They follow
 * docs/domain.md › Leads › Conversion: referrals and the website convert best, bought lists and email campaigns
 * worst, around an average of about 13%.
 */
export const DEFAULT_SOURCE_CONVERSION_RATES: Readonly<Record<LeadSource, number>> = {
  referral_customer: 0.25,
  referral_employee: 0.22,
  website: 0.2,
  webinar: 0.15,
  partner: 0.15,
  // An existing customer's need, found by service (added with the source; no earlier lead had it):
  // a customer who already buys, below a referral, which arrives with a recommendation.
  service: 0.15,
  sales_generated: 0.12,
  tradeshow: 0.12,
  event: 0.11,
  linkedin: 0.1,
  paid_search: 0.1,
  social: 0.08,
  advertising: 0.08,
  phone_sms: 0.08,
  public_data: 0.05,
  email_campaign: 0.04,
  lead_list: 0.03,
  other: AVERAGE_CONVERSION_RATE,
};

/**
 * The model every tenant starts with (version 1). Frozen on purpose: "version 1" must
 * mean the same rules in every tenant and in every release, so a better default is a
 * new model that tenants move to by a saved change, never an edit here.
 *
 * The one correction since: its two tag rules named `decision_maker` and `budget_confirmed`,
 * tags no lead can carry (tags are hyphenated), so they could never fire; they now name
 * `decision-maker` and `budget-confirmed`. No score ever came from the old spelling.
 *
 * With weight 100 the source prior adds the source's conversion percentage (a referral
 * 25 points, a bought list 3). A website lead with email, phone and company scores
 * 25 + 20 = 45 (tier B); a demo request on top lifts it to 65 (tier A).
 */
export const DEFAULT_SCORING_MODEL: ScoringModel = deepFreeze({
  version: 1,
  fitRules: [
    { id: 'has-email', label: 'Has an email address', field: 'email', op: 'present', points: 10 },
    {
      id: 'has-phone',
      label: 'Has a phone number (can be called within minutes)',
      field: 'phone',
      op: 'present',
      points: 10,
    },
    { id: 'has-company', label: 'Names the company', field: 'company', op: 'present', points: 5 },
    {
      id: 'deal-size-20k',
      label: 'Deal size of at least 20,000',
      field: 'dealSize',
      op: 'gte',
      value: 20_000,
      points: 10,
    },
    {
      id: 'deal-size-100k',
      label: 'Deal size of at least 100,000 (on top of 20,000)',
      field: 'dealSize',
      op: 'gte',
      value: 100_000,
      points: 10,
    },
    {
      id: 'reaches-decision-maker',
      label: 'Contact is a decision maker',
      field: 'tag',
      op: 'equals',
      value: 'decision-maker',
      points: 10,
    },
    {
      id: 'budget-confirmed',
      label: 'Budget confirmed',
      field: 'tag',
      op: 'equals',
      value: 'budget-confirmed',
      points: 10,
    },
  ],
  behaviourRules: [
    {
      id: 'demo-request',
      label: 'Asked for a demo',
      interaction: 'demo_request',
      points: 20,
      maxCount: 1,
      withinDays: 30,
    },
    { id: 'form-fill', label: 'Filled in a form', interaction: 'form_fill', points: 8, maxCount: 2, withinDays: 30 },
    {
      id: 'webinar-attended',
      label: 'Attended a webinar',
      interaction: 'webinar_attended',
      points: 8,
      maxCount: 2,
      withinDays: 60,
    },
    {
      id: 'email-reply',
      label: 'Replied to an email',
      interaction: 'email_reply',
      points: 6,
      maxCount: 2,
      withinDays: 30,
    },
    {
      id: 'event-visit',
      label: 'Visited our stand or event',
      interaction: 'event_visit',
      points: 6,
      maxCount: 2,
      withinDays: 90,
    },
    {
      id: 'content-download',
      label: 'Downloaded content',
      interaction: 'content_download',
      points: 4,
      maxCount: 3,
      withinDays: 30,
    },
    { id: 'web-visit', label: 'Visited the website', interaction: 'web_visit', points: 1, maxCount: 5, withinDays: 14 },
  ],
  sourcePrior: {
    weight: 100,
    defaultRates: DEFAULT_SOURCE_CONVERSION_RATES,
    minLeadsForMeasuredRate: 30,
  },
  tiers: {
    // docs/domain.md › Leads › Speed and persistence: about 6 attempts is best, and a web lead called
    // within 5 minutes is far likelier reached.
    A: { minScore: 60, attemptTarget: 6, responseTargetSeconds: 300 },
    B: { minScore: 35, attemptTarget: 4, responseTargetSeconds: 3_600 },
    C: { minScore: 0, attemptTarget: 2, responseTargetSeconds: 86_400 },
  },
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
