import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** One row of `GET /projections`, the fields the bench reads. */
interface SubscriberRow {
  readonly name: string;
  readonly position: string | null;
  readonly headPosition: string;
  readonly lag: string;
  readonly state: string;
}

/** Background lag at one moment: events not yet handled, and how long ago the oldest of them was written. */
export interface LagSample {
  /** Seconds since the monitor started. */
  readonly at: number;
  /** Most events any one subscriber is behind. */
  readonly events: number;
  /** The subscriber furthest behind (by events). */
  readonly slowest: string;
  /**
   * Seconds since the log's head passed the slowest subscriber's position: how stale the
   * staleest read model or reaction is (to within one sample interval).
   */
  readonly seconds: number;
  readonly rssMiB: number;
}

/** How catching up after a load phase went; `behind` > 0: it did not finish in time. */
export interface CatchUp {
  readonly seconds: number;
  readonly behind: number;
  readonly slowest: string;
}

/**
 * Samples `GET /projections` (and the server's RSS) once per interval while the load
 * runs, from its own connection: the lag figures are what an operator would see.
 */
export class LagMonitor {
  readonly samples: LagSample[] = [];
  /** When the head was first seen at or past each position (ascending). */
  private readonly heads: { readonly position: bigint; readonly at: number }[] = [];
  private readonly started = performance.now();
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly rssMiB: () => number,
    private readonly intervalMs = 1_000,
  ) {}

  start(): void {
    this.stopped = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Samples once now. */
  async sample(): Promise<LagSample> {
    const rows = await this.subscribers();
    const now = this.seconds();
    let slowest: SubscriberRow | undefined;
    let oldest: bigint | undefined;
    for (const row of rows) {
      const head = BigInt(row.headPosition);
      if (this.heads.at(-1)?.position !== head) this.heads.push({ position: head, at: now });
      if (BigInt(row.lag) === 0n) continue;
      if (!slowest || BigInt(row.lag) > BigInt(slowest.lag)) slowest = row;
      const position = row.position === null ? -1n : BigInt(row.position);
      if (oldest === undefined || position < oldest) oldest = position;
    }
    const sample: LagSample = {
      at: now,
      events: slowest ? Number(slowest.lag) : 0,
      slowest: slowest?.name ?? '–',
      seconds: oldest === undefined ? 0 : now - this.headPassed(oldest, now),
      rssMiB: this.rssMiB(),
    };
    this.samples.push(sample);
    return sample;
  }

  /**
   * Polls until no subscriber lags or `timeoutSeconds` pass; says how long it took, or
   * how far behind the slowest subscriber still is when the time ran out.
   */
  async waitForCatchUp(timeoutSeconds: number): Promise<CatchUp> {
    const begin = performance.now();
    for (;;) {
      const sample = await this.sample();
      const seconds = (performance.now() - begin) / 1000;
      if (sample.events === 0) return { seconds, behind: 0, slowest: '–' };
      if (seconds > timeoutSeconds) return { seconds, behind: sample.events, slowest: sample.slowest };
      await sleep(250);
    }
  }

  /** Failed subscribers, which would make every figure meaningless. */
  async failures(): Promise<string[]> {
    return (await this.subscribers()).filter((row) => row.state === 'failed').map((row) => row.name);
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      await this.sample().catch(() => undefined);
      await sleep(this.intervalMs);
    }
  }

  private async subscribers(): Promise<SubscriberRow[]> {
    const response = await fetch(`${this.url}/projections`, { headers: { authorization: `Bearer ${this.token}` } });
    if (!response.ok) throw new Error(`GET /projections answered ${response.status}`);
    return (await response.json()) as SubscriberRow[];
  }

  /** When the head first stood at or past `position` (the monitor's start if before it). */
  private headPassed(position: bigint, now: number): number {
    for (const head of this.heads) if (head.position > position) return head.at;
    return now;
  }

  private seconds(): number {
    return (performance.now() - this.started) / 1000;
  }
}
