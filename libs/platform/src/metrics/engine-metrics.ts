import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Injection token for the process's {@link EngineMetrics}. */
export const ENGINE_METRICS = Symbol('EngineMetrics');

/** Seconds: a command or an append is a few milliseconds; a busy disk or a long fold shows in the upper buckets. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Values only known when asked (projection lag, the timer backlog): read at every scrape. */
export type GaugeReader<L extends string> = (set: (labels: Record<L, string>, value: number) => void) => Promise<void>;

/**
 * The engine's Prometheus metrics (served at `GET /metrics`). One registry per application, not
 * prom-client's global one: tests run several engines in one process, and each counts its own.
 * Labels never carry a tenant, an id or a user: their values come from fixed sets (aggregates,
 * command types, error codes, route templates, job names), so the series stay few.
 */
export class EngineMetrics {
  readonly registry = new Registry();

  /** Every command an aggregate decided, from HTTP, process managers and timers alike. */
  readonly commands = new Counter({
    name: 'ltc_commands_total',
    help: 'Commands decided, by aggregate, command type and outcome (accepted, replayed, or the refusal code)',
    labelNames: ['aggregate', 'command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commandSeconds = new Histogram({
    name: 'ltc_command_duration_seconds',
    help: 'Time from a command reaching its aggregate to its events stored (or its refusal)',
    labelNames: ['aggregate'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly appendSeconds = new Histogram({
    name: 'ltc_event_append_duration_seconds',
    help: 'Time the event store took to make an append durable (group commit included)',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly appendedEvents = new Counter({
    name: 'ltc_events_appended_total',
    help: 'Events this process appended to the event store',
    registers: [this.registry],
  });

  readonly httpRequests = new Counter({
    name: 'ltc_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpSeconds = new Histogram({
    name: 'ltc_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    // CPU, memory, event-loop delay and handles of this process, under the engine's prefix.
    collectDefaultMetrics({ register: this.registry, prefix: 'ltc_' });
  }

  /** A gauge whose values `read` sets at every scrape; series it does not set are absent from that scrape. */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], read: GaugeReader<L>): void {
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        await read((labels, value) => this.set(labels, value));
      },
    });
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<string> {
    return await this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** The `outcome` label of a refused command: its stable code, or `error` for anything without one. */
export function refusalOutcome(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : 'error';
}
