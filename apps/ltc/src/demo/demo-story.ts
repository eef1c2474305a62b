import type { Role } from '#ltc/platform';
import { Agenda, type DemoEngine } from './demo-engine.js';
import {
  AVERAGE_CONVERSION,
  CAPTURED_SOURCES,
  COMPANY_FORMS,
  COMPANY_KINDS,
  COMPANY_WORDS,
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  OUTBOUND_SOURCES,
  PRODUCTS,
  REPS,
  SOURCE_FIGURES,
  TEAMS,
  type CapturedSource,
  type TeamPlan,
} from './demo-figures.js';
import { Dice } from './random.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface StoryOptions {
  readonly deals: number;
  readonly seed: number;
  readonly start: Date;
  readonly end: Date;
}

/** What the story wrote, for the summary. */
export interface StoryFigures {
  leads: number;
  serviceLeads: number;
  attempts: number;
  qualified: number;
  disqualified: number;
  nurtured: number;
  converted: number;
  dealsWon: number;
  dealsLost: number;
  quotesSent: number;
  contractsSigned: number;
  handedOver: number;
  purchaseOrders: number;
  deliveries: number;
  invoices: number;
  payments: number;
  tickets: number;
  escalated: number;
  resolved: number;
  closed: number;
  /** Steps planned past the end of the story: the work still open on its last day. */
  openAtEnd: number;
}

type LeadFate = 'convert' | 'disqualify' | 'nurture' | 'idle';
type DealFate = 'won' | 'lost' | 'open';

interface Customer {
  readonly company: string;
  readonly domain: string;
  readonly region: string;
  readonly language: string;
  readonly industry: string;
}

interface LeadPlan {
  readonly source: CapturedSource;
  readonly team: TeamPlan;
  readonly fate: LeadFate;
  readonly dealFate: DealFate;
  readonly capturedAt: number;
  readonly customer: Customer;
  readonly contact: string;
  readonly email: string;
  /** Vehicles in the fleet: what the deal is sized by. */
  readonly units: number;
}

interface Deal {
  readonly id: string;
  readonly plan: LeadPlan;
  readonly ar: string;
  readonly sr: string;
  readonly fr: string;
  readonly sponsor: string;
  leader: string;
  quoteVersion: number;
  discountBp: number;
  totalMinor: number;
  /** What the winning quote sells: the orders follow it. */
  skus: string[];
}

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The same moment, or the next working one (Monday to Friday, 08:00 to 17:00 UTC). */
function workingTime(at: number): number {
  let moment = Math.round(at / MINUTE) * MINUTE;
  for (let i = 0; i < 8; i += 1) {
    const date = new Date(moment);
    const weekday = date.getUTCDay();
    const hour = date.getUTCHours();
    const morning = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 8) + (moment % (2 * HOUR));
    if (weekday === 0 || weekday === 6) moment = morning + DAY;
    else if (hour < 8) moment = morning;
    else if (hour >= 17) moment = morning + DAY;
    else return moment;
  }
  return moment;
}

/**
 * A multi-month history of one tenant told through the engine's routes: the sales
 * organisation, leads from every source worked by their reps, deals through the iron
 * triangle, contracts to cash and service tickets under them. Every choice comes from
 * the seeded dice and every step happens at a planned business time, so one seed always
 * writes the same history.
 */
export class DemoStory {
  readonly figures: StoryFigures = {
    leads: 0,
    serviceLeads: 0,
    attempts: 0,
    qualified: 0,
    disqualified: 0,
    nurtured: 0,
    converted: 0,
    dealsWon: 0,
    dealsLost: 0,
    quotesSent: 0,
    contractsSigned: 0,
    handedOver: 0,
    purchaseOrders: 0,
    deliveries: 0,
    invoices: 0,
    payments: 0,
    tickets: 0,
    escalated: 0,
    resolved: 0,
    closed: 0,
    openAtEnd: 0,
  };
  private readonly dice: Dice;
  private readonly agenda = new Agenda();
  private readonly start: number;
  private readonly end: number;
  private auditor = '';
  private contactsMade = 0;

  constructor(
    private readonly engine: DemoEngine,
    private readonly options: StoryOptions,
  ) {
    this.dice = new Dice(options.seed);
    this.start = options.start.getTime();
    this.end = options.end.getTime();
  }

  /** Tells the whole story; `onDay` hears how many of its days have passed. */
  async tell(onDay: (days: number) => void): Promise<void> {
    this.auditor = await this.engine.token('demo-auditor', ['auditor']);
    await this.organise();
    for (const lead of this.planLeads()) this.agenda.at(lead.capturedAt, () => this.capture(lead));
    for (;;) {
      const step = this.agenda.take(this.end);
      if (!step) break;
      if (step.at > this.engine.clock.now().getTime()) {
        await this.engine.advanceTo(step.at, this.auditor);
        onDay(Math.floor((step.at - this.start) / DAY));
      }
      await step.run();
      // What the step set off is written before the next one starts: the log's order is the seed's too.
      await this.engine.settle(this.auditor);
    }
    this.figures.openAtEnd = this.agenda.dropAll();
    await this.engine.advanceTo(this.end, this.auditor);
    await this.engine.settle(this.auditor);
    onDay(Math.floor((this.end - this.start) / DAY));
  }

