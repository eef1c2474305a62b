import { LEAD_SOURCES, type LeadSource } from '#ltc/leads';

/**
 * The figures the demo history follows (docs/domain.md › Leads › Conversion): about 13 % of
 * leads become opportunities, website and referrals best, bought lists and email campaigns
 * worst. `share`: how many of the leads come through the source; `converts`: the share of
 * them that becomes an opportunity. Service leads are raised from tickets, not captured.
 */
export const SOURCE_FIGURES: Readonly<Record<Exclude<LeadSource, 'service'>, { share: number; converts: number }>> = {
  website: { share: 16, converts: 0.22 },
  referral_customer: { share: 5, converts: 0.3 },
  referral_employee: { share: 3, converts: 0.26 },
  webinar: { share: 8, converts: 0.14 },
  social: { share: 6, converts: 0.06 },
  advertising: { share: 6, converts: 0.05 },
  paid_search: { share: 9, converts: 0.1 },
  sales_generated: { share: 7, converts: 0.15 },
  tradeshow: { share: 5, converts: 0.12 },
  partner: { share: 5, converts: 0.17 },
  linkedin: { share: 6, converts: 0.09 },
  event: { share: 4, converts: 0.11 },
  lead_list: { share: 8, converts: 0.02 },
  email_campaign: { share: 7, converts: 0.03 },
  public_data: { share: 3, converts: 0.04 },
  phone_sms: { share: 2, converts: 0.1 },
  other: { share: 2, converts: 0.07 },
};

export type CapturedSource = keyof typeof SOURCE_FIGURES;

export const CAPTURED_SOURCES = LEAD_SOURCES.filter((s): s is CapturedSource => s !== 'service');

/** The average conversion the figures give: leads = deals / this. */
export const AVERAGE_CONVERSION = 0.13;

/** Sources whose leads sales goes out for rather than receives. */
export const OUTBOUND_SOURCES: readonly CapturedSource[] = ['sales_generated', 'lead_list', 'public_data', 'linkedin'];

export interface TeamPlan {
  readonly id: string;
  readonly name: string;
  readonly manager: string;
  readonly regions: readonly string[];
  readonly languages: readonly string[];
  readonly share: number;
  readonly policy: Record<string, unknown>;
}

/** Three teams, each routing its leads its own way. */
export const TEAMS: readonly TeamPlan[] = [
  {
    id: 'nordics',
    name: 'Nordics',
    manager: 'maria',
    regions: ['Nordics'],
    languages: ['sv', 'no', 'da', 'fi'],
    share: 40,
    policy: { method: 'round_robin', escalation: 'notify_manager' },
  },
  {
    id: 'central',
    name: 'DACH and Benelux',
    manager: 'magnus',
    regions: ['DACH', 'Benelux'],
    languages: ['de', 'nl'],
    share: 35,
    policy: { method: 'territory', escalation: 'notify_manager', responseTargetSeconds: { default: 900 } },
  },
  {
    id: 'americas',
    name: 'Americas',
    manager: 'sofia',
    regions: ['North America', 'LATAM'],
    languages: ['en', 'es'],
    share: 25,
    policy: {
      method: 'hybrid',
      hybrid: {
        bySource: { partner: 'manual', lead_list: 'shark_tank', public_data: 'shark_tank' },
        inbound: 'round_robin',
        outbound: 'cherry_pick',
        default: 'round_robin',
      },
      // Pulled leads stay open a while: room for a busy rep to keep claiming.
      claimCapPerRep: 80,
      escalation: 'notify_manager',
    },
  },
];

export interface RepPlan {
  readonly id: string;
  readonly name: string;
  readonly role: 'ar' | 'sr' | 'fr';
  readonly team: string | null;
  readonly territories?: Record<string, unknown>;
}

/** Account reps in the teams; solution and fulfilment people serve every team. */
export const REPS: readonly RepPlan[] = [
  { id: 'ingrid', name: 'Ingrid Lund', role: 'ar', team: 'nordics' },
  { id: 'olaf', name: 'Olaf Berg', role: 'ar', team: 'nordics' },
  { id: 'anna', name: 'Anna Keller', role: 'ar', team: 'central', territories: { regions: ['DACH'] } },
  { id: 'lukas', name: 'Lukas de Vries', role: 'ar', team: 'central' },
  { id: 'carlos', name: 'Carlos Rivera', role: 'ar', team: 'americas' },
  { id: 'emma', name: 'Emma Walker', role: 'ar', team: 'americas' },
  { id: 'sven', name: 'Sven Dahl', role: 'sr', team: null },
  { id: 'priya', name: 'Priya Nair', role: 'sr', team: null },
  { id: 'fia', name: 'Fia Holm', role: 'fr', team: null },
  { id: 'tomas', name: 'Tomas Novak', role: 'fr', team: null },
];

/** What is sold: unit prices in euro cents, multiples of 10 000 so every discount in 5 % steps is exact. */
export const PRODUCTS = [
  { sku: 'TLM-100', description: 'Telematics unit', unitMinor: 100_000 },
  { sku: 'FMS-PRO', description: 'Fleet software, yearly licence per vehicle', unitMinor: 40_000 },
  { sku: 'INS-SVC', description: 'Installation per vehicle', unitMinor: 20_000 },
] as const;

export const FIRST_NAMES = [
  'Astrid',
  'Bjorn',
  'Clara',
  'David',
  'Elin',
  'Felix',
  'Greta',
  'Hugo',
  'Ida',
  'Jonas',
  'Karin',
  'Leon',
  'Maja',
  'Nils',
  'Oskar',
  'Paula',
  'Rasmus',
  'Sara',
  'Timo',
  'Ulla',
  'Viktor',
  'Wilma',
  'Yusuf',
  'Zoe',
  'Mateo',
  'Lucia',
  'Noah',
  'Olivia',
  'Liam',
  'Sofia',
  'Daan',
  'Fenna',
  'Lars',
  'Heidi',
  'Jan',
  'Eva',
];

export const LAST_NAMES = [
  'Andersson',
  'Bakker',
  'Carlsen',
  'Dijkstra',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Hansen',
  'Isaksen',
  'Jansen',
  'Koch',
  'Lindqvist',
  'Meyer',
  'Nieminen',
  'Olsen',
  'Peters',
  'Quist',
  'Rossi',
  'Schmidt',
  'Torres',
  'Virtanen',
  'Weber',
  'Young',
  'Zimmermann',
  'Brown',
  'Lopez',
  'Miller',
  'Nordin',
];

export const COMPANY_WORDS = [
  'Nord',
  'Alp',
  'Fjord',
  'Rhein',
  'Delta',
  'Polar',
  'Atlas',
  'Sierra',
  'Baltic',
  'Granite',
  'Harbor',
  'Meridian',
  'Pioneer',
  'Summit',
  'Tundra',
  'Vista',
  'Linde',
  'Oak',
  'River',
  'Coast',
  'Prairie',
  'Andes',
];

export const COMPANY_KINDS = ['Frakt', 'Logistics', 'Transport', 'Haulage', 'Freight', 'Cargo', 'Express', 'Lines'];

export const COMPANY_FORMS: Readonly<Record<string, readonly string[]>> = {
  Nordics: ['AB', 'AS', 'Oy', 'ApS'],
  DACH: ['GmbH', 'AG'],
  Benelux: ['BV', 'NV'],
  'North America': ['Inc', 'LLC'],
  LATAM: ['SA', 'Ltda'],
};

export const INDUSTRIES = ['logistics', 'retail', 'construction', 'food', 'utilities', 'public_transport'];
