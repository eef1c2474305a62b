import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ReadModelDb } from '#ltc/projections';
import { pipelineLengthDb } from './pipeline-length.projection.js';

const DAY_MS = 86_400_000;

export class PipelineLengthLineView {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The source, pipeline or team; null: a deal opened directly (source), in no team (team)',
  })
  key!: string | null;
  @ApiProperty({ description: 'Deals whose cash was collected' }) count!: number;
  @ApiProperty({ description: 'Median days from lead capture (or deal opening) to cash collected' })
  medianDays!: number;
  @ApiProperty({ description: '90th percentile of the same days' }) p90Days!: number;
}

export class PipelineLengthView {
  @ApiProperty({ type: [PipelineLengthLineView] }) bySource!: PipelineLengthLineView[];
  @ApiProperty({ type: [PipelineLengthLineView] }) byPipeline!: PipelineLengthLineView[];
  @ApiProperty({
    type: [PipelineLengthLineView],
    description: 'Per team the deal was opened in (docs/adr/0024), in order, null (no team) first',
  })
  byTeam!: PipelineLengthLineView[];
}

/** Nearest-rank percentile of sorted values (p in 0..1), so every answer is a real deal's length. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? 0;
}

const roundDays = (ms: number): number => Math.round((ms / DAY_MS) * 10) / 10;

function linesOf(entries: readonly { key: string | null; days: number }[]): PipelineLengthLineView[] {
  const groups = new Map<string | null, number[]>();
  for (const { key, days } of entries) groups.set(key, [...(groups.get(key) ?? []), days]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
    .map(([key, days]) => {
      const sorted = [...days].sort((x, y) => x - y);
      return { key, count: sorted.length, medianDays: percentile(sorted, 0.5), p90Days: percentile(sorted, 0.9) };
    });
}

/** The length of the pipeline, lead to cash, of every deal of the tenant whose contract closed. */
export async function pipelineLength(db: ReadModelDb, tenantId: string): Promise<PipelineLengthView> {
  const rows = await pipelineLengthDb(db)
    .selectFrom('contract_pipeline_length')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('cash_collected_at', 'is not', null)
    .execute();
  const lengths = rows.map((row) => ({
    row,
    days: roundDays(Date.parse(row.cash_collected_at ?? row.started_at) - Date.parse(row.started_at)),
  }));
  return {
    bySource: linesOf(lengths.map(({ row, days }) => ({ key: row.source, days }))),
    byPipeline: linesOf(lengths.map(({ row, days }) => ({ key: row.pipeline_id, days }))),
    byTeam: linesOf(lengths.map(({ row, days }) => ({ key: row.team_id, days }))),
  };
}