  private later(from: number, minMs: number, maxMs: number, work = true): number {
    const at = from + Math.max(MINUTE, Math.round(this.dice.between(minMs, maxMs)));
    return work ? Math.max(workingTime(at), from + MINUTE) : at;
  }

  private token(sub: string, roles: readonly Role[]): Promise<string> {
    return this.engine.token(sub, roles);
  }

  private repRole(repId: string): Role {
    return REPS.find((r) => r.id === repId)?.role ?? 'ar';
  }

  // ── the organisation ────────────────────────────────────────────────────────────────

  private async organise(): Promise<void> {
    const e = this.engine;
    for (const team of TEAMS) {
      const manager = await this.token(team.manager, ['sales_manager']);
      await e.command('POST', '/teams', manager, { id: team.id, name: team.name, managerId: team.manager });
    }
    const maria = await this.token('maria', ['sales_manager']);
    for (const rep of REPS) {
      const manager = rep.team ? await this.token(teamOf(rep.team).manager, ['sales_manager']) : maria;
      await e.command('POST', '/reps', manager, {
        id: rep.id,
        name: rep.name,
        email: `${rep.id}@ltc-demo.example`,
        roles: [rep.role],
        ...(rep.team ? { team: rep.team } : {}),
        ...(rep.territories ? { territories: rep.territories } : {}),
        capacity: { maxOpenLeads: 150, dailyQuota: 0 },
      });
    }
    for (const team of TEAMS) {
      const manager = await this.token(team.manager, ['sales_manager']);
      await e.command('PUT', `/distribution-policies/${team.id}`, manager, team.policy);
    }
    const sam = await this.token('sam', ['service_manager']);
    const targets = {
      P1: { responseMinutes: 15, resolutionMinutes: 240 },
      P2: { responseMinutes: 30, resolutionMinutes: 480 },
      P3: { responseMinutes: 120, resolutionMinutes: 1440 },
      P4: { responseMinutes: 240, resolutionMinutes: 2880 },
    };
    await e.command('PUT', '/sla-policies/default', sam, {
      name: 'Standard support',
      targets,
      calendarId: null,
      pauseOn: ['customer', 'third_party'],
      warnAtPercent: 75,
      escalations: [
        { on: 'warning', clock: 'any', action: 'notify_group_lead' },
        { on: 'breach', clock: 'any', action: 'notify_group_lead' },
      ],
      ola: { byLine: { 1: 60, 2: 240, 3: 960 }, byKind: {} },
      independentVerification: true,
      reopenWindowDays: 7,
    });
    await e.command('PUT', '/service-groups/hotline', sam, {
      name: 'Hotline',
      line: 1,
      lead: 'lena',
      members: ['ali', 'lena'],
    });
    await e.command('PUT', '/service-groups/experts', sam, {
      name: 'Experts',
      line: 2,
      lead: 'eric',
      members: ['eric'],
    });
    await e.command('PUT', '/service-groups/rnd', sam, { name: 'R&D', line: 3, lead: 'rita', members: ['rita'] });
    await e.settle(this.auditor);
  }

  // ── the plan: which leads come, when, and how each ends ─────────────────────────────

  private planLeads(): LeadPlan[] {
    const d = this.dice;
    const deals = this.options.deals;
    const count = Math.max(CAPTURED_SOURCES.length, Math.round(deals / AVERAGE_CONVERSION));
    // Every source at least once, the rest as the sources' shares say.
    const shares = CAPTURED_SOURCES.map((s) => [s, SOURCE_FIGURES[s].share] as const);
    const sources = d.shuffle([
      ...CAPTURED_SOURCES,
      ...Array.from({ length: count - CAPTURED_SOURCES.length }, () => d.weighted(shares)),
    ]);
    // Exactly `deals` of them convert, the likelier the better their source converts (weighted sampling).
    const keys = sources.map((s, i) => ({
      i,
      key: Math.log(d.float() || Number.MIN_VALUE) / SOURCE_FIGURES[s].converts,
    }));
    const converting = new Set(
      keys
        .sort((a, b) => b.key - a.key)
        .slice(0, Math.min(deals, count))
        .map((k) => k.i),
    );
    const wins = Math.max(deals > 0 ? 1 : 0, Math.round(deals * 0.4));
    const losses = Math.round(deals * 0.35);
    const dealFates = d.shuffle<DealFate>([
      ...Array<DealFate>(wins).fill('won'),
      ...Array<DealFate>(Math.max(0, Math.min(losses, deals - wins))).fill('lost'),
      ...Array<DealFate>(Math.max(0, deals - wins - losses)).fill('open'),
    ]);
    const span = this.end - this.start;
    const customers: Customer[] = [];
    const plans: LeadPlan[] = [];
    sources.forEach((source, i) => {
      const convert = converting.has(i);
      const fate: LeadFate = convert
        ? 'convert'
        : d.weighted<LeadFate>([
            ['disqualify', 45],
            ['nurture', 15],
            ['idle', 40],
          ]);
      const dealFate: DealFate = convert ? (dealFates.shift() ?? 'open') : 'open';
      // Won deals start early enough to reach cash; open ones late; the rest anywhere before the end.
      const window =
        fate !== 'convert' ? [0, 0.92] : dealFate === 'won' ? [0, 0.45] : dealFate === 'lost' ? [0, 0.75] : [0.55, 0.9];
      const capturedAt = workingTime(this.start + Math.round(span * d.between(window[0] ?? 0, window[1] ?? 1)));
      const team = d.weighted(TEAMS.map((t) => [t, t.share] as const));
      const customer =
        customers.length > 8 && d.chance(0.15)
          ? d.pick(customers.filter((c) => team.regions.includes(c.region)).concat(customers.slice(0, 1)))
          : this.customer(team, customers);
      const first = d.pick(FIRST_NAMES);
      const last = d.pick(LAST_NAMES);
      plans.push({
        source,
        team,
        fate,
        dealFate,
        capturedAt,
        customer,
        contact: `${first} ${last}`,
        email: `${first}.${last}.${i + 1}@${customer.domain}`.toLowerCase(),
        units: d.weighted([
          [d.int(5, 20), 50],
          [d.int(20, 80), 35],
          [d.int(80, 250), 15],
        ]),
      });
    });
    return plans;
  }

