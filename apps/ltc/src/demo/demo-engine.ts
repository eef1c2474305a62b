import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sql } from 'kysely';
import { pino } from 'pino';
import { ManualClock } from '#ltc/clock';
import { LTC_CONTEXTS, createApp } from '#ltc/engine';
import { READ_MODEL_DB, TokenService, type AppConfig, type Role } from '#ltc/platform';
import type { ReadModelHandle } from '#ltc/projections';

/** An answer of the engine: status and JSON body. */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

interface SubscriberView {
  readonly name: string;
  readonly lag: string;
  readonly headPosition: string;
  readonly state: string;
  readonly lastError: string | null;
}

/** The longest single move of the clock: timers fire at most this late in business time. */
const MAX_STEP_MS = 60 * 60 * 1000;
/** A background job that does not settle within this much wall time is a fault, not a pause. */
const SETTLE_TIMEOUT_MS = 120_000;
/**
 * How long a settle waits, at most, for timers due on the clock to fire: a timer whose command
 * keeps failing retries on the manual clock's time and would never leave while the clock stands.
 */
const DUE_TIMERS_WAIT_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The engine booted in this process on the data folder with a manual clock, driven through
 * its HTTP routes (Fastify's inject: the real routing, validation, guards and handlers, no
 * socket). Commands that the engine refuses are counted, never retried.
 */
