import type { RecordedEvent } from '#ltc/event-store';
import { addMissingColumns, type Projection } from '#ltc/projections';
import { parseOpportunityEvent } from '../../domain/opportunity-event.js';
import { applyHandoffEvent } from './handoff-rows.js';
import { applyMemberEvent } from './member-rows.js';
import { applyQuoteApprovalEvent } from './quote-approval-rows.js';

/**
 * Who sits in each deal's triangle and leads it, every handoff with its timer flags, and
 * every quote version waiting for a discount approval: what inboxes, the handoffs list and
 * the scorecard read. One projection, so a handoff row can copy its deal's sponsor in the
 * same transaction. Deterministic: every time comes from the events, none from the clock.
 */
export const opportunityTriangleProjection: Projection = {
  name: 'opportunity_triangle',
  // 2: the deal's team on its member row (analytics per team).
  version: 2,
  filter: { streamPrefixes: ['opportunity-'] },

  async setup(db) {
    await db.schema
      .createTable('opportunity_members')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('opportunity_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('pipeline_id', 'text', (c) => c.notNull())
      .addColumn('stage_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('team_id', 'text')
      .addColumn('ar_id', 'text')
      .addColumn('sr_id', 'text')
      .addColumn('fr_id', 'text')
      .addColumn('sponsor_id', 'text')
      .addColumn('leader_id', 'text', (c) => c.notNull())
      .addColumn('pending_handoff_to', 'text')
      .addColumn('loss_reason', 'text')
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('opportunity_members_pk', ['tenant_id', 'opportunity_id'])
      .execute();
    // A store of version 1 lacks the team; the version bump then refills every row.
    await addMissingColumns(db, 'opportunity_members', [['team_id', 'text']]);
    await db.schema
      .createTable('opportunity_handoffs')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('opportunity_id', 'text', (c) => c.notNull())
      .addColumn('handoff_id', 'text', (c) => c.notNull())
      .addColumn('from_id', 'text', (c) => c.notNull())
      .addColumn('to_id', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('open_items', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('escalate_at', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'text')
      .addColumn('seconds_to_accept', 'integer')
      .addColumn('decline_reason', 'text')
      .addColumn('overdue', 'integer', (c) => c.notNull())
      .addColumn('overdue_at', 'text')
      .addColumn('escalated', 'integer', (c) => c.notNull())
      .addColumn('escalated_at', 'text')
      .addColumn('escalated_to', 'text')
      .addColumn('sponsor_id', 'text')
      .addPrimaryKeyConstraint('opportunity_handoffs_pk', ['tenant_id', 'opportunity_id', 'handoff_id'])
      .execute();
    await db.schema
      .createTable('opportunity_quote_approvals')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('opportunity_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('total_minor', 'bigint', (c) => c.notNull())
      .addColumn('discount_minor', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text')
      .addColumn('requested_at', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addPrimaryKeyConstraint('opportunity_quote_approvals_pk', ['tenant_id', 'opportunity_id', 'version'])
      .execute();
    for (const [name, table, columns] of [
      ['opportunity_handoffs_by_status', 'opportunity_handoffs', ['tenant_id', 'status', 'requested_at']],
      ['opportunity_handoffs_by_receiver', 'opportunity_handoffs', ['tenant_id', 'to_id', 'status']],
      ['opportunity_quote_approvals_by_status', 'opportunity_quote_approvals', ['tenant_id', 'status']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .ifNotExists()
        .on(table)
        .columns([...columns])
        .execute();
    }
  },

  async reset(trx) {
    for (const table of ['opportunity_members', 'opportunity_handoffs', 'opportunity_quote_approvals'] as const) {
      await trx.withTables<Record<typeof table, { tenant_id: string }>>().deleteFrom(table).execute();
    }
  },

  async apply(trx, recorded: RecordedEvent) {
    const event = parseOpportunityEvent(recorded);
    if (!event) return;
    const tenantId = recorded.metadata.tenantId;
    await applyMemberEvent(trx, tenantId, event);
    await applyHandoffEvent(trx, tenantId, event);
    await applyQuoteApprovalEvent(trx, tenantId, event);
  },
};
