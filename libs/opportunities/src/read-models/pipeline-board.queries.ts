import type { ReadModelDb } from '#ltc/projections';
import type { PipelineConfig } from '../domain/pipeline.types.js';
import { filteredDeals, type DealFilter } from './deal-filter.js';
import { CurrencyTotals, type CurrencyTotal } from './money-totals.js';

export interface BoardColumn {
  readonly stage: string;
  readonly name: string;
  readonly outcome: string;
  /** Deals in the stage, with or without an amount. */
  readonly count: number;
  /** Per currency: deals with an amount, their total and probability-weighted amount. */
  readonly totals: CurrencyTotal[];
}

export interface PipelineBoard {
  readonly pipelineId: string;
  readonly pipelineVersion: number;
  readonly stages: BoardColumn[];
}

/**
 * The board of one pipeline: every stage in the pipeline's order, empty ones included, with
 * the count and per-currency sums of the deals the caller sees in it. A stage a newer
 * pipeline version dropped still holds its deals; it follows the configured ones.
 */
export async function pipelineBoard(
  db: ReadModelDb,
  tenantId: string,
  pipeline: PipelineConfig,
  filter: Omit<DealFilter, 'pipelineId'>,
): Promise<PipelineBoard> {
  const deals = await filteredDeals(db, tenantId, { ...filter, pipelineId: pipeline.pipelineId })
    .select(['stage_id', 'amount_minor', 'currency', 'probability_bp'])
    .execute();
  return boardOf(pipeline, deals);
}

/** What the board needs of one deal: its stage and its amount with the stage's probability. */
export interface BoardDeal {
  readonly stage_id: string;
  readonly amount_minor: number | string | null;
  readonly currency: string | null;
  readonly probability_bp: number | string;
}

/** The board's columns over these deals, in the pipeline's stage order (see `pipelineBoard`). */
export function boardOf(pipeline: PipelineConfig, deals: readonly BoardDeal[]): PipelineBoard {
  const columns = new Map<string, { name: string; outcome: string; count: number; totals: CurrencyTotals }>();
  for (const stage of pipeline.stages) {
    columns.set(stage.id, { name: stage.name, outcome: stage.outcome, count: 0, totals: new CurrencyTotals() });
  }
  for (const d of [...deals].sort((a, b) => (a.stage_id < b.stage_id ? -1 : a.stage_id > b.stage_id ? 1 : 0))) {
    let column = columns.get(d.stage_id);
    if (!column) {
      column = { name: d.stage_id, outcome: 'unknown', count: 0, totals: new CurrencyTotals() };
      columns.set(d.stage_id, column);
    }
    column.count += 1;
    column.totals.add({ ...d, probability_bp: Number(d.probability_bp) });
  }
  return {
    pipelineId: pipeline.pipelineId,
    pipelineVersion: pipeline.version,
    stages: [...columns].map(([stage, c]) => ({
      stage,
      name: c.name,
      outcome: c.outcome,
      count: c.count,
      totals: c.totals.list(),
    })),
  };
}