export class DemoEngine {
  private readonly tokens: TokenService;
  private readonly minted = new Map<string, string>();
  /** `POST /leads/:id/qualify 409 LEAD_CLOSED` → how often. */
  readonly refused = new Map<string, number>();
  commands = 0;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly clock: ManualClock,
    secret: string,
    readonly tenant: string,
  ) {
    this.tokens = new TokenService(secret);
  }

  static async boot(config: AppConfig, secret: string, start: Date, tenant: string): Promise<DemoEngine> {
    const clock = new ManualClock(start);
    const app = await createApp({
      contexts: LTC_CONTEXTS,
      config: { ...config, jwtSecret: secret, role: 'all' },
      logger: pino({ level: 'silent' }),
      clock,
      swaggerUi: false,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new DemoEngine(app, clock, secret, tenant);
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  /** A token for `sub` holding `roles`, minted once. */
  async token(sub: string, roles: readonly Role[]): Promise<string> {
    const key = `${sub}:${roles.join(',')}`;
    const known = this.minted.get(key);
    if (known) return known;
    const minted = await this.tokens.mint({ sub, roles, tenant: this.tenant, expiresIn: '12h' });
    this.minted.set(key, minted);
    return minted;
  }

  async request(method: string, path: string, token: string, body?: unknown): Promise<Answer> {
    const response = await this.app.inject({
      method: method as 'GET',
      url: path,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const text = response.body;
    return { status: response.statusCode, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** A command: its answer's body when the engine took it, undefined (and counted) when it refused. */
  async command(
    method: 'POST' | 'PUT',
    path: string,
    token: string,
    body: unknown = {},
  ): Promise<Record<string, unknown> | undefined> {
    this.commands += 1;
    const answer = await this.request(method, path, token, body);
    if (answer.status < 300) return (answer.body ?? {}) as Record<string, unknown>;
    if (answer.status === 400 || answer.status === 401 || answer.status === 403) {
      // Not the story's doing but the seeder's: a body or a role the API does not take.
      throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    const route = path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
    const code = (answer.body as { code?: unknown } | undefined)?.code;
    const key = `${method} ${route} ${answer.status} ${typeof code === 'string' ? code : ''}`;
    this.refused.set(key, (this.refused.get(key) ?? 0) + 1);
    return undefined;
  }

  /** The raw events of a stream, oldest first. */
  async events(stream: string, token: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
    const read = await this.request('GET', `/streams/${stream}?limit=1000`, token);
    if (read.status !== 200) return [];
    return (read.body as { events: { type: string; data: Record<string, unknown> }[] }).events;
  }

  /** `active` when this process runs the projections, process managers and timers. */
  async runnerRole(token: string): Promise<string> {
    const read = await this.request('GET', '/projections/runner', token);
    const role = (read.body as { role?: unknown } | undefined)?.role;
    return typeof role === 'string' ? role : 'unknown';
  }

  /** The newest position of the event log, as the projections report it. */
  async headPosition(token: string): Promise<bigint> {
    const list = (await this.request('GET', '/projections', token)).body as SubscriberView[];
    return BigInt(list[0]?.headPosition ?? '0');
  }

  /**
   * Waits until every projection and process manager has handled the whole log, twice in a
   * row with the head unmoved: what the last commands and timers set off has been written.
   */
  async settle(token: string): Promise<void> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    const timersDeadline = Date.now() + DUE_TIMERS_WAIT_MS;
    let quietAt: string | undefined;
    for (;;) {
      const list = (await this.request('GET', '/projections', token)).body as SubscriberView[];
      const failed = list.find((s) => s.state === 'failed');
      if (failed) throw new Error(`${failed.name} failed: ${failed.lastError ?? 'no error given'}`);
      const head = list[0]?.headPosition ?? '0';
      if (list.every((s) => s.lag === '0')) {
        // The timer scheduler is no projection: on a busy machine it may not have woken yet for a
        // timer the clock just passed, and the story must not move on before that timer fires.
        const timersPending = Date.now() < timersDeadline && (await this.timersDueNow()) > 0;
        if (quietAt === head && !timersPending) return;
        quietAt = timersPending ? undefined : head;
      } else {
        quietAt = undefined;
      }
      if (Date.now() > deadline) throw new Error('the background jobs did not catch up within 2 minutes');
      await sleep(quietAt === undefined ? 2 : 3);
    }
  }

  /** Timers due at or before the clock's now that have not fired yet (the due-timers read model). */
  private async timersDueNow(): Promise<number> {
    const handle = this.app.get<ReadModelHandle>(READ_MODEL_DB, { strict: false });
    const now = this.clock.now().toISOString();
    const { rows } = await sql<{ due: number | string }>`
      select count(*) as due from due_timers where due_at <= ${now}`.execute(handle.db);
    return Number(rows[0]?.due ?? 0);
  }

  /**
   * Moves the clock to `to` in steps, letting due timers fire and settle on each: at most an
   * hour in working hours (07:00 to 19:00 UTC, Monday to Friday), to the next morning outside
   * them, so a timer fires at most that late in business time.
   */
  async advanceTo(to: number, token: string): Promise<void> {
    if (this.clock.now().getTime() >= to) return;
    await this.settle(token);
    while (this.clock.now().getTime() < to) {
      this.clock.set(new Date(Math.min(to, nextStop(this.clock.now().getTime()))));
      // Give the timer scheduler its turn to wake before the first look.
      await sleep(2);
      await this.settle(token);
    }
  }
}

function nextStop(now: number): number {
  const date = new Date(now);
  const hour = date.getUTCHours();
  const weekday = date.getUTCDay();
  if (weekday !== 0 && weekday !== 6 && hour >= 7 && hour < 19) return now + MAX_STEP_MS;
  const morning = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 7);
  return Math.min(now + 12 * MAX_STEP_MS, morning > now ? morning : morning + 24 * MAX_STEP_MS);
}

interface Step {
  readonly at: number;
  readonly order: number;
  readonly run: () => Promise<void>;
}

/** What happens when, in business time: ties keep the order they were planned in. */
export class Agenda {
  private readonly steps: Step[] = [];
  private order = 0;

  get size(): number {
    return this.steps.length;
  }

  at(when: number, run: () => Promise<void>): void {
    const step = { at: when, order: this.order++, run };
    let low = 0;
    let high = this.steps.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = this.steps[mid] as Step;
      if (other.at < step.at || (other.at === step.at && other.order < step.order)) low = mid + 1;
      else high = mid;
    }
    this.steps.splice(low, 0, step);
  }

  /** The next step due at or before `until`, removed; undefined when none is left. */
  take(until: number): Step | undefined {
    const first = this.steps[0];
    if (!first || first.at > until) return undefined;
    return this.steps.shift();
  }

  /** Steps left beyond the end of the story. */
  dropAll(): number {
    const left = this.steps.length;
    this.steps.length = 0;
    return left;
  }
}