  private customer(team: TeamPlan, known: Customer[]): Customer {
    const d = this.dice;
    const region = d.pick(team.regions);
    const word = d.pick(COMPANY_WORDS);
    const kind = d.pick(COMPANY_KINDS);
    const form = d.pick(COMPANY_FORMS[region] ?? ['Ltd']);
    const company = `${word}${kind.toLowerCase()} ${form}`.replace(/^./, (c) => c.toUpperCase());
    const customer = {
      company: `${company}${known.some((c) => c.company === company) ? ` ${known.length + 1}` : ''}`,
      domain: `${word}${kind}${known.length + 1}.example`.toLowerCase(),
      region,
      language: d.pick(team.languages),
      industry: d.pick(INDUSTRIES),
    };
    known.push(customer);
    return customer;
  }

  // ── leads ───────────────────────────────────────────────────────────────────────────

  private async capture(plan: LeadPlan): Promise<void> {
    const d = this.dice;
    const manager = await this.token(plan.team.manager, ['sales_manager']);
    const captured = await this.engine.command('POST', '/leads', manager, {
      name: d.pick([
        'Fleet telematics',
        'Route optimisation',
        'Cold-chain monitoring',
        'Driver safety',
        'Fuel savings',
      ]),
      company: plan.customer.company,
      contactPerson: plan.contact,
      email: plan.email,
      source: plan.source,
      team: plan.team.id,
      region: plan.customer.region,
      language: plan.customer.language,
      industry: plan.customer.industry,
      direction: OUTBOUND_SOURCES.includes(plan.source) ? 'outbound' : 'inbound',
      dealSize: eur(plan.units * 160_000),
      notes: `About ${plan.units} vehicles`,
    });
    if (!captured) return;
    this.figures.leads += 1;
    const leadId = String(captured['id']);
    this.agenda.at(this.later(plan.capturedAt, MINUTE, 3 * MINUTE, false), () => this.route(leadId, plan));
  }

  private async leadState(leadId: string) {
    const events = await this.engine.events(`lead-${leadId}`, this.auditor);
    let owner: string | null = null;
    let closed = false;
    let nurturing = false;
    for (const event of events) {
      if (event.type === 'LeadAssigned') owner = String(event.data['repId']);
      if (event.type === 'LeadRecycled' || event.type === 'LeadPooled') owner = null;
      if (['LeadConverted', 'LeadDisqualified', 'LeadArchived'].includes(event.type)) closed = true;
      if (event.type === 'LeadNurtured') nurturing = true;
      if (event.type === 'LeadReactivated') nurturing = false;
    }
    return { owner, closed, nurturing };
  }

  /** Pooled or manual leads are taken by a rep of the team or given by its manager. */
  private async route(leadId: string, plan: LeadPlan): Promise<void> {
    const state = await this.leadState(leadId);
    if (!state.owner && !state.closed) {
      const reps = REPS.filter((r) => r.team === plan.team.id);
      const rep = this.dice.pick(reps);
      if (plan.source === 'partner') {
        const manager = await this.token(plan.team.manager, ['sales_manager']);
        await this.engine.command('POST', `/leads/${leadId}/assign`, manager, {
          repId: rep.id,
          reason: `${rep.name} knows the partner`,
        });
      } else {
        await this.engine.command('POST', `/leads/${leadId}/claim`, await this.token(rep.id, [rep.role]), {});
      }
    }
    // Speed to lead: some reps call within minutes, others hours or days later.
    const first = this.dice.weighted<[number, number]>([
      [[MINUTE, 4 * MINUTE], 35],
      [[6 * MINUTE, 30 * MINUTE], 25],
      [[30 * MINUTE, 3 * HOUR], 20],
      [[3 * HOUR, 2 * DAY], 20],
    ]);
    const attempts = this.dice.weighted([
      [1, 22],
      [2, 20],
      [3, 16],
      [4, 12],
      [5, 10],
      [6, 12],
      [7, 5],
      [8, 3],
    ]);
    // Counted from the capture, as the speed-to-lead clock counts it.
    const at = Math.max(
      this.engine.clock.now().getTime() + MINUTE,
      this.later(plan.capturedAt, first[0], first[1], first[1] > HOUR),
    );
    this.agenda.at(at, () => this.attempt(leadId, plan, 1, attempts));
  }

