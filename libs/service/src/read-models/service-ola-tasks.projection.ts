import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { parseTicketEvent } from '../domain/ticket-event.js';

/** One row per internal task of a ticket (OLA): what the OLA analytics read. Flags are 0/1. */
export type ServiceOlaTaskRow = {
  tenant_id: string;
  ticket_id: string;
  task_id: string;
  title: string;
  kind: string;
  line: number;
  group_id: string | null;
  engineer_id: string | null;
  target_ms: number | string;
  due_at: string;
  /** `open` or `done`. */
  status: string;
  /** It passed its due instant undone (`TicketTaskOverdue`); stays 1 once done late. */
  overdue: number;
  /** 1 / 0 once done; null while open. */
  on_time: number | null;
  opened_at: string;
  completed_at: string | null;
};

export type ServiceOlaTaskTables = { service_ola_tasks: ServiceOlaTaskRow };

export const serviceOlaTasksDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<ServiceOlaTaskTables>();

export const serviceOlaTasksProjection: Projection = {
  name: 'service_ola_tasks',
  version: 1,
  filter: { streamPrefixes: ['ticket-'] },
  async setup(db) {
    await db.schema
      .createTable('service_ola_tasks')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('task_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('group_id', 'text')
      .addColumn('engineer_id', 'text')
      .addColumn('target_ms', 'bigint', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('overdue', 'integer', (c) => c.notNull())
      .addColumn('on_time', 'integer')
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .addPrimaryKeyConstraint('service_ola_tasks_pk', ['tenant_id', 'ticket_id', 'task_id'])
      .execute();
    for (const [name, columns] of [
      ['service_ola_tasks_line_idx', ['tenant_id', 'line', 'status']],
      ['service_ola_tasks_group_idx', ['tenant_id', 'group_id', 'status']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .ifNotExists()
        .on('service_ola_tasks')
        .columns([...columns])
        .execute();
    }
  },
  async reset(trx) {
    await sql`delete from service_ola_tasks`.execute(trx);
  },
  apply: applyTaskEvent,
};

async function applyTaskEvent(trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> {
  const event = parseTicketEvent(recorded);
  if (!event) return;
  const db = serviceOlaTasksDb(trx);
  const tenantId = recorded.metadata.tenantId;
  if (event.type === 'TicketTaskOpened') {
    const d = event.data;
    await db
      .insertInto('service_ola_tasks')
      .values({
        tenant_id: tenantId,
        ticket_id: d.ticketId,
        task_id: d.taskId,
        title: d.title,
        kind: d.kind,
        line: d.line,
        group_id: d.owner.group,
        engineer_id: d.owner.engineer,
        target_ms: d.targetMs,
        due_at: d.dueAt,
        status: 'open',
        overdue: 0,
        on_time: null,
        opened_at: d.at,
        completed_at: null,
      })
      // A redelivered opening changes nothing of a task under way.
      .onConflict((oc) => oc.doNothing())
      .execute();
    return;
  }
  if (event.type !== 'TicketTaskCompleted' && event.type !== 'TicketTaskOverdue') return;
  const task = db
    .updateTable('service_ola_tasks')
    .where('tenant_id', '=', tenantId)
    .where('ticket_id', '=', event.data.ticketId)
    .where('task_id', '=', event.data.taskId);
  if (event.type === 'TicketTaskCompleted') {
    await task.set({ status: 'done', on_time: event.data.onTime ? 1 : 0, completed_at: event.data.at }).execute();
  } else {
    await task.set({ overdue: 1 }).execute();
  }
}
