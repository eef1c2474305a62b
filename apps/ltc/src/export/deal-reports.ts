import { pick, rowsOf, type AnalyticsReport } from './report-shape.js';

/** Deal analytics: stage velocity, win rate and pipeline length (libs/opportunities, libs/deal-analytics). */

const DEAL_READER = 'sales_manager';

const STAGE_COLUMNS = [
  'stageId',
  'name',
  'deals',
  'completedVisits',
  'medianDays',
  'p90Days',
  'nextStageId',
  'convertedToNext',
  'conversionRate',
] as const;

export const stageVelocity: AnalyticsReport = {
  name: 'stage-velocity',
  route: '/analytics/opportunities/stage-velocity',
  filters: ['pipeline', 'by'],
  usage: '[--pipeline P] [--by source|team|ar]',
  lines: 'per stage and group (group null: every deal, without --by)',
  role: DEAL_READER,
  columns: ['pipelineId', 'by', 'group', ...STAGE_COLUMNS],
  records(answer) {
    const head = { pipelineId: answer['pipelineId'] ?? null, by: answer['by'] ?? null };
    // Without a grouping, the pipeline's stages over every deal (group null); with one, per group.
    const groups =
      answer['groups'] === undefined ? [{ key: null, stages: answer['stages'] }] : rowsOf(answer['groups']);
    return groups.flatMap((group) =>
      rowsOf(group['stages']).map((stage) => ({ ...head, group: group['key'] ?? null, ...pick(stage, STAGE_COLUMNS) })),
    );
  },
};

const OUTCOME_COLUMNS = ['deals', 'open', 'won', 'lost', 'winRate', 'lossReasons'] as const;

export const winRate: AnalyticsReport = {
  name: 'win-rate',
  route: '/analytics/opportunities/win-rate',
  filters: ['pipeline', 'by'],
  usage: '[--pipeline P] [--by source|team|ar]',
  lines: 'per group, loss reasons as JSON text in CSV',
  role: DEAL_READER,
  columns: ['pipelineId', 'by', 'group', ...OUTCOME_COLUMNS],
  records: (answer) =>
    rowsOf(answer['groups']).map((group) => ({
      pipelineId: answer['pipelineId'] ?? null,
      by: answer['by'] ?? null,
      group: group['key'] ?? null,
      ...pick(group, OUTCOME_COLUMNS),
    })),
};

const LENGTH_GROUPINGS = [
  ['source', 'bySource'],
  ['pipeline', 'byPipeline'],
  ['team', 'byTeam'],
] as const;

export const pipelineLength: AnalyticsReport = {
  name: 'pipeline-length',
  route: '/analytics/deals/pipeline-length',
  filters: [],
  usage: '',
  lines: 'per grouping (source, pipeline, team) and group',
  role: DEAL_READER,
  columns: ['by', 'group', 'count', 'medianDays', 'p90Days'],
  records: (answer) =>
    LENGTH_GROUPINGS.flatMap(([by, field]) =>
      rowsOf(answer[field]).map((line) => ({
        by,
        group: line['key'] ?? null,
        ...pick(line, ['count', 'medianDays', 'p90Days']),
      })),
    ),
};