  private async attempt(leadId: string, plan: LeadPlan, n: number, of: number): Promise<void> {
    const state = await this.leadState(leadId);
    if (!state.owner || state.closed) return;
    const last = n >= of;
    const reached = last ? plan.fate !== 'idle' : this.dice.chance(0.12);
    const outcome = reached
      ? 'reached'
      : this.dice.weighted([
          ['no_answer', 50],
          ['voicemail', 35],
          ['wrong_number', 5],
          ['bounced', 10],
        ]);
    const answered = await this.engine.command(
      'POST',
      `/leads/${leadId}/attempts`,
      await this.token(state.owner, [this.repRole(state.owner)]),
      {
        channel: this.dice.weighted([
          ['phone', 50],
          ['email', 25],
          ['linkedin', 10],
          ['video_call', 10],
          ['sms', 5],
        ]),
        outcome,
        ...(reached ? { note: 'Spoke with the contact' } : {}),
      },
    );
    if (answered) this.figures.attempts += 1;
    const now = this.engine.clock.now().getTime();
    if (!last) {
      this.agenda.at(this.later(now, 2 * HOUR, 3 * DAY), () => this.attempt(leadId, plan, n + 1, of));
      return;
    }
    if (plan.fate === 'convert') this.agenda.at(this.later(now, HOUR, 4 * DAY), () => this.qualify(leadId, plan));
    else if (plan.fate === 'disqualify')
      this.agenda.at(this.later(now, 10 * MINUTE, 2 * DAY), () => this.disqualify(leadId, plan));
    else if (plan.fate === 'nurture')
      this.agenda.at(this.later(now, 10 * MINUTE, DAY), () => this.nurture(leadId, plan));
    // idle: nobody works it again; the engine recycles it to the pool and archives it in time.
  }

  private async ownerToken(leadId: string): Promise<string | undefined> {
    const state = await this.leadState(leadId);
    if (!state.owner || state.closed) return undefined;
    return this.token(state.owner, [this.repRole(state.owner)]);
  }

  private async qualify(leadId: string, plan: LeadPlan): Promise<void> {
    const token = await this.ownerToken(leadId);
    if (!token) return;
    const d = this.dice;
    const qualified = await this.engine.command('POST', `/leads/${leadId}/qualify`, token, {
      budget: `EUR ${Math.round((plan.units * 1_600) / 1000)}k in this year's budget`,
      authority: d.pick(['COO signs', 'CFO signs; fleet manager recommends', 'Managing director decides']),
      need: d.pick([
        'Fleet visibility',
        'Cut empty-running kilometres',
        'Prove cold-chain temperatures',
        'Fewer accidents',
      ]),
      timeline: d.pick(['This quarter', 'Next quarter', 'Before the winter season']),
    });
    if (!qualified) return;
    this.figures.qualified += 1;
    this.agenda.at(this.later(this.engine.clock.now().getTime(), HOUR, 3 * DAY), () => this.convert(leadId, plan));
  }

  private async convert(leadId: string, plan: LeadPlan): Promise<void> {
    const state = await this.leadState(leadId);
    if (!state.owner || state.closed) return;
    const converted = await this.engine.command(
      'POST',
      `/leads/${leadId}/convert`,
      await this.token(state.owner, [this.repRole(state.owner)]),
    );
    if (!converted) return;
    this.figures.converted += 1;
    const d = this.dice;
    const deal: Deal = {
      id: String(converted['dealId']),
      plan,
      ar: state.owner,
      sr: d.pick(['sven', 'priya']),
      fr: d.pick(['fia', 'tomas']),
      sponsor: plan.team.manager,
      leader: state.owner,
      quoteVersion: 0,
      discountBp: 0,
      totalMinor: 0,
      skus: [],
    };
    this.agenda.at(this.later(this.engine.clock.now().getTime(), HOUR, 2 * DAY), () => this.formTriangle(deal));
  }

  private async disqualify(leadId: string, plan: LeadPlan): Promise<void> {
    const token = await this.ownerToken(leadId);
    if (!token) return;
    const bought = plan.source === 'lead_list' || plan.source === 'public_data';
    const reasonCode = this.dice.weighted([
      ['no_budget', 22],
      ['no_need', 20],
      ['unreachable', 14],
      ['no_timeline', 12],
      ['competitor_chosen', 10],
      ['no_authority', 8],
      ['spam', bought ? 10 : 2],
      ['out_of_territory', 3],
      ['duplicate', 2],
    ]);
    if (await this.engine.command('POST', `/leads/${leadId}/disqualify`, token, { reasonCode }))
      this.figures.disqualified += 1;
  }

