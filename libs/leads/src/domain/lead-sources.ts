/** The channels a lead arrives through (docs/domain.md › Leads › Sources). */
export const LEAD_SOURCES = [
  'website',
  'referral_customer',
  'referral_employee',
  'webinar',
  'social',
  'advertising',
  'paid_search',
  'sales_generated',
  'tradeshow',
  'partner',
  'linkedin',
  'event',
  'lead_list',
  'email_campaign',
  'public_data',
  'phone_sms',
  // A sales need a service engineer found while working a ticket (the lead names the ticket).
  'service',
  'other',
] as const;

export type LeadSource = (typeof LEAD_SOURCES)[number];
