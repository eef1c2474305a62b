import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelTransaction } from '#ltc/projections';
import { upsertRow } from '#ltc/projections';
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
  apply: applyToList,
};

async function applyToList(trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> {
  const event = parseOpportunityEvent(recorded);
  if (!event) return;
  const tenantId = recorded.metadata.tenantId;
  if (event.type === 'OpportunityOpened') {
    await save(trx, openedRow(tenantId, recorded.revision, event));
    return;
  }
  const row = await opportunityListDb(trx)
    .selectFrom('opportunity_list')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('opportunity_id', '=', event.data.opportunityId)
    .executeTakeFirst();
  if (!row) return;
  await save(trx, {
    ...row,
    ...listChangesFor(event, row),
    // The event's own time (never the clock), so a rebuild writes the same row.
    updated_at: event.data.at,
    revision: recorded.revision.toString(),
  });
}

const save = (trx: ReadModelTransaction, row: OpportunityListRow): Promise<void> =>
  upsertRow(trx, 'opportunity_list', row, ['tenant_id', 'opportunity_id']);
