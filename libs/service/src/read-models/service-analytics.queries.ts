import { sql, type RawBuilder } from 'kysely';
import type { ReadModelDb } from '#ltc/projections';
import type { TicketScope } from '../service-access.js';
import type {
  CsatAnalyticsView,
  CsatBucketView,
  OlaAnalyticsView,
  OlaBucketView,
  SlaAnalyticsView,
  SlaBucketView,
} from './service-analytics.views.js';
import { serviceOlaTasksDb } from './service-ola-tasks.projection.js';
import { serviceTicketsDb } from './service-tickets.table.js';
import { filteredTickets } from './ticket-filter.js';

export const SLA_GROUPINGS = ['priority', 'line', 'group', 'category', 'month'] as const;
export const OLA_GROUPINGS = ['line', 'group', 'month', 'priority'] as const;
export const CSAT_GROUPINGS = ['group', 'category', 'engineer'] as const;

/** `part` out of `whole` in basis points, rounded; null when there is nothing to rate. */
export const basisPoints = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part * 10_000) / whole);

/** A 0/1 condition counted over the rows (PostgreSQL's `sum` gives a bigint: read with `Number`). */
const count = (condition: RawBuilder<unknown>) => sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;

const bucketName = (value: string | number | null | undefined): string | null =>
  value === null || value === undefined ? null : String(value);

const TICKET_BUCKETS: Record<
  (typeof SLA_GROUPINGS)[number] | (typeof CSAT_GROUPINGS)[number],
  RawBuilder<string | null>
> = {
  priority: sql<string | null>`priority`,
  // The line the ticket is on now (the highest it was escalated to, unless sent back down).
  line: sql<string | null>`cast(line as text)`,
  group: sql<string | null>`group_id`,
  category: sql<string | null>`category`,
  engineer: sql<string | null>`engineer_id`,
  // Acceptance instants are UTC ISO strings: the month is their first seven characters.
  month: sql<string | null>`substr(accepted_at, 1, 7)`,
};

const byBucket = <T extends { bucket: string | null }>(a: T, b: T): number =>
  a.bucket === b.bucket ? 0 : a.bucket === null ? 1 : b.bucket === null ? -1 : a.bucket < b.bucket ? -1 : 1;

/**
 * SLA attainment of the tickets accepted in the period the caller sees, per bucket: first
 * responses and latest resolutions on time, breaches per clock, and what is at risk or breached now.
 */
export async function slaAnalytics(
  db: ReadModelDb,
  tenantId: string,
  query: {
    readonly scope: TicketScope;
    readonly groupBy: (typeof SLA_GROUPINGS)[number];
    readonly from?: string;
    readonly to?: string;
  },
): Promise<SlaAnalyticsView> {
  const bucket = TICKET_BUCKETS[query.groupBy];
  let tickets = filteredTickets(db, tenantId, { scope: query.scope });
  if (query.from) tickets = tickets.where('accepted_at', '>=', `${query.from}T00:00:00.000Z`);
  // Inclusive: everything before the next day's first instant.
  if (query.to) tickets = tickets.where('accepted_at', '<', `${query.to}T99`);
  const working = sql`status in ('open', 'waiting')`;
  const rows = await tickets
    .select([
      bucket.as('bucket'),
      sql<number | string>`count(*)`.as('tickets'),
      count(sql`response_within_target is not null`).as('responses'),
      count(sql`response_within_target = 1`).as('responses_on_time'),
      // The latest resolution, also of a ticket reopened since: its outcome stands until it is resolved again.
      count(sql`resolved_within_target is not null`).as('resolutions'),
      count(sql`resolved_within_target = 1`).as('resolutions_on_time'),
      count(sql`response_breached = 1`).as('response_breaches'),
      count(sql`resolution_breached = 1`).as('resolution_breaches'),
      count(sql`at_risk = 1 and ${working}`).as('at_risk'),
      count(sql`breached = 1 and ${working}`).as('breached'),
    ])
    .groupBy(bucket)
    .execute();
  const buckets: SlaBucketView[] = rows.map((row) => {
    const n = (value: number | string) => Number(value);
    const responses = n(row.responses);
    const resolutions = n(row.resolutions);
    return {
      bucket: bucketName(row.bucket),
      tickets: n(row.tickets),
      responses,
      responsesOnTime: n(row.responses_on_time),
      responseOnTimeBp: basisPoints(n(row.responses_on_time), responses),
      resolutions,
      resolutionsOnTime: n(row.resolutions_on_time),
      resolutionOnTimeBp: basisPoints(n(row.resolutions_on_time), resolutions),
      responseBreaches: n(row.response_breaches),
      resolutionBreaches: n(row.resolution_breaches),
      atRisk: n(row.at_risk),
      breached: n(row.breached),
    };
  });
  return { groupBy: query.groupBy, from: query.from ?? null, to: query.to ?? null, buckets: buckets.sort(byBucket) };
}

/**
 * Where a task is counted: its line or group, the month it was opened (UTC), or its ticket's
 * priority now (tasks carry no priority of their own; a re-graded ticket's tasks move with it).
 */