  private async nurture(leadId: string, plan: LeadPlan): Promise<void> {
    const token = await this.ownerToken(leadId);
    if (!token) return;
    const back = workingTime(this.engine.clock.now().getTime() + this.dice.int(20, 60) * DAY);
    const nurtured = await this.engine.command('POST', `/leads/${leadId}/nurture`, token, {
      reactivateOn: new Date(back).toISOString(),
      reason: this.dice.pick([
        'Budget cycle starts later',
        'Contract with the current supplier runs out',
        'Reorganising',
      ]),
    });
    if (!nurtured) return;
    this.figures.nurtured += 1;
    // Back from nurture (the engine reactivates it on the date): a few more tries, then a verdict.
    const again: LeadPlan = { ...plan, fate: this.dice.chance(0.5) ? 'disqualify' : 'idle' };
    const tries = this.dice.int(1, 3);
    this.agenda.at(this.later(back, HOUR, 3 * DAY), () => this.attempt(leadId, again, 1, tries));
  }

  // ── deals ───────────────────────────────────────────────────────────────────────────

  private dealToken(person: string): Promise<string> {
    return this.token(person, [this.repRole(person)]);
  }

  private async formTriangle(deal: Deal): Promise<void> {
    const e = this.engine;
    const ar = await this.dealToken(deal.ar);
    const path = `/opportunities/${deal.id}`;
    const triangle = { ar: deal.ar, sr: deal.sr, fr: deal.fr, sponsor: deal.sponsor };
    if (!(await e.command('PUT', `${path}/triangle`, ar, triangle))) return;
    await e.command('POST', `${path}/stage`, ar, {
      stage: 'develop_solution',
      reason: 'Need confirmed with the customer',
    });
    const now = e.clock.now().getTime();
    if (deal.plan.dealFate === 'lost' && this.dice.chance(0.35)) {
      this.agenda.at(this.later(now, 3 * DAY, 20 * DAY), () => this.lose(deal));
    } else if (deal.plan.dealFate === 'open' && this.dice.chance(0.3)) {
      // Still developing the solution when the story ends.
    } else {
      this.agenda.at(this.later(now, 3 * DAY, 14 * DAY), () => this.toBid(deal));
    }
  }

  private async toBid(deal: Deal): Promise<void> {
    const e = this.engine;
    const ar = await this.dealToken(deal.ar);
    const path = `/opportunities/${deal.id}`;
    if (!(await e.command('POST', `${path}/stage`, ar, { stage: 'bid', reason: 'Solution agreed' }))) return;
    const asked = await e.command('POST', `${path}/handoffs`, ar, {
      to: deal.sr,
      phase: 'bid',
      notes: `About ${deal.plan.units} vehicles`,
      openItems: ['Confirm the fleet size'],
    });
    if (!asked) return;
    // Most SRs answer within hours; some let the acceptance target pass.
    const wait = this.dice.chance(0.15) ? [26 * HOUR, 40 * HOUR] : [20 * MINUTE, 20 * HOUR];
    const at = this.later(e.clock.now().getTime(), wait[0] ?? HOUR, wait[1] ?? HOUR, false);
    this.agenda.at(at, () => this.acceptBid(deal, String(asked['handoffId'])));
  }

  private async acceptBid(deal: Deal, handoffId: string): Promise<void> {
    const sr = await this.dealToken(deal.sr);
    const path = `/opportunities/${deal.id}/handoffs/${handoffId}/accept`;
    if (!(await this.engine.command('POST', path, sr))) return;
    deal.leader = deal.sr;
    this.agenda.at(this.later(this.engine.clock.now().getTime(), DAY, 8 * DAY), () => this.quote(deal));
  }

  private async quote(deal: Deal): Promise<void> {
    const e = this.engine;
    const d = this.dice;
    const sr = await this.dealToken(deal.sr);
    const path = `/opportunities/${deal.id}`;
    const revision = deal.quoteVersion > 0;
    deal.discountBp = revision
      ? Math.min(2500, deal.discountBp + 500)
      : d.weighted([
          [0, 30],
          [500, 25],
          [1000, 25],
          [1500, 10],
          [2000, 10],
        ]);
    const lines = PRODUCTS.filter((p) => p.sku !== 'INS-SVC' || d.chance(0.6)).map((p) => ({
      sku: p.sku,
      description: p.description,
      quantity: deal.plan.units,
      unitPrice: eur(p.unitMinor),
      discountBp: deal.discountBp,
    }));
    const validUntil = day(e.clock.now().getTime() + 60 * DAY);
    const created = await e.command('POST', `${path}/quotes`, sr, { lines, validUntil });
    if (!created) return;
    const version = Number(created['version']);
    if (created['needsApproval'] === true) {
      await e.command('POST', `${path}/quotes/${version}/request-approval`, sr);
      const approver = await this.token(deal.sponsor, ['sales_manager']);
      await e.command('POST', `${path}/quotes/${version}/approve`, approver, { note: 'Strategic account' });
    }
    if (!(await e.command('POST', `${path}/quotes/${version}/send`, sr))) return;
    this.figures.quotesSent += 1;
    deal.quoteVersion = version;
    deal.totalMinor = Number(created['totalMinor']);
    deal.skus = lines.map((l) => l.sku);
    if (!revision)
      await e.command('POST', `${path}/stage`, sr, { stage: 'negotiate', reason: 'Quote with the customer' });
    const now = e.clock.now().getTime();
    const fate = deal.plan.dealFate;
    if (!revision && fate !== 'open' && d.chance(0.3)) {
      this.agenda.at(this.later(now, 3 * DAY, 10 * DAY), () => this.quote(deal));
    } else if (fate === 'won') {
      this.agenda.at(this.later(now, 3 * DAY, 15 * DAY), () => this.win(deal));
    } else if (fate === 'lost') {
      this.agenda.at(this.later(now, 5 * DAY, 25 * DAY), () => this.lose(deal));
    }
    // open: still negotiating when the story ends.
  }

