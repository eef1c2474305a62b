import Database from 'better-sqlite3';
import { TokenService } from '#ltc/platform';
import { measureLatency, measureSyncLatency, type LatencyRun } from './latency.js';
import { progress } from './report.js';

/** One read of the long deal, beside the floor it is compared with. */
export interface DealReadRow {
  readonly name: string;
  readonly run: LatencyRun;
  /** Absent on the bare SQL rows: they are the floors. */
  readonly floor?: { readonly name: string; readonly run: LatencyRun };
  /** What one answer held (entries, events folded), checked on the first answer. */
  readonly answered: string;
}

export interface DealReadOptions {
  readonly baseUrl: string;
  readonly secret: string;
  readonly eventsFile: string;
  readonly readModelFile: string;
  readonly tenant: string;
  readonly dealId: string;
  readonly requests: number;
}

const WARM_UP = 20;

/**
 * Deal history and as-of reads of the long deal over HTTP, one request at a time (the
 * latency of one reader, not of a queue), each beside a floor of the same run: `GET /health`
 * for the framework, and the bare SQL the answer is built from.
 */
export async function dealReads(options: DealReadOptions): Promise<DealReadRow[]> {
  const { baseUrl, tenant, dealId, requests } = options;
  const token = await new TokenService(options.secret).mint({ sub: 'bench-auditor', roles: ['admin'], tenant });
  const headers = { authorization: `Bearer ${token}` };
  const events = new Database(options.eventsFile, { readonly: true });
  const models = new Database(options.readModelFile, { readonly: true });
  try {
    const stream = `opportunity-${dealId}`;
    const recordedAt = events
      .prepare<[string], number>('SELECT recorded_at FROM events WHERE stream = ? ORDER BY revision')
      .pluck()
      .all(stream);
    // Half-way through the deal's stream: the fold reads the whole stream, keeps half.
    const asOf = new Date(recordedAt[Math.floor(recordedAt.length / 2)] ?? 0).toISOString();
    const asOfEvents = recordedAt.filter((at) => at <= Date.parse(asOf)).length;

    const http = async (name: string, path: string, accept = 'application/json'): Promise<LatencyRun> => {
      progress(`  ${name}`);
      const call = async (): Promise<boolean> => {
        const response = await fetch(`${baseUrl}${path}`, { headers: { ...headers, accept } });
        await response.arrayBuffer();
        return response.ok;
      };
      await measureLatency(call, WARM_UP, 1);
      return measureLatency(call, requests, 1);
    };
    const body = async (path: string, accept = 'application/json'): Promise<string> =>
      (await fetch(`${baseUrl}${path}`, { headers: { ...headers, accept } })).text();

    const health = await http('GET /health', '/health');
    const historyPath = `/deals/${dealId}/history`;
    const firstPage = JSON.parse(await body(`${historyPath}?limit=100`)) as { entries: unknown[] };
    const exported = (await body(historyPath, 'application/x-ndjson')).split('\n').filter((l) => l !== '').length;
    const trail = models.prepare(
      'SELECT t.* FROM audit_deal_streams d JOIN audit_trail t ON t.stream = d.stream ' +
        'WHERE d.tenant_id = ? AND d.deal_id = ? ORDER BY t.position LIMIT ?',
    );
    const readStream = events.prepare(
      'SELECT data, type, revision, recorded_at FROM events WHERE stream = ? ORDER BY revision',
    );
    const bareTrail = (limit: number) => measureSyncLatency(() => trail.all(tenant, dealId, limit), requests);
    const bareStream = measureSyncLatency(() => {
      for (const row of readStream.all(stream) as { data: string }[]) JSON.parse(row.data);
    }, requests);
    const healthFloor = { floor: { name: 'GET /health (no auth)', run: health } };
    return [
      {
        name: 'GET /deals/{id}/history?limit=100',
        run: await http('deal history, first page of 100', `${historyPath}?limit=100`),
        ...healthFloor,
        answered: `${firstPage.entries.length} entries`,
      },
      {
        name: 'GET /deals/{id}/history (NDJSON export: all)',
        run: await http('deal history, whole export', historyPath, 'application/x-ndjson'),
        ...healthFloor,
        answered: `${exported} entries`,
      },
      {
        name: 'GET /opportunities/{id}?asOf=',
        run: await http('as-of the deal half-way', `/opportunities/${dealId}?asOf=${asOf}`),
        ...healthFloor,
        answered: `${recordedAt.length} events read, ${asOfEvents} folded (asOf ${asOf})`,
      },
      {
        name: 'GET /opportunities/{id} (now)',
        run: await http('the deal now', `/opportunities/${dealId}`),
        ...healthFloor,
        answered: `${recordedAt.length} events folded`,
      },
      {
        name: 'bare SELECT: 100 trail rows of the deal',
        run: bareTrail(100),
        answered: 'read-model file',
      },
      {
        name: 'bare SELECT: all trail rows of the deal',
        run: bareTrail(1_000_000),
        answered: `${trail.all(tenant, dealId, 1_000_000).length} rows`,
      },
      {
        name: 'bare SELECT + JSON.parse of the deal stream',
        run: bareStream,
        answered: `${recordedAt.length} events`,
      },
    ];
  } finally {
    models.close();
    events.close();
  }
}
