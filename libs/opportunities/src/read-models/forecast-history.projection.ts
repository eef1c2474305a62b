import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelTransaction } from '#ltc/projections';
import { upsertMany } from '#ltc/projections';
import { sql } from 'kysely';
import { parseOpportunityEvent } from '../domain/opportunity-event.js';
import type { OpportunityEvent, OpportunityOpened } from '../domain/opportunity.events.js';
import {
  createForecastHistoryTable,
  forecastHistoryDb,
  resetForecastHistory,
  type ForecastHistoryRow,
} from './forecast-history.table.js';

type Facts = Omit<ForecastHistoryRow, 'tenant_id' | 'opportunity_id' | 'seq' | 'changed_at' | 'change'>;

/** The history behind `GET /forecast?since=`: one row per change of a deal's forecast facts. */
export const forecastHistoryProjection: Projection = {
  name: 'opportunity_forecast_history',
  version: 1,
  filter: { streamPrefixes: ['opportunity-'] },
  setup: createForecastHistoryTable,
  reset: resetForecastHistory,
  apply: (trx, recorded) => applyHistoryBatch(trx, [recorded]),
  applyBatch: applyHistoryBatch,
};

const dealKey = (tenantId: string, id: string): string => `${tenantId}\u0000${id}`;

/** Deals per read of the latest rows a batch builds on. */
const CHUNK = 500;

const COLUMNS = [
  'tenant_id',
  'opportunity_id',
  'seq',
  'changed_at',
  'change',
  'pipeline_id',
  'status',
  'stage_id',
  'forecast_category',
  'probability_bp',
  'amount_minor',
  'currency',
  'close_date',
] as const satisfies readonly (keyof ForecastHistoryRow)[];

/**
 * Reads each touched deal's latest row once, folds the batch in memory (each change builds
 * on the row before it) and inserts the new rows in bulk; `apply` is a batch of one.
 */
async function applyHistoryBatch(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
  const parsed = events.flatMap((recorded) => {
    const event = parseOpportunityEvent(recorded);
    return event ? [{ recorded, event }] : [];
  });
  if (parsed.length === 0) return;
  const latest = await latestRows(
    trx,
    parsed.map(({ recorded, event }) => [recorded.metadata.tenantId, event.data.opportunityId]),
  );
  const written: ForecastHistoryRow[] = [];
  for (const { recorded, event } of parsed) {
    const tenantId = recorded.metadata.tenantId;
    const { opportunityId } = event.data;
    const previous = latest.get(dealKey(tenantId, opportunityId));
    const facts = event.type === 'OpportunityOpened' ? openedFacts(event) : previous && changedFacts(previous, event);
    if (!facts) continue;
    const row: ForecastHistoryRow = {
      tenant_id: tenantId,
      opportunity_id: opportunityId,
      seq: Number(recorded.revision),
      changed_at: event.data.at,
      change: event.type,
      ...facts,
    };
    latest.set(dealKey(tenantId, opportunityId), row);
    written.push(row);
  }
  await upsertMany(
    trx,
    {
      table: 'opportunity_forecast_history',
      columns: COLUMNS,
      key: ['tenant_id', 'opportunity_id', 'seq'],
      update: COLUMNS.filter((c) => c !== 'tenant_id' && c !== 'opportunity_id' && c !== 'seq'),
      pgTypes: { seq: 'integer', probability_bp: 'integer', amount_minor: 'bigint' },
    },
    written,
  );
}

/** Each deal's latest history row, keyed by tenant and deal. */
async function latestRows(
  trx: ReadModelTransaction,
  deals: readonly (readonly [string, string])[],
): Promise<Map<string, ForecastHistoryRow>> {
  const idsByTenant = new Map<string, Set<string>>();
  for (const [tenantId, id] of deals) idsByTenant.set(tenantId, (idsByTenant.get(tenantId) ?? new Set()).add(id));
  const latest = new Map<string, ForecastHistoryRow>();
  for (const [tenantId, ids] of idsByTenant) {
    const all = [...ids];
    for (let i = 0; i < all.length; i += CHUNK) {
      const rows = await forecastHistoryDb(trx)
        .selectFrom('opportunity_forecast_history as h')
        .selectAll('h')
        .where('h.tenant_id', '=', tenantId)
        .where('h.opportunity_id', 'in', all.slice(i, i + CHUNK))
        .where(
          sql<boolean>`h.seq = (select max(m.seq) from opportunity_forecast_history m where m.tenant_id = h.tenant_id and m.opportunity_id = h.opportunity_id)`,
        )
        .execute();
      for (const row of rows) latest.set(dealKey(row.tenant_id, row.opportunity_id), row);
    }
  }
  return latest;
}

function openedFacts(event: OpportunityOpened): Facts {
  const d = event.data;
  return {
    pipeline_id: d.pipelineId,
    status: 'open',
    stage_id: d.stageId,
    forecast_category: d.forecastCategory,
    probability_bp: d.probabilityBp,
    amount_minor: d.amount?.amountMinor ?? null,
    currency: d.amount?.currency ?? null,
    close_date: d.closeDate,
  };
}

function changedFacts(
  previous: ForecastHistoryRow,
  event: Exclude<OpportunityEvent, OpportunityOpened>,
): Facts | undefined {
  const changes = factChanges(event);
  if (!changes) return undefined;
  const { tenant_id: _t, opportunity_id: _o, seq: _s, changed_at: _c, change: _e, ...before } = previous;
  return { ...before, ...changes };
}

/** The forecast facts an event changes; undefined: none (triangle, handoffs, quotes…). */
function factChanges(event: Exclude<OpportunityEvent, OpportunityOpened>): Partial<Facts> | undefined {
  switch (event.type) {
    case 'OpportunityAmountChanged':
      return { amount_minor: event.data.amount?.amountMinor ?? null, currency: event.data.amount?.currency ?? null };
    case 'OpportunityCloseDateChanged':
      return { close_date: event.data.closeDate };
    case 'OpportunityProbabilityChanged':
      return { probability_bp: event.data.probabilityBp };
    case 'OpportunityStageChanged':
    case 'OpportunityReopened': {
      const { stageId, probabilityBp, forecastCategory } = event.data;
      return { status: 'open', stage_id: stageId, probability_bp: probabilityBp, forecast_category: forecastCategory };
    }
    case 'OpportunityWon': {
      const { stageId, amount } = event.data;
      const money = { amount_minor: amount.amountMinor, currency: amount.currency };
      return { status: 'won', stage_id: stageId, probability_bp: 10_000, forecast_category: 'closed', ...money };
    }
    case 'OpportunityLost':
      return { status: 'lost', stage_id: event.data.stageId, probability_bp: 0, forecast_category: 'omitted' };
    default:
      return undefined;
  }
}
