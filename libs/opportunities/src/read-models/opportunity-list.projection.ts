import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelTransaction } from '#ltc/projections';
import { upsertMany } from '#ltc/projections';
import { parseOpportunityEvent } from '../domain/opportunity-event.js';
import { listChangesFor, openedRow } from './opportunity-list.fold.js';
import {
  createOpportunityListTable,
  opportunityListDb,
  resetOpportunityList,
  type OpportunityListRow,
} from './opportunity-list.table.js';

/** One row per deal: the list, search, board and every visibility check read it. */
export const opportunityListProjection: Projection = {
  name: 'opportunity_list',
  version: 1,
  filter: { streamPrefixes: ['opportunity-'] },
  setup: createOpportunityListTable,
  reset: resetOpportunityList,
  apply: (trx, recorded) => applyListBatch(trx, [recorded]),
  applyBatch: applyListBatch,
};

/** Deals per read of the rows a batch touches: keeps the `in (…)` list short on both dialects. */
const CHUNK = 500;

const COLUMNS = [
  'tenant_id',
  'opportunity_id',
  'name',
  'account',
  'origin',
  'lead_id',
  'source',
  'team',
  'region',
  'pipeline_id',
  'pipeline_version',
  'stage_id',
  'status',
  'probability_bp',
  'forecast_category',
  'amount_minor',
  'currency',
  'close_date',
  'owner_id',
  'ar_id',
  'sr_id',
  'fr_id',
  'sponsor_id',
  'leader_id',
  'pending_handoff_to',
  'loss_reason',
  'won_quote_version',
  'opened_at',
  'updated_at',
  'closed_at',
  'revision',
  'search_text',
] as const satisfies readonly (keyof OpportunityListRow)[];

const KEY = ['tenant_id', 'opportunity_id'] as const;

/**
 * Loads the rows a batch touches once (per tenant, by the primary key), folds the batch in
 * memory and writes the changed rows back in bulk: a rebuild costs a few statements per
 * batch instead of two per event. `apply` is this with a batch of one, so both leave the
 * same rows.
 */
async function applyListBatch(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
  const parsed = events.flatMap((recorded) => {
    const event = parseOpportunityEvent(recorded);
    return event ? [{ recorded, event }] : [];
  });
  if (parsed.length === 0) return;
  const key = (tenantId: string, id: string): string => `${tenantId}\u0000${id}`;
  const idsByTenant = new Map<string, Set<string>>();
  for (const { recorded, event } of parsed) {
    const ids = idsByTenant.get(recorded.metadata.tenantId) ?? new Set<string>();
    ids.add(event.data.opportunityId);
    idsByTenant.set(recorded.metadata.tenantId, ids);
  }
  const rows = new Map<string, OpportunityListRow>();
  for (const [tenantId, ids] of idsByTenant) {
    const all = [...ids];
    for (let i = 0; i < all.length; i += CHUNK) {
      const found = await opportunityListDb(trx)
        .selectFrom('opportunity_list')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('opportunity_id', 'in', all.slice(i, i + CHUNK))
        .execute();
      for (const row of found) rows.set(key(row.tenant_id, row.opportunity_id), row);
    }
  }
  const changed = new Set<string>();
  for (const { recorded, event } of parsed) {
    const tenantId = recorded.metadata.tenantId;
    const id = key(tenantId, event.data.opportunityId);
    if (event.type === 'OpportunityOpened') {
      rows.set(id, openedRow(tenantId, recorded.revision, event));
      changed.add(id);
      continue;
    }
    const row = rows.get(id);
    if (!row) continue;
    rows.set(id, {
      ...row,
      ...listChangesFor(event, row),
      // The event's own time (never the clock), so a rebuild writes the same row.
      updated_at: event.data.at,
      revision: recorded.revision.toString(),
    });
    changed.add(id);
  }
  await upsertMany(
    trx,
    {
      table: 'opportunity_list',
      columns: COLUMNS,
      key: KEY,
      update: COLUMNS.filter((column) => column !== 'tenant_id' && column !== 'opportunity_id'),
      pgTypes: {
        pipeline_version: 'integer',
        probability_bp: 'integer',
        amount_minor: 'bigint',
        won_quote_version: 'integer',
      },
    },
    [...changed].flatMap((id) => {
      const row = rows.get(id);
      return row ? [row] : [];
    }),
  );
}
