import type { ManualClock } from '#ltc/clock';
import { EUR, convertedLead, world, type World } from './opportunity-world.js';
import { eventually, okBody, type TestResponse } from './test-app.js';

/**
 * A tenant's contracts driven and read over HTTP, on top of its deals (`World`): a won deal to
 * start from, the contract commands' answers, the contract's stored events, and its reads
 * (balance, cash aging, pipeline length, inboxes, workload), waited for where a projection
 * follows the log.
 */

export interface ContractWorld extends World {
  readonly contracts: Contracts;
  readonly fia: string;
  readonly clock: ManualClock | undefined;
}

/** The figures of GET /contracts/{id}/balance in minor units, whatever shape (Money or minor number) a figure has. */
export type Figures = Record<
  'contracted' | 'ordered' | 'delivered' | 'accepted' | 'invoiced' | 'paid' | 'outstanding' | 'overdue',
  number
>;

/** One AR's open invoices in one currency by age bucket, as GET /analytics/cash/aging lists them. */
export interface AgingLine {
  readonly ar: string;
  readonly currency: string;
  readonly openInvoices: number;
  readonly openMinor: number;
  readonly buckets: Record<
    'currentMinor' | 'days1To30Minor' | 'days31To60Minor' | 'days61To90Minor' | 'over90Minor',
    number
  >;
}

const FIGURES = ['contracted', 'ordered', 'delivered', 'accepted', 'invoiced', 'paid', 'outstanding', 'overdue'];

function minor(value: unknown): number | undefined {
  if (typeof value === 'number' || typeof value === 'string') return Number(value);
  if (value && typeof value === 'object' && 'amountMinor' in value) return Number(value.amountMinor);
  return undefined;
}

/** Reads the figures out of a balance body: `contracted`, `contractedMinor` or `{ contracted: { amountMinor } }`. */
export function figures(body: Record<string, unknown>): Figures {
  const source = (body['figures'] ?? body) as Record<string, unknown>;
  const read = (name: string) => minor(source[name]) ?? minor(source[`${name}Minor`]) ?? 0;
  return Object.fromEntries(FIGURES.map((name) => [name, read(name)])) as Figures;
}

export class Contracts {
  constructor(private readonly w: World) {}

  post(token: string, path: string, body: unknown = {}): Promise<TestResponse> {
    return this.w.sales.app.request('POST', path, { token, body });
  }

  /** POSTs and expects a 2xx; returns the body (a failure shows the status and the body). */
  async ok(token: string, path: string, body: unknown = {}): Promise<Record<string, unknown>> {
    return okBody(path, await this.post(token, path, body));
  }

  async types(contractId: string): Promise<string[]> {
    return (await this.w.sales.events(`contract-${contractId}`)).map((e) => e.type);
  }

  /** Waits until the contract's stream has `count` events of `type`; returns the last one's data. */
  async waitForEvent(contractId: string, type: string, count = 1, timeoutMs = 15_000) {
    return eventually(async () => {
      const found = (await this.w.sales.events(`contract-${contractId}`)).filter((e) => e.type === type);
      return found.length >= count ? found.at(-1)?.data : undefined;
    }, timeoutMs);
  }

  /** GET `path` once `until` holds of its body. */
  read(token: string, path: string, until: (body: Record<string, unknown>) => boolean = () => true) {
    return eventually(async () => {
      const read = await this.w.sales.app.request('GET', path, { token });
      return read.status === 200 && until(read.body) ? (read.body as Record<string, unknown>) : undefined;
    }, 15_000);
  }

  /** The AR's line of GET /analytics/cash/aging in `currency` once `until` holds of it (null: no line). */
  async agingLine(token: string, ar: string, until: (line: AgingLine | null) => boolean, currency = 'EUR') {
    const lineOf = (body: Record<string, unknown>) =>
      ((body['lines'] ?? []) as AgingLine[]).find((l) => l.ar === ar && l.currency === currency) ?? null;
    return lineOf(await this.read(token, '/analytics/cash/aging', (body) => until(lineOf(body))));
  }

  /** The contract's balance once its figures match `expected` (the balance projection follows the log). */
  async balance(token: string, contractId: string, expected: Partial<Figures>): Promise<Figures> {
    let last: Figures | undefined;
    try {
      const body = await this.read(token, `/contracts/${contractId}/balance`, (b) => {
        last = figures(b);
        return Object.entries(expected).every(([name, value]) => last?.[name as keyof Figures] === value);
      });
      return figures(body);
    } catch (error) {
      expect({ contractId, figures: last }).toEqual({ contractId, figures: expect.objectContaining(expected) });
      throw error;
    }
  }
}

/** The deal world (ingrid AR, sven SR, fia FR, maria sponsor and manager) with contracts and fia's token. */
export async function contractWorld(clock?: ManualClock): Promise<ContractWorld> {
  const w = await world(clock);
  return { ...w, contracts: new Contracts(w), fia: await w.sales.app.token(['fr'], 'fia'), clock };
}

/** The winning quote: 40 telematics units at 1 000.00 EUR, no discount (so no approval): 4 000 000 minor units. */
export const WON_TOTAL = 4_000_000;

/**
 * A webinar lead converted and its deal won by sven with quote 1: the triangle ingrid (AR), sven
 * (SR), fia (FR), maria (sponsor); the AR handed the lead to the SR on the way. Returns the deal id.
 */
