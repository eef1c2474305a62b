import { eventually, startTestApp, type TestApp } from './support/test-app.js';

const METRICS_TOKEN = 'scrape-secret-0123456789';

/** The value of one series in a Prometheus text exposition, or undefined when it is absent. */
function sample(exposition: string, series: string): number | undefined {
  const line = exposition.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** `GET /metrics`: what Prometheus scrapes, behind a token of its own. */
describe('GET /metrics', () => {
  let app: TestApp;
  let manager: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { LTC_METRICS_TOKEN: METRICS_TOKEN } });
    manager = await app.token(['sales_manager'], 'mgr-metrics');
  });
  afterAll(async () => app.destroy());

  const scrape = async (): Promise<string> => {
    const response = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect([response.status, response.headers.get('content-type')]).toEqual([
      200,
      'text/plain; version=0.0.4; charset=utf-8',
    ]);
    return await response.text();
  };

  it('answers 401 without the metrics token, to a user token too', async () => {
    const admin = await app.token(['admin']);
    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${admin}` },
      { authorization: 'Bearer wrong-token-0123456789' },
    ];
    for (const headers of attempts) {
      const response = await fetch(`${app.baseUrl}/metrics`, { headers });
      expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([401, 'INVALID_TOKEN']);
    }
  });

  it('counts commands by aggregate, type and outcome, with the appends and the HTTP answers behind them', async () => {
    const before = await scrape();
    const captured = await app.request('POST', '/leads', {
      token: manager,
      body: { name: 'Metered lead', company: 'Gauge AB', email: 'metered@gauge.example', source: 'website' },
    });
    expect(captured.status).toBe(201);
    const refused = await app.request('POST', `/leads/${captured.body.id as string}/convert`, { token: manager });
    expect([refused.status, refused.body.code]).toEqual([409, 'LEAD_NOT_QUALIFIED']);
    const after = await scrape();
    const grew = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect({
      captured: grew('ltc_commands_total{aggregate="Lead",command="CaptureLead",outcome="accepted"}'),
      refused: grew('ltc_commands_total{aggregate="Lead",command="ConvertLead",outcome="LEAD_NOT_QUALIFIED"}'),
      created: grew('ltc_http_requests_total{method="POST",route="/leads",status="201"}'),
      conflict: grew('ltc_http_requests_total{method="POST",route="/leads/:id/convert",status="409"}'),
    }).toEqual({ captured: 1, refused: 1, created: 1, conflict: 1 });
    expect(grew('ltc_events_appended_total')).toBeGreaterThanOrEqual(1);
    expect(grew('ltc_event_append_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    // No id, tenant or user ever becomes a label.
    expect(after).not.toContain(captured.body.id as string);
    expect(after).not.toContain('acme');
  });

  it('tells the projection lag per job, the timer backlog and that this process runs the jobs', async () => {
    const exposition = await eventually(async () => {
      const text = await scrape();
      return sample(text, 'ltc_projection_lag_events{job="lead_list",kind="projection"}') === 0 ? text : undefined;
    }, 15_000);
    expect(sample(exposition, 'ltc_background_jobs_active{process_role="all"}')).toBe(1);
    expect(sample(exposition, 'ltc_projection_state{job="lead_list",state="live"}')).toBe(1);
    expect(
      sample(exposition, 'ltc_projection_lag_events{job="lead_routing",kind="process_manager"}'),
    ).toBeGreaterThanOrEqual(0);
    // The lead's response timers are minutes away on the real clock: nothing is due yet.
    expect(sample(exposition, 'ltc_timers_due')).toBe(0);
    expect(sample(exposition, 'ltc_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('GET /metrics without LTC_METRICS_TOKEN', () => {
  it('is off: 404, whoever asks', async () => {
    const app = await startTestApp();
    try {
      const response = await app.request('GET', '/metrics', { token: await app.token(['admin']) });
      expect(response.status).toBe(404);
      expect(response.body.message).toContain('LTC_METRICS_TOKEN');
    } finally {
      await app.destroy();
    }
  });
});
