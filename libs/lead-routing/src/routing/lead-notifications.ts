import type { Kysely } from 'kysely';
import { upsertRow, type ReadModelDb } from '#ltc/projections';

/** Why someone is told about a lead. */
export type NotificationKind =
  | 'lead_offered'
  | 'pooled_shark_tank'
  | 'response_warning'
  | 'response_breached'
  | 'recycle_warning'
  | 'needs_manual_assignment'
  /** One digest per import (or per minute) of leads routing could not place. */
  | 'leads_waiting';

/** Notifications for a role rather than a person (no team manager known): every sales manager of the tenant sees them. */
export const SALES_MANAGERS = 'role:sales_manager';

export type NotificationRow = {
  notification_id: string;
  tenant_id: string;
  /** A user's token subject, or {@link SALES_MANAGERS}. */
  recipient_id: string;
  lead_id: string;
  kind: string;
  message: string;
  created_at: string;
};

type Tables = { lead_notifications: NotificationRow };

const notificationsDb = (db: ReadModelDb): Kysely<Tables> => db.withTables<Tables>();

export async function setupLeadNotifications(db: ReadModelDb): Promise<void> {
  await db.schema
    .createTable('lead_notifications')
    .ifNotExists()
    .addColumn('notification_id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lead_notifications_by_recipient')
    .ifNotExists()
    .on('lead_notifications')
    .columns(['tenant_id', 'recipient_id', 'created_at'])
    .execute();
}

/**
 * Records a notification once: its id is derived from the event that caused it and the
 * recipient, so the routing process manager handling that event again adds nothing.
 */
export async function recordNotification(
  db: ReadModelDb,
  notification: {
    readonly causeId: string;
    readonly tenantId: string;
    readonly recipientId: string;
    readonly leadId: string;
    readonly kind: NotificationKind;
    readonly message: string;
    readonly at: string;
  },
): Promise<void> {
  const row: NotificationRow = {
    notification_id: `${notification.causeId}:${notification.kind}:${notification.recipientId}`,
    tenant_id: notification.tenantId,
    recipient_id: notification.recipientId,
    lead_id: notification.leadId,
    kind: notification.kind,
    message: notification.message,
    created_at: notification.at,
  };
  await upsertRow(db, 'lead_notifications', row, ['notification_id'], []);
}

export interface NotificationView {
  readonly id: string;
  readonly recipientId: string;
  readonly leadId: string;
  readonly kind: string;
  readonly message: string;
  readonly createdAt: string;
}

/** Newest first, for the given recipients of one tenant. */
export async function listNotifications(
  db: ReadModelDb,
  tenantId: string,
  recipients: readonly string[],
  page: { readonly limit: number; readonly offset: number; readonly leadId?: string },
): Promise<{ items: NotificationView[]; limit: number; offset: number }> {
  let query = notificationsDb(db)
    .selectFrom('lead_notifications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('recipient_id', 'in', [...recipients]);
  if (page.leadId !== undefined) query = query.where('lead_id', '=', page.leadId);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('notification_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.notification_id,
      recipientId: row.recipient_id,
      leadId: row.lead_id,
      kind: row.kind,
      message: row.message,
      createdAt: row.created_at,
    })),
    limit: page.limit,
    offset: page.offset,
  };
}

/**
 * Empties the notifications a rebuild makes again from the events. A lead needing a manual
 * assignment is told from a routing decision, not an event (the lead records nothing until
 * a manager assigns it), so those stay, like the decisions they came from.
 */
export async function resetEventNotifications(db: ReadModelDb): Promise<void> {
  await notificationsDb(db).deleteFrom('lead_notifications').where('kind', '!=', 'needs_manual_assignment').execute();
}