export async function wonDeal(w: World): Promise<{ leadId: string; dealId: string }> {
  const { deals, ingrid, sven } = w;
  const { leadId, dealId } = await convertedLead(w);
  await deals.waitForEvent(dealId, 'OpportunityOpened');
  const ok = async (response: Promise<TestResponse>) => {
    const answered = await response;
    expect({ status: answered.status < 300 ? 'ok' : answered.status, body: answered.body }).toMatchObject({
      status: 'ok',
    });
    return answered.body as Record<string, unknown>;
  };
  const triangle = { ar: 'ingrid', sr: 'sven', fr: 'fia', sponsor: 'maria' };
  await ok(deals.put(ingrid, `/opportunities/${dealId}/triangle`, triangle));
  await ok(deals.post(ingrid, `/opportunities/${dealId}/stage`, { stage: 'bid', reason: 'Solution agreed' }));
  const asked = await ok(deals.post(ingrid, `/opportunities/${dealId}/handoffs`, { to: 'sven', phase: 'bid' }));
  await ok(deals.post(sven, `/opportunities/${dealId}/handoffs/${String(asked['handoffId'])}/accept`));
  const line = { sku: 'TLM-100', description: 'Telematics unit', quantity: 40, unitPrice: EUR(100_000) };
  await ok(deals.post(sven, `/opportunities/${dealId}/quotes`, { lines: [line], validUntil: '2099-12-31' }));
  await ok(deals.post(sven, `/opportunities/${dealId}/quotes/1/send`));
  await ok(deals.post(sven, `/opportunities/${dealId}/stage`, { stage: 'negotiate' }));
  await ok(deals.post(sven, `/opportunities/${dealId}/win`, { quoteVersion: 1 }));
  return { leadId, dealId };
}

/** Net 30: everything invoiced as it is accepted, due 30 days after the invoice. */
export const NET_30 = { kind: 'net', days: 30 } as const;

/** The won deal's contract (drafted by the process manager) signed by the AR at the quote's total on net 30. */
export async function signedContract(w: ContractWorld, dealId: string, on = '2026-03-02'): Promise<string> {
  const contractId = dealId;
  await w.contracts.waitForEvent(contractId, 'ContractDrafted');
  await w.contracts.ok(w.ingrid, `/contracts/${contractId}/sign`, {
    value: EUR(WON_TOTAL),
    paymentTerms: NET_30,
    signedOn: on,
    signatory: 'Ingrid Lund, COO',
    quoteVersion: 1,
  });
  return contractId;
}

/** The handover meeting scheduled and held with the whole triangle: command passes to fia. */
export async function handOver(w: ContractWorld, contractId: string, on = '2026-03-02'): Promise<void> {
  const attendees = ['ingrid', 'sven', 'fia', 'maria'];
  await w.contracts.ok(w.ingrid, `/contracts/${contractId}/handover-meeting`, {
    scheduledAt: `${on}T14:00:00.000Z`,
    attendees,
  });
  await w.contracts.ok(w.ingrid, `/contracts/${contractId}/handover-meeting/held`, {
    attendeesPresent: attendees,
    notes: 'Rollout in two waves',
    openItems: [{ description: 'Confirm depot list', owner: 'fia' }],
    risks: ['Winter roads'],
  });
  await w.contracts.waitForEvent(contractId, 'ContractHandedOver');
}

/** The won deal's contract signed and handed over to fia. */
export async function handedOverContract(w: ContractWorld, dealId: string, on = '2026-03-02'): Promise<string> {
  const contractId = await signedContract(w, dealId, on);
  await handOver(w, contractId, on);
  return contractId;
}

/** A purchase order of `quantity` units at 100 000 minor units each; returns its id. */
export async function placeOrder(w: ContractWorld, contractId: string, quantity: number, reference: string) {
  const line = { sku: 'TLM-100', description: 'Telematics unit', quantity, unitPrice: EUR(100_000) };
  const placed = await w.contracts.ok(w.fia, `/contracts/${contractId}/purchase-orders`, {
    reference,
    lines: [line],
    orderedOn: '2026-03-03',
  });
  return String(placed['purchaseOrderId'] ?? placed['id']);
}

/** A delivery of `amountMinor` on the order, at 100 000 minor units a unit. */
export async function deliver(w: ContractWorld, contractId: string, poId: string, amountMinor: number) {
  await w.contracts.ok(w.fia, `/contracts/${contractId}/purchase-orders/${poId}/deliveries`, {
    value: EUR(amountMinor),
    items: [{ sku: 'TLM-100', quantity: amountMinor / 100_000 }],
    deliveredOn: '2026-03-04',
  });
}

/** The customer accepts `amountMinor` of what was delivered on the order. */
export async function accept(w: ContractWorld, contractId: string, poId: string, amountMinor: number) {
  await w.contracts.ok(w.fia, `/contracts/${contractId}/purchase-orders/${poId}/acceptances`, {
    accepted: EUR(amountMinor),
    rejected: EUR(0),
    answeredOn: '2026-03-05',
  });
}

/** A delivery of `amountMinor` on the order, then the customer's acceptance of all of it. */
export async function deliverAndAccept(w: ContractWorld, contractId: string, poId: string, amountMinor: number) {
  await deliver(w, contractId, poId, amountMinor);
  await accept(w, contractId, poId, amountMinor);
}

/** An invoice of accepted value issued by the AR; returns its id. */
export async function invoice(w: ContractWorld, contractId: string, amountMinor: number, dueAt?: Date) {
  const issued = await w.contracts.ok(w.ingrid, `/contracts/${contractId}/invoices`, {
    amount: EUR(amountMinor),
    issuedOn: '2026-03-05',
    ...(dueAt ? { dueAt: dueAt.toISOString() } : {}),
  });
  return String(issued['invoiceId'] ?? issued['id']);
}
