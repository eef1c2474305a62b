import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SlaClockName } from '../domain/service-vocabulary.js';
import { breachInstantOf, clockOf } from './service-tickets.fold.js';
import type { ServiceTicketRow } from './service-tickets.table.js';

const flag = (value: number | string | null): boolean => Number(value) === 1;
const parseList = (json: string): string[] => JSON.parse(json) as string[];

/** One SLA clock of a ticket, as its latest plan says. Durations in business milliseconds. */
export class SlaClockView {
  @ApiProperty({ enum: ['running', 'paused', 'stopped'] }) state!: string;
  @ApiProperty() targetMs!: number;
  @ApiProperty({ description: 'Business time used as of the latest plan' }) elapsedMs!: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Null while paused or stopped, or passed' })
  warnAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Null while paused or stopped, or passed' })
  breachAt!: string | null;
  @ApiProperty({ description: 'Warned under the current plan' }) warned!: boolean;
  @ApiProperty({ description: 'Breached under the current plan' }) breached!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When it was met (first response, resolution)' })
  metAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'Met within its target; null while not met' })
  withinTarget!: boolean | null;
}

/** A ticket as the lists, queues and customer histories show it. */
export class TicketView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['open', 'waiting', 'resolved', 'closed'] }) status!: string;
  @ApiProperty({ enum: ['P1', 'P2', 'P3', 'P4'] }) priority!: string;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['high', 'medium', 'low'] }) impact!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['high', 'medium', 'low'] }) urgency!: string | null;
  @ApiProperty({ enum: [1, 2, 3] }) line!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) group!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) engineer!: string | null;
  @ApiProperty() channel!: string;
  @ApiProperty() account!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) contractId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) product!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) category!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty() acceptedAt!: string;
  @ApiProperty() acceptedBy!: string;
  @ApiProperty({ type: () => SlaClockView }) response!: SlaClockView;
  @ApiProperty({ type: () => SlaClockView }) resolution!: SlaClockView;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The earliest breach instant of a running clock (past when breached); null: no clock runs',
  })
  breachAt!: string | null;
  @ApiProperty({ description: 'A running clock warned and not breached' }) atRisk!: boolean;
  @ApiProperty({ description: 'A clock breached' }) breached!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) respondedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The latest resolution' })
  resolvedAt!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Boolean,
    description: 'The latest resolution was within target (kept when reopened); null: never resolved',
  })
  resolvedWithinTarget!: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The latest closing' }) closedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The latest callback, 1–5' })
  satisfaction!: number | null;
  @ApiProperty() reopenCount!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) followUpOf!: string | null;
  @ApiProperty() policyId!: string;
  @ApiProperty() policyVersion!: number;
  @ApiProperty({ type: [String], description: 'The groups of its tasks' }) taskGroups!: string[];
  @ApiProperty({ type: [String], description: 'The engineers of its tasks' }) taskEngineers!: string[];
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Ticket stream revision the row reflects' }) revision!: number;
}

/** A queue item: a ticket with the time left to its earliest breach. */
export class TicketQueueItemView extends TicketView {
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Milliseconds from now to breachAt (negative: breached that long ago); null: no clock runs',
  })
  msToBreach!: number | null;
}

export class TicketPageView {
  @ApiProperty({ type: [TicketView] }) items!: TicketView[];
  @ApiProperty() limit!: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Send as cursor for the next page; null: last' })
  nextCursor!: string | null;
}

export class TicketQueuePageView {
  @ApiProperty({ type: [TicketQueueItemView] }) items!: TicketQueueItemView[];
  @ApiProperty() limit!: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Send as cursor for the next page; null: last' })
  nextCursor!: string | null;
}

function clockView(row: ServiceTicketRow, name: SlaClockName): SlaClockView {
  const clock = clockOf(row, name);
  return {
    state: clock.state,
    targetMs: Number(clock.target_ms),
    elapsedMs: Number(clock.elapsed_ms),
    warnAt: clock.warn_at,
    breachAt: clock.breach_at,
    warned: flag(clock.warned),
    breached: flag(clock.breached),
    metAt: clock.met_at,
    withinTarget: clock.within_target === null ? null : flag(clock.within_target),
  };
}

export function toTicketView(row: ServiceTicketRow): TicketView {
  return {
    id: row.ticket_id,
    status: row.status,
    priority: row.priority,
    impact: row.impact,
    urgency: row.urgency,
    line: Number(row.line),
    group: row.group_id,
    engineer: row.engineer_id,
    channel: row.channel,
    account: row.customer_account,
    contractId: row.contract_id,
    product: row.product,
    category: row.category,
    subject: row.subject,
    acceptedAt: row.accepted_at,
    acceptedBy: row.accepted_by,
    response: clockView(row, 'response'),
    resolution: clockView(row, 'resolution'),
    breachAt: row.next_breach_at,
    atRisk: flag(row.at_risk),
    breached: flag(row.breached),
    respondedAt: row.responded_at,
    resolvedAt: row.resolved_at,
    resolvedWithinTarget: row.resolved_within_target === null ? null : flag(row.resolved_within_target),
    closedAt: row.closed_at,
    satisfaction: row.satisfaction === null ? null : Number(row.satisfaction),
    reopenCount: Number(row.reopen_count),
    followUpOf: row.follow_up_of,
    policyId: row.policy_id,
    policyVersion: Number(row.policy_version),
    taskGroups: parseList(row.task_groups),
    taskEngineers: parseList(row.task_engineers),
    updatedAt: row.updated_at,
    revision: Number(row.revision),
  };
}

/** `now`: the clock's (`#ltc/clock`), never the machine's. */
export function toQueueItemView(row: ServiceTicketRow, now: Date): TicketQueueItemView {
  const instants = [clockOf(row, 'response'), clockOf(row, 'resolution')]
    .map(breachInstantOf)
    .filter((instant): instant is string => instant !== null);
  const next = instants.length > 0 ? Math.min(...instants.map((instant) => Date.parse(instant))) : null;
  return { ...toTicketView(row), msToBreach: next === null ? null : next - now.getTime() };
}
