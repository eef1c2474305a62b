import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelTransaction } from '#ltc/projections';
import { upsertRow } from '#ltc/projections';
import { parseOpportunityEvent } from '../domain/opportunity-event.js';
import type { OpportunityEvent } from '../domain/opportunity.events.js';
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
  apply: applyToHistory,
};

async function applyToHistory(trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> {
  const event = parseOpportunityEvent(recorded);
  if (!event) return;
  const tenantId = recorded.metadata.tenantId;
  const { opportunityId } = event.data;
  let facts: Facts | undefined;
  if (event.type === 'OpportunityOpened') {
    const d = event.data;
    facts = {
      pipeline_id: d.pipelineId,
      status: 'open',
      stage_id: d.stageId,
      forecast_category: d.forecastCategory,
      probability_bp: d.probabilityBp,
      amount_minor: d.amount?.amountMinor ?? null,
      currency: d.amount?.currency ?? null,
      close_date: d.closeDate,
    };
  } else {
    const previous = await forecastHistoryDb(trx)
      .selectFrom('opportunity_forecast_history')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('opportunity_id', '=', opportunityId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const changes = previous && factChanges(event);
    if (!previous || !changes) return;
    const { tenant_id: _t, opportunity_id: _o, seq: _s, changed_at: _c, change: _e, ...before } = previous;
    facts = { ...before, ...changes };
  }
  const row: ForecastHistoryRow = {
    tenant_id: tenantId,
    opportunity_id: opportunityId,
    seq: Number(recorded.revision),
    changed_at: event.data.at,
    change: event.type,
    ...facts,
  };
  await upsertRow(trx, 'opportunity_forecast_history', row, ['tenant_id', 'opportunity_id', 'seq']);
}

/** The forecast facts an event changes; undefined: none (triangle, handoffs, quotes…). */
function factChanges(event: Exclude<OpportunityEvent, { type: 'OpportunityOpened' }>): Partial<Facts> | undefined {
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