  private async win(deal: Deal): Promise<void> {
    const sr = await this.dealToken(deal.leader);
    const won = await this.engine.command('POST', `/opportunities/${deal.id}/win`, sr, {
      quoteVersion: deal.quoteVersion,
      reason: 'Signed by the customer',
    });
    if (!won) return;
    this.figures.dealsWon += 1;
    this.agenda.at(this.later(this.engine.clock.now().getTime(), 2 * DAY, 7 * DAY), () => this.sign(deal));
  }

  private async lose(deal: Deal): Promise<void> {
    const d = this.dice;
    const reasonCode = d.weighted([
      ['price', 30],
      ['competitor', 25],
      ['no_decision', 15],
      ['no_budget', 12],
      ['timing', 10],
      ['solution_fit', 8],
    ]);
    const lost = await this.engine.command(
      'POST',
      `/opportunities/${deal.id}/lose`,
      await this.dealToken(deal.leader),
      {
        reasonCode,
        competitor:
          reasonCode === 'competitor' || reasonCode === 'price' ? d.pick(['Trackado', 'FleetEye', 'Routix']) : null,
        note: null,
      },
    );
    if (lost) this.figures.dealsLost += 1;
  }

  // ── contracts ───────────────────────────────────────────────────────────────────────

  private async sign(deal: Deal): Promise<void> {
    const e = this.engine;
    const ar = await this.dealToken(deal.ar);
    const days = this.dice.weighted([
      [30, 65],
      [60, 25],
      [90, 10],
    ]);
    const signed = await e.command('POST', `/contracts/${deal.id}/sign`, ar, {
      value: eur(deal.totalMinor),
      paymentTerms: { kind: 'net', days },
      signedOn: day(e.clock.now().getTime()),
      signatory: `${deal.plan.contact}, ${this.dice.pick(['COO', 'CFO', 'Managing director'])}`,
      quoteVersion: deal.quoteVersion,
    });
    if (!signed) return;
    this.figures.contractsSigned += 1;
    const meeting = workingTime(this.later(e.clock.now().getTime(), 2 * DAY, 6 * DAY));
    await e.command('POST', `/contracts/${deal.id}/handover-meeting`, ar, {
      scheduledAt: new Date(meeting).toISOString(),
      attendees: [deal.ar, deal.sr, deal.fr, deal.sponsor],
    });
    this.agenda.at(meeting, () => this.handOver(deal));
  }

  private async handOver(deal: Deal): Promise<void> {
    const ar = await this.dealToken(deal.ar);
    const present = this.dice.chance(0.8) ? [deal.ar, deal.sr, deal.fr, deal.sponsor] : [deal.ar, deal.sr, deal.fr];
    const held = await this.engine.command('POST', `/contracts/${deal.id}/handover-meeting/held`, ar, {
      attendeesPresent: present,
      notes: this.dice.pick(['Rollout in two waves', 'Pilot depot first', 'Install over the weekends']),
      openItems: [{ description: 'Confirm the depot list', owner: deal.fr }],
      risks: this.dice.chance(0.5) ? ['Winter roads'] : [],
    });
    if (!held) return;
    this.figures.handedOver += 1;
    this.agenda.at(this.later(this.engine.clock.now().getTime(), 30 * MINUTE, 6 * HOUR), () => this.takeCommand(deal));
  }

  /** The FR accepts the execution handoff the handover asked of them, then orders come in. */
  private async takeCommand(deal: Deal): Promise<void> {
    const e = this.engine;
    const events = await e.events(`opportunity-${deal.id}`, this.auditor);
    const answered = new Set(
      events
        .filter((ev) => ev.type === 'HandoffAccepted' || ev.type === 'HandoffDeclined')
        .map((ev) => ev.data['handoffId']),
    );
    const waiting = events.find(
      (ev) => ev.type === 'HandoffRequested' && ev.data['to'] === deal.fr && !answered.has(ev.data['handoffId']),
    );
    const fr = await this.dealToken(deal.fr);
    if (waiting)
      await e.command('POST', `/opportunities/${deal.id}/handoffs/${String(waiting.data['handoffId'])}/accept`, fr);
    deal.leader = deal.fr;
    // One order, or the fleet in two waves.
    const units = deal.plan.units;
    const waves =
      units >= 20 && this.dice.chance(0.4) ? [Math.ceil(units * 0.6), units - Math.ceil(units * 0.6)] : [units];
    let at = e.clock.now().getTime();
    waves.forEach((wave, i) => {
      at = this.later(at, i === 0 ? DAY : 10 * DAY, i === 0 ? 5 * DAY : 25 * DAY);
      this.agenda.at(at, () => this.order(deal, wave, i + 1));
    });
  }

