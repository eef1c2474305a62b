import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { asLeadEvent } from '#ltc/leads/domain';
import { upsertRows } from '#ltc/leads';

/** One row per `LeadAssigned` event: who got which lead, how and when. */
export type LeadAssignmentRow = {
  tenant_id: string;
  /** The id of the `LeadAssigned` event. */
  event_id: string;
  lead_id: string;
  assignment_no: number;
  rep_id: string;
  previous_rep_id: string | null;
  method: string;
  policy_version: number | null;
  assigned_at: string;
  /** The event's global position, zero-padded to sort as text. */
  position: string;
};

export type LeadAssignmentsTables = { lead_assignments: LeadAssignmentRow };

export const leadAssignmentsDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<LeadAssignmentsTables>();

/**
 * Every assignment ever made, by any method (push, pull, shotgun, manual), for
 * distribution fairness over any window. Unlike the distribution ledger (written by the
 * routing process manager as it decides, and not rebuildable), this is a plain
 * projection of the events, so it rebuilds over the whole history.
 */
export const leadAssignmentsProjection: Projection = {
  name: 'lead_assignments',
  version: 1,
  filter: { eventTypes: ['LeadAssigned'] },

  async setup(db) {
    await db.schema
      .createTable('lead_assignments')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull())
      .addColumn('assignment_no', 'integer', (c) => c.notNull())
      .addColumn('rep_id', 'text', (c) => c.notNull())
      .addColumn('previous_rep_id', 'text')
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('policy_version', 'integer')
      .addColumn('assigned_at', 'text', (c) => c.notNull())
      .addColumn('position', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lead_assignments_pk', ['tenant_id', 'event_id'])
      .execute();
    for (const [name, columns] of [
      ['lead_assignments_by_time', ['tenant_id', 'assigned_at']],
      ['lead_assignments_by_rep', ['tenant_id', 'rep_id', 'assigned_at']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .ifNotExists()
        .on('lead_assignments')
        .columns([...columns])
        .execute();
    }
  },

  async reset(trx) {
    await sql`delete from lead_assignments`.execute(trx);
  },

  apply: (trx, event) => applyAssignments(trx, [event]),
  applyBatch: (trx, events) => applyAssignments(trx, events),
};

/** Rows are keyed by event, so writing one twice (`do nothing`) is harmless. */
async function applyAssignments(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
  const rows = events.flatMap((recorded): LeadAssignmentRow[] => {
    const event = asLeadEvent(recorded);
    if (event?.type !== 'LeadAssigned') return [];
    const d = event.data;
    return [
      {
        tenant_id: recorded.metadata.tenantId,
        event_id: recorded.id,
        lead_id: d.leadId,
        assignment_no: d.assignmentNo,
        rep_id: d.repId,
        previous_rep_id: d.previousRepId ?? null,
        method: d.method,
        policy_version: d.policyVersion ?? null,
        assigned_at: d.at,
        position: recorded.position.toString().padStart(20, '0'),
      },
    ];
  });
  await upsertRows(trx, 'lead_assignments', rows, ['tenant_id', 'event_id'], []);
}
