import autocannon from 'autocannon';

/** One load phase's outcome, as the report prints it. */
export interface PhaseResult {
  readonly phase: string;
  readonly connections: number;
  readonly seconds: number;
  /** Successful (2xx) responses per second over the phase. */
  readonly okPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Non-2xx responses and connection errors: a correct run has none. */
  readonly failed: number;
  readonly statuses: string;
}

/** What one phase sends: a request built per call (unique emails, a random lead). */
export interface PhaseSpec {
  readonly phase: string;
  readonly method: 'GET' | 'POST';
  /** Builds each request; called once per request sent. */
  readonly next: () => { readonly path: string; readonly body?: unknown };
  /** Sees each response (e.g. to collect the ids of captured leads). */
  readonly onResponse?: (status: number, body: string) => void;
}

export interface LoadOptions {
  readonly url: string;
  readonly token: string | undefined;
  readonly connections: number;
  readonly seconds: number;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  readonly rate?: number | undefined;
}

/** Drives one phase with autocannon over real HTTP. */
export async function runPhase(spec: PhaseSpec, options: LoadOptions): Promise<PhaseResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate === undefined ? {} : { overallRate: options.rate }),
    headers,
    requests: [
      {
        method: spec.method,
        setupRequest: (request) => {
          const next = spec.next();
          return {
            ...request,
            method: spec.method,
            path: next.path,
            ...(next.body === undefined ? {} : { body: JSON.stringify(next.body) }),
          };
        },
        ...(spec.onResponse ? { onResponse: spec.onResponse } : {}),
      },
    ],
  });
  const ok = result['2xx'];
  return {
    phase: spec.phase,
    connections: options.connections,
    seconds: result.duration,
    okPerSecond: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failed: result.non2xx + result.errors,
    statuses: Object.entries(result.statusCodeStats ?? {})
      .map(([code, stats]) => `${code}×${stats.count ?? 0}`)
      .join(' '),
  };
}
