import { ManualClock } from '#ltc/clock';
import { eventually, startTestApp, type TestApp, type TestAppOptions } from './test-app.js';

/** A tenant's sales organisation driven over HTTP: teams, reps, policies, leads and their events. */

export interface StoredEvent {
  readonly type: string;
  readonly data: Record<string, unknown> & {
    repId?: string;
    method?: string;
    reason?: string;
    candidates?: { repId: string; eligible: boolean; chosen: boolean; reason: string }[];
  };
}

export class Sales {
  private constructor(
    readonly app: TestApp,
    readonly manager: string,
    readonly auditor: string,
  ) {}

  static async start(clock?: ManualClock, options: TestAppOptions = {}): Promise<Sales> {
    const app = await startTestApp({ ...options, ...(clock ? { clock } : {}) });
    return new Sales(app, await app.token(['sales_manager'], 'maria'), await app.token(['auditor'], 'audrey'));
  }

  repToken(repId: string): Promise<string> {
    return this.app.token(['ar'], repId);
  }

  async team(id: string, managerId: string): Promise<void> {
    const created = await this.app.request('POST', '/teams', {
      token: this.manager,
      body: { id, name: id.toUpperCase(), managerId },
    });
    expect(created.status).toBe(201);
  }

  /** Registers a rep and waits until routing can see them. */
  async rep(id: string, extra: Record<string, unknown> = {}): Promise<void> {
    const body = {
      id,
      name: id,
      email: `${id}@acme.example`,
      roles: ['ar'],
      capacity: { maxOpenLeads: 500, dailyQuota: 0 },
      ...extra,
    };
    const registered = await this.app.request('POST', '/reps', { token: this.manager, body });
    expect(registered.status).toBe(201);
    await eventually(async () => {
      const found = await this.app.request('GET', `/reps/${id}`, { token: this.manager });
      return found.status === 200 ? true : undefined;
    });
  }

  async policy(policy: Record<string, unknown>, team = 'default'): Promise<void> {
    const saved = await this.app.request('PUT', `/distribution-policies/${team}`, {
      token: this.manager,
      body: policy,
    });
    expect(saved.status).toBe(200);
  }

  private captured = 0;

  /** Captures a lead; each one from another contact, since a repeated contact is recorded as a touch. */
  async capture(extra: Record<string, unknown> = {}): Promise<string> {
    this.captured += 1;
    const body = {
      name: 'Fleet telematics',
      company: 'Nordfrakt AB',
      email: `buyer${this.captured}@nordfrakt.example`,
      source: 'website',
      region: 'EMEA',
      ...extra,
    };
    const captured = await this.app.request('POST', '/leads', { token: this.manager, body });
    expect(captured.status).toBe(201);
    return captured.body.id as string;
  }

  async events(stream: string): Promise<StoredEvent[]> {
    const read = await this.app.request('GET', `/streams/${stream}?limit=1000`, { token: this.auditor });
    return read.status === 200 ? (read.body.events as StoredEvent[]) : [];
  }

  /** Waits until the lead's stream has `count` events of `type`; returns the last. */
  async waitFor(leadId: string, type: string, count = 1, timeoutMs = 15_000): Promise<StoredEvent> {
    return eventually(async () => {
      const found = (await this.events(`lead-${leadId}`)).filter((e) => e.type === type);
      return found.length >= count ? found.at(-1) : undefined;
    }, timeoutMs);
  }

  /** Waits until a timer is scheduled, so that moving the clock afterwards certainly fires it. */
  async timerScheduled(timerId: string): Promise<void> {
    await eventually(async () => ((await this.events(`timer-${timerId}`)).length > 0 ? true : undefined));
  }

  /** Waits until the caller has a notification of this kind about the lead (routing writes them asynchronously). */
  async notified(
    token: string,
    leadId: string,
    kind: string,
  ): Promise<{ kind: string; leadId: string; message: string }> {
    return eventually(async () => {
      const listed = await this.app.request('GET', `/notifications?leadId=${leadId}`, { token });
      const items = listed.body.items as { kind: string; leadId: string; message: string }[];
      return items.find((n) => n.kind === kind);
    });
  }
}

export function expectExplained(assigned: StoredEvent, method: string, candidates: number): void {
  expect(assigned.data.method).toBe(method);
  expect(assigned.data.reason).toContain(method.replace(/_/g, ' '));
  expect(assigned.data.candidates).toHaveLength(candidates);
  expect(assigned.data.candidates?.filter((c) => c.chosen).map((c) => c.repId)).toEqual([assigned.data.repId]);
  for (const candidate of assigned.data.candidates ?? []) expect(candidate.reason.length).toBeGreaterThan(5);
}
