import type { ManualClock } from '#ltc/clock';
import { eventually, type TestAppOptions, type TestResponse } from './test-app.js';
import { Sales } from './sales-world.js';

/**
 * A tenant's deals driven and read over HTTP, on top of the sales organisation (`Sales`):
 * the commands' answers, the deal's stored events, and its reads (detail, board, forecast,
 * inboxes, handoff lists) in the shape the routes promise, waited for where a projection
 * follows the log.
 */

interface CurrencyTotal {
  readonly currency: string;
  readonly count: number;
  readonly amountMinor: number;
  readonly weightedMinor: number;
}

export interface Column {
  readonly count: number;
  readonly totals: CurrencyTotal[];
}

export interface InboxDeal {
  readonly opportunityId: string;
  readonly leading: boolean;
  readonly seats: string[];
  readonly stageId: string;
}

export interface InboxHandoff {
  readonly handoffId: string;
  readonly opportunityId: string;
  readonly overdue: boolean;
  readonly ageSeconds: number | null;
  readonly secondsLeft: number | null;
}

export interface Inbox {
  readonly handoffs: InboxHandoff[];
  readonly sponsorAlerts: InboxHandoff[];
  readonly escalations: InboxHandoff[];
  readonly approvals: { opportunityId: string; version: number; requestedBy: string }[];
  readonly leading: InboxDeal[];
  readonly triangle: InboxDeal[];
}

/** What someone's inbox holds about one deal: its seats, whether they lead it, its handoffs and approvals. */
export interface DealInInbox {
  readonly seats: string[] | null;
  readonly leading: boolean;
  readonly waiting: string[];
  readonly sponsorAlerts: string[];
  readonly escalations: string[];
  readonly approvals: number[];
}

export class Deals {
  constructor(private readonly sales: Sales) {}

  post(token: string, path: string, body: unknown = {}): Promise<TestResponse> {
    return this.sales.app.request('POST', path, { token, body });
  }

  put(token: string, path: string, body: unknown): Promise<TestResponse> {
    return this.sales.app.request('PUT', path, { token, body });
  }

  async types(dealId: string): Promise<string[]> {
    return (await this.sales.events(`opportunity-${dealId}`)).map((e) => e.type);
  }

  /** Waits until the deal's stream has an event of `type`; returns its data. */
  async waitForEvent(dealId: string, type: string, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    return eventually(async () => {
      return (await this.sales.events(`opportunity-${dealId}`)).find((e) => e.type === type)?.data;
    }, timeoutMs);
  }

  /** GET /opportunities/{id} once `until` holds of it (the list projection follows the log). */
  detail(token: string, dealId: string, until: (deal: Record<string, unknown>) => boolean = () => true) {
    return eventually(async () => {
      const read = await this.sales.app.request('GET', `/opportunities/${dealId}`, { token });
      return read.status === 200 && until(read.body) ? (read.body as Record<string, unknown>) : undefined;
    });
  }

  /** One stage of GET /pipeline-board (the default pipeline), once `until` holds of it. */
  column(token: string, stage: string, until: (column: Column) => boolean): Promise<Column> {
    return eventually(async () => {
      const board = await this.sales.app.request('GET', '/pipeline-board', { token });
      const found = (board.body?.stages as ({ stage: string } & Column)[] | undefined)?.find((s) => s.stage === stage);
      return found && until(found) ? found : undefined;
    });
  }

  /** One bucket (close month × category) of GET /forecast, once `until` holds of it; count 0 when absent. */
  bucket(token: string, month: string | null, category: string, until: (bucket: Column) => boolean): Promise<Column> {
    return eventually(async () => {
      const read = await this.sales.app.request('GET', '/forecast', { token });
      if (read.status !== 200) return undefined;
      const buckets = read.body.buckets as ({ month: string | null; category: string } & Column)[];
      const found = buckets.find((b) => b.month === month && b.category === category) ?? { count: 0, totals: [] };
      return until(found) ? found : undefined;
    });
  }

