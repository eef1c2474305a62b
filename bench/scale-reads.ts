import Database from 'better-sqlite3';
import { encodeCursor, type LeadListRow } from '#ltc/leads';
import { TokenService } from '#ltc/platform';
import { measureLatency, measureSyncLatency, type LatencyRun } from './latency.js';
import { progress } from './report.js';
import { BENCH_TENANT, RARE_REGION, benchLeadId, benchRepId } from './scale-events.js';

/** One read workload, beside the floor it is compared with. */
export interface ReadRow {
  readonly name: string;
  readonly run: LatencyRun;
  readonly floorName: string;
  readonly floor: LatencyRun;
  readonly goalP99Ms?: number;
}

interface ReadOptions {
  readonly baseUrl: string;
  readonly secret: string;
  readonly readModelFile: string;
  readonly leads: number;
  readonly concurrency: number;
  readonly requests: number;
}

/** The goals of the issue at 1M leads: lists (any filter, search, deep pages) p99 ≤ 20 ms, one lead ≤ 10 ms. */
const LIST_GOAL_MS = 20;
const DETAIL_GOAL_MS = 10;
const spread = (i: number, size: number): number => (i * 7919) % size;

export async function readWorkloads(options: ReadOptions): Promise<ReadRow[]> {
  const tokens = new TokenService(options.secret);
  const admin = await tokens.mint({ sub: 'root', roles: ['admin'], tenant: BENCH_TENANT });
  const rep = await tokens.mint({ sub: benchRepId(7), roles: ['ar'], tenant: BENCH_TENANT });
  const { baseUrl, concurrency, requests, leads } = options;
  const get =
    (token: string | undefined, path: (i: number) => string) =>
    async (i: number): Promise<boolean> => {
      const response = await fetch(`${baseUrl}${path(i)}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      await response.arrayBuffer();
      return response.ok;
    };
  const models = new Database(options.readModelFile, { readonly: true });
  try {
    const deepCursors = Array.from({ length: 64 }, (_, i) => {
      const row = models
        .prepare('select * from lead_list where tenant_id = ? order by captured_at desc, lead_id limit 1 offset ?')
        .get(BENCH_TENANT, spread(i + 1, leads)) as LeadListRow;
      return encodeCursor('newest', row);
    });
    const http = async (name: string, token: string | undefined, path: (i: number) => string, n = requests) => {
      progress(`  ${name}`);
      await measureLatency(get(token, path), Math.min(50, n), concurrency); // warm-up
      return measureLatency(get(token, path), n, concurrency);
    };
    const floorHttp = await http('GET /health', undefined, () => '/health');
    const list = async (name: string, path: (i: number) => string, token = admin, n = requests): Promise<ReadRow> => ({
      name,
      run: await http(name, token, path, n),
      floorName: 'GET /health (no auth)',
      floor: floorHttp,
      goalP99Ms: LIST_GOAL_MS,
    });
    const byKey = models.prepare('select * from lead_list where tenant_id = ? and lead_id = ?');
    const page = models.prepare(
      'select * from lead_list where tenant_id = ? order by captured_at desc, lead_id limit 51 offset ?',
    );
    const bareKey = measureSyncLatency((i) => byKey.get(BENCH_TENANT, benchLeadId(spread(i, leads))), requests);
    const barePage = measureSyncLatency(() => page.all(BENCH_TENANT, 0), requests);
    const rows: ReadRow[] = [
      await list('GET /leads', () => '/leads?limit=50'),
      await list('GET /leads?status=assigned,working', () => '/leads?status=assigned,working'),
      await list('GET /leads?source=&status=new', (i) => `/leads?source=${i % 2 ? 'website' : 'event'}&status=new`),
      await list(`GET /leads?region=${RARE_REGION} (1 lead in 50)`, () => `/leads?region=${RARE_REGION}`),
      await list('GET /leads?tier=A&team=', () => '/leads?tier=A&team=emea-north'),
      await list('GET /leads?tag=price-first', () => '/leads?tag=price-first'),
      await list('GET /leads?sla=pending', () => '/leads?sla=pending'),
      await list('GET /leads?owner=', (i) => `/leads?owner=${benchRepId(i)}`),
      await list('GET /leads?q=kestrel (1 lead in 9)', () => '/leads?q=kestrel'),
      await list('GET /leads?q=<number in one email>', (i) => `/leads?q=${spread(i, leads)}`),
      await list('GET /leads as a rep (own + pool)', () => '/leads', rep),
      await list('GET /leads/pool', () => '/leads/pool'),
      await list('GET /reps/{id}/leads', (i) => `/reps/${benchRepId(i)}/leads`),
      await list('GET /leads?cursor= (deep, anywhere)', (i) => `/leads?cursor=${deepCursors[i % 64] ?? ''}`),
      {
        name: 'before: GET /leads?offset= (deep)',
        run: await http('GET /leads?offset=', admin, (i) => `/leads?offset=${spread(i + 1, leads)}`, 100),
        floorName: 'GET /health (no auth)',
        floor: floorHttp,
      },
      {
        name: 'GET /leads/{id}',
        run: await http('GET /leads/{id}', admin, (i) => `/leads/${benchLeadId(spread(i, leads))}`),
        floorName: 'GET /health (no auth)',
        floor: floorHttp,
        goalP99Ms: DETAIL_GOAL_MS,
      },
      { name: 'bare SELECT of one lead by key', run: bareKey, floorName: '–', floor: bareKey },
      { name: 'bare SELECT of the first page', run: barePage, floorName: '–', floor: barePage },
      ...oldWays(models, requests),
    ];
    return rows;
  } finally {
    models.close();
  }
}

/** What the list did before (a count over the tenant, `LIKE '%…%'`), as bare SQL on the same table. */
function oldWays(models: Database.Database, requests: number): ReadRow[] {
  const n = Math.max(5, Math.floor(requests / 100));
  const countAll = models.prepare('select count(*) from lead_list where tenant_id = ?');
  const like = models.prepare(
    "select * from lead_list where tenant_id = ? and search_text like '%kestrel%' order by captured_at desc limit 51",
  );
  const likeCount = models.prepare(
    "select count(*) from lead_list where tenant_id = ? and search_text like '%kestrel%'",
  );
  const countRun = measureSyncLatency(() => countAll.get(BENCH_TENANT), n);
  const likeRun = measureSyncLatency(() => {
    like.all(BENCH_TENANT);
    likeCount.get(BENCH_TENANT);
  }, n);
  return [
    { name: 'before: count(*) of every page (bare SQL)', run: countRun, floorName: '–', floor: countRun },
    { name: "before: LIKE '%kestrel%' page + count (bare SQL)", run: likeRun, floorName: '–', floor: likeRun },
  ];
}
