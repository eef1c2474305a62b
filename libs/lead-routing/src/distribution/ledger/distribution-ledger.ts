import type { Kysely } from 'kysely';
import { upsertRow, type ReadModelDb, type ReadModelTransaction } from '#ltc/projections';
import type { RecordedEvent } from '#ltc/event-store';
import type { LeadEvent } from '#ltc/leads/domain';
import { decisionKeyBehind } from './decision-keys.js';
import type { DistributionDecision } from '../domain/distribute-lead.js';
import { countingAssignments, resetRepDays, setupRepDays } from './rep-days.js';

/**
 * One row per assignment of a lead: who got it, how, when, and whether they still hold
 * it. Written by the routing process manager *before* it sends the command, and
 * corrected from the lead events it handles after (assignments from any source,
 * claims and manual ones included; recycling, pooling and closing). The process
 * manager handles events one at a time, so when it decides, the ledger holds every
 * earlier assignment including those whose events are still on their way: counts
 * from it are exact where a read model fed separately would lag.
 */
export type LedgerRow = {
  tenant_id: string;
  lead_id: string;
  assignment_no: number;
  rep_id: string;
  method: string;
  assigned_at: string;
  /** The global position of the event that caused it, zero-padded: sorts in assignment order. */
  assigned_seq: string;
  open: number;
  /** 1 once the LeadAssigned event for this row was seen; 0 while only decided. */
  confirmed: number;
  /** The routing decision that wrote the row; null for assignments made elsewhere (claims, managers). */
  decision_key: string | null;
  /** How the assignment ended: reassigned, pooled, recycled, disqualified, archived, converted. */
  outcome: string | null;
  closed_at: string | null;
};

/** Each routing decision, kept so a re-run of the same event re-sends the same decision. */
export type DecisionRow = {
  decision_key: string;
  tenant_id: string;
  lead_id: string;
  /** JSON of {@link StoredDecision}. */
  decision: string;
  decided_at: string;
};

export type LedgerTables = { lead_distribution_ledger: LedgerRow; lead_distribution_decisions: DecisionRow };

export type Db = ReadModelDb | ReadModelTransaction;

export const ledgerDb = (db: Db): Kysely<LedgerTables> => db.withTables<LedgerTables>();

export interface StoredDecision {
  readonly decision: DistributionDecision;
  readonly policyVersion: number | null;
  /** The assignment number the decision expects (assignments only). */
  readonly assignmentNo: number | null;
  /** When it was decided (its ledger row's `assigned_at`); absent in decisions stored before it was kept. */
  readonly decidedAt?: string;
  /** The `assigned_seq` of its ledger row: the position of the event that caused it. */
  readonly sequence?: string;
}

/**
 * Creates the ledger tables if missing (the routing process manager's setup, which every
 * process runs at start: an API-only process checks claims against the ledger too).
 */