const OLA_BUCKETS: Record<(typeof OLA_GROUPINGS)[number], RawBuilder<string | number | null>> = {
  line: sql`line`,
  group: sql`group_id`,
  month: sql`substr(opened_at, 1, 7)`,
  priority: sql`(select s.priority from service_tickets s
    where s.tenant_id = service_ola_tasks.tenant_id and s.ticket_id = service_ola_tasks.ticket_id)`,
};

/** OLA attainment of the tasks of the tickets the caller sees, per line, group, month or priority. */
export async function olaAnalytics(
  db: ReadModelDb,
  tenantId: string,
  query: { readonly scope: TicketScope; readonly groupBy: (typeof OLA_GROUPINGS)[number] },
): Promise<OlaAnalyticsView> {
  let tasks = serviceOlaTasksDb(db).selectFrom('service_ola_tasks').where('tenant_id', '=', tenantId);
  if (query.scope.kind === 'person') {
    const visible = filteredTickets(db, tenantId, { scope: query.scope }).select('service_tickets.ticket_id');
    tasks = tasks.where('ticket_id', 'in', visible);
  }
  // Bucketed in a subquery, grouped outside it: PostgreSQL does not group by a correlated subquery.
  const bucketed = tasks.select([OLA_BUCKETS[query.groupBy].as('bucket'), 'status', 'on_time', 'overdue']).as('t');
  const rows = await serviceOlaTasksDb(db)
    .selectFrom(bucketed)
    .select([
      't.bucket',
      sql<number | string>`count(*)`.as('tasks'),
      count(sql`t.status = 'done'`).as('done'),
      count(sql`t.status = 'done' and t.on_time = 1`).as('done_on_time'),
      count(sql`t.status = 'open' and t.overdue = 1`).as('overdue_open'),
    ])
    .groupBy('t.bucket')
    .execute();
  const buckets: OlaBucketView[] = rows.map((row) => {
    const done = Number(row.done);
    return {
      bucket: bucketName(row.bucket),
      tasks: Number(row.tasks),
      done,
      doneOnTime: Number(row.done_on_time),
      onTimeBp: basisPoints(Number(row.done_on_time), done),
      overdueOpen: Number(row.overdue_open),
    };
  });
  return { groupBy: query.groupBy, buckets: buckets.sort(byBucket) };
}

/**
 * Customer satisfaction from every callback (a reopened ticket called back again counts twice),
 * bucketed by the ticket's group, engineer or category when the customer was called; and the
 * reopen rate of the tickets by their bucket now.
 */
export async function csatAnalytics(
  db: ReadModelDb,
  tenantId: string,
  query: { readonly scope: TicketScope; readonly groupBy: (typeof CSAT_GROUPINGS)[number] },
): Promise<CsatAnalyticsView> {
  const bucket = TICKET_BUCKETS[query.groupBy];
  let called = serviceTicketsDb(db).selectFrom('service_ticket_callbacks').where('tenant_id', '=', tenantId);
  if (query.scope.kind === 'person') {
    const visible = filteredTickets(db, tenantId, { scope: query.scope }).select('service_tickets.ticket_id');
    called = called.where('ticket_id', 'in', visible);
  }
  const callbackRows = await called
    .select([
      bucket.as('bucket'),
      sql<number | string>`count(*)`.as('callbacks'),
      sql<number | string>`sum(satisfaction)`.as('satisfaction_sum'),
      count(sql`satisfaction = 1`).as('s1'),
      count(sql`satisfaction = 2`).as('s2'),
      count(sql`satisfaction = 3`).as('s3'),
      count(sql`satisfaction = 4`).as('s4'),
      count(sql`satisfaction = 5`).as('s5'),
    ])
    .groupBy(bucket)
    .execute();
  const reopenRows = await filteredTickets(db, tenantId, { scope: query.scope })
    .select([
      bucket.as('bucket'),
      count(sql`closed_at is not null`).as('closed'),
      count(sql`reopen_count > 0`).as('reopened'),
    ])
    .groupBy(bucket)
    .execute();
  const keyOf = (value: string | null | undefined): string => bucketName(value) ?? '\u0000';
  const callbacksBy = new Map(callbackRows.map((row) => [keyOf(row.bucket), row]));
  const reopensBy = new Map(reopenRows.map((row) => [keyOf(row.bucket), row]));
  const keys = new Set([...callbacksBy.keys(), ...reopensBy.keys()]);
  const buckets: CsatBucketView[] = [...keys].map((key) => {
    const c = callbacksBy.get(key);
    const r = reopensBy.get(key);
    const callbacks = Number(c?.callbacks ?? 0);
    const closed = Number(r?.closed ?? 0);
    const reopened = Number(r?.reopened ?? 0);
    return {
      bucket: bucketName(c ? c.bucket : r?.bucket),
      callbacks,
      // Integer arithmetic on the sum: hundredths, rounded, never a float stored or sent.
      averageSatisfactionHundredths:
        callbacks === 0 ? null : Math.round((Number(c?.satisfaction_sum ?? 0) * 100) / callbacks),
      distribution: {
        1: Number(c?.s1 ?? 0),
        2: Number(c?.s2 ?? 0),
        3: Number(c?.s3 ?? 0),
        4: Number(c?.s4 ?? 0),
        5: Number(c?.s5 ?? 0),
      },
      closed,
      reopened,
      reopenRateBp: basisPoints(reopened, closed),
    };
  });
  return { groupBy: query.groupBy, buckets: buckets.sort(byBucket) };
}
