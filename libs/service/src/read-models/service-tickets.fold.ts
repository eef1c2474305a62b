import { ERASED } from '#ltc/personal-data';
import type { SlaClockName } from '../domain/service-vocabulary.js';
import type { TicketAccepted, TicketEvent, TicketSlaPlanned } from '../domain/ticket.events.js';
import { NO_BREACH_KEY, type ServiceTicketAudienceRow, type ServiceTicketRow } from './service-tickets.table.js';

type Row = ServiceTicketRow;
type Changes = Partial<Omit<Row, 'tenant_id' | 'ticket_id'>>;

/** What a search for `q` matches: the subject and the customer's account, lower-cased once. */
export const ticketSearchTextOf = (subject: string, account: string): string => `${subject} ${account}`.toLowerCase();

/**
 * The row once the ticket's contact is erased, as a rebuild reads it (the key is gone, every
 * personal value `[erased]`): the subject, and the search text made of it. The contact's name,
 * email and phone are not in the row. Revision and times stay the ticket stream's.
 */
export const erasedContactRow = (row: Row): Row => ({
  ...row,
  subject: ERASED,
  search_text: ticketSearchTextOf(ERASED, row.customer_account),
});

/**
 * The row a ticket starts with. Its clocks are not planned yet: the two `TicketSlaPlanned` of
 * plan 1 that follow in the same append set them; until then they read as stopped at zero.
 */
export function acceptedTicketRow(tenantId: string, revision: bigint, event: TicketAccepted): Row {
  const d = event.data;
  const clock: ClockColumns = {
    state: 'stopped',
    plan: 0,
    target_ms: 0,
    elapsed_ms: 0,
    warn_at: null,
    breach_at: null,
    warned: 0,
    breached: 0,
    breached_at: null,
    met_at: null,
    within_target: null,
  };
  return withStanding({
    tenant_id: tenantId,
    ticket_id: d.ticketId,
    status: 'open',
    priority: d.grading.priority,
    impact: d.grading.impact,
    urgency: d.grading.urgency,
    // Every ticket starts on line 1, with nobody assigned.
    line: 1,
    group_id: null,
    engineer_id: null,
    channel: d.channel,
    customer_account: d.customer.account,
    contract_id: d.customer.contractId,
    product: d.product,
    category: d.category,
    subject: d.subject,
    accepted_at: d.at,
    accepted_by: d.by,
    ...prefixed('response', clock),
    ...prefixed('resolution', clock),
    next_breach_at: null,
    queue_key: NO_BREACH_KEY,
    at_risk: 0,
    breached: 0,
    responded_at: null,
    resolved_at: null,
    resolved_within_target: null,
    closed_at: null,
    satisfaction: null,
    reopen_count: 0,
    follow_up_of: d.followUpOf,
    policy_id: d.policy.policyId,
    policy_version: d.policy.version,
    task_groups: '[]',
    task_engineers: '[]',
    deal_team: JSON.stringify([...new Set(d.customer.dealTeam)].sort()),
    search_text: ticketSearchTextOf(d.subject, d.customer.account),
    updated_at: d.at,
    revision: revision.toString(),
  });
}

/**
 * The row after one later event of its ticket, from the row before and the event alone (so a
 * rebuild, however batched, writes the same row). Events that change nothing a row shows
 * (progress notes, plans, leads) still move `updated_at` and `revision`.
 */
export function ticketRowAfter(row: Row, event: Exclude<TicketEvent, TicketAccepted>, revision: bigint): Row {
  return withStanding({
    ...row,
    ...changesFor(row, event),
    // The event's own time (never the clock), so a rebuild writes the same row.
    updated_at: event.data.at,
    revision: revision.toString(),
  });
}

function changesFor(row: Row, event: Exclude<TicketEvent, TicketAccepted>): Changes {
  switch (event.type) {
    case 'TicketGraded':
      return {
        priority: event.data.grading.priority,
        impact: event.data.grading.impact,
        urgency: event.data.grading.urgency,
        category: event.data.category,
        product: event.data.product,
      };
    case 'TicketSlaPlanned':
      return plannedChanges(row, event);
    case 'TicketSlaWarned':
      return event.data.plan === clockOf(row, event.data.clock).plan ? prefixed(event.data.clock, { warned: 1 }) : {};
    case 'TicketSlaBreached':
      return event.data.plan === clockOf(row, event.data.clock).plan
        ? prefixed(event.data.clock, { breached: 1, breached_at: event.data.dueAt })
        : {};
    case 'TicketAssigned':
      return { line: event.data.line, group_id: event.data.owner.group, engineer_id: event.data.owner.engineer };
    case 'TicketEscalated':
    case 'TicketDeEscalated':
      return { line: event.data.toLine, group_id: event.data.owner.group, engineer_id: event.data.owner.engineer };
    case 'TicketResponded':
      return {
        responded_at: event.data.at,
        response_met_at: event.data.at,
        response_within_target: event.data.withinTarget ? 1 : 0,
      };
    case 'TicketWaitStarted':
      return { status: 'waiting' };
    case 'TicketWaitEnded':
      return { status: 'open' };
    case 'TicketResolved':
      return {
        status: 'resolved',
        resolved_at: event.data.at,
        resolved_within_target: event.data.withinTarget ? 1 : 0,
        resolution_met_at: event.data.at,
        resolution_within_target: event.data.withinTarget ? 1 : 0,
      };
    case 'TicketVerified':
      // A failed verification puts the ticket back to work; its resolution stands no longer.
      return event.data.passed ? {} : { status: 'open', resolution_met_at: null, resolution_within_target: null };
    case 'TicketClosed':
      return { status: 'closed', closed_at: event.data.at };
    case 'TicketCallbackRecorded':
      return { satisfaction: event.data.satisfaction };
    case 'TicketReopened':
      return {
        status: 'open',
        reopen_count: row.reopen_count + 1,
        resolution_met_at: null,
        resolution_within_target: null,
      };
    case 'TicketTaskOpened':
      return {
        task_groups: withMember(row.task_groups, event.data.owner.group),
        task_engineers: withMember(row.task_engineers, event.data.owner.engineer),
      };
    case 'TicketSlaPolicyReapplied':
      return { policy_id: event.data.policy.policyId, policy_version: event.data.policy.version };
    case 'TicketGroupLeadNotified':
    case 'TicketProgressRecorded':
    case 'ResolutionPlanProposed':
    case 'ResolutionPlanAssessed':
    case 'ResolutionPlanImplemented':
    case 'TicketFollowUpOpened':
    case 'TicketLeadSpawned':
    case 'ProductRequirementRaised':
    case 'TicketTaskCompleted':
    case 'TicketTaskOverdue':
      return {};
  }
}

