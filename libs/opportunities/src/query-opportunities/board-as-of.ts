import type { EventStore } from '#ltc/event-store';
import type { ReadModelDb } from '#ltc/projections';
import type { PipelineConfig } from '../domain/pipeline.types.js';
import { loadDeal } from '../opportunity-commands/deal-stream.js';
import { filteredDeals, type DealFilter } from '../read-models/deal-filter.js';
import { boardOf, type BoardDeal, type PipelineBoard } from '../read-models/pipeline-board.queries.js';

/** Deal streams read at once while folding a board as of an instant. */
const READS_AT_ONCE = 16;

/**
 * The board as it stood at `asOf`: the deals the filter selects and the caller sees now, each
 * folded from its own stream up to that instant (deals not opened yet are left out). No
 * snapshot is kept for it: one read per deal, so it costs what the board's deals' streams do.
 */
export async function pipelineBoardAsOf(
  db: ReadModelDb,
  store: EventStore,
  tenantId: string,
  pipeline: PipelineConfig,
  filter: Omit<DealFilter, 'pipelineId'>,
  asOf: Date,
): Promise<PipelineBoard> {
  const rows = await filteredDeals(db, tenantId, { ...filter, pipelineId: pipeline.pipelineId })
    .select('opportunity_id')
    .execute();
  const ids = rows.map((row) => row.opportunity_id);
  const deals: BoardDeal[] = [];
  for (let at = 0; at < ids.length; at += READS_AT_ONCE) {
    const folded = await Promise.all(ids.slice(at, at + READS_AT_ONCE).map((id) => loadDeal(store, id, asOf)));
    for (const { state, tenantId: owner } of folded) {
      if (state.status === 'none' || owner !== tenantId || state.pipelineId !== pipeline.pipelineId) continue;
      deals.push({
        stage_id: state.stageId,
        amount_minor: state.amount?.amountMinor ?? null,
        currency: state.amount?.currency ?? null,
        probability_bp: state.probabilityBp,
      });
    }
  }
  return boardOf(pipeline, deals);
}
