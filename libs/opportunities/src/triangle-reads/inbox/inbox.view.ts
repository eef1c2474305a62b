import { ApiProperty } from '@nestjs/swagger';
import { HandoffView } from '../handoffs/handoff.view.js';

/** A quote version waiting for a sales manager's approval of its discount. */
export class ApprovalView {
  @ApiProperty() opportunityId!: string;
  @ApiProperty() dealName!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'ISO 4217' }) currency!: string;
  @ApiProperty({ description: 'Total in integer minor units' }) totalMinor!: number;
  @ApiProperty({ description: 'Discount in integer minor units' }) discountMinor!: number;
  @ApiProperty({ description: 'Who asked (never the one who may approve it)' }) requestedBy!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ description: 'Seconds since the request' }) ageSeconds!: number;
}

/** An open deal the person works on: the seats they hold and whether they lead it. */
export class InboxDealView {
  @ApiProperty() opportunityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() pipelineId!: string;
  @ApiProperty() stageId!: string;
  @ApiProperty({ description: 'Who leads it now' }) leader!: string;
  @ApiProperty({ description: 'The person leads it' }) leading!: boolean;
  @ApiProperty({ type: [String], enum: ['ar', 'sr', 'fr', 'sponsor'], description: 'Seats the person holds' })
  seats!: string[];
}

/** An invoice past its due moment with money still open: the AR collects it. */
export class InvoiceOverdueView {
  @ApiProperty({ description: "The contract (the deal's id)" }) contractId!: string;
  @ApiProperty() invoiceId!: string;
  @ApiProperty({ description: 'ISO 4217' }) currency!: string;
  @ApiProperty({ description: 'Still open on it, integer minor units' }) openMinor!: number;
  @ApiProperty({ description: 'Due date, YYYY-MM-DD' }) dueOn!: string;
  @ApiProperty({ description: 'When it was flagged overdue' }) overdueSince!: string;
  @ApiProperty({ description: 'Whole days since the due date, as of `asOf`' }) daysOverdue!: number;
  @ApiProperty({ description: 'The latest reminder sent, in days after the due date; 0 before the first' })
  lastReminderDays!: number;
}

/** A person's inbox; every list puts overdue items first, then the oldest. */
export class InboxView {
  @ApiProperty({ description: 'Whose inbox' }) personId!: string;
  @ApiProperty({ description: 'When ages and time left were judged' }) asOf!: string;
  @ApiProperty({ description: 'Overdue handoffs in this inbox (waiting, sponsored or escalated)' })
  overdueCount!: number;
  @ApiProperty({ type: [HandoffView], description: 'Handoffs waiting for the person to accept or decline' })
  handoffs!: HandoffView[];
  @ApiProperty({ type: [HandoffView], description: 'Escalated handoffs the person was asked to step in on' })
  escalations!: HandoffView[];
  @ApiProperty({ type: [HandoffView], description: 'Overdue handoffs on deals the person sponsors' })
  sponsorAlerts!: HandoffView[];
  @ApiProperty({ type: [ApprovalView], description: 'Discount approvals the person may give' })
  approvals!: ApprovalView[];
  @ApiProperty({ type: [InboxDealView], description: 'Open deals the person leads' }) leading!: InboxDealView[];
  @ApiProperty({ type: [InboxDealView], description: 'Open deals where the person holds a seat' })
  triangle!: InboxDealView[];
  @ApiProperty({
    type: [InvoiceOverdueView],
    description: 'Overdue invoices the person collects as AR, oldest due first',
  })
  invoicesOverdue!: InvoiceOverdueView[];
}
