/** The event type of one audited read. */
export const READ_RECORDED = 'ReadRecorded';

/** Stream category of the read log: `readAudit-<tenant>:<YYYY-MM-DD>`, one stream per tenant and UTC day. */
export const READ_AUDIT_CATEGORY = 'readAudit';

/**
 * What was read, by whom (the event's metadata actor: user id and the role they read in)
 * and when (`at`, the engine clock). `kind` names the view: `raw_stream`, `deal_history`,
 * `actor_activity`, `data_subject_export`, `event_export` (the CLI), … Only successful
 * reads are recorded: a 404 or a 400 disclosed no data.
 */
export interface ReadRecordedData {
  readonly kind: string;
  /** The stream, deal, user or data subject read; null for a read of many (an export of the log). */
  readonly target: string | null;
  /** The query as sent (filters, page cursor), so an auditor sees what was selected. */
  readonly filters: Readonly<Record<string, string>>;
  /** The media type answered: application/json for a page, text/csv or application/x-ndjson for an export. */
  readonly format: string;
  /** `GET /deals/:dealId/history`, or `ltc export events` for the command line. */
  readonly route: string;
  readonly at: string;
  /** How many records were handed out, where the reader counted them (the CLI export). */
  readonly records?: number;
}

export function readAuditStream(tenantId: string, at: Date): string {
  return `${READ_AUDIT_CATEGORY}-${tenantId}:${at.toISOString().slice(0, 10)}`;
}
