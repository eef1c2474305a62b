import { eventParser, type EventParser } from '#ltc/kernel';
import type { TicketEvent, TicketEventType } from './ticket.events.js';

/** Every ticket event type, as a record so the compiler refuses a new type that is left out. */
const TICKET_EVENTS: Record<TicketEventType, true> = {
  TicketAccepted: true,
  TicketGraded: true,
  TicketSlaPlanned: true,
  TicketSlaWarned: true,
  TicketSlaBreached: true,
  TicketGroupLeadNotified: true,
  TicketAssigned: true,
  TicketResponded: true,
  TicketEscalated: true,
  TicketDeEscalated: true,
  TicketProgressRecorded: true,
  TicketWaitStarted: true,
  TicketWaitEnded: true,
  ResolutionPlanProposed: true,
  ResolutionPlanAssessed: true,
  ResolutionPlanImplemented: true,
  TicketResolved: true,
  TicketVerified: true,
  TicketClosed: true,
  TicketCallbackRecorded: true,
  TicketReopened: true,
  TicketFollowUpOpened: true,
  TicketLeadSpawned: true,
  ProductRequirementRaised: true,
  TicketTaskOpened: true,
  TicketTaskCompleted: true,
  TicketTaskOverdue: true,
  TicketSlaPolicyReapplied: true,
};

/** Every ticket event type, for subscription filters. */
export const ALL_TICKET_EVENT_TYPES = Object.keys(TICKET_EVENTS) as TicketEventType[];

/** The one place stored events become ticket events; undefined for any other type. */
export const parseTicketEvent: EventParser<TicketEvent> = eventParser<TicketEvent>(TICKET_EVENTS);