export async function setupDistributionLedger(db: ReadModelDb): Promise<void> {
  await db.schema
    .createTable('lead_distribution_ledger')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('assignment_no', 'integer', (c) => c.notNull())
    .addColumn('rep_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('assigned_seq', 'text', (c) => c.notNull())
    .addColumn('open', 'integer', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .addColumn('decision_key', 'text')
    .addColumn('outcome', 'text')
    .addColumn('closed_at', 'text')
    .addPrimaryKeyConstraint('lead_distribution_ledger_pk', ['tenant_id', 'lead_id', 'assignment_no'])
    .execute();
  await db.schema
    .createIndex('lead_distribution_ledger_by_rep')
    .ifNotExists()
    .on('lead_distribution_ledger')
    .columns(['tenant_id', 'rep_id', 'open'])
    .execute();
  // A rep's latest assignment (by time and by sequence) and a window's first day, for `repLoads`.
  await db.schema
    .createIndex('lead_distribution_ledger_by_rep_time')
    .ifNotExists()
    .on('lead_distribution_ledger')
    .columns(['tenant_id', 'rep_id', 'assigned_at'])
    .execute();
  await db.schema
    .createIndex('lead_distribution_ledger_by_rep_seq')
    .ifNotExists()
    .on('lead_distribution_ledger')
    .columns(['tenant_id', 'rep_id', 'assigned_seq'])
    .execute();
  await db.schema
    .createTable('lead_distribution_decisions')
    .ifNotExists()
    .addColumn('decision_key', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lead_distribution_decisions_by_lead')
    .ifNotExists()
    .on('lead_distribution_decisions')
    .columns(['tenant_id', 'lead_id'])
    .execute();
  await setupRepDays(db);
}

/** A global position as a sortable text. */
export const sequenceOf = (position: bigint): string => position.toString().padStart(20, '0');

/** The decision made earlier for this key, if any. */
export async function findDecision(db: Db, decisionKey: string): Promise<StoredDecision | undefined> {
  const row = await ledgerDb(db)
    .selectFrom('lead_distribution_decisions')
    .select('decision')
    .where('decision_key', '=', decisionKey)
    .executeTakeFirst();
  return row ? (JSON.parse(row.decision) as StoredDecision) : undefined;
}

/** Whether routing ever decided anything for this lead. */
export async function hasDecisionFor(db: Db, tenantId: string, leadId: string): Promise<boolean> {
  const row = await ledgerDb(db)
    .selectFrom('lead_distribution_decisions')
    .select('decision_key')
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records a decision before its command is sent; an assignment also takes its ledger
 * row at once (and ends the lead's earlier open assignment), so the next decision
 * counts it. One transaction: both or neither.
 */
export async function recordDecision(
  db: ReadModelDb,
  entry: {
    readonly tenantId: string;
    readonly leadId: string;
    readonly decisionKey: string;
    readonly stored: StoredDecision;
    readonly sequence: string;
    readonly now: Date;
  },
): Promise<StoredDecision> {
  const { tenantId, leadId, decisionKey, now } = entry;
  const stored: StoredDecision = { ...entry.stored, decidedAt: now.toISOString(), sequence: entry.sequence };
  await db.transaction().execute(async (trx) => {
    await upsertRow(
      trx,
      'lead_distribution_decisions',
      {
        decision_key: decisionKey,
        tenant_id: tenantId,
        lead_id: leadId,
        decision: JSON.stringify(stored),
        decided_at: now.toISOString(),
      },
      ['decision_key'],
      [],
    );
    await reserve(trx, { tenantId, leadId, decisionKey, stored });
  });
  return stored;
}

/**
 * An assignment decision takes its ledger row at once (unconfirmed), ending the lead's
 * earlier open assignment, so the next decision counts it before its event arrives.
 */
async function reserve(
  trx: Db,
  entry: {
    readonly tenantId: string;
    readonly leadId: string;
    readonly decisionKey: string;
    readonly stored: StoredDecision;
  },
): Promise<void> {
  const { tenantId, leadId, decisionKey, stored } = entry;
  const { decision, assignmentNo, decidedAt, sequence } = stored;
  if (decision.kind !== 'assign' || assignmentNo === null || !decidedAt || !sequence) return;
  const row: LedgerRow = {
    tenant_id: tenantId,
    lead_id: leadId,
    assignment_no: assignmentNo,
    rep_id: decision.repId,
    method: decision.method,
    assigned_at: decidedAt,
    assigned_seq: sequence,
    open: 1,
    confirmed: 0,
    decision_key: decisionKey,
    outcome: null,
    closed_at: null,
  };
  await countingAssignments(trx, tenantId, leadId, async () => {
    await closeOpen(trx, tenantId, leadId, 'reassigned', decidedAt, assignmentNo);
    await upsertRow(trx, 'lead_distribution_ledger', row, ['tenant_id', 'lead_id', 'assignment_no']);
  });
}

/** Empties the ledger (the decisions stay: they are what routing promised, not a fold of the log). */
export async function resetLedger(db: ReadModelDb): Promise<void> {
  await ledgerDb(db).deleteFrom('lead_distribution_ledger').execute();
  await resetRepDays(db);
}

/**
 * After a rebuild: the assignments decided but not yet confirmed by an event (in flight when
 * routing stopped; they are handled again after its checkpoint) take their rows again, so the
 * next decision counts them as it did before the rebuild.
 */
export async function restoreReservations(db: ReadModelDb): Promise<void> {
  const rows = await ledgerDb(db)
    .selectFrom('lead_distribution_decisions as d')
    .leftJoin('lead_distribution_ledger as l', 'l.decision_key', 'd.decision_key')
    .select(['d.decision_key', 'd.tenant_id', 'd.lead_id', 'd.decision'])
    .where('l.decision_key', 'is', null)
    .orderBy('d.decided_at')
    .execute();
  for (const row of rows) {
    const stored = JSON.parse(row.decision) as StoredDecision;
    if (stored.decision.kind !== 'assign') continue;
    await db
      .transaction()
      .execute((trx) =>
        reserve(trx, { tenantId: row.tenant_id, leadId: row.lead_id, decisionKey: row.decision_key, stored }),
      );
  }
}

/** The command for a decision was refused (the lead changed meanwhile): its unconfirmed row goes. */
export async function forgetDecision(db: ReadModelDb, decisionKey: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const decided = await ledgerDb(trx)
      .selectFrom('lead_distribution_decisions')
      .select(['tenant_id', 'lead_id'])
      .where('decision_key', '=', decisionKey)
      .executeTakeFirst();
    const unconfirmed = ledgerDb(trx)
      .deleteFrom('lead_distribution_ledger')
      .where('decision_key', '=', decisionKey)
      .where('confirmed', '=', 0);
    // A reservation is always written with its decision; without one there is no row to count.
    if (decided) await countingAssignments(trx, decided.tenant_id, decided.lead_id, () => unconfirmed.execute());
    else await unconfirmed.execute();
    await ledgerDb(trx).deleteFrom('lead_distribution_decisions').where('decision_key', '=', decisionKey).execute();
  });
}

/** How each lead event ends the lead's open assignment (the ledger's `outcome`). */
export const LEDGER_ENDINGS: Partial<Record<LeadEvent['type'], string>> = {
  LeadPooled: 'pooled',
  LeadRecycled: 'recycled',
  LeadDisqualified: 'disqualified',
  LeadArchived: 'archived',
  LeadConverted: 'converted',
};

/**
 * Brings the ledger in line with a lead event (a no-op for events that move no ownership).
 * Returns the reps whose open lead the event ended (pooled, recycled, closed): they have room again.
 */
export async function applyToLedger(
  db: ReadModelDb,
  tenantId: string,
  event: LeadEvent,
  recorded: Pick<RecordedEvent, 'position' | 'metadata'>,
): Promise<readonly string[]> {
  if (event.type === 'LeadAssigned') {
    const d = event.data;
    await db.transaction().execute(async (trx) => {
      const existing = await ledgerDb(trx)
        .selectFrom('lead_distribution_ledger')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('lead_id', '=', d.leadId)
        .where('assignment_no', '=', d.assignmentNo)
        .executeTakeFirst();
      // No reservation (a rebuild, or a decision older than its row): the decision behind the
      // event, when routing made it, gives the row what its reservation had.
      const decided = existing ? undefined : await decisionBehind(trx, recorded, d.leadId, d.repId);
      const row: LedgerRow =
        existing && existing.rep_id === d.repId
          ? { ...existing, method: d.method, open: 1, confirmed: 1, outcome: null, closed_at: null }
          : {
              tenant_id: tenantId,
              lead_id: d.leadId,
              assignment_no: d.assignmentNo,
              rep_id: d.repId,
              method: d.method,
              assigned_at: decided?.stored.decidedAt ?? d.at,
              assigned_seq: decided?.stored.sequence ?? sequenceOf(recorded.position),
              open: 1,
              confirmed: 1,
              decision_key: decided?.decisionKey ?? null,
              outcome: null,
              closed_at: null,
            };
      await countingAssignments(trx, tenantId, d.leadId, async () => {
        await closeOpen(trx, tenantId, d.leadId, 'reassigned', decided?.stored.decidedAt ?? d.at, d.assignmentNo);
        await upsertRow(trx, 'lead_distribution_ledger', row, ['tenant_id', 'lead_id', 'assignment_no']);
      });
    });
    return [];
  }
  const outcome = LEDGER_ENDINGS[event.type];
  if (outcome === undefined) return [];
  const data = event.data as { readonly leadId: string; readonly at: string };
  await db
    .transaction()
    .execute((trx) =>
      countingAssignments(trx, tenantId, data.leadId, () => closeOpen(trx, tenantId, data.leadId, outcome, data.at)),
    );
  // Read back by what this event wrote, not by what it changed: handled again after a crash,
  // the event names the same reps, so what their room allows still happens.
  const closed = await ledgerDb(db)
    .selectFrom('lead_distribution_ledger')
    .select('rep_id')
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', data.leadId)
    .where('outcome', '=', outcome)
    .where('closed_at', '=', data.at)
    .execute();
  return [...new Set(closed.map((row) => row.rep_id))];
}

/** The routing decision that sent the command behind an event, when it assigned this rep. */
async function decisionBehind(
  db: Db,
  recorded: Pick<RecordedEvent, 'metadata'>,
  leadId: string,
  repId: string,
): Promise<{ readonly decisionKey: string; readonly stored: StoredDecision } | undefined> {
  const decisionKey = decisionKeyBehind(recorded, leadId);
  if (decisionKey === undefined) return undefined;
  const stored = await findDecision(db, decisionKey);
  if (stored?.decision.kind !== 'assign' || stored.decision.repId !== repId) return undefined;
  return { decisionKey, stored };
}

/** The decision behind an event routing's command wrote (assignment, offer, pool entry, deferral). */
export async function findDecisionBehind(
  db: Db,
  recorded: Pick<RecordedEvent, 'metadata'>,
  leadId: string,
): Promise<StoredDecision | undefined> {
  const decisionKey = decisionKeyBehind(recorded, leadId);
  return decisionKey === undefined ? undefined : findDecision(db, decisionKey);
}

async function closeOpen(
  db: Db,
  tenantId: string,
  leadId: string,
  outcome: string,
  at: string,
  exceptAssignmentNo?: number,
): Promise<void> {
  let update = ledgerDb(db)
    .updateTable('lead_distribution_ledger')
    .set({ open: 0, outcome, closed_at: at })
    .where('tenant_id', '=', tenantId)
    .where('lead_id', '=', leadId)
    .where('open', '=', 1);
  if (exceptAssignmentNo !== undefined) update = update.where('assignment_no', '!=', exceptAssignmentNo);
  await update.execute();
}
