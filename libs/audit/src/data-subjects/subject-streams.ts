import type { ReadModelDb } from '#ltc/projections';
import { auditDb } from '../trail/audit-trail.table.js';

/**
 * The streams besides the subject's own that hold personal values of the subject (a deal
 * opened from a lead carries its contact person), from the audit trail's index of entries
 * holding personal data. The subject's own stream is read from the log, so it is never late;
 * these are as far as the trail has come, moments behind the log at most.
 */
export async function otherStreamsHolding(db: ReadModelDb, tenantId: string, subjectId: string): Promise<string[]> {
  const rows = await auditDb(db)
    .selectFrom('audit_personal_entries as p')
    .innerJoin('audit_trail as t', 't.position', 'p.position')
    .select('t.stream')
    .distinct()
    .where('p.tenant_id', '=', tenantId)
    .where('p.subject_id', '=', subjectId)
    .where('t.stream', '!=', subjectId)
    .orderBy('t.stream')
    .execute();
  return rows.map((row) => row.stream);
}