  /** What GET /me/inbox (or another inbox route) shows about the deal, once `until` holds of it. */
  inbox(
    token: string,
    dealId: string,
    until: (view: DealInInbox) => boolean,
    route = '/me/inbox',
  ): Promise<DealInInbox> {
    return eventually(async () => {
      const read = await this.sales.app.request('GET', route, { token });
      if (read.status !== 200) return undefined;
      const view = aboutDeal(read.body as Inbox, dealId);
      return until(view) ? view : undefined;
    });
  }

  /** GET /handoffs?state=… as the token's holder: the handoff ids listed. */
  async handoffs(token: string, state: string): Promise<string[]> {
    const read = await this.sales.app.request('GET', `/handoffs?state=${state}`, { token });
    return ((read.body?.items ?? []) as { handoffId: string }[]).map((h) => h.handoffId);
  }
}

export const EUR = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

export interface World {
  readonly sales: Sales;
  readonly deals: Deals;
  readonly ingrid: string;
  readonly sven: string;
  readonly maria: string;
}

/** Team emea-north managed by maria (the sponsor and approver); ingrid AR, sven SR, fia FR. */
export async function world(clock?: ManualClock, options: TestAppOptions = {}): Promise<World> {
  const sales = await Sales.start(clock, options);
  await sales.team('emea-north', 'maria');
  await sales.policy({ method: 'manual' });
  for (const [id, role] of [
    ['ingrid', 'ar'],
    ['sven', 'sr'],
    ['fia', 'fr'],
  ] as const) {
    await sales.rep(id, { roles: [role], team: 'emea-north' });
  }
  return {
    sales,
    deals: new Deals(sales),
    ingrid: await sales.app.token(['ar'], 'ingrid'),
    sven: await sales.app.token(['sr'], 'sven'),
    maria: sales.manager,
  };
}

export const expectCode = (response: TestResponse, status: number, code: string): void => {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
};

/** A lead captured from a webinar, worked by ingrid and converted: the deal id it names. */
export async function convertedLead(
  { sales, ingrid }: World,
  capture: Record<string, unknown> = {},
): Promise<{ leadId: string; dealId: string }> {
  const leadId = await sales.capture({
    source: 'webinar',
    contactPerson: 'Ingrid Lund',
    team: 'emea-north',
    dealSize: EUR(4_000_000),
    ...capture,
  });
  await sales.waitFor(leadId, 'LeadScored');
  const app = sales.app;
  const assign = { repId: 'ingrid', reason: 'Knows Nordfrakt' };
  expect((await app.request('POST', `/leads/${leadId}/assign`, { token: sales.manager, body: assign })).status).toBe(
    200,
  );
  const bant = { budget: 'EUR 40k', authority: 'COO', need: 'Fleet visibility', timeline: 'Q2' };
  expect((await app.request('POST', `/leads/${leadId}/qualify`, { token: ingrid, body: bant })).status).toBe(200);
  const converted = await app.request('POST', `/leads/${leadId}/convert`, { token: ingrid });
  expect(converted.status).toBe(200);
  return { leadId, dealId: converted.body.dealId as string };
}

function aboutDeal(inbox: Inbox, dealId: string): DealInInbox {
  const handoffIds = (list: InboxHandoff[]) => list.filter((h) => h.opportunityId === dealId).map((h) => h.handoffId);
  const seated = inbox.triangle.find((d) => d.opportunityId === dealId);
  return {
    seats: seated ? seated.seats : null,
    leading: inbox.leading.some((d) => d.opportunityId === dealId),
    waiting: handoffIds(inbox.handoffs),
    sponsorAlerts: handoffIds(inbox.sponsorAlerts),
    escalations: handoffIds(inbox.escalations),
    approvals: inbox.approvals.filter((a) => a.opportunityId === dealId).map((a) => a.version),
  };
}
