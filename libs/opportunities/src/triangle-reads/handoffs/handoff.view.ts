import { ApiProperty } from '@nestjs/swagger';
import type { OpportunityHandoffRow } from '../projections/triangle-reads.tables.js';

/** One handoff as lists and inboxes show it; its age and time left are judged at the time of asking. */
export class HandoffView {
  @ApiProperty() opportunityId!: string;
  @ApiProperty({ description: 'The deal it belongs to' }) dealName!: string;
  @ApiProperty() handoffId!: string;
  @ApiProperty({ description: 'Who asked (the one leading then)' }) from!: string;
  @ApiProperty({ description: 'Who is asked to take the lead' }) to!: string;
  @ApiProperty({ enum: ['opportunity', 'bid', 'execution'] }) phase!: string;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ type: [String] }) openItems!: string[];
  @ApiProperty({ enum: ['pending', 'accepted', 'declined'] }) status!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ description: 'The acceptance target (OLA)' }) dueAt!: string;
  @ApiProperty({ description: 'When an unanswered handoff goes to the sales manager' }) escalateAt!: string;
  @ApiProperty({ nullable: true, type: String }) answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) secondsToAccept!: number | null;
  @ApiProperty({ nullable: true, type: String }) declineReason!: string | null;
  @ApiProperty({ description: 'HandoffOverdue was raised (the sponsor was told)' }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) overdueAt!: string | null;
  @ApiProperty({ description: 'HandoffEscalated was raised' }) escalated!: boolean;
  @ApiProperty({ nullable: true, type: String }) escalatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The sales manager it was escalated to' })
  escalatedTo!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The deal's sponsor" }) sponsor!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Seconds since the request, while pending' })
  ageSeconds!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Seconds until the due time while pending (negative: past it)',
  })
  secondsLeft!: number | null;
}

export class HandoffListView {
  @ApiProperty({ description: 'When age and time left were judged' }) asOf!: string;
  @ApiProperty({ type: [HandoffView], description: 'Oldest request first' }) items!: HandoffView[];
}

const seconds = (from: string, to: Date): number => Math.round((to.getTime() - Date.parse(from)) / 1000);

export function handoffView(row: OpportunityHandoffRow & { deal_name: string }, now: Date): HandoffView {
  const pending = row.status === 'pending';
  return {
    opportunityId: row.opportunity_id,
    dealName: row.deal_name,
    handoffId: row.handoff_id,
    from: row.from_id,
    to: row.to_id,
    phase: row.phase,
    notes: row.notes,
    openItems: JSON.parse(row.open_items) as string[],
    status: row.status,
    requestedAt: row.requested_at,
    dueAt: row.due_at,
    escalateAt: row.escalate_at,
    answeredAt: row.answered_at,
    secondsToAccept: row.seconds_to_accept === null ? null : Number(row.seconds_to_accept),
    declineReason: row.decline_reason,
    overdue: Number(row.overdue) === 1,
    overdueAt: row.overdue_at,
    escalated: Number(row.escalated) === 1,
    escalatedAt: row.escalated_at,
    escalatedTo: row.escalated_to,
    sponsor: row.sponsor_id,
    ageSeconds: pending ? seconds(row.requested_at, now) : null,
    secondsLeft: pending ? -seconds(row.due_at, now) : null,
  };
}

/** Overdue first (they need someone now), then the oldest request. */
export const overdueFirst = (a: HandoffView, b: HandoffView): number =>
  Number(b.overdue) - Number(a.overdue) || a.requestedAt.localeCompare(b.requestedAt);
