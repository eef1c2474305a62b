import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { clockStanding, type ClockStanding } from '../domain/sla-clock.js';
import type { Ticket } from '../domain/ticket.state.js';
import type { VisibleTicket } from '../ticket-commands/ticket-audience.js';
import { ticketContactSubject } from '../ticket-personal-data.js';
import { summaryOf } from './ticket-timeline.js';

const OBJECT = { type: 'object', additionalProperties: true } as const;
const OBJECTS = { type: 'array', items: { type: 'object' } } as const;

export class ClockStandingView implements ClockStanding {
  @ApiProperty({ enum: ['response', 'resolution'] }) clock!: ClockStanding['clock'];
  @ApiProperty({ enum: ['running', 'paused', 'stopped'] }) state!: ClockStanding['state'];
  @ApiProperty({ description: 'The schedule this is (each re-plan counts one more)' }) plan!: number;
  @ApiProperty({ description: 'Business milliseconds allowed' }) targetMs!: number;
  @ApiProperty({ description: 'Business milliseconds used by now, pauses excluded' }) elapsedMs!: number;
  @ApiProperty({ description: 'Business milliseconds left (negative: past the target)' }) remainingMs!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) warnAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) breachAt!: string | null;
  @ApiProperty({ description: 'Warned and not yet breached' }) atRisk!: boolean;
  @ApiProperty() breached!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'When it was met' }) stoppedAt!: string | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) withinTarget!: boolean | null;
}

export class TicketTimelineEntryView {
  @ApiProperty() revision!: number;
  @ApiProperty({ example: 'TicketEscalated' }) type!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'Who acted: a person, or the system for timers' }) actor!: string;
  @ApiProperty({ example: 'Escalated line 1 → 2: firmware fault' }) summary!: string;
  @ApiProperty({ ...OBJECT, description: 'The event data' }) change!: Record<string, unknown>;
}

/** One of the customer's other tickets, as the detail lists them. */
export class PastTicketView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['open', 'waiting', 'resolved', 'closed'] }) status!: string;
  @ApiProperty({ enum: ['P1', 'P2', 'P3', 'P4'] }) priority!: string;
  @ApiProperty() subject!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) product!: string | null;
  @ApiProperty() acceptedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt!: string | null;
}

/** One ticket as it stands now, read from its own stream. */
export class TicketDetailView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['open', 'waiting', 'resolved', 'closed'] }) status!: string;
  @ApiProperty() channel!: string;
  @ApiProperty({ ...OBJECT, description: 'Account, contract, entitlement, warranty, deal team' }) customer!: object;
  @ApiProperty(OBJECT) contact!: object;
  @ApiProperty({
    example: 'ticket-4b0c6f0e-…',
    description:
      'The data subject of the ticket contact (name, email, phone, subject, description, notes and comments): for GET /data-subjects/{id}/export and POST /data-subjects/{id}/erase',
  })
  contactSubjectId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) product!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) category!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: ['P1', 'P2', 'P3', 'P4'] }) priority!: string;
  @ApiProperty({ ...OBJECT, description: 'Priority, impact, urgency and how it was reached' }) grading!: object;
  @ApiProperty({ enum: [1, 2, 3] }) line!: number;
  @ApiProperty({ ...OBJECT, description: 'Group and engineer' }) owner!: object;
  @ApiProperty({ ...OBJECT, description: 'The policy version the ticket keeps, with its calendar' }) policy!: object;
  @ApiProperty({ type: [ClockStandingView], description: 'Response and resolution, as they stand now' })
  clocks!: ClockStandingView[];
  @ApiProperty({ ...OBJECTS, description: 'Every pause of the clocks, across re-grades' }) pauses!: object[];
  @ApiPropertyOptional({ ...OBJECT, nullable: true }) waiting!: object | null;
  @ApiProperty(OBJECTS) plans!: object[];
  @ApiProperty({ ...OBJECTS, description: 'OLA tasks with due instants and on-time state' }) tasks!: object[];
  @ApiPropertyOptional({ ...OBJECT, nullable: true }) callback!: object | null;
  @ApiProperty() reopenCount!: number;
  @ApiProperty({ type: [String] }) spawnedLeads!: string[];
  @ApiProperty({ type: [String] }) productRequirements!: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) followUpOf!: string | null;
  @ApiProperty({ type: [String] }) followUps!: string[];
  @ApiProperty() acceptedAt!: string;
  @ApiProperty() acceptedBy!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) respondedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) resolvedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({
    type: [PastTicketView],
    description:
      "The customer's latest other tickets the caller may see (at most 5; GET /customers/{account}/tickets has them all)",
  })
  customerHistory!: PastTicketView[];
  @ApiProperty({ description: 'Stream revision (also the ETag)' }) revision!: number;
  @ApiProperty({ type: [TicketTimelineEntryView] }) timeline!: TicketTimelineEntryView[];
}

/** The detail of a ticket at `now`: its clocks measured on the calendar of the policy it keeps. */
export function ticketDetail(
  { ticket, revision, events }: VisibleTicket,
  now: Date,
  customerHistory: readonly PastTicketView[],
): TicketDetailView {
  const t: Ticket = ticket;
  return {
    id: t.ticketId,
    status: t.status,
    channel: t.channel,
    customer: t.customer,
    contact: t.contact,
    contactSubjectId: ticketContactSubject(t.ticketId),
    product: t.product,
    category: t.category,
    subject: t.subject,
    priority: t.grading.priority,
    grading: t.grading,
    line: t.line,
    owner: t.owner,
    policy: t.policy,
    clocks: [
      clockStanding(t.clocks.response, t.policy.calendar, now),
      clockStanding(t.clocks.resolution, t.policy.calendar, now),
    ],
    pauses: [...t.pauses],
    waiting: t.waiting,
    plans: [...t.plans],
    tasks: [...t.tasks],
    callback: t.callback,
    reopenCount: t.reopenCount,
    spawnedLeads: [...t.spawnedLeads],
    productRequirements: [...t.requirements],
    followUpOf: t.followUpOf,
    followUps: [...t.followUps],
    acceptedAt: t.acceptedAt,
    acceptedBy: t.acceptedBy,
    respondedAt: t.respondedAt,
    resolvedAt: t.resolvedAt,
    closedAt: t.closedAt,
    customerHistory: [...customerHistory],
    revision: Number(revision ?? -1n),
    timeline: events.flatMap(({ recorded, event }) =>
      event === undefined
        ? []
        : [
            {
              revision: Number(recorded.revision),
              type: event.type,
              at: (event.data as { at: string }).at,
              actor: recorded.metadata.actor?.userId ?? 'system',
              summary: summaryOf(event),
              change: event.data as unknown as Record<string, unknown>,
            },
          ],
    ),
  };
}
