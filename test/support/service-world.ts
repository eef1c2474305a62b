import type { ManualClock } from '#ltc/clock';
import { Sales, type StoredEvent } from './sales-world.js';
import { eventually, okBody, type TestAppOptions, type TestResponse } from './test-app.js';

/**
 * A tenant's service organisation driven over HTTP: its SLA policy and groups, tickets and
 * their commands, and each ticket's stored events, waited for where a process manager or a
 * durable timer writes them. Built on the sales world so a lead raised from a ticket is routed
 * to the tenant's reps like any other.
 *
 * People: lena leads the hotline (line 1) with ali; eric leads the experts (line 2); rita is R&D
 * (line 3); sam is the service manager; ana is the tenant's only sales rep.
 */
export class ServiceWorld {
  private constructor(
    readonly sales: Sales,
    readonly sam: string,
    readonly ali: string,
    readonly lena: string,
    readonly eric: string,
    readonly rita: string,
  ) {}

  static async start(clock?: ManualClock, options: TestAppOptions = {}): Promise<ServiceWorld> {
    return ServiceWorld.on(await Sales.start(clock, options));
  }

  /** The service organisation of a tenant already running (its groups set up, again identically on a restart). */
  static async on(sales: Sales): Promise<ServiceWorld> {
    const app = sales.app;
    const world = new ServiceWorld(
      sales,
      await app.token(['service_manager'], 'sam'),
      await app.token(['service_agent'], 'ali'),
      await app.token(['service_agent'], 'lena'),
      await app.token(['service_agent'], 'eric'),
      await app.token(['service_agent'], 'rita'),
    );
    await world.put('/service-groups/hotline', { name: 'Hotline', line: 1, lead: 'lena', members: ['ali', 'lena'] });
    await world.put('/service-groups/experts', { name: 'Experts', line: 2, lead: 'eric', members: ['eric'] });
    await world.put('/service-groups/rnd', { name: 'R&D', line: 3, lead: 'rita', members: ['rita'] });
    return world;
  }

  /** PUTs configuration as the service manager and expects it stored. */
  async put(path: string, body: unknown): Promise<Record<string, unknown>> {
    const saved = await this.sales.app.request('PUT', path, { token: this.sam, body });
    expect({ path, status: saved.status, body: saved.body }).toMatchObject({ path, status: 200 });
    return saved.body as Record<string, unknown>;
  }

  /** The tenant's default SLA policy, 24x7, with these targets (minutes) for every priority unless given. */
  async policy(overrides: Record<string, unknown> = {}): Promise<void> {
    const targets = Object.fromEntries(
      ['P1', 'P2', 'P3', 'P4'].map((p, i) => [p, { responseMinutes: 10 * (i + 1), resolutionMinutes: 600 * (i + 1) }]),
    );
    await this.put('/sla-policies/default', {
      name: 'Standard',
      targets,
      calendarId: null,
      pauseOn: ['customer', 'third_party'],
      warnAtPercent: 75,
      escalations: [
        { on: 'warning', clock: 'any', action: 'notify_group_lead' },
        { on: 'breach', clock: 'any', action: 'notify_group_lead' },
        { on: 'breach', clock: 'resolution', action: 'escalate_line' },
      ],
      ola: { byLine: { 1: 60, 2: 120, 3: 480 }, byKind: {} },
      independentVerification: true,
      reopenWindowDays: 7,
      ...overrides,
    });
  }

  post(token: string, path: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<TestResponse> {
    return this.sales.app.request('POST', path, { token, body, headers });
  }

  /** POSTs and expects a 2xx; returns the body. */
  async ok(token: string, path: string, body: unknown = {}): Promise<Record<string, unknown>> {
    return okBody(path, await this.post(token, path, body));
  }

  /** Accepts a ticket from the hotline for Nordfrakt and dispatches it to the hotline group and ali. */
  async ticket(extra: Record<string, unknown> = {}): Promise<string> {
    const accepted = await this.ok(this.ali, '/tickets', {
      channel: 'hotline',
      customerAccount: 'Nordfrakt AB',
      contact: { name: 'Nils Berg', email: 'nils@nordfrakt.example', phone: null },
      product: 'TLM-100',
      category: 'hardware',
      subject: 'Telematics units offline',
      description: 'Twelve trucks stopped reporting positions this morning.',
      ...extra,
    });
    const ticketId = String(accepted['id'] ?? accepted['ticketId']);
    await this.ok(this.ali, `/tickets/${ticketId}/assign`, { group: 'hotline', engineer: 'ali' });
    return ticketId;
  }

  events(ticketId: string): Promise<StoredEvent[]> {
    return this.sales.events(`ticket-${ticketId}`);
  }

  async types(ticketId: string): Promise<string[]> {
    return (await this.events(ticketId)).map((e) => e.type);
  }

  /** The data of every event of `type` on the ticket, in order. */
  async all(ticketId: string, type: string): Promise<StoredEvent['data'][]> {
    return (await this.events(ticketId)).filter((e) => e.type === type).map((e) => e.data);
  }

  /** Waits until the ticket has `count` events of `type`; returns the last one's data. */
  async waitFor(ticketId: string, type: string, count = 1, timeoutMs = 15_000): Promise<StoredEvent['data']> {
    return eventually(async () => {
      const found = await this.all(ticketId, type);
      return found.length >= count ? found.at(-1) : undefined;
    }, timeoutMs);
  }

  /** The latest schedule of one of the ticket's SLA clocks. */
  async plan(ticketId: string, clock: 'response' | 'resolution'): Promise<StoredEvent['data']> {
    const plans = (await this.all(ticketId, 'TicketSlaPlanned')).filter((p) => p['clock'] === clock);
    const last = plans.at(-1);
    if (!last) throw new Error(`no ${clock} plan on ticket ${ticketId}`);
    return last;
  }

  /** Waits until the timers of the clock's current plan are scheduled, so moving the clock fires them. */
  async armed(ticketId: string, clock: 'response' | 'resolution', kinds: readonly ('warn' | 'breach')[]) {
    const { plan } = await this.plan(ticketId, clock);
    for (const kind of kinds) await this.sales.timerScheduled(`sla-${ticketId}-${clock}-${String(plan)}-${kind}`);
  }

  detail(token: string, ticketId: string): Promise<TestResponse> {
    return this.sales.app.request('GET', `/tickets/${ticketId}`, { token });
  }
}