/**
 * A new schedule of one clock. A warning or breach belongs to the plan it was raised under: a
 * plan that sets the instant ahead again (a re-grade to a longer target) clears it; a plan
 * without the instant (paused, stopped, or already passed) keeps it.
 */
function plannedChanges(row: Row, event: TicketSlaPlanned): Changes {
  const d = event.data;
  const before = clockOf(row, d.clock);
  if (d.plan < before.plan) return {};
  return prefixed(d.clock, {
    state: d.state,
    plan: d.plan,
    target_ms: d.targetMs,
    elapsed_ms: d.elapsedMs,
    warn_at: d.warnAt,
    breach_at: d.breachAt,
    warned: d.warnAt !== null ? 0 : before.warned,
    breached: d.breachAt !== null ? 0 : before.breached,
    breached_at: d.breachAt !== null ? null : before.breached_at,
  });
}

interface ClockColumns {
  state: string;
  plan: number;
  target_ms: number | string;
  elapsed_ms: number | string;
  warn_at: string | null;
  breach_at: string | null;
  warned: number;
  breached: number;
  breached_at: string | null;
  met_at: string | null;
  within_target: number | null;
}

export function clockOf(row: Row, clock: SlaClockName): ClockColumns {
  return {
    state: row[`${clock}_state`],
    plan: Number(row[`${clock}_plan`]),
    target_ms: row[`${clock}_target_ms`],
    elapsed_ms: row[`${clock}_elapsed_ms`],
    warn_at: row[`${clock}_warn_at`],
    breach_at: row[`${clock}_breach_at`],
    warned: Number(row[`${clock}_warned`]),
    breached: Number(row[`${clock}_breached`]),
    breached_at: row[`${clock}_breached_at`],
    met_at: row[`${clock}_met_at`],
    within_target: row[`${clock}_within_target`],
  };
}

type Prefixed<C extends SlaClockName, Columns> = { [K in keyof Columns & string as `${C}_${K}`]: Columns[K] };

/** A clock's columns under its names in the row (`response_state`, `resolution_plan`, …). */
function prefixed<C extends SlaClockName, Columns extends Partial<ClockColumns>>(
  clock: C,
  columns: Columns,
): Prefixed<C, Columns> {
  return Object.fromEntries(Object.entries(columns).map(([name, value]) => [`${clock}_${name}`, value])) as Prefixed<
    C,
    Columns
  >;
}

/** The instant a running clock breaches (or breached, once its plan no longer names it); null if it does not run. */
export function breachInstantOf(clock: ClockColumns): string | null {
  return clock.state === 'running' ? (clock.breach_at ?? clock.breached_at) : null;
}

/** What the queue orders by and the at-risk and breached flags, from the two clocks. */
function withStanding(row: Row): Row {
  const clocks = [clockOf(row, 'response'), clockOf(row, 'resolution')];
  const instants = clocks.map(breachInstantOf).filter((at): at is string => at !== null);
  const next = instants.length > 0 ? instants.reduce((a, b) => (a < b ? a : b)) : null;
  return {
    ...row,
    next_breach_at: next,
    queue_key: next ?? NO_BREACH_KEY,
    at_risk: clocks.some((c) => c.state === 'running' && c.warned === 1 && c.breached === 0) ? 1 : 0,
    breached: clocks.some((c) => c.breached === 1) ? 1 : 0,
  };
}

function withMember(json: string, member: string | null): string {
  if (member === null) return json;
  const members = JSON.parse(json) as string[];
  return members.includes(member) ? json : JSON.stringify([...members, member].sort());
}

/** The rows that say who sees the ticket (`canSeeTicket`'s audience), sorted so a rebuild writes the same ones. */
export function audienceRowsOf(row: Row): ServiceTicketAudienceRow[] {
  const groups = new Set([row.group_id, ...(JSON.parse(row.task_groups) as string[])]);
  const people = new Set([
    row.engineer_id,
    ...(JSON.parse(row.task_engineers) as string[]),
    ...(JSON.parse(row.deal_team) as string[]),
  ]);
  const rows = (kind: string, ids: Set<string | null>): ServiceTicketAudienceRow[] =>
    [...ids]
      .filter((id): id is string => id !== null)
      .sort()
      .map((id) => ({ tenant_id: row.tenant_id, member_kind: kind, member_id: id, ticket_id: row.ticket_id }));
  return [...rows('group', groups), ...rows('person', people)];
}