  private orderLines(deal: Deal, units: number) {
    const lines = PRODUCTS.map((p) => ({
      sku: p.sku,
      description: p.description,
      quantity: units,
      unitPrice: eur((p.unitMinor * (10_000 - deal.discountBp)) / 10_000),
    }));
    return lines;
  }

  private async order(deal: Deal, units: number, wave: number): Promise<void> {
    const e = this.engine;
    const fr = await this.dealToken(deal.fr);
    // The contract's value covers exactly the quoted lines: order what was quoted.
    const lines = this.orderLines(deal, units).filter((l) => deal.skus.includes(l.sku));
    const placed = await e.command('POST', `/contracts/${deal.id}/purchase-orders`, fr, {
      reference: `PO-${deal.plan.customer.domain.split('.')[0]?.toUpperCase() ?? 'X'}-${wave}`,
      lines,
      orderedOn: day(e.clock.now().getTime()),
    });
    if (!placed) return;
    this.figures.purchaseOrders += 1;
    const poId = String(placed['purchaseOrderId'] ?? placed['id']);
    const parts =
      units >= 4 && this.dice.chance(0.35) ? [Math.floor(units / 2), units - Math.floor(units / 2)] : [units];
    let at = e.clock.now().getTime();
    for (const part of parts) {
      at = this.later(at, 5 * DAY, 18 * DAY);
      this.agenda.at(at, () => this.deliver(deal, poId, lines, part));
    }
  }

  private async deliver(
    deal: Deal,
    poId: string,
    lines: { sku: string; unitPrice: { amountMinor: number } }[],
    units: number,
  ): Promise<void> {
    const e = this.engine;
    const fr = await this.dealToken(deal.fr);
    const valueMinor = lines.reduce((sum, l) => sum + l.unitPrice.amountMinor * units, 0);
    const path = `/contracts/${deal.id}/purchase-orders/${poId}`;
    const delivered = await e.command('POST', `${path}/deliveries`, fr, {
      value: eur(valueMinor),
      items: lines.map((l) => ({ sku: l.sku, quantity: units })),
      deliveredOn: day(e.clock.now().getTime()),
    });
    if (!delivered) return;
    this.figures.deliveries += 1;
    const accepted = this.later(e.clock.now().getTime(), 2 * DAY, 7 * DAY);
    this.agenda.at(accepted, () => this.acceptAndInvoice(deal, path, valueMinor));
    // Service starts once units are in the field.
    const tickets = this.dice.weighted([
      [0, 30],
      [1, 40],
      [2, 20],
      [3, 10],
    ]);
    for (let i = 0; i < tickets; i += 1) {
      const at = this.later(accepted, 3 * DAY, 60 * DAY, this.dice.chance(0.7));
      this.agenda.at(at, () => this.ticket(deal));
    }
  }

  private async acceptAndInvoice(deal: Deal, poPath: string, valueMinor: number): Promise<void> {
    const e = this.engine;
    const fr = await this.dealToken(deal.fr);
    const today = day(e.clock.now().getTime());
    const accepted = await e.command('POST', `${poPath}/acceptances`, fr, {
      accepted: eur(valueMinor),
      rejected: eur(0),
      answeredOn: today,
    });
    if (!accepted) return;
    const ar = await this.dealToken(deal.ar);
    const issued = await e.command('POST', `/contracts/${deal.id}/invoices`, ar, {
      amount: eur(valueMinor),
      issuedOn: today,
    });
    if (!issued) return;
    this.figures.invoices += 1;
    const invoiceId = String(issued['invoiceId'] ?? issued['id']);
    const now = e.clock.now().getTime();
    const behaviour = this.dice.weighted([
      ['on_time', 55],
      ['late', 25],
      ['partial', 15],
      ['unpaid', 5],
    ]);
    const pay = (at: number, amountMinor: number) => this.agenda.at(at, () => this.pay(deal, invoiceId, amountMinor));
    if (behaviour === 'on_time') pay(this.later(now, 8 * DAY, 28 * DAY), valueMinor);
    else if (behaviour === 'late') pay(this.later(now, 36 * DAY, 75 * DAY), valueMinor);
    else if (behaviour === 'partial') {
      const first = Math.round(valueMinor * this.dice.pick([0.3, 0.4, 0.5]));
      const at = this.later(now, 15 * DAY, 30 * DAY);
      pay(at, first);
      pay(this.later(at, 20 * DAY, 45 * DAY), valueMinor - first);
    }
  }

  private async pay(deal: Deal, invoiceId: string, amountMinor: number): Promise<void> {
    const ar = await this.dealToken(deal.ar);
    const paid = await this.engine.command('POST', `/contracts/${deal.id}/invoices/${invoiceId}/payments`, ar, {
      amount: eur(amountMinor),
      receivedOn: day(this.engine.clock.now().getTime()),
    });
    if (paid) this.figures.payments += 1;
  }

  // ── service ─────────────────────────────────────────────────────────────────────────

