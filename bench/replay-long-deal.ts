import { loadConfig } from '#ltc/platform';
import { DemoEngine } from '../apps/ltc/src/demo/demo-engine.js';

/** The deal the latency figures read, as the engine wrote it. */
export interface LongDeal {
  readonly leadId: string;
  readonly dealId: string;
  /** Events of the opportunity's own stream: what an as-of read folds. */
  readonly opportunityEvents: number;
}

const HOUR = 3_600_000;
const QUOTE_LINES = [
  { sku: 'TLM-100', description: 'Telematics unit', unitMinor: 100_000 },
  { sku: 'FMS-PRO', description: 'Fleet software, yearly licence per vehicle', unitMinor: 40_000 },
] as const;
const UNITS = 120;

/**
 * One deal with a long history, told through the engine's own routes (validation, deciders,
 * process managers, timers) on a data folder that already holds a seeded organisation (the
 * demo's teams and reps): a lead captured, worked and converted; the deal's triangle formed,
 * moved to bid, handed to the solution rep; then quoted again and again (a customer who
 * renegotiates every fortnight, each revision drafted and sent) until the opportunity's stream
 * holds `opportunityEvents` events; then won on the last quote.
 */
export async function writeLongDeal(
  dataDir: string,
  tenant: string,
  start: Date,
  opportunityEvents: number,
): Promise<LongDeal> {
  const config = loadConfig({ LTC_DATA_DIR: dataDir, LTC_DEFAULT_TENANT: tenant, LOG_LEVEL: 'silent' });
  const engine = await DemoEngine.boot(config, 'bench-long-deal-secret-with-32-characters', start, tenant);
  try {
    const auditor = await engine.token('bench-auditor', ['auditor']);
    const manager = await engine.token('magnus', ['sales_manager']);
    const must = async (method: 'POST' | 'PUT', path: string, token: string, body?: unknown) => {
      const answer = await engine.command(method, path, token, body);
      if (!answer) throw new Error(`the engine refused ${method} ${path}: ${JSON.stringify([...engine.refused])}`);
      await engine.settle(auditor);
      return answer;
    };
    const later = (hours: number) => engine.advanceTo(engine.clock.now().getTime() + hours * HOUR, auditor);

    const lead = await must('POST', '/leads', manager, {
      name: 'Fleet telematics',
      company: 'Longhaul Logistik GmbH',
      contactPerson: 'Jana Vogel',
      email: 'jana.vogel@longhaul.example',
      source: 'website',
      team: 'central',
      region: 'DACH',
      language: 'de',
      industry: 'Logistics',
      direction: 'inbound',
      dealSize: { amountMinor: UNITS * 160_000, currency: 'EUR' },
      notes: `About ${UNITS} vehicles`,
    });
    const leadId = String(lead['id']);
    // Routing may have given the lead to a rep already; else its manager does.
    const routed = await leadOwner(engine, leadId, auditor);
    if (routed === undefined) {
      await must('POST', `/leads/${leadId}/assign`, manager, { repId: 'lukas', reason: 'Knows the fleet' });
    }
    const owner = routed ?? 'lukas';
    const ar = await engine.token(owner, ['ar']);
    await must('POST', `/leads/${leadId}/attempts`, ar, { channel: 'phone', outcome: 'no_answer' });
    await later(4);
    await must('POST', `/leads/${leadId}/attempts`, ar, {
      channel: 'phone',
      outcome: 'reached',
      note: 'Spoke with the contact',
    });
    await must('POST', `/leads/${leadId}/qualify`, ar, {
      budget: 'EUR 190k in this year’s budget',
      authority: 'COO signs',
      need: 'Fleet visibility',
      timeline: 'This quarter',
    });
    const converted = await must('POST', `/leads/${leadId}/convert`, ar);
    const dealId = String(converted['dealId']);
    const path = `/opportunities/${dealId}`;
    await must('PUT', `${path}/triangle`, ar, { ar: owner, sr: 'sven', fr: 'fia', sponsor: 'magnus' });
    await must('POST', `${path}/stage`, ar, { stage: 'develop_solution', reason: 'Need confirmed with the customer' });
    await later(24);
    await must('POST', `${path}/stage`, ar, { stage: 'bid', reason: 'Solution agreed' });
    const asked = await must('POST', `${path}/handoffs`, ar, {
      to: 'sven',
      phase: 'bid',
      notes: `About ${UNITS} vehicles`,
      openItems: ['Confirm the fleet size'],
    });
    const sr = await engine.token('sven', ['sr']);
    await must('POST', `${path}/handoffs/${String(asked['handoffId'])}/accept`, sr);

    let version = 0;
    let events = (await engine.events(`opportunity-${dealId}`, auditor)).length;
    while (events < opportunityEvents - 1) {
      await later(6);
      const validUntil = new Date(engine.clock.now().getTime() + 60 * 24 * HOUR).toISOString().slice(0, 10);
      const lines = QUOTE_LINES.map((line) => ({
        sku: line.sku,
        description: line.description,
        quantity: UNITS + (version % 7),
        unitPrice: { amountMinor: line.unitMinor, currency: 'EUR' },
        discountBp: 0,
      }));
      const created = await must('POST', `${path}/quotes`, sr, { lines, validUntil });
      version = Number(created['version']);
      await must('POST', `${path}/quotes/${version}/send`, sr);
      if (version === 1)
        await must('POST', `${path}/stage`, sr, { stage: 'negotiate', reason: 'Quote with the customer' });
      events = (await engine.events(`opportunity-${dealId}`, auditor)).length;
    }
    await must('POST', `${path}/win`, sr, { quoteVersion: version, reason: 'Signed by the customer' });
    events = (await engine.events(`opportunity-${dealId}`, auditor)).length;
    return { leadId, dealId, opportunityEvents: events };
  } finally {
    await engine.close();
  }
}

async function leadOwner(engine: DemoEngine, leadId: string, auditor: string): Promise<string | undefined> {
  let owner: string | undefined;
  for (const event of await engine.events(`lead-${leadId}`, auditor)) {
    if (event.type === 'LeadAssigned') owner = String(event.data['repId']);
    if (event.type === 'LeadPooled' || event.type === 'LeadRecycled') owner = undefined;
  }
  return owner;
}