  private async ticket(deal: Deal): Promise<void> {
    const e = this.engine;
    const d = this.dice;
    const agent = d.pick(['ali', 'lena']);
    const token = await this.token(agent, ['service_agent']);
    const trouble = d.pick([
      ['hardware', 'Units offline', 'Several trucks stopped reporting positions.'],
      ['software', 'Reports empty', 'The weekly fuel report shows no data.'],
      ['installation', 'Unit loose after install', 'A unit came loose on a rough road.'],
      ['hardware', 'GPS drift', 'Positions jump by hundreds of metres.'],
      ['software', 'Login fails', 'Dispatchers cannot sign in to the portal.'],
    ] as const);
    const accepted = await e.command('POST', '/tickets', token, {
      channel: d.weighted([
        ['hotline', 45],
        ['email', 25],
        ['web', 20],
        ['chat', 10],
      ]),
      customerAccount: deal.plan.customer.company,
      contractId: deal.id,
      contact: { name: deal.plan.contact, email: deal.plan.email, phone: null },
      product: d.pick(['TLM-100', 'FMS-PRO']),
      category: trouble[0],
      subject: trouble[1],
      description: trouble[2],
      impact: d.weighted([
        ['high', 15],
        ['medium', 45],
        ['low', 40],
      ]),
      urgency: d.weighted([
        ['high', 20],
        ['medium', 50],
        ['low', 30],
      ]),
    });
    if (!accepted) return;
    this.figures.tickets += 1;
    const ticketId = String(accepted['id'] ?? accepted['ticketId']);
    const path = `/tickets/${ticketId}`;
    await e.command('POST', `${path}/assign`, token, { group: 'hotline', engineer: agent });
    const respond = d.chance(0.8) ? [2 * MINUTE, 25 * MINUTE] : [40 * MINUTE, 5 * HOUR];
    this.agenda.at(this.later(e.clock.now().getTime(), respond[0] ?? 0, respond[1] ?? 0, false), () =>
      this.respond(deal, ticketId, agent),
    );
  }

  private async respond(deal: Deal, ticketId: string, engineer: string): Promise<void> {
    const e = this.engine;
    const d = this.dice;
    const path = `/tickets/${ticketId}`;
    const token = await this.token(engineer, ['service_agent']);
    if (
      !(await e.command('POST', `${path}/respond`, token, { message: 'We are on it; an engineer calls you shortly.' }))
    )
      return;
    let owner = engineer;
    if (d.chance(0.15)) {
      await e.command('POST', `${path}/wait`, token, { reason: 'customer', note: 'Asked for the serial numbers' });
      await e.command('POST', `${path}/resume`, token);
    }
    if (d.chance(0.3)) {
      const escalated = await e.command('POST', `${path}/escalate`, token, {
        toLine: 2,
        reason: 'Needs an expert',
        group: 'experts',
        engineer: 'eric',
      });
      if (escalated) {
        this.figures.escalated += 1;
        owner = 'eric';
      }
    }
    if (d.chance(0.12)) {
      await e.command('POST', `${path}/spawn-lead`, await this.token(owner, ['service_agent']), {
        name: 'Fleet expansion',
        contactPerson: deal.plan.contact,
        email: `expansion.${(this.contactsMade += 1)}@${deal.plan.customer.domain}`,
        notes: 'The customer mentioned more vehicles next year',
      });
      this.figures.serviceLeads += 1;
    }
    const open = this.dice.chance(0.07);
    if (open) return; // still being worked when the story ends
    const resolveIn = d.weighted<[number, number]>([
      [[HOUR, 8 * HOUR], 50],
      [[8 * HOUR, 3 * DAY], 35],
      [[3 * DAY, 8 * DAY], 15],
    ]);
    this.agenda.at(this.later(e.clock.now().getTime(), resolveIn[0], resolveIn[1], false), () =>
      this.resolve(ticketId, owner),
    );
  }

  private async resolve(ticketId: string, engineer: string): Promise<void> {
    const e = this.engine;
    const path = `/tickets/${ticketId}`;
    const token = await this.token(engineer, ['service_agent']);
    const resolution = this.dice.pick([
      'Firmware updated',
      'Unit replaced',
      'Configuration corrected',
      'Cable reseated',
    ]);
    if (!(await e.command('POST', `${path}/resolve`, token, { resolution }))) return;
    this.figures.resolved += 1;
    this.agenda.at(this.later(e.clock.now().getTime(), HOUR, 2 * DAY), () => this.close(ticketId));
  }

  private async close(ticketId: string): Promise<void> {
    const e = this.engine;
    const path = `/tickets/${ticketId}`;
    const sam = await this.token('sam', ['service_manager']);
    const verified = await e.command('POST', `${path}/verify`, sam, {
      rootCause: this.dice.pick(['Modem firmware', 'Loose antenna cable', 'Wrong account setting', 'Worn bracket']),
      preventiveAction: this.dice.pick(['Fleet-wide update', 'Checklist for installers', 'Setting locked']),
      noNewProblems: true,
    });
    if (!verified) return;
    if (!(await e.command('POST', `${path}/close`, sam))) return;
    this.figures.closed += 1;
    if (this.dice.chance(0.6)) {
      const satisfaction = this.dice.weighted([
        [5, 40],
        [4, 35],
        [3, 15],
        [2, 7],
        [1, 3],
      ]);
      await e.command('POST', `${path}/callback`, sam, { satisfaction });
    }
  }
}

function teamOf(id: string): TeamPlan {
  const team = TEAMS.find((t) => t.id === id);
  if (!team) throw new Error(`no team ${id}`);
  return team;
}
